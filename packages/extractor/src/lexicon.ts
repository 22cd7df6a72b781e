/**
 * Word lists the extractor reads cues from. They describe English news language in general
 * (titles, organization heads, place words); none of them names what a test set contains.
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { fold } from '@kg/graph/contract';

// world-countries is CommonJS whose types describe an ES default export; load it the way Node does.
const countries = createRequire(import.meta.url)('world-countries') as Countries;

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s*\|\s*|\s+/).map((w) => w.toLowerCase()));

/** Capitalized or lowercase words that make the name after them a person's title. */
export const TITLE_WORDS = set(`
  president vice-president prime premier minister chancellor secretary general gen maj major col colonel lt
  lieutenant sgt sergeant capt captain adm admiral cmdr commander mr mrs ms miss dr prof professor sir dame lord lady king queen
  prince princess pope cardinal archbishop bishop rev sen senator rep representative gov governor mayor judge justice
  chief ceo cfo chairman chairwoman chair boss envoy ambassador spokesman spokeswoman spokesperson negotiator diplomat
  leader head director deputy speaker sheikh emir crown coach manager striker midfielder defender goalkeeper
  counterpart officer official adviser advisor aide analyst economist founder co-founder executive
  mp lawmaker attorney prosecutor inspector superintendent commissioner marshal
`);

/** Parties news names by one word or its adjective ("Tory leader", "Labour MP", "Republican senator"): organizations. */
export const PARTY_NAMES = set(`
  labour tory tories conservative conservatives democrat democrats republican republicans ukip snp
`);

/** Words that may stand inside a title before a name: "special envoy", "foreign minister". */
export const TITLE_MODIFIERS = set(`
  special senior top former acting interim deputy vice foreign defence defense interior finance economy trade
  prime lead chief first regional state national federal presidential military opposition party then new
  junior assistant executive managing general international shadow
`);

/** Last words of organization names. */
export const ORG_HEADS = set(`
  forces force army navy party ministry agency press council parliament union organization organisation bank
  company corporation corp inc ltd llc plc group committee commission university college institute association
  federation fund court assembly senate congress office department administration authority bureau
  service services club fc team league network news times post journal telegraph guardian herald tribune
  airlines airways railways motors technologies systems industries holdings partners foundation trust alliance
  front movement coalition command guard police cabinet government rada duma knesset bundestag
  tribunal board exchange reserve
  division brigade corps regiment battalion squadron wing fleet unit laboratory laboratories center centre
  railroad railway orchestra choir ensemble academy school hospital church museum library studios records
  magazine gazette broadcasting television radio llp gmbh ag sa
  chronicle inquirer enquirer examiner dispatch sentinel bulletin telegram statesman gleaner ledger observer
  co l.l.c l.l.p p.l.c s.a n.v b.v s.p.a a.g nv bv spa oyj
`);

/** First words of organization names ("Agence France-Presse", "Bank of England", "Deutsche Boerse"). */
export const ORG_STARTS = set(`agence bank banco university ministry department house deutsche`);

/**
 * What people are, as a sentence may open with it before their name ("Actor Tom Hanks said ..."): not
 * part of the name, and no office either (unlike TITLE_WORDS, it gives no role).
 */
export const DESCRIPTORS = set(`
  actor actress singer rapper producer comedian presenter novelist author writer poet playwright sprinter
  songwriter guitarist drummer dancer designer artist broadcaster filmmaker film-maker photographer
`);

/** Institutions named by one word that stand for an organization, as news writes them. */
export const INSTITUTIONS = set(`kremlin pentagon whitehall elysee vatican`);

/** Nouns that, before a name, say it is an organization: "oil companies Rosneft and Lukoil". */
export const ORG_CUES = set(`
  company companies firm firms broadcaster broadcasters agency agencies party parties group groups newspaper
  newspapers channel bank banks airline airlines carrier network operator giant maker manufacturer retailer
  club clubs team teams university ministry insurer lender startup conglomerate outlet publisher
  band bands label labels orchestra choir ensemble trio quartet duo franchise regiment unit
  regulator regulators watchdog portal carmaker carmakers automaker chipmaker drugmaker steelmaker planemaker
`);

/**
 * Names that many countries give their own bodies, made only of these words: "Labor Party", "National
 * Assembly", "Supreme Court", "Central Bank", "Foreign Ministry". The same name in articles about two
 * countries is two bodies (see nationalBody).
 */
const NATIONAL_BODY_WORDS = set(`
  national federal supreme constitutional high central democratic liberal labor labour conservative green
  greens socialist republican progressive people's peoples workers workers' communist united reform social
  christian popular radical free patriotic new independent electoral foreign interior justice finance
  defence defense health education
`);
const NATIONAL_BODY_HEADS = set(`party assembly parliament court senate congress council bank commission front alliance coalition ministry`);

/** A name of two words or more that many countries give a body of their own (NATIONAL_BODY_WORDS). */
export function nationalBody(name: string): boolean {
  const words = name.toLowerCase().replace(/’/g, "'").split(/\s+/);
  return words.length >= 2 && NATIONAL_BODY_HEADS.has(words.at(-1)!) && words.slice(0, -1).every((w) => NATIONAL_BODY_WORDS.has(w));
}

/** Nouns that, after a name, say it is a product: "ATACMS missiles", "Rafale fighter jets". */
export const PRODUCT_CUES = set(`
  missile missiles jet jets fighter warplane warplanes aircraft plane planes helicopter helicopters
  tank tanks drone drones rocket rockets launcher launchers howitzer howitzers rifle rifles submarine frigate
  smartphone smartphones phone phones console consoles laptop software chip chips
`);

/** Last words of names of events, competitions and works, which are neither persons nor places. */
export const EVENT_HEADS = set(`
  cup games olympics championship championships open tournament trophy prize award awards festival war
  campaign battle act bill day week series league derby marathon grand prix rally classic masters
  summit conference congress expo show album song film movie novel book edition index election elections referendum
`);

/** The last word of an event's or a law's name that no body's name ends with too ("Cup", "Act"; not "League"). */
export const isEventHead = (lower: string): boolean => EVENT_HEADS.has(lower) && !ORG_HEADS.has(lower);

/** A title word in the plural: "Senators", "Lawmakers". */
export const isTitlePlural = (lower: string): boolean => /(?<!s)s$/.test(lower) && TITLE_WORDS.has(lower.slice(0, -1)) && lower !== 'mps';

/**
 * Office holders in the plural, not a name: "Senators" (not "the Senators", a team), "Foreign Ministers"
 * (a title's modifier, then the title; not "Kaiser Chiefs" or "Investment Managers").
 * `words` lowercased, `before` the word before them.
 */
export function officeHolders(words: readonly string[], before: string | undefined): boolean {
  if (!isTitlePlural(words[words.length - 1]!)) return false;
  if (words.length === 1) return before !== 'the';
  return words.length === 2 && TITLE_MODIFIERS.has(words[0]!);
}

/** Last words of multi-word place names. */
export const PLACE_HEADS = set(`
  city county province state island islands river lake mountains mountain valley bay sea ocean gulf peninsula
  desert street road avenue square park bridge airport district region territory coast heights hills falls
  canyon forest strait channel harbour harbor village town dock docks playfield plaza pier reservoir canal castle
  palace stadium arena empire duchy kingdom caliphate sultanate emirate principality
`);

/** First words of place names: "Camp Howe", "Fort Worth", "Mount Kenya", "Lake Tahoe". */
export const PLACE_STARTS = set(`camp fort mount mt lake cape port isle glen`);

/** Words after a name that say a person: "Smith, who", speech verbs are in SPEECH_VERBS. */
export const PERSON_AFTER = set(`who whose`);

/** Words around a name that say it is a place. */
export const PLACE_BEFORE = set(`city town village region province capital county district port island oblast state suburb suburbs outskirts municipality commune parish hamlet neighbourhood neighborhood borough township settlement`);
export const PLACE_AFTER = set(`region regions province provinces oblast oblasts county district city town village island peninsula areas`);

/** Capitalized words that are never names: days, months, pronouns, a few abbreviations. */
export const NEVER_NAMES = set(`
  i mr mrs ms monday tuesday wednesday thursday friday saturday sunday january february march april june
  july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  tomorrow today yesterday tonight
  tv pow pows ceo ceos gdp pm am mp mps dna id ok pc sms covid hiv aids vat faq
  dvd dvds cd cds gmt bst hd hdtv p2p rfid uwb mp3 gps usb lcd dsl adsl wap pda pdas 3g voip iptv cgi iq dj djs r&b
`);

/** Function words: capitalized only because they start a sentence or a title, so not names there. */
export const NOT_NAMES = set(`
  i a an the this that these those there here it its he she they we you his her their our your my
  mr mrs ms monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  but and or if as at by for from in into of on to with while when where what who which why how after before
  although though however meanwhile also still yet so because since until unless despite during
  according following amid among about above below between under over earlier later last next
  more most many some several no not all any each every both either neither other another
  comments follow related read share advertisement photo video image copyright
  tomorrow today yesterday tonight
  tv pow pows ceo ceos gdp pm am mp mps dna id ok pc sms covid hiv vat faq
`);

/** Verbs that introduce speech. */
export const SPEECH_VERBS = set(`
  said says say told tells added adds stated states insisted insists warned warns wrote writes tweeted posted
  declared declares announced announces explained explains noted notes argued argues claimed claims
  replied asked urged stressed confirmed denied acknowledged spoke speaks responded admitted suggested recalled emphasized emphasised
  remarked remarks shouted shouts cautioned cautions
`);

export interface Country {
  /** The name used for the id: the gazetteer's common English name. */
  readonly key: string;
  readonly names: readonly string[];
  readonly demonyms: readonly string[];
  readonly capitals: readonly string[];
}

/** Common English names the gazetteer does not list as alternatives. */
const EXTRA_COUNTRY_NAMES: Record<string, readonly string[]> = {
  USA: ['America', 'U.S.', 'U.S.A.', 'United States'],
  GBR: ['Britain', 'Great Britain', 'UK', 'U.K.'],
  TUR: ['Turkey'],
  NLD: ['Holland'],
  CZE: ['Czech Republic'],
  CIV: ['Ivory Coast'],
  MMR: ['Burma'],
  SWZ: ['Swaziland'],
  MKD: ['Macedonia'],
  KOR: ['South Korea'],
  PRK: ['North Korea'],
  // News (AP, Reuters) writes "Congo" for the Democratic Republic, "Republic of Congo" for its neighbour.
  COD: ['DR Congo', 'DRC', 'Congo', 'Congo-Kinshasa'],
  COG: ['Republic of Congo', 'Congo Republic', 'Congo-Brazzaville'],
  ARE: ['UAE', 'Emirates'],
};

/** Historical and transliterated place names that are the same place. */
export const PLACE_VARIANTS: Record<string, string> = {
  kiev: 'Kyiv',
  kharkov: 'Kharkiv',
  odessa: 'Odesa',
  lvov: 'Lviv',
  dnepr: 'Dnipro',
  nikolaev: 'Mykolaiv',
  zaporozhye: 'Zaporizhzhia',
  donbass: 'Donbas',
  bombay: 'Mumbai',
  peking: 'Beijing',
  calcutta: 'Kolkata',
  madras: 'Chennai',
  rangoon: 'Yangon',
  saigon: 'Ho Chi Minh City',
};

/** States that are no more, which news still names (the country gazetteer lists today's): name -> its usual name. */
export const FORMER_STATES: Record<string, string> = {
  'soviet union': 'Soviet Union',
  ussr: 'Soviet Union',
  'u.s.s.r.': 'Soviet Union',
  yugoslavia: 'Yugoslavia',
  czechoslovakia: 'Czechoslovakia',
  'east germany': 'East Germany',
  'west germany': 'West Germany',
};

/** Continents and large regions, and the nations of the United Kingdom (England is not the UK: its own place, and its own team). */
export const REGIONS = set(`europe asia africa america americas oceania antarctica arctic balkans caucasus scandinavia
  siberia england scotland wales`);
export const MULTIWORD_REGIONS = ['Middle East', 'Latin America', 'South America', 'North America', 'Central Asia', 'Northern Ireland',
  'Eastern Europe', 'Western Europe', 'West Bank', 'Gaza Strip', 'Southeast Asia', 'East Asia', 'Black Sea', 'Red Sea'];

function buildCountries(): { byName: Map<string, Country>; byDemonym: Map<string, Country>; capitals: Map<string, Country>; byCode: Map<string, Country> } {
  const byName = new Map<string, Country>();
  /** By ISO 3166 two-letter code (GeoNames' places give theirs so). */
  const byCode = new Map<string, Country>();
  const byDemonym = new Map<string, Country>();
  const capitals = new Map<string, Country>();
  // A demonym shared by several entries ("American") belongs to the largest of them.
  const bySize = [...countries].sort((a, b) => b.area - a.area);
  for (const c of bySize) {
    const extra = EXTRA_COUNTRY_NAMES[c.cca3] ?? [];
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 2), ...extra];
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d);
    const country: Country = { key: c.name.common, names, demonyms, capitals: c.capital };
    for (const n of names) if (!byName.has(fold(n))) byName.set(fold(n), country);
    for (const d of demonyms) if (!byDemonym.has(fold(d))) byDemonym.set(fold(d), country);
    for (const cap of c.capital) if (!capitals.has(fold(cap))) capitals.set(fold(cap), country);
    if (c.cca2 && !byCode.has(c.cca2)) byCode.set(c.cca2, country);
  }
  return { byName, byDemonym, capitals, byCode };
}

export const GAZETTEER = buildCountries();

/** Extra demonyms news uses that the gazetteer lacks. */
export const EXTRA_DEMONYMS: Record<string, string> = { british: 'United Kingdom', english: 'United Kingdom', scottish: 'United Kingdom', welsh: 'United Kingdom', dutch: 'Netherlands', emirati: 'United Arab Emirates', bosnian: 'Bosnia and Herzegovina', serb: 'Serbia', croat: 'Croatia', kyrgyz: 'Kyrgyzstan' };

/** A word that describes the name after it: "Washington-based", "NATO-led", "Indian-controlled", "PlayStation-maker". */
export const DESCRIBED = /^[^-]+-(?:\p{Ll}+(?:ed|ing)|maker|makers|born|run|style|era|wide|like)$/u;
