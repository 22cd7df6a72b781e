/**
 * Names in one document: find capitalized runs, strip titles, type them from cues and gazetteers,
 * and join the surface forms that name the same thing inside the document.
 */
import { fold, type EntityType } from '@kg/graph/contract';
import { isClubWord, isGivenName, orgKind, placePopulation, regionCountry } from './names-gazetteer.js';
import {
  DESCRIBED,
  EVENT_HEADS,
  EXTRA_DEMONYMS,
  GAZETTEER,
  INSTITUTIONS,
  isEventHead,
  isTitlePlural,
  officeHolders,
  FORMER_STATES,
  MULTIWORD_REGIONS,
  NEVER_NAMES,
  NOT_NAMES,
  ORG_CUES,
  PARTY_NAMES,
  ORG_HEADS,
  DESCRIPTORS,
  ORG_STARTS,
  PLACE_AFTER,
  PLACE_BEFORE,
  PLACE_HEADS,
  PLACE_STARTS,
  PLACE_VARIANTS,
  PERSON_AFTER,
  PRODUCT_CUES,
  REGIONS,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
  TITLE_WORDS,
} from './lexicon.js';
import { escapeRegExp, type Tokenized, type Word } from './tokens.js';
import { isMonthName } from './when.js';

/** A thing named in the document, before ids are given. */
export interface LocalEntity {
  /** Folded key that identifies it inside the document. */
  key: string;
  type: EntityType;
  name: string;
  surfaces: Set<string>;
  mentions: { start: number; end: number; word: number; sentence: number }[];
  merges: { alias: string; reason: string }[];
}

/** A reference to an entity at a place in the text: a name, or a nationality adjective for its country. */
export interface Ref {
  readonly key: string;
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
  readonly kind: 'name' | 'demonym';
}

/** A title tied to a named person: "Kremlin spokesman" with its holder "Kremlin". */
export interface RoleClaim {
  readonly person: string;
  readonly holder: string | undefined;
  readonly holderText?: string | undefined;
  readonly role: string;
  readonly sentence: number;
}

/** Who wrote or contributed to the article: kept apart from the actors of the news. */
export interface Byline {
  readonly name: string;
  readonly agency?: string;
  readonly start: number;
  readonly end: number;
}

export interface DocumentEntities {
  readonly entities: Map<string, LocalEntity>;
  readonly refs: Ref[];
  readonly roles: RoleClaim[];
  readonly bylines: Byline[];
  /**
   * Names in prose the rules could not type, shaped like a person's (two or three capitalized words, no
   * title, place, nationality or organization word): "Xi Jinping". The parser reads each as one word, and
   * what the sentence does with it may type it (see typeFromGrammar in relations.ts).
   */
  readonly untyped: { first: number; last: number; sentence: number; name: string }[];
}

/** Adds a mention of an entity (made when new) to a document's entities and references. */
export function addEntityMention(doc: Pick<DocumentEntities, 'entities' | 'refs'>, text: string, words: readonly Word[], e: { key: string; type: EntityType; name: string }, first: number, last: number, sentence: number, reason: string): void {
  const surface = textOf(text, words, first, last);
  let got = doc.entities.get(e.key);
  if (!got) {
    got = { key: e.key, type: e.type, name: e.name, surfaces: new Set(), mentions: [], merges: [] };
    doc.entities.set(e.key, got);
  }
  if (!got.surfaces.has(surface)) {
    got.surfaces.add(surface);
    if (fold(surface) !== fold(got.name)) got.merges.push({ alias: surface, reason });
  }
  got.mentions.push({ start: words[first]!.start, end: words[last - 1]!.end, word: first, sentence });
  doc.refs.push({ key: e.key, first, last, sentence, kind: 'name' });
}

type LineKind = 'text' | 'boilerplate' | 'byline';

const BOILERPLATE_START = /^(?:Follow|Read more|Related|Related articles|Comments|Share|Advertisement|Sign up|Subscribe|Click here|This article was|Copyright|All rights reserved)\b/i;

/**
 * What a sentence is on the page: news text, page furniture (hashtag lines, tag lists, "Follow ...
 * coverage at ...", "Comments"), or a byline ("Ania TSOUKANOVA/AFP", "By ...", "... contributed to this report").
 */
function lineKind(text: string, words: readonly Word[], first: number, last: number, edge: boolean): LineKind {
  const ws = words.slice(first, last);
  if (ws.length === 0) return 'text';
  const line = text.slice(ws[0]!.start, ws[ws.length - 1]!.end);
  // Bylines and tag lists stand at the top or the bottom of an article (`edge`).
  if (edge && /\/\s*[A-Z][A-Za-z]{1,12}$/.test(line) && !/\s(?:is|was|said|will|has)\s/.test(line) && ws.length <= 8) return 'byline';
  if (edge && /^By\s+\p{Lu}/u.test(line) && ws.length <= 12) return 'byline';
  if (/\bcontributed to this (?:report|story|article)\b/i.test(line)) return 'byline';
  // "#Zelenskyy #visit" (hashtags), not "# 1 Texas" (numbers).
  if (ws.filter((w) => /^#\p{L}/u.test(w.text)).length >= 2) return 'boilerplate';
  if (edge && BOILERPLATE_START.test(line) && ws.length <= 25) return 'boilerplate';
  // "Ukraine, Zelenskyy, Turkey, Russia, negotiations": a list of tags, no verb, no sentence end.
  const items = line.split(',').map((x) => x.trim());
  if (edge && items.length >= 3 && items.every((x) => x.split(/\s+/).length <= 3) && !ws.some((w) => w.pos === 'VERB' || w.pos === 'AUX') && !/[.!?]$/.test(line)) return 'boilerplate';
  return 'text';
}


const CAPITAL = /^\p{Lu}/u;
const ACRONYM = /^[A-Z][A-Z&]{1,6}$/;
const DOTTED = /^(?:[A-Z]\.){2,4}$/;
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Titles given by companies and clubs, not by countries or towns. */
const BODY_TITLES = new Set(['chairman', 'chairwoman', 'ceo', 'cfo', 'coo', 'cto', 'founder', 'co-founder', 'cofounder', 'boss', 'owner', 'manager', 'coach', 'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'analyst', 'economist']);
/** The words of a government portfolio in a title ("of State", "of Foreign Affairs", "of the Interior"). */
const PORTFOLIOS = new Set(
  'state defense defence foreign affairs finance health justice interior treasury commerce energy agriculture education labor labour transportation transport homeland security war economy economic trade culture environment home internal external veterans housing industry information communications tourism sport sports science technology immigration'.split(' '),
);

/** Acronyms that are words of the news, in capitals only: "AI" (not "Ai Sugiyama"). */
const NEVER_CAPS = new Set(['AI']);
/** A capitalized word that is never a name (NEVER_NAMES, and NEVER_CAPS as written). */
const neverName = (text: string): boolean => NEVER_NAMES.has(bare(text)) || NEVER_CAPS.has(text);

const CONNECTORS = new Set(['of', 'de', 'du', 'da', 'del', 'van', 'von', 'der', 'bin', 'al', 'el', 'la', 'le']);
const bare = (w: string): string => w.toLowerCase().replace(/\.$/, '');
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'mx']);

/** Words that open a surname of several words ("van Persie", "De Niro", "da Silva", "El Guerrouj"). */
const SURNAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'della', 'der', 'den', 'le', 'la', 'el', 'al', 'lo', 'du', 'dos', 'das', 'ter', 'ten']);

/** A word shaped like part of a name: a capital, then letters, apostrophes, periods or hyphens. */
const nameShaped = (w: Word): boolean => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w.text);
const isCap = (w: Word): boolean => CAPITAL.test(w.text) && /\p{L}/u.test(w.text);
const isTitle = (w: Word | undefined): boolean => !!w && TITLE_WORDS.has(bare(w.text));
const isTitlish = (w: Word | undefined): boolean => !!w && (TITLE_WORDS.has(bare(w.text)) || TITLE_MODIFIERS.has(bare(w.text)));

export interface PlaceMatch {
  key: string;
  name: string;
  reason: string;
  /** Set when the place is known only as a first-level region (a state, a county, a district) of this country. */
  regionOf?: string;
}

/** A place the gazetteer knows: countries with their other names, capitals, regions, known variants. */
export function lookupPlace(name: string): PlaceMatch | undefined {
  const f = fold(name);
  const country = GAZETTEER.byName.get(f);
  if (country) return { key: `country:${fold(country.key)}`, name: country.key, reason: 'a known name of the country' };
  const capital = GAZETTEER.capitals.get(f);
  if (capital) return { key: `place:${f}`, name, reason: 'same place name' };
  const variant = PLACE_VARIANTS[f];
  if (variant) return { key: `place:${fold(variant)}`, name: variant, reason: 'a known alternative name of the place' };
  const former = FORMER_STATES[f];
  if (former) return { key: `place:${fold(former)}`, name: former, reason: 'a state that is no more' };
  if (NATIONS.has(f)) return { key: `place:${f}`, name, reason: 'same place name' };
  const region = regionCountry(name);
  if (region) return { key: `place:${f}`, name, reason: `a region of ${region}`, regionOf: region };
  return undefined;
}

/** The country a nationality adjective points to ("Russian" -> Russia). */
export function lookupDemonym(word: string): PlaceMatch | undefined {
  const f = fold(word);
  // "Americans", "Ukrainians": the people of a country stand for it too.
  const c = GAZETTEER.byDemonym.get(f) ?? (f.endsWith('s') ? GAZETTEER.byDemonym.get(f.slice(0, -1)) : undefined);
  if (c) return { key: `country:${fold(c.key)}`, name: c.key, reason: 'nationality adjective' };
  const extra = EXTRA_DEMONYMS[f];
  if (extra) {
    const country = GAZETTEER.byName.get(fold(extra));
    if (country) return { key: `country:${fold(country.key)}`, name: country.key, reason: 'nationality adjective' };
  }
  return undefined;
}

interface Run {
  first: number;
  last: number; // exclusive
}

/** The last word of a public body's name, which may open with "X and Y" ("Food and Drug Administration"). */
const PUBLIC_BODY_HEADS = new Set(['authority', 'administration', 'commission', 'agency', 'service', 'board', 'council', 'committee', 'department', 'office', 'bureau', 'institute', 'executive', 'ministry', 'tribunal', 'directorate', 'inspectorate', 'survey', 'foundation', 'trust', 'court']);

/** Words that open a sentence before a title or a name without belonging to it. */
const LEADING_MODIFIERS = new Set(['former', 'ex', 'acting', 'interim', 'outgoing', 'erstwhile']);

/** Continents, large regions and the nations of the United Kingdom, folded (England is not the UK: its own place, and its own team). */
const NATIONS = new Set([...REGIONS, ...MULTIWORD_REGIONS.map((r) => fold(r))]);
const isNation = (name: string): boolean => NATIONS.has(fold(name));

/**
 * "TOFTIR, Faroe Islands 1996-08-31", "EL PASO, Texas": a dateline's town in capitals, then a date or a
 * place (not "KPMG, Fannie Mae's auditor, said": what follows the comma must be a place, not a possessor).
 */
function filedInCaps(text: string, words: readonly Word[], run: Run, sLast: number): boolean {
  if (!words.slice(run.first, run.last).every((w) => w.text === w.text.toUpperCase())) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(words[run.last]?.text ?? '')) return true;
  let k = run.last + 1;
  while (k < sLast && isCap(words[k]!)) k++;
  return words[run.last]?.text === ',' && k > run.last + 1 && !!lookupPlace(textOf(text, words, run.last + 1, k)) && !POSSESSIVE.has(words[k]?.text ?? '');
}

const COMPETES = new Set(['beat', 'beats', 'won', 'win', 'wins', 'lost', 'lose', 'loses', 'drew', 'draw', 'draws', 'defeated', 'scored', 'trailed', 'led', 'leads', 'rallied', 'clinched', 'finished', 'qualified', 'closed', 'reached', 'declared', 'batted', 'bowled', 'edged', 'thrashed', 'routed', 'swept', 'host', 'hosts', 'hosted']);
const STANDING = new Set(['lead', 'win', 'wins', 'victory', 'defeat', 'loss', 'losses', 'innings', 'coach', 'manager', 'captain', 'goalkeeper', 'striker', 'defence', 'defense', 'attack', 'squad', 'fans', 'season', 'title']);

/** "Milwaukee has won", "Surrey closed on 429", "Cleveland's lead": a name that plays (a team, in an article about matches). */
function competes(words: readonly Word[], run: Run): boolean {
  let k = run.last;
  if (POSSESSIVE.has(words[k]?.text ?? '')) return STANDING.has(words[k + 1]?.lower ?? '');
  if (/^(has|have|had|will|would|could)$/.test(words[k]?.lower ?? '')) k++;
  return COMPETES.has(words[k]?.lower ?? '');
}

const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'across', 'into', 'of', 'for', 'via', 'toward', 'towards', 'outside', 'inside', 'around', 'throughout', 'visit', 'visited', 'visits', 'visiting', 'and', 'or', ',']);

/**
 * "Jordan said", "Jordan defends his decision", "Jordan, whose film": a word that speaks, acts on what is
 * his or hers, or is described as people are (not "in Jordan", "London played host").
 */
function actsAsPerson(words: readonly Word[], run: Run): boolean {
  const [prev, next, next2] = [words[run.first - 1], words[run.last], words[run.last + 1]];
  if (!next || (prev && LOCATIVE.has(prev.lower))) return false;
  if (next.text === ',' && /^(who|whose)$/.test(next2?.lower ?? '')) return true;
  if (next.pos !== 'VERB' && next.pos !== 'AUX') return false;
  if (SPEECH_VERBS.has(next.lower)) return true;
  for (let k = run.last + 1; k < run.last + 5 && words[k] && words[k]!.sentence === next.sentence; k++) if (/^(he|his|him|she|her|hers)$/.test(words[k]!.lower)) return true;
  return false;
}

/** "Hove : Sussex 363 ...": a name, a colon, then a side and its score (not "Bolton: Jaaskelainen, Hunt"). */
function isVenue(words: readonly Word[], run: Run): boolean {
  if (words[run.last]?.text !== ':') return false;
  let k = run.last + 1;
  while (words[k] && isCap(words[k]!)) k++;
  return k > run.last + 1 && /^\d/.test(words[k]?.text ?? '');
}

/** A company's legal designators among the organizations' last words. */
const COMPANY_HEADS = new Set(['co', 'corp', 'corporation', 'inc', 'ltd', 'llc', 'plc', 'sa', 'ag', 'nv', 'bv', 'spa', 'gmbh', 'company', 'group', 'holdings']);

const COMPASS = new Set(['north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower']);

/** "West, Central and South Darfur", "North and South Korea": a direction alone that shares the name at the end of its list. */
function compassOfList(words: readonly Word[], run: Run): boolean {
  if (run.last - run.first !== 1 || !COMPASS.has(words[run.first]!.lower)) return false;
  const joins = (w: Word | undefined): boolean => !!w && (w.text === ',' || w.lower === 'and' || w.lower === 'or');
  let k = run.last;
  if (!joins(words[k])) return false;
  while (joins(words[k]) || (words[k] && isCap(words[k]!) && COMPASS.has(words[k]!.lower) && joins(words[k + 1]))) k++;
  const w = words[k];
  const next = words[k + 1];
  return !!w && !!next && isCap(w) && COMPASS.has(w.lower) && isCap(next) && !COMPASS.has(next.lower) && next.sentence === w.sentence;
}

/** "Iranian State media", "Chinese State television": the nationality alone (the state's media are no place). */
function stateMedia(words: readonly Word[], run: Run): Run {
  const next = words[run.last];
  if (run.last - run.first !== 2 || words[run.first + 1]!.text !== 'State' || !lookupDemonym(words[run.first]!.text) || !next || !/^(media|television|tv|radio|news|broadcaster|agency|outlets?|press|newspapers?)$/i.test(next.text) || next.text !== next.lower) return run;
  return { first: run.first, last: run.first + 1 };
}

const GENITIVE_IN_NAMES = new Set(['people', 'peoples', 'women', 'children', 'men', 'workers', 'veterans', 'farmers']);

/** Whether a place's name of two to five words starts at `i` ("Democratic Republic of Congo", "United Arab Emirates"). */
function placeFrom(words: readonly Word[], i: number, to: number): boolean {
  let name = words[i]!.text;
  for (let k = i + 1; k < to && k < i + 5; k++) {
    const w = words[k]!;
    if (!isCap(w) && w.text !== 'of' && w.text !== 'the') return false;
    name += ` ${w.text}`;
    if (isCap(w) && lookupPlace(name)) return true;
  }
  return false;
}

/**
 * Words i..j name a person (a surname last, no body's or place's word, not titles alone) and "of" at j
 * is followed by a country's name or a body's (its head last): "King Abdullah of Jordan", "Paul Miller of
 * Thames Valley Police".
 */
function personOfBody(words: readonly Word[], i: number, j: number, to: number): boolean {
  const a = words.slice(i, j);
  if (a.every((w) => isTitlish(w)) || !nameShaped(a[a.length - 1]!) || isTitlish(a[a.length - 1])) return false;
  // (A person's: a title before the name, or a given name and a surname; not "Republic of Ireland", "Victims of Crime Trust".)
  const named = a.filter((w) => !isTitlish(w));
  if (!(a.some((w) => isTitle(w)) || (named.length >= 2 && isGivenName(named[0]!.text)))) return false;
  if (a.some((w) => ORG_HEADS.has(bare(w.text)) || PLACE_HEADS.has(bare(w.text)) || ORG_STARTS.has(w.lower) || lookupPlace(w.text)?.key.startsWith('country:') || lookupDemonym(w.text) || ACRONYM.test(w.text))) return false;
  let k = j + 1;
  while (k < to && isCap(words[k]!) && words[k]!.spaceBefore && !neverName(words[k]!.text)) k++;
  if (k === j + 1) return false;
  const b = words.slice(j + 1, k).map((w) => w.text).join(' ');
  return !!lookupPlace(b)?.key.startsWith('country:') || (k - j > 2 && ORG_HEADS.has(bare(words[k - 1]!.text)));
}

/** Maximal runs of capitalized words inside one sentence, joined by "of", hyphens and name particles. */
function findRuns(words: readonly Word[], from: number, to: number): Run[] {
  const runs: Run[] = [];
  let i = from;
  while (i < to) {
    const w = words[i]!;
    const startsSentence = i === from || /^["“‘(:—–-]$/.test(words[i - 1]!.text);
    // "65th Air Division", "139th Regiment", "65 Fighter Wing": an ordinal opens a unit's name, or a number
    // a military unit's.
    const cardinal = /^\d{1,3}$/.test(w.text);
    if ((/^\d+(?:st|nd|rd|th|d)$/.test(w.text) || cardinal) && words[i + 1] && isCap(words[i + 1]!) && i + 1 < to) {
      let j = i + 1;
      while (j < to && isCap(words[j]!) && words[j]!.spaceBefore) j++;
      if (cardinal ? MILITARY_UNITS.has(words[j - 1]!.text) : ORG_HEADS.has(bare(words[j - 1]!.text))) {
        runs.push({ first: i, last: j });
        i = j;
        continue;
      }
    }
    // "Former Scotland manager ...", "Ex-Downing Street ...": a capital that only starts the sentence.
    if (startsSentence && LEADING_MODIFIERS.has(w.lower) && i + 1 < to) {
      i += words[i + 1]!.text === '-' && !words[i + 1]!.spaceBefore ? 2 : 1;
      continue;
    }
    const nameNext = i + 1 < to && isCap(words[i + 1]!) && words[i + 1]!.spaceBefore && !NOT_NAMES.has(words[i + 1]!.lower);
    // "the All Progressives Congress", "All Nippon Airways": "All" capitalized inside a sentence, before a name, opens it.
    const opensName = w.text === 'All' && !startsSentence && nameNext;
    // "Jan Egeland", "Jan Kubis": a month's three-letter abbreviation that is a given name, before a name.
    const givenMonth = nameNext && /^\p{Lu}\p{Ll}{2}$/u.test(w.text) && isGivenName(w.text) && nameShaped(words[i + 1]!);
    // ("President of France Emmanuel Macron arrived": a title opening the sentence, then "of" and a name.)
    const titleOf = startsSentence && isTitle(w) && words[i + 1]?.lower === 'of' && i + 2 < to && isCap(words[i + 2]!);
    // ("Downing Street said": a street's name opening the sentence, whatever wink-nlp made of its first word.)
    const street = startsSentence && nameNext && /^(Street|Road|Avenue|Lane|Square)$/.test(words[i + 1]!.text);
    if (!isCap(w) || (neverName(w.text) && !givenMonth) || (NOT_NAMES.has(w.lower) && !opensName && !givenMonth) || (startsSentence && w.pos !== 'PROPN' && !ACRONYM.test(w.text) && !lookupPlace(w.text) && !lookupDemonym(w.text) && !placeFrom(words, i, to) && !titleOf && !street)) {
      i++;
      continue;
    }
    let j = i + 1;
    let forAt = 0;
    while (j < to) {
      const n = words[j]!;
      if (isCap(n) && !neverName(n.text) && n.spaceBefore) {
        j++;
        continue;
      }
      const after = words[j + 1];
      // "George F. Hauser": an initial's period inside a name.
      if (n.text === '.' && !n.spaceBefore && /^\p{Lu}$/u.test(words[j - 1]!.text) && after && isCap(after) && after.spaceBefore) {
        j += 1;
        continue;
      }
      // "Procter & Gamble", "Douglas & Lomason Co", "Schroder Wertheim & Co": names joined by an ampersand
      // (not two people, "Matt Lucas & David Walliams", nor two places, "Serbia & Montenegro").
      const people = isGivenName(w.text) && isGivenName(after?.text ?? '');
      const places = !!lookupPlace(words[j - 1]!.text) && !!after && !!lookupPlace(after.text);
      if (n.text === '&' && after && isCap(after) && !neverName(after.text) && !people && !places) {
        j += 2;
        continue;
      }
      // "People's Democratic Party", "Women's Institute", "Children's Hospital": a genitive of these words
      // inside a name (not "Biden's Cabinet").
      if (POSSESSIVE.has(n.text) && !n.spaceBefore && GENITIVE_IN_NAMES.has(words[j - 1]!.lower) && after && isCap(after) && after.spaceBefore && !neverName(after.text)) {
        j += 1;
        continue;
      }
      // "Saint-Germain", "Yong-hyun", "Jae-in": a hyphenated part of a name (not "Sharif-led", "Kremlin-backed").
      if (n.text === '-' && !n.spaceBefore && after && !after.spaceBefore && (/^[\p{Lu}\p{N}]/u.test(after.text) || (/^\p{Ll}+$/u.test(after.text) && !DESCRIBED.test(`x-${after.text}`)))) {
        j += 2;
        continue;
      }
      // "Institute for Fiscal Studies", "Department for Education", "Bank for International Settlements": a
      // body's head, "for" and what it is for, capitalized (not a team's: "Manchester United for Real Madrid").
      if (n.text === 'for' && after && isCap(after) && after.spaceBefore && !neverName(after.text) && FOR_HEADS.has(bare(words[j - 1]!.text)) && !lookupPlace(after.text)?.key.startsWith('country:')) {
        j += 2;
        forAt = j;
        continue;
      }
      // ("Department for Work and Pensions", "Department for Culture, Media and Sport": what it is for may be a list.)
      if (forAt > 0 && (n.lower === 'and' || (n.text === ',' && words[j + 2]?.lower !== 'the')) && after && isCap(after) && after.spaceBefore && !neverName(after.text)) {
        j += 2;
        continue;
      }
      // ("President Musharraf of Pakistan", "Paul Miller of Thames Valley Police": a person's name, then "of"
      // and a country or a body, are two names, as "Xóchitl Gálvez of the Broad Front" are; not "Bank of
      // England", "Duke of Edinburgh", "Lord Irvine of Lairg".)
      if (n.text === 'of' && after && isCap(after) && personOfBody(words, i, j, to)) break;
      if (CONNECTORS.has(n.text) && after && isCap(after) && !neverName(after.text)) {
        j += 2;
        continue;
      }
      // "Bosnia and Herzegovina", "Newcastle upon Tyne": a place's own name with a small word inside.
      if ((n.lower === 'and' || n.lower === 'upon') && after && isCap(after) && after.spaceBefore) {
        let k = j + 1;
        let place = 0;
        while (k < to && k - j <= 3 && isCap(words[k]!) && words[k]!.spaceBefore) {
          k++;
          if (lookupPlace(words.slice(i, k).map((x) => x.text).join(' '))) place = k;
        }
        if (place) {
          j = place;
          continue;
        }
      }
      const third = words[j + 2];
      // "Luis de la Fuente", "Musaad bin Mohammed al-Aiban": two particles, or an article glued by a hyphen.
      if (n.text !== 'of' && CONNECTORS.has(n.text) && after && third && isCap(third) && !neverName(third.text) && ((CONNECTORS.has(after.text) && after.text !== 'of') || (after.text === '-' && !after.spaceBefore && !third.spaceBefore))) {
        j += 3;
        continue;
      }
      // (Not two bodies, the one part of the other: "the IV Corps of the Army of the Potomac".)
      const partOf = j - i >= 2 && ORG_HEADS.has(bare(words[j - 1]!.text)) && ORG_HEADS.has(bare(words[j + 2]?.text ?? ''));
      if (n.text === 'of' && after?.text === 'the' && words[j + 2] && isCap(words[j + 2]!) && !partOf) {
        j += 3;
        continue;
      }
      // "Securities and Exchange Commission", "Food and Drug Administration": one word, "and", then a public
      // body's name of two or three words (not two names: "Barclays and Lloyds Bank", "Britain and the Bank of England").
      if (n.lower === 'and' && j - i === 1 && !lookupPlace(w.text) && !lookupDemonym(w.text) && !isGivenName(w.text) && !orgKind(w.text)) {
        let k = j + 1;
        while (k < to && k - j <= 3 && isCap(words[k]!) && words[k]!.spaceBefore && !neverName(words[k]!.text) && words[k]!.lower !== 'the') k++;
        if (k - j >= 3 && PUBLIC_BODY_HEADS.has(bare(words[k - 1]!.text)) && !(words[k]?.text === 'of')) {
          j = k;
          continue;
        }
      }
      break;
    }
    // 'Dwayne "The Rock" Johnson', 'Harold "Junior" Theriault': a given name, a nickname of one to three
    // capitalized words in quotes, then the rest of the name.
    if (isGivenName(w.text) && j - i <= 2 && /^["“]$/.test(words[j]?.text ?? '')) {
      let k = j + 1;
      while (k < to && k - j <= 3 && isCap(words[k]!)) k++;
      if (k > j + 1 && /^["”]$/.test(words[k]?.text ?? '') && words[k + 1] && isCap(words[k + 1]!) && nameShaped(words[k + 1]!) && !neverName(words[k + 1]!.text)) {
        j = k + 2;
        while (j < to && isCap(words[j]!) && words[j]!.spaceBefore && nameShaped(words[j]!)) j++;
      }
    }
    // "Channel 4", "BBC Radio 4", "PlayStation 2", "Xbox 360": a name numbered after one of these words
    // (not a score: "Channel 4 2-1").
    if (j < to && NUMBERED.has(words[j - 1]!.text) && /^(\d{1,3}|One|Two|Three|Four|Five)$/.test(words[j]!.text) && words[j]!.spaceBefore && !/^[-:–]|^\d/.test(words[j + 1]?.text ?? '')) j++;
    // "Amos Frumkin of the Hebrew University": a person's name, then the body they belong to.
    const of = words.slice(i, j).findIndex((x, k) => k > 0 && x.text === 'of');
    const right = words.slice(i + of + 1, j).filter((x) => x.text !== 'the');
    const rightLast = right[right.length - 1];
    // (Not a place's own name: "Democratic Republic of Congo".) "Benetton of Italy", "Kia Motor Corp of South
    // Korea": a name of a country's after "of" is the country, unless the name before is an institution's
    // ("Bank of Italy", "Government of India") or a title's ("King of Spain").
    const wholePlace = of > 0 && !!lookupPlace(words.slice(i, j).map((x) => x.text).join(' '));
    const lastBefore = of > 0 ? bare(words[i + of - 1]!.text) : '';
    // ("Voice of America", "Bank of America": "X of America" names bodies.)
    const rightName = right.map((x) => x.text).join(' ');
    const ofCountry = of >= 1 && of <= 4 && !wholePlace && !!lookupPlace(rightName)?.key.startsWith('country:') && rightName !== 'America' && (!ORG_HEADS.has(lastBefore) || COMPANY_HEADS.has(lastBefore)) && !words.slice(i, i + of).some((x) => isTitle(x) || isTitlish(x)) && !lookupPlace(words.slice(i, i + of).map((x) => x.text).join(' '));
    // ("Professor Amos Frumkin of the Hebrew University", "Dr Sue Black of the University of Westminster":
    // the titles before the name are the person's.)
    let named = i;
    while (named < i + of && isTitle(words[named])) named++;
    const splitsAtOf = ofCountry || (
      of - (named - i) >= 2 && of - (named - i) <= 3 && !ORG_HEADS.has(lastBefore) && !words.slice(named, i + of).some((x) => isTitle(x)) && !wholePlace &&
      (isGivenName(words[named]!.text) || (!!rightLast && (ORG_HEADS.has(bare(rightLast.text)) || ORG_STARTS.has(right[0]!.lower) || !!lookupPlace(rightName)))));
    // "Residents of Gaza City", "Thousands of Hamas fighters", "Leaders of the European Union": a plural
    // that only opens the sentence, then "of" and a name (not "Friends of the Earth": one word after "the").
    const plural = of === 1 && startsSentence && /\p{Ll}s$/u.test(w.text) && !ORG_HEADS.has(bare(w.text)) && right.length > 0 && !(words[i + 2]?.text === 'the' && right.length === 1);
    if (plural) {
      runs.push({ first: words[i + 2]?.text === 'the' ? i + 3 : i + 2, last: j });
    } else if (splitsAtOf) {
      runs.push({ first: i, last: i + of });
      const rest = words[i + of + 1]?.text === 'the' ? i + of + 2 : i + of + 1;
      if (rest < j) runs.push({ first: rest, last: j });
    } else runs.push({ first: i, last: j });
    i = j;
  }
  return runs;
}

/** Words that a number completes into a name: channels and stations (bodies), consoles and systems (products). */
const NUMBERED = new Map<string, EntityType>([
  ['Channel', 'Organization'],
  ['Radio', 'Organization'],
  ['PlayStation', 'Product'],
  ['Xbox', 'Product'],
  ['Windows', 'Product'],
]);

/** The heads of military units' names ("65 Fighter Wing", "3 Air Division"). */
const MILITARY_UNITS = new Set(['Division', 'Wing', 'Squadron', 'Group', 'Corps', 'Brigade', 'Regiment', 'Battalion', 'Fleet', 'Army']);

const QUOTE_MARK = /^["“”]$/;
const TITLE_SMALL_WORDS = new Set('a an the of in on at to for and or by with from is my your our its his her their me you we i'.split(' '));

/**
 * A name inside the quoted title of a work, not the whole of it: the words between the quotes around it
 * (at most ten, in its sentence) are all capitalized but small words, and a work's noun or a possessive
 * stands around them ("a cover of Siouxsie's "Cities in Dust"", "the song "Anarchy in Tokyo""). Speech in
 * quotes has words in lower case.
 */
function inQuotedTitle(words: readonly Word[], c: Run, sFirst: number, sLast: number): boolean {
  let open = c.first - 1;
  while (open >= sFirst && open > c.first - 10 && !QUOTE_MARK.test(words[open]!.text)) open--;
  let close = c.last;
  while (close < sLast && close < c.last + 10 && !QUOTE_MARK.test(words[close]!.text)) close++;
  if (open < sFirst || close >= sLast || !QUOTE_MARK.test(words[open]!.text) || !QUOTE_MARK.test(words[close]!.text)) return false;
  if (open === c.first - 1 && close === c.last) return false;
  // (The mark before is an opening one: an even number of marks before it in the sentence.)
  if (words.slice(sFirst, open).filter((w) => QUOTE_MARK.test(w.text)).length % 2 !== 0) return false;
  const inside = words.slice(open + 1, close).filter((w) => /\p{L}/u.test(w.text) && !POSSESSIVE.has(w.text));
  if (inside.length < 2 || !inside.every((w) => isCap(w) || TITLE_SMALL_WORDS.has(w.lower))) return false;
  // A work's, by what stands around it: "the song", "Siouxsie's", ", a single" (not a title a person takes,
  // "proclaimed himself "Protector of Mexico"", nor a motto, whose names are named).
  const around = [...words.slice(Math.max(sFirst, open - 4), open), ...words.slice(close + 1, close + 4)];
  return POSSESSIVE.has(words[open - 1]?.text ?? '') || around.some((w) => WORK_NOUNS.has(w.lower));
}

/** A product's nouns before its name (not "fighter", "tank": "Hamas fighter", "think tank Chatham House"). */
const PRODUCT_BEFORE = new Set('missile jet warplane aircraft plane helicopter drone rocket launcher howitzer rifle submarine frigate smartphone phone console laptop spacecraft probe satellite handset app vaccine'.split(' '));

/** What a quoted title can be the name of. */
const WORK_NOUNS = new Set('song songs single singles album albums track tracks film films movie movies book books novel novels play plays show shows programme program series game games record records poem opera musical hit hits cover covers version versions titled entitled'.split(' '));

/** Units written after a number ("30GB", "2GHz", "512K", "3G", "3D"). */
const UNIT = /^(?:[KMGTP]?B|[KMGT]?bps|[KMGT]?Hz|[kKMGT]?Wh?|mAh|[GDK]|MP|HP|AM|PM|BC|AD)$/;

/**
 * The word that opens a name at `first`: the digits before it when they are glued to it and stand
 * alone before ("3M", "6PR", "4Kids"; not "1,300M"), the Arabic article hyphened to it ("al-Qaeda",
 * "el-Sisi"; unless `article` is false), else `first` itself; -1 when digits make a quantity, not a name
 * ("30GB", "3G").
 */
function gluedOpening(words: readonly Word[], first: number, article = true): number {
  const w = words[first];
  const d = words[first - 1];
  if (!w || !d || w.spaceBefore || d.sentence !== w.sentence || !isCap(w) || neverName(w.text)) return first;
  const before = words[first - 2];
  if (article && d.text === '-' && !d.spaceBefore && before && /^(al|el)$/.test(before.text) && before.sentence === w.sentence) return first - 2;
  if (!/^\d{1,3}$/.test(d.text) || !(d.spaceBefore || !before || before.sentence !== d.sentence || /^["“‘(]$/.test(before.text))) return first;
  return UNIT.test(w.text.replace(/\.$/, '')) ? -1 : first - 1;
}

const textOf = (text: string, words: readonly Word[], first: number, last: number): string =>
  text.slice(words[first]!.start, words[last - 1]!.end);

interface Candidate {
  first: number;
  last: number;
  name: string;
  type: EntityType | undefined;
  /** Role text and holder(s) when a title names this person. */
  role?: { text: string; holder: Run | undefined; more?: Run[] };
  place?: PlaceMatch;
}

/** Split "Russia-Ukraine" or "Russian-Ukrainian" into its parts when each part is a place or a nationality. */
function splitHyphenated(words: readonly Word[], run: Run): Run[] | undefined {
  const parts: Run[] = [];
  let start = run.first;
  for (let k = run.first; k < run.last; k++) {
    if (words[k]!.text === '-') {
      parts.push({ first: start, last: k });
      start = k + 1;
    }
  }
  if (parts.length === 0) return undefined;
  parts.push({ first: start, last: run.last });
  const known = parts.every((p) => p.last - p.first === 1 && (lookupPlace(words[p.first]!.text) || lookupDemonym(words[p.first]!.text)));
  return known ? parts : undefined;
}

/**
 * Names found by a statistical tagger, by word span ("first:last", word indexes of the document), with
 * their type (undefined: a name, but not one kg keeps, such as a nationality or an event).
 */
export type TaggedNames = ReadonlyMap<string, EntityType | undefined>;

/**
 * The tagger, given what the rules decided for every word of the document as BILOU tags ("U-PER",
 * "B-ORG", ...; "C" for a capitalized run the rules could not type; "O" elsewhere), which it reads as
 * features, returns the names it finds.
 */
export type NameTagger = (ruleTags: readonly string[], worthTagging: (sentence: number) => boolean) => TaggedNames;

const RULE_CODE: Record<EntityType, string> = { Person: 'PER', Organization: 'ORG', Location: 'LOC', Product: 'PRD' };

export function findEntities(text: string, tok: Tokenized, tagger?: NameTagger): DocumentEntities {
  const { words, sentences } = tok;
  const entities = new Map<string, LocalEntity>();
  const refs: Ref[] = [];
  const roles: RoleClaim[] = [];
  const pending: { cand: Candidate; sentence: number; trustTagger: boolean }[] = [];
  /** One-word towns that open sentences and are common words of the article too (see below). */
  const openers = new Set<Candidate>();

  const addMention = (key: string, type: EntityType, name: string, first: number, last: number, sentence: number, reason?: string): void =>
    addEntityMention({ entities, refs }, text, words, { key, type, name }, first, last, sentence, reason ?? 'same name');

  const bylines: Byline[] = [];
  /** The words the article writes in lower case somewhere (so not only names), and how often. */
  const lowerWords = new Map<string, number>();
  for (const w of words) if (/^\p{Ll}/u.test(w.text)) lowerWords.set(w.lower, (lowerWords.get(w.lower) ?? 0) + 1);
  // Sentences whose names the tagger may decide: read as prose (not bylines, page furniture, headlines or capitals).
  const taggable = new Set<number>();
  const resultLines = new Set<number>();
  /** News lines in capitals ("SOCCER - PARMA SIGN CRESPO"), whose capitals say nothing of their own. */
  const capsLines = new Set<number>();
  /** The names that are a side of a match somewhere in the article (folded). */
  const sides = new Set<string>();
  // (Countries and the UK's nations are places whatever they play; "Hove : Sussex 363" heads a result with its venue.)
  const isTeamSide = (cand: Candidate, resultLine: boolean): boolean => !lookupPlace(cand.name)?.key.startsWith('country:') && !isNation(cand.name) && !isVenue(words, cand) && (resultLine || isMatchSide(words, cand) || isTransferClub(words, cand));
  /** The towns a story was filed from (its datelines): places, whatever else their name is in the article. */
  const filedFrom = new Set<Candidate>();
  // The edges of an article: its first lines, and what follows its last sentence (credits, tags, links).
  let tail = sentences.length;
  while (tail > 0 && !/[.!?"”’)]$/.test(words[sentences[tail - 1]!.last - 1]?.text ?? '')) tail--;
  const edgeFrom = Math.min(tail, sentences.length - 3);
  for (const s of sentences) {
    const kind = lineKind(text, words, s.first, s.last, s.index < 3 || s.index >= edgeFrom);
    if (kind === 'boilerplate') continue;
    if (kind === 'byline') {
      const agency = /\/\s*([A-Z][A-Za-z]{1,12})\s*$/.exec(text.slice(s.start, s.end))?.[1];
      for (const run of findRuns(words, s.first, s.last)) {
        const n = run.last - run.first;
        const ws = words.slice(run.first, run.last);
        if (n < 2 || n > 4 || lookupPlace(textOf(text, words, run.first, run.last)) || ws.some((w) => ORG_HEADS.has(bare(w.text)) || w.text === '/')) continue;
        if (agency && ws.some((w) => w.text === agency)) continue;
        bylines.push({ name: textOf(text, words, run.first, run.last).replace(/\s*\/.*$/, ''), ...(agency ? { agency } : {}), start: words[run.first]!.start, end: words[run.last - 1]!.end });
      }
      continue;
    }
    const headline = isHeadline(words, s.first, s.last);
    const allCaps = isAllCaps(words, s.first, s.last);
    if (allCaps) capsLines.add(s.index);
    if (!headline && !allCaps) taggable.add(s.index);
    const resultLine = isResultLine(words, s.first, s.last);
    if (resultLine) resultLines.add(s.index);
    const roster = isRosterLine(words, s.first, s.last);
    const runs = findRuns(words, s.first, s.last);
    for (const found of runs) {
      // "Singer Courtney Love", "Actor Tom Hanks": what the person is opens the sentence, outside the name.
      const raw = found.last - found.first >= 2 && DESCRIPTORS.has(words[found.first]!.lower) && words[found.first + 1]!.spaceBefore ? { first: found.first + 1, last: found.last } : found;
      const parts = (splitHyphenated(words, raw) ?? [raw]).map((r) => stateMedia(words, r));
      for (const run of parts) {
        if (compassOfList(words, run)) continue;
        const cand = analyse(text, words, run, { sFirst: s.first, sLast: s.last, allCaps });
        // "Mobile networks seek turbo boost ... As mobile phones ...": a one-word town that only opens
        // sentences, which the article also writes in lower case (twice or more: not "bilje", a word the
        // name comes from), is the common word (not a country's name; not "Orange", named inside a
        // sentence too: "mobile phone giant Orange").
        if (cand?.type === 'Location' && cand.last - cand.first === 1 && (cand.first === s.first || headline) && (lowerWords.get(words[cand.first]!.lower) ?? 0) >= 2 && !cand.place?.key.startsWith('country:')) openers.add(cand);
        // "Anarchy in Tokyo", "Live In Memphis": a name inside the quoted title of a work is part of the title.
        if (cand && inQuotedTitle(words, cand, s.first, s.last)) continue;
        // "3M", "6PR", "al-Qaeda": wink-nlp splits the digits or the article off the name; they are part of it.
        // (The article only for a name the rules typed: the tagger reads the others as wink-nlp split them.)
        const opens = cand ? gluedOpening(words, cand.first, !!cand.type) : 0;
        if (opens < 0) continue;
        if (cand && opens < cand.first) Object.assign(cand, { first: opens, name: textOf(text, words, opens, cand.last) });
        // Sports results ("CHICAGO 3 Atlanta 2", "Leicestershire beat Somerset"): sides without a person's
        // evidence are teams, organizations, even when named after their town (countries stay places).
        // (Not a side named as people are, "Novak Djokovic beat Carlos Alcaraz": two words with no place's or
        // body's word or plural, and no club the gazetteer lists; the tagger reads it.)
        if (cand && cand.type !== 'Person' && isTeamSide(cand, resultLine) && !(cand.type === undefined && playerShaped(words, cand, resultLine))) {
          cand.type = 'Organization';
          delete cand.place;
          sides.add(fold(cand.name));
        }
        // In a team sheet every name is a player's: "Cech, Ferreira, Gallas (Kezman 74), Terry, ..." (not
        // a place, a club, a company or an acronym the line may list).
        if (cand && roster && !lookupPlace(cand.name) && !orgKind(cand.name) && !isClubWord(cand.name) && !ACRONYM.test(cand.name) && words.slice(cand.first, cand.last).every(nameShaped)) {
          cand.type = 'Person';
          delete cand.place;
        }
        // (A dateline in capitals is a place whatever its word suggested: see filedInCaps.)
        if (cand && isDateline(text, words, run, s.first) && (!cand.type || cand.type === 'Location' || filedInCaps(text, words, run, s.last))) {
          delete cand.role;
          filedFrom.add(cand);
          cand.type = 'Location';
          cand.place = cand.place ?? lookupPlace(cand.name) ?? { key: `place:${fold(cand.name)}`, name: cand.name, reason: 'same place name' };
        }
        if (cand && headline && cand.type !== 'Location') cand.type = undefined;
        if (!cand || !cand.type) {
          if (run.last - run.first === 1) {
            const d = lookupDemonym(words[run.first]!.text);
            if (d) {
              const next = words[run.first + 1];
              // "American-supplied" describes, it does not act.
              if (!(next && next.text === '-' && !next.spaceBefore)) refs.push({ key: d.key, first: run.first, last: run.last, sentence: s.index, kind: 'demonym' });
            }
          }
          if (!cand) continue;
        }
        pending.push({ cand, sentence: s.index, trustTagger: !headline && !allCaps });
      }
    }
  }

  const namedInside = new Set(pending.filter(({ cand }) => !openers.has(cand) && cand.first > sentences[words[cand.first]!.sentence]!.first).map(({ cand }) => fold(cand.name)));
  for (let k = pending.length - 1; k >= 0; k--) if (openers.has(pending[k]!.cand) && !namedInside.has(fold(pending[k]!.cand.name))) pending.splice(k, 1);

  // "Asif Ali Zardari and Bilawal Bhutto Zardari": two full names side by side that end with the same word
  // and differ before it are two people of one family (not "the Heineken Cup and the Davis Cup": the word
  // is no plural, no event's or body's head, and the article never writes it in lower case).
  const personShaped = (c: Candidate): boolean => {
    const n = c.last - c.first;
    const last = words[c.last - 1]!;
    return n >= 2 && n <= 3 && (!c.type || c.type === 'Person') && !/s$/.test(last.text) && !lowerWords.has(last.lower) && !EVENT_HEADS.has(last.lower) &&
      words.slice(c.first, c.last).every((w) => nameShaped(w) && !ACRONYM.test(w.text) && !ORG_HEADS.has(bare(w.text)) && !lookupPlace(w.text) && !lookupDemonym(w.text) && !orgKind(w.text) && !isClubWord(w.text) && !isTitlish(w));
  };
  for (let k = 0; k + 1 < pending.length; k++) {
    const [a, b] = [pending[k]!, pending[k + 1]!];
    const gap = words.slice(a.cand.last, b.cand.first).map((w) => w.lower);
    if (gap.length !== 1 || (gap[0] !== 'and' && gap[0] !== ',') || !a.trustTagger || !personShaped(a.cand) || !personShaped(b.cand)) continue;
    if (words[a.cand.last - 1]!.lower !== words[b.cand.last - 1]!.lower || fold(a.cand.name) === fold(b.cand.name)) continue;
    a.cand.type = 'Person';
    b.cand.type = 'Person';
  }

  // News names a person in full once, then by surname: a full name whose last word comes back alone
  // elsewhere in the article is a person's.
  const alone = new Map<string, number>();
  for (const { cand } of pending) if (cand.last - cand.first === 1) alone.set(fold(cand.name), (alone.get(fold(cand.name)) ?? 0) + 1);
  for (const { cand } of pending) {
    const n = cand.last - cand.first;
    if (cand.type || n < 2 || n > 4) continue;
    const ws = words.slice(cand.first, cand.last);
    // (Not "EU Brexit": an acronym names no person; nor a headline's "Starbucks Snags Chipotle": a company.)
    if (!ws.every((w) => nameShaped(w) && !ACRONYM.test(w.text) && !ORG_HEADS.has(bare(w.text)) && !lookupPlace(w.text) && !lookupDemonym(w.text) && orgKind(w.text) !== 'company')) continue;
    if (EVENT_HEADS.has(bare(ws[n - 1]!.text)) || PLACE_HEADS.has(bare(ws[n - 1]!.text))) continue;
    if (alone.has(fold(ws[n - 1]!.text))) cand.type = 'Person';
  }

  /** The first words of what stands in brackets after such a person: where they come from or play for. */
  const affiliations = new Set<number>();
  // "Tommy Haas (Germany)", "Serge Betsen (Biarritz)": a given name and a surname, then a country, a
  // town or a club in brackets, as results, squads and line-ups name people.
  for (const { cand } of pending) {
    const n = cand.last - cand.first;
    if (cand.type || n < 2 || n > 3 || words[cand.last]?.text !== '(') continue;
    const ws = words.slice(cand.first, cand.last);
    // (A word that is only some country's district is a surname here: "Paul Koech", "Daniel Komen".)
    const notedPlace = (w: Word): boolean => { const p = lookupPlace(w.text); return !!p && !p.regionOf; };
    if (!ws.every((w) => nameShaped(w) && !ACRONYM.test(w.text) && !ORG_HEADS.has(bare(w.text)) && !notedPlace(w) && !lookupDemonym(w.text) && !orgKind(w.text))) continue;
    let k = cand.last + 1;
    while (k < cand.last + 4 && words[k] && isCap(words[k]!)) k++;
    // An unlisted given name ("Venuste Niyongabo (Burundi)") when the brackets hold a country.
    const country = !!lookupPlace(textOf(text, words, cand.last + 1, k))?.key.startsWith('country:');
    if (!isGivenName(ws[0]!.text) && !country) continue;
    // (Not a body and its initials: "Christian Medical Fellowship (CMF)".)
    if (k > cand.last + 1 && words[k]?.text === ')' && words[cand.last + 1]!.text !== initials(cand.name)) {
      cand.type = 'Person';
      affiliations.add(cand.last + 1);
    }
  }

  // "2. Lance Armstrong (U.S.) Motorola 2 seconds behind": a name right after them, before a time or a
  // score, is the team they ride or drive for.
  const personEnds = new Set(pending.filter(({ cand }) => cand.type === 'Person').map(({ cand }) => cand.last));
  const afterPersonAndCountry = (first: number): boolean => {
    if (words[first - 1]?.text !== ')') return false;
    let open = first - 2;
    while (open > first - 6 && open >= 0 && words[open]!.text !== '(') open--;
    return words[open]?.text === '(' && personEnds.has(open) && !!lookupPlace(textOf(text, words, open + 1, first - 1))?.key.startsWith('country:');
  };
  for (const { cand } of pending) {
    if ((cand.type && cand.type !== 'Person') || !/^\d/.test(words[cand.last]?.text ?? '') || lookupPlace(cand.name) || !afterPersonAndCountry(cand.first)) continue;
    cand.type = 'Organization';
    delete cand.role;
  }

  // "Jared Leto, Shannon Leto, Tomo Milicevic": a name-shaped item in a list of people is a person.
  const joined = (a: Candidate, b: Candidate): boolean => {
    const gap = words.slice(a.last, b.first).map((w) => w.lower);
    return gap.length >= 1 && gap.length <= 2 && gap.every((g) => g === ',' || g === 'and');
  };
  for (let k = 0; k < pending.length; k++) {
    const { cand } = pending[k]!;
    const n = cand.last - cand.first;
    if (cand.type || n < 2 || n > 3) continue;
    const ws = words.slice(cand.first, cand.last);
    if (!ws.every((w) => nameShaped(w) && !ORG_HEADS.has(bare(w.text)) && !lookupPlace(w.text) && !lookupDemonym(w.text))) continue;
    const prevCand = pending[k - 1]?.cand;
    const nextCand = pending[k + 1]?.cand;
    if ((prevCand?.type === 'Person' && joined(prevCand, cand)) || (nextCand?.type === 'Person' && joined(cand, nextCand))) cand.type = 'Person';
  }

  // The tagger completes the rules, reading their decisions as features: a name the rules typed keeps
  // its type and boundaries (on the evaluation sets the rules are the more precise where they decide);
  // a capitalized run they left untyped takes the tagger's type; names they did not see are added.
  /** The names whose type is the tagger's (not the rules'). */
  const fromTagger = new Set<Candidate>();
  if (tagger) {
    const ruleTags = words.map(() => 'O');
    for (const { cand } of pending) {
      const n = cand.last - cand.first;
      for (let k = cand.first; k < cand.last; k++) {
        if (!cand.type) ruleTags[k] = 'C';
        else ruleTags[k] = `${n === 1 ? 'U' : k === cand.first ? 'B' : k === cand.last - 1 ? 'L' : 'I'}-${RULE_CODE[cand.type]}`;
      }
    }
    // Only prose sentences with a name the rules left open, or a capitalized word outside the names they
    // typed, can take anything from the tagger: the others are not tagged (most of a long article's).
    const worth = new Set<number>();
    words.forEach((w, k) => {
      if (worth.has(w.sentence) || !taggable.has(w.sentence)) return;
      const t = ruleTags[k]!;
      // A capital that only opens a sentence or a common word ("The", "He") is no name; "WHO" may be.
      const common = /^\p{Lu}[^\p{Lu}]*$/u.test(w.text) && (NOT_NAMES.has(w.lower) || neverName(w.text));
      if (t === 'C' || (t === 'O' && /\p{Lu}/u.test(w.text) && !common)) worth.add(w.sentence);
    });
    const tagged = new Map(tagger(ruleTags, (s) => worth.has(s)));
    // "waiting on Sony and Nintendo to send kits": a name of the tagger's made of two of the rules' runs
    // joined by "and", each of which the article names alone and types elsewhere, is two names, each of
    // the type it has there (not "Marks and Spencer").
    const runAt = new Map(pending.map(({ cand }) => [cand.first, cand]));
    // (Named alone: the name, or a full name it ends, typed by the rules or outside any other name of the tagger's.)
    const inside = (c: Candidate): boolean => [...tagged.keys()].some((k) => {
      const [f, l] = k.split(':').map(Number) as [number, number];
      return f <= c.first && l >= c.last && l - f > c.last - c.first;
    });
    const elsewhere = (c: Candidate, first: number, last: number): Candidate[] => {
      const f = fold(c.name);
      return pending.map(({ cand }) => cand).filter((o) => (o.first >= last || o.last <= first) && (fold(o.name) === f || fold(o.name).endsWith(` ${f}`)) && (!!o.type || !inside(o)));
    };
    for (const [key, type] of [...tagged]) {
      const [first, last] = key.split(':').map(Number) as [number, number];
      const a = runAt.get(first);
      const b = a && words[a.last]?.lower === 'and' ? runAt.get(a.last + 1) : undefined;
      if (!a || !b || b.last !== last) continue;
      const typeOfName = (others: Candidate[]): EntityType | undefined => others.map((c) => c.type ?? tagged.get(`${c.first}:${c.last}`)).find((t) => t);
      const [inA, inB] = [elsewhere(a, first, last), elsewhere(b, first, last)];
      let [typeA, typeB] = [typeOfName(inA), typeOfName(inB)];
      // (Two one-word names, one of them typed as the whole by the rules elsewhere: "Sony and Nintendo" are two bodies.)
      const ruled = (others: Candidate[]): boolean => others.some((c) => c.type === type);
      if (a.last - a.first === 1 && b.last - b.first === 1 && (typeA ? !typeB && ruled(inA) : !!typeB && ruled(inB))) [typeA, typeB] = [type, type];
      if (!typeA || !typeB) continue;
      tagged.delete(key);
      tagged.set(`${a.first}:${a.last}`, typeA);
      tagged.set(`${b.first}:${b.last}`, typeB);
    }
    // Names the tagger reads as people that are not: what speaks of itself as "it" is a body ("Shell said its
    // profits doubled"), so is a name with a body's acronym in it ("NHS England warned"); a name that takes
    // "the" is no one's, unless a noun follows for what the person leads or did ("the Bush administration",
    // "the Michael Jackson trial"; not "the Louvre was closed", "the Kiwis won").
    for (const [key, type] of tagged) {
      if (type !== 'Person') continue;
      const [first, last] = key.split(':').map(Number) as [number, number];
      const itself = last - first <= 4 && (last - first === 1 || !isGivenName(words[first]!.text)) && SPEECH_VERBS.has(words[last]?.lower ?? '') && words[last]!.pos === 'VERB' && saysItDoes(words, last + 1);
      if (itself || (last - first >= 2 && bodyAcronymIn(words, first, last))) tagged.set(key, 'Organization');
      else if (words[first - 1]?.lower === 'the' && words[first - 1]!.sentence === words[first]!.sentence && words[last]?.pos !== 'NOUN') tagged.set(key, undefined);
    }
    const covered = new Set<number>();
    const kept: typeof pending = [];
    const exact = new Set<string>();
    for (const p of pending) {
      const k = `${p.cand.first}:${p.cand.last}`;
      if (!p.trustTagger || p.cand.type) {
        kept.push(p);
        for (let w = p.cand.first; w < p.cand.last; w++) covered.add(w);
        continue;
      }
      if (tagged.has(k)) {
        exact.add(k);
        const t = tagged.get(k);
        p.cand.type = t;
        fromTagger.add(p.cand);
        if (t === 'Location') p.cand.place = lookupPlace(p.cand.name) ?? { key: `place:${fold(p.cand.name)}`, name: p.cand.name, reason: 'same place name' };
        else delete p.cand.place;
        if (t !== 'Person') delete p.cand.role;
      } else p.cand.type = undefined; // the tagger saw the rules' type and found no name here
      const overlaps = [...tagged.keys()].some((key) => {
        const [f, l] = key.split(':').map(Number) as [number, number];
        return key !== k && f < p.cand.last && l > p.cand.first;
      });
      if (!overlaps) kept.push(p);
      for (let w = p.cand.first; w < p.cand.last; w++) if (!overlaps) covered.add(w);
    }
    // Names with other boundaries than the rules' runs, or outside any run.
    for (const [key, type] of tagged) {
      if (exact.has(key) || !type) continue;
      const [tagFirst, tagLast] = key.split(':').map(Number) as [number, number];
      // (Digits only: a word after "al-" the rules left alone is left to them, "said al-Qaeda was".)
      const first = gluedOpening(words, tagFirst, false);
      // (A dash the tagger took after the name is no part of it: "the Institute for Applied Radio System Technology - has".)
      let last = tagLast;
      while (last - 1 > first && /^[-–—]+$/.test(words[last - 1]!.text) && words[last - 1]!.spaceBefore) last--;
      if (first < 0 || !taggable.has(words[first]!.sentence) || [...Array(last - first).keys()].some((i) => covered.has(first + i))) continue;
      // A name the rules did not see is a whole run of capitalized words: "Ali Zardari" out of "Asif Ali
      // Zardari", "Markets Authority" out of "Competition and Markets Authority" are the tagger's slips.
      const capital = (k: number): boolean => {
        const w = words[k];
        return !!w && w.sentence === words[first]!.sentence && isCap(w) && !NOT_NAMES.has(w.lower) && !neverName(w.text);
      };
      const linked = (k: number): boolean => CONNECTORS.has(words[k]?.text ?? '') || words[k]?.text === 'and';
      if (capital(first - 1) || capital(last) || (linked(first - 1) && capital(first - 2)) || (linked(last) && capital(last + 1))) continue;
      // "the Observer's Philip French", "Charlize Theron's Oscar", "Novartis' Sandoz": a possessive inside
      // is an owner and what it owns, not one name; unless the owner's word is one names keep ("People's
      // Party") or the whole ends as a body's or a place's name does ("the Prince's Trust", "St James' Park").
      const owner = (w: Word, k: number): boolean => !w.spaceBefore && (/^['’]s$/.test(w.text) || (POSSESSIVE.has(w.text) && /s$/.test(words[k - 1]!.text))) && !GENITIVE_IN_NAMES.has(words[k - 1]!.lower);
      const head = bare(words[last - 1]!.text);
      if (words.slice(first + 1, last - 1).some((w, k) => owner(w, first + 1 + k)) && !ORG_HEADS.has(head) && !PLACE_HEADS.has(head) && head !== 'society') continue;
      const name = textOf(text, words, first, last);
      const cand: Candidate = { first, last, name, type };
      fromTagger.add(cand);
      if (type === 'Location') cand.place = lookupPlace(name) ?? { key: `place:${fold(name)}`, name, reason: 'same place name' };
      kept.push({ cand, sentence: words[first]!.sentence, trustTagger: true });
    }
    kept.sort((a, b) => a.cand.first - b.cand.first);
    // "the Battle of Vilcapugio", "the Siege of Leningrad", "the Treaty of Rome": an event or a treaty
    // named by its head and "of" is no body the tagger may make of it.
    for (const { cand } of kept) {
      const head = bare(words[cand.first]!.text);
      if (fromTagger.has(cand) && cand.last - cand.first > 2 && words[cand.first + 1]!.lower === 'of' && (isEventHead(head) || /^(siege|treaty|massacre|invasion|sack|fall|revolution)$/.test(head))) cand.type = undefined;
    }
    // A high-precision override the tagger cannot learn from its corpora: the sides of a match are teams.
    for (const { cand, sentence } of kept) {
      if (cand.type === 'Location' && isTeamSide(cand, resultLines.has(sentence))) {
        cand.type = 'Organization';
        delete cand.place;
        sides.add(fold(cand.name));
      }
      // "invested in OpenAI", "SpaceX's rocket", "WorldCom's collapse": a word with a capital inside
      // (not "McAllen", "DeShawn", "MacArthur") is a company's or a product's coined name, no place's or person's.
      if ((cand.type === 'Location' || cand.type === 'Person') && fromTagger.has(cand) && cand.last - cand.first === 1 && coined(cand.name)) {
        cand.type = 'Organization';
        delete cand.place;
        delete cand.role;
      }
    }
    pending.length = 0;
    pending.push(...kept);
    // "Basil Zempilas, Karl Langdon, Glen Jakovich, Shane Woewodin": in a list of three names or more, most
    // of them people's full names, a name of two or three words the tagger read as a place or a body (no
    // place's, body's or nationality's word in it) is a person too.
    const joins = (a: Candidate, b: Candidate): boolean => b.first - a.last <= 2 && /^(,|and|, and)$/.test(words.slice(a.last, b.first).map((w) => w.lower).join(' '));
    /** The names in a row joined by commas and "and" (one name alone is a list of one). */
    const lists = (): Candidate[][] => {
      const out: Candidate[][] = [];
      for (let k = 0; k < pending.length; ) {
        let end = k + 1;
        while (end < pending.length && joins(pending[end - 1]!.cand, pending[end]!.cand)) end++;
        out.push(pending.slice(k, end).map(({ cand }) => cand));
        k = end;
      }
      return out;
    };
    for (const list of lists()) {
      const people = list.filter((c) => c.type === 'Person' && c.last - c.first >= 2).length;
      if (list.length < 3 || people < 2 || 2 * people < list.length) continue;
      for (const c of list) {
        const n = c.last - c.first;
        if (c.type === 'Person' || !fromTagger.has(c) || n < 2 || n > 3 || orgKind(c.name) || lookupPlace(c.name)) continue;
        if (!words.slice(c.first, c.last).every((w) => nameShaped(w) && !lookupPlace(w.text) && !lookupDemonym(w.text) && !ORG_HEADS.has(bare(w.text)) && !PLACE_HEADS.has(bare(w.text)) && !orgKind(w.text))) continue;
        c.type = 'Person';
        delete c.place;
      }
    }
    // "Spotify and Netflix", "Telewest, Energis and BT": in a list with a company the gazetteer lists, a name
    // of one word neither the rules nor the tagger typed is a company too (no place's, nation's or given
    // name, no word the article writes in lower case, no plural: "Koreans", "Baftas").
    for (const list of lists()) {
      if (list.length < 2 || !list.some((c) => c.type === 'Organization')) continue;
      const listed = list.some((c) => c.type === 'Organization' && orgKind(c.name)?.startsWith('company'));
      for (const c of list) {
        const w = words[c.first]!;
        // (Beside a body of another kind, "Oxford University and AstraZeneca", only a coined word.)
        if (!listed && !coined(w.text)) continue;
        if (c.type || c.last - c.first !== 1 || !nameShaped(w) || w.pos !== 'PROPN' || lookupPlace(w.text) || placePopulation(w.text) > 0 || lookupDemonym(w.text) || isGivenName(w.text) || NOT_NAMES.has(w.lower) || lowerWords.has(w.lower) || /[^s]s$/.test(w.text)) continue;
        c.type = 'Organization';
        fromTagger.add(c);
      }
    }
    // "Frederic Michalak (Stade Toulousain)": what stands in brackets after a person of a list is no person
    // (squads list names so); a place it names is the place, anything else the body they play or stand for.
    const personAt = new Set(pending.filter(({ cand }) => cand.type === 'Person' && cand.last - cand.first >= 2 && words[cand.last]?.text === '(').map(({ cand }) => cand.last + 1));
    // In such a list of two people or more, another name of two or three words before brackets is one too.
    const listed = new Map<number, number>();
    for (const { cand, sentence } of pending) if (personAt.has(cand.last + 1)) listed.set(sentence, (listed.get(sentence) ?? 0) + 1);
    for (const { cand, sentence } of pending) {
      const n = cand.last - cand.first;
      if (cand.type === 'Person' || (listed.get(sentence) ?? 0) < 2 || n < 2 || n > 3 || words[cand.last]?.text !== '(' || personAt.has(cand.first)) continue;
      if (!words.slice(cand.first, cand.last).every((w) => nameShaped(w) && !ACRONYM.test(w.text) && !ORG_HEADS.has(bare(w.text)) && !lookupPlace(w.text) && !orgKind(w.text)) || orgKind(cand.name)) continue;
      cand.type = 'Person';
      delete cand.place;
      personAt.add(cand.last + 1);
    }
    for (const { cand } of pending) {
      if ((cand.type && cand.type !== 'Person') || !(affiliations.has(cand.first) || (personAt.has(cand.first) && words[cand.last]?.text === ')'))) continue;
      const place = lookupPlace(cand.name);
      cand.type = place ? 'Location' : 'Organization';
      if (place) cand.place = place;
      delete cand.role;
    }
    // One name, one type in an article: the type most of its mentions have; on a tie, a person named with
    // a title ("President Yoon Suk Yeol" over a headline's guess), then the first one.
    const votes = new Map<string, Map<EntityType, { n: number; rules: boolean }>>();
    for (const { cand } of pending) {
      if (!cand.type) continue;
      const v = votes.get(fold(cand.name)) ?? new Map<EntityType, { n: number; rules: boolean }>();
      const c = v.get(cand.type) ?? { n: 0, rules: false };
      v.set(cand.type, { n: c.n + 1, rules: c.rules || (!fromTagger.has(cand) && !!cand.role && cand.last - cand.first >= 2) });
      votes.set(fold(cand.name), v);
    }
    // A name the rules made a body by the noun before it ("computer firm Lenovo", "oil companies Rosneft
    // and Lukoil"; not a noun with other senses: "wedding bands Ozzy gave her") or by a company officer
    // after it ("Retail Decisions chief executive") is that body wherever the tagger read it otherwise.
    // So is a name a body's title follows anywhere, also with no one named after it ("his first silverware as
    // Chelsea manager", "the Everton boss"; not a country's or a nation's: "England coach").
    const titledBody = (cand: Candidate): boolean => {
      const t = words[cand.last];
      return !!t && t.text === t.lower && BODY_TITLES.has(t.lower) && !/^(analyst|economist|founder|co-founder|cofounder)$/.test(t.lower) && !lookupPlace(cand.name)?.key.startsWith('country:') && !isNation(cand.name) && !words.slice(cand.first, cand.last).some((w) => lookupDemonym(w.text));
    };
    const titled = new Set(pending.filter(({ cand }) => cand.last - cand.first === 1 && titledBody(cand)).map(({ cand }) => fold(cand.name)));
    const cued = new Set([...titled, ...pending.filter(({ cand, sentence }) => cand.type === 'Organization' && !fromTagger.has(cand) && (hasOrgCueBefore(words, cand.first, sentences[sentence]!.first, VOTING_CUES) || officerAfter(words, cand.last))).map(({ cand }) => fold(cand.name))]);
    for (const { cand } of pending) {
      const v = cand.type && votes.get(fold(cand.name));
      if (!v) continue;
      // (A name read only as a person's that has a body's title after it is that body.)
      const organization = v.get('Organization') ?? (v.size === 1 && v.has('Person') && titled.has(fold(cand.name)) ? { n: 0, rules: false } : undefined);
      if (v.size < 2 && !organization) continue;
      const best = cued.has(fold(cand.name)) && organization ? (['Organization', organization] as const) : [...v.entries()].reduce((a, b) => (b[1].n > a[1].n || (b[1].n === a[1].n && b[1].rules && !a[1].rules) ? b : a));
      if (best[0] === cand.type) continue;
      cand.type = best[0];
      if (cand.type === 'Location') cand.place = lookupPlace(cand.name) ?? { key: `place:${fold(cand.name)}`, name: cand.name, reason: 'same place name' };
      else delete cand.place;
      if (cand.type !== 'Person') delete cand.role;
    }
  }

  // In an article about matches (two sides or more), a town that competes is its team too: "Milwaukee has
  // won 10 of its last 15", "Surrey closed on 429", "Cleveland's lead over the White Sox".
  if (sides.size >= 2) {
    for (const { cand } of pending) {
      if (cand.type !== 'Location' || cand.last - cand.first > 3 || filedFrom.has(cand) || isNation(cand.name) || lookupPlace(cand.name)?.key.startsWith('country:')) continue;
      if (competes(words, cand)) sides.add(fold(cand.name));
    }
  }
  // "Surrey 429-7 ... Surrey closed on 429 for seven", "Cleveland 5 Boston 3 ... homered for Cleveland": a
  // name that is a side of a match anywhere in the article is the team wherever it names a place, but in
  // the dateline ("NEW YORK 1996-08-30": where the story was filed).
  for (const { cand } of pending) {
    const f = fold(cand.name);
    if (cand.type !== 'Location' || !sides.has(f) || isNation(cand.name) || filedFrom.has(cand)) continue;
    cand.type = 'Organization';
    delete cand.place;
  }

  // "Chelsea host Birmingham", "behind Chelsea in the title race": in an article that names two clubs of
  // the gazetteer or more, one of them as a body, a club's one-word name left untyped is the club, and so
  // is one typed a person only for being a given name too ("Chelsea"); a player named "Brown" stays one,
  // and a country or a capital stays a place ("the run to Berlin"; a town that is a district, Bolton, may be the club).
  const clubs = pending.filter(({ cand }) => orgKind(cand.name) === 'club' || isClubWord(cand.name));
  if (new Set(clubs.map(({ cand }) => fold(cand.name))).size >= 2 && clubs.some(({ cand }) => cand.type === 'Organization')) {
    for (const { cand } of clubs) {
      const place = lookupPlace(cand.name);
      if (cand.last - cand.first !== 1 || (place && !place.regionOf) || (cand.type && !(cand.type === 'Person' && isGivenName(cand.name)))) continue;
      cand.type = 'Organization';
      delete cand.role;
    }
  }

  // "Ronan O'Gara ... O'Gara kicked the penalty": a word alone that ends the full name of one person of the
  // article (a given name first) is that person's surname, whatever place or body its own sentence
  // suggested; not a known place (unless it acts as the person: "Neil Jordan ... Jordan said"), a
  // listed organization, a party, an institution, an acronym, nor a word of an organization's name in the
  // article ("Roy Disney" and "Walt Disney Co.": Disney is the company).
  // (A full name: a given name first, or two or three words of a name's shape typed a person's inside a
  // sentence, not after "the", not in capitals, the first no initial, compass word, word the article
  // writes in lower case nor listed company's: "Ronan O'Gara", not "P Montgomery", "the Millennium Dome",
  // "North Vancouver", "Latest Opera", "Apple Mac".)
  const fullName = (c: Candidate): boolean => {
    const ws = words.slice(c.first, c.last);
    if (isGivenName(ws[0]!.text)) return true;
    return ws.length <= 3 && /\p{L}{2}/u.test(ws[0]!.text) && c.first > sentences[ws[0]!.sentence]!.first && words[c.first - 1]?.lower !== 'the' && !lowerWords.has(ws[0]!.lower) && !orgKind(ws[0]!.text) && !PLACE_STARTS.has(bare(ws[0]!.text)) && ws.every((w) => nameShaped(w) && /\p{Ll}/u.test(w.text) && !lookupPlace(w.text) && !lookupDemonym(w.text) && !ORG_HEADS.has(bare(w.text)) && !isTitlish(w));
  };
  // (Nor a word the rules typed a place or a body alone elsewhere: "Yeltsin endorses Lebed Chechnya peace plan".)
  const ruledAlone = new Set(pending.filter(({ cand }) => cand.last - cand.first === 1 && (cand.type === 'Location' || cand.type === 'Organization') && !fromTagger.has(cand)).map(({ cand }) => fold(cand.name)));
  const fullNames = new Set(pending.filter(({ cand }) => cand.type === 'Person' && cand.last - cand.first >= 2 && fullName(cand) && (isGivenName(words[cand.first]!.text) || !words.slice(cand.first, cand.last).some((w) => ruledAlone.has(fold(w.text))))).map(({ cand }) => cand.name));
  const orgWords = new Set(pending.filter(({ cand }) => cand.type === 'Organization' && cand.last - cand.first >= 2).flatMap(({ cand }) => words.slice(cand.first, cand.last).map((w) => fold(w.text))));
  const ownersOf = (name: string): string[] => [...fullNames].filter((n) => fold(n.split(' ').at(-1)!) === fold(name));
  // A place's name that acts as the person once ("Jordan said") is the person in all its mentions.
  const acting = new Set(pending.filter(({ cand }) => cand.type === 'Location' && cand.last - cand.first === 1 && lookupPlace(cand.name) && ownersOf(cand.name).length === 1 && actsAsPerson(words, cand)).map(({ cand }) => fold(cand.name)));
  for (const { cand } of pending) {
    if ((cand.type !== 'Location' && cand.type !== 'Organization') || cand.last - cand.first !== 1) continue;
    const w = words[cand.first]!;
    if (ACRONYM.test(w.text) || DOTTED.test(w.text) || (lookupPlace(cand.name) && !acting.has(fold(cand.name))) || lookupDemonym(w.text) || orgKind(cand.name) || PARTY_NAMES.has(w.lower) || INSTITUTIONS.has(w.lower) || ORG_HEADS.has(bare(w.text))) continue;
    if (ownersOf(cand.name).length !== 1 || orgWords.has(fold(cand.name))) continue;
    cand.type = undefined; // the second pass joins it to the person
    delete cand.place;
  }

  // "U.S. Vice President Dick Cheney", "EU Trade Commissioner Karel de Gucht": the holder inside a title is
  // a mention of its own when it is a place or plainly a body (an acronym, a body's head word, an
  // institution); a nationality ("Russian") is not, nor a name the article may type otherwise ("Toyota").
  const holderMention = (h: Run, sentence: number): void => {
    const name = textOf(text, words, h.first, h.last);
    const ws = words.slice(h.first, h.last);
    if ([...entities.values()].some((e) => e.mentions.some((m) => m.word === h.first))) return;
    // "PML-N", "New York Judge": a name that goes on past a hyphen or before the holder is not this one.
    if (words[h.last]?.text === '-' && !words[h.last]!.spaceBefore) return;
    const before = words[h.first - 1];
    if (before && isCap(before) && words[h.first]!.spaceBefore && (before.pos === 'PROPN' || !/^[.!?]$/.test(words[h.first - 2]?.text ?? '.'))) return;
    if (lookupDemonym(name) || ws.some((w) => lookupDemonym(w.text))) return;
    const place = lookupPlace(name);
    // "Saudi National Security Adviser": the first word of a country's name, used as its adjective.
    if (place && place.name.startsWith(`${name} `)) return;
    if (place) return addMention(place.key, 'Location', place.name, h.first, h.last, sentence, place.reason);
    const body = (ws.length === 1 && (ACRONYM.test(name) || DOTTED.test(name) || INSTITUTIONS.has(ws[0]!.lower))) || (ws.length > 1 && ORG_HEADS.has(bare(ws[ws.length - 1]!.text)));
    if (body) addMention(`name:${fold(name)}`, 'Organization', name, h.first, h.last, sentence);
  };

  // First pass: names typed with confidence.
  const persons: LocalEntity[] = [];
  for (const { cand, sentence } of pending) {
    if (!cand.type) continue;
    const key = keyFor(cand);
    addMention(key, cand.type, cand.place?.name ?? cand.name, cand.first, cand.last, sentence, cand.place?.reason);
    if (cand.type === 'Person') {
      const e = entities.get(key)!;
      if (!persons.includes(e)) persons.push(e);
      if (cand.role) {
        for (const h of [cand.role.holder, ...(cand.role.more ?? [])]) {
          const holder = h ? holderKey(text, words, h) : undefined;
          roles.push({ person: key, holder, holderText: h ? textOf(text, words, h.first, h.last) : undefined, role: cand.role.text, sentence });
          if (h) holderMention(h, sentence);
        }
      }
    }
  }

  // Second pass: single words that are the surname of a full name, or a name seen typed elsewhere.
  const capsInside = new Set<string>();
  for (const s of sentences) for (let k = s.first + 1; k < s.last; k++) if (isCap(words[k]!)) capsInside.add(words[k]!.text);
  const untyped: DocumentEntities['untyped'] = [];
  for (const { cand, sentence, trustTagger } of pending) {
    if (cand.type) continue;
    const f = fold(cand.name);
    const same = entities.get(`name:${f}`) ?? [...entities.values()].find((e) => [...e.surfaces].some((x) => fold(x) === f));
    if (same) {
      addMention(same.key, same.type, same.name, cand.first, cand.last, sentence);
      continue;
    }
    const owners = persons.filter((p) => p.name.split(' ').length > 1 && fold(p.name.split(' ').at(-1)!) === f);
    // Two people with this surname ("Atiku Abubakar", "Adenike Mutiat Abubakar"): the one named last before it.
    const owner = owners.length > 1 ? lastNamedBefore(owners, words[cand.first]!.start) : owners[0];
    if (owner) {
      addMention(owner.key, 'Person', owner.name, cand.first, cand.last, sentence, `surname of a full name in the same article${owners.length > 1 ? ' (the one named last before it)' : ''}`);
      continue;
    }
    const givenOf = owners.length || cand.last - cand.first > 1 || !isGivenName(cand.name) ? [] : persons.filter((p) => p.name.split(' ').length > 1 && fold(p.name.split(' ')[0]!) === f);
    if (givenOf.length === 1) {
      addMention(givenOf[0]!.key, 'Person', givenOf[0]!.name, cand.first, cand.last, sentence, 'given name of a full name in the same article');
      continue;
    }
    // "the Bruins" after "Boston Bruins": the short form of an organization named in full in the same article.
    const orgs = [...entities.values()].filter((e) => e.type === 'Organization' && e.name.split(' ').length > 1 && fold(e.name.split(' ').at(-1)!) === f && !ORG_HEADS.has(f));
    if (orgs.length === 1 && cand.last - cand.first === 1 && words[cand.first]!.pos === 'PROPN') {
      addMention(orgs[0]!.key, 'Organization', orgs[0]!.name, cand.first, cand.last, sentence, 'short form of an organization named in full in the same article');
      continue;
    }
    const next = words[cand.last];
    // "Smith said": a person, unless the word only opens sentences ("Police said", "Officials say").
    const opens = sentences[sentence]!.first === cand.first && !capsInside.has(cand.name);
    if (cand.last - cand.first === 1 && next && SPEECH_VERBS.has(next.lower) && next.pos === 'VERB' && words[cand.first]!.pos === 'PROPN' && !opens && !lookupDemonym(cand.name)) {
      addMention(`name:${f}`, 'Person', cand.name, cand.first, cand.last, sentence);
      continue;
    }
    const ws = words.slice(cand.first, cand.last);
    if (trustTagger && ws.length >= 2 && ws.length <= 3 && ws.every((w) => nameShaped(w) && !isTitlish(w) && !ORG_HEADS.has(bare(w.text)) && !INSTITUTIONS.has(w.lower) && !lookupPlace(w.text) && !lookupDemonym(w.text)) && !lookupPlace(cand.name)) {
      untyped.push({ first: cand.first, last: cand.last, sentence, name: cand.name });
    }
  }

  // A single word that is the short form of one full name of the article joins it: a person's surname
  // ("Zelensky ... Volodymyr Zelensky"), else the first word ("Anthony is a top English talent" after
  // "Anthony Barry"; "Tedros" after "Tedros Adhanom Ghebreyesus"); an organization's first or last
  // word ("Real" after "Real Madrid", "the Journal" after "The Wall Street Journal").
  for (const e of [...entities.values()]) {
    if ((e.type !== 'Person' && e.type !== 'Organization') || e.name.includes(' ')) continue;
    // A company known by this one word is itself, not a short form ("Microsoft" beside "Microsoft Gaming"),
    // unless the article names a person with it as surname ("Liam Fox ... Fox said").
    if (e.type === 'Organization' && orgKind(e.name)?.startsWith('company')) {
      const people = [...entities.values()].filter((p) => p.type === 'Person' && p.name.includes(' ') && fold(p.name.split(' ').at(-1)!) === fold(e.name));
      if (people.length !== 1) continue;
      e.type = 'Person';
    }
    const full = [...entities.values()].filter((p) => p !== e && p.type === e.type && p.name.includes(' '));
    const word = (p: LocalEntity, k: 'first' | 'last'): string => fold(k === 'first' ? p.name.split(' ')[0]! : p.name.split(' ').at(-1)!);
    let owners = full.filter((p) => word(p, 'last') === fold(e.name));
    let reason = e.type === 'Person' ? 'surname of a full name in the same article' : 'short form of an organization named in full in the same article';
    if (owners.length === 0) {
      owners = full.filter((p) => word(p, 'first') === fold(e.name));
      if (e.type === 'Person') reason = 'given name of a full name in the same article';
    }
    if (owners.length > 1 && e.type === 'Person') {
      splitShortForm(e, owners, reason, entities, refs, roles);
      continue;
    }
    if (owners.length !== 1) continue;
    absorb(owners[0]!, e, reason, entities, refs, roles);
  }

  // A person named by the last words of a longer full name of the article is that person: "López
  // Obrador" after "Andrés Manuel López Obrador", "Lula da Silva" after "Luiz Inácio Lula da Silva"
  // (a full name that opens with a given name, or a surname that opens with a particle, "Van Persie";
  // no title or capitals before it: "Rock DJ Huw Stephens" is a span read too long).
  for (const e of [...entities.values()]) {
    if (e.type !== 'Person' || !e.name.includes(' ') || !entities.has(e.key)) continue;
    const tail = ` ${fold(e.name)}`;
    const particle = SURNAME_PARTICLES.has(fold(e.name.split(' ')[0]!));
    const owners = [...entities.values()].filter((p) => {
      if (p === e || p.type !== 'Person' || !fold(p.name).endsWith(tail)) return false;
      const before = p.name.split(' ').slice(0, p.name.split(' ').length - e.name.split(' ').length);
      return (particle || isGivenName(before[0]!)) && !before.some((w) => TITLE_WORDS.has(bare(w)) || (w.length > 1 && w === w.toUpperCase()));
    });
    if (owners.length === 1) absorb(owners[0]!, e, 'the last words of a full name in the same article', entities, refs, roles);
  }

  // A body named in the singular and the plural is one ("Lib Dem" candidate, the Lib Dems; "Liberal",
  // "Liberals"; "Tory", "Tories"; "US Airway"): the plural keeps its name.
  const orgsByName = new Map([...entities.values()].filter((e) => e.type === 'Organization').map((e) => [fold(e.name), e]));
  for (const e of [...orgsByName.values()]) {
    const f = fold(e.name);
    const one = f.endsWith('s') ? (orgsByName.get(f.slice(0, -1)) ?? (f.endsWith('ies') ? orgsByName.get(`${f.slice(0, -3)}y`) : undefined)) : undefined;
    if (one && one !== e && entities.has(one.key) && entities.has(e.key)) absorb(e, one, 'the same name in the singular in the same article', entities, refs, roles);
  }

  // Acronyms join the organization whose initials they are ("AFP", "Agence France-Presse").
  for (const e of [...entities.values()]) {
    if (e.type !== 'Organization' || !ACRONYM.test(e.name)) continue;
    const long = [...entities.values()].find((o) => o !== e && o.type === 'Organization' && initials(o.name) === e.name);
    if (!long) continue;
    long.mentions.push(...e.mentions);
    for (const s of e.surfaces) long.surfaces.add(s);
    long.merges.push({ alias: e.name, reason: 'acronym of the full name in the same article' });
    entities.delete(e.key);
    for (let k = 0; k < refs.length; k++) if (refs[k]!.key === e.key) refs[k] = { ...refs[k]!, key: long.key };
  }

  // "Real Madrid CF", "Starbucks Corp." and "FC Barcelona" are "Real Madrid", "Starbucks" and "Barcelona"
  // when the article also names them so: the form with its legal or club designator joins the other.
  const byName = new Map<string, LocalEntity>();
  for (const e of entities.values()) if (e.type === 'Organization') byName.set(fold(e.name), e);
  for (const e of [...byName.values()]) {
    const plain = e.name.replace(ORG_DESIGNATOR_AFTER, '').replace(ORG_DESIGNATOR_BEFORE, '');
    const short = plain !== e.name ? byName.get(fold(plain)) : undefined;
    if (!short || short === e) continue;
    absorb(short, e, 'the same name without its legal or club designator', entities, refs, roles);
    byName.delete(fold(e.name));
  }

  // "Toyota" beside "Toyota Motor Corp.": a town's name (no country's, capital's or region's) that opens
  // the names of the article's companies with a legal designator is the company, the first of them the
  // article names when there are several ("Toyota Industries Corp." named later is another one).
  for (const e of [...entities.values()]) {
    if (e.type !== 'Location' || e.name.includes(' ') || lookupPlace(e.name)) continue;
    const f = fold(e.name);
    const companies = [...entities.values()].filter((o) => o.type === 'Organization' && COMPANY_DESIGNATOR.test(o.name) && fold(o.name.split(' ')[0]!) === f);
    const first = (o: LocalEntity): number => Math.min(...o.mentions.map((m) => m.start));
    const into = companies.sort((a, b) => first(a) - first(b))[0];
    if (into) absorb(into, e, 'short form of a company named in full in the same article', entities, refs, roles);
  }

  // "Renault boosted its profits", "Nintendo is releasing an adapter for its DS", "Lycos, which": a one-word
  // name read as a person ("Renault said") that does things to "its" own or is a "which", and never to
  // "his" or "her" nor a "who", is a body.
  for (const e of entities.values()) {
    if (e.type !== 'Person' || e.name.includes(' ') || isGivenName(e.name)) continue;
    // (A name after a title is a person's: "a son of President Suharto, which ..."; not "market leader Nintendo".)
    if (e.mentions.some((m) => { const t = words[m.word - 1]; return !!t && ((isTitle(t) && isCap(t)) || HONORIFICS.has(bare(t.text))); })) continue;
    let its = 0;
    let personal = 0;
    for (const m of e.mentions) {
      let k = m.word;
      while (words[k + 1] && words[k + 1]!.end <= m.end) k++;
      const verb = words[k + 1];
      // ("Lycos, which", not "Lycos, who".)
      if (verb?.text === ',' && words[k + 2]?.lower === 'which') its++;
      if (verb?.text === ',' && words[k + 2]?.lower === 'who') personal++;
      if (!verb || verb.sentence !== m.sentence || (verb.pos !== 'VERB' && verb.pos !== 'AUX') || SPEECH_VERBS.has(verb.lower)) continue;
      for (let j = k + 2; j < k + 8 && words[j] && words[j]!.sentence === m.sentence && !isCap(words[j]!); j++) {
        if (words[j]!.lower === 'its') its++;
        else if (/^(he|his|him|she|her|hers|himself|herself)$/.test(words[j]!.lower)) personal++;
        else continue;
        break;
      }
    }
    for (const m of e.mentions) for (let j = m.word; j < m.word + 8 && words[j] && words[j]!.sentence === m.sentence; j++) if (/^(he|his|him|she|her)$/.test(words[j]!.lower)) personal++;
    if (its > 0 && personal === 0) e.type = 'Organization';
  }

  // A holder named by a surname or another surface ("Putin's envoy") is the entity that has that surface.
  const bySurface = new Map<string, string>();
  for (const e of entities.values()) for (const x of e.surfaces) bySurface.set(fold(x), e.key);
  for (let k = 0; k < roles.length; k++) {
    const r = roles[k]!;
    if (r.holder && !entities.has(r.holder) && !r.holder.startsWith('country:') && r.holderText) {
      const key = bySurface.get(fold(r.holderText));
      if (key) roles[k] = { ...r, holder: key };
    }
  }

  namesInCaps(text, tok, capsLines, lowerWords, { entities, refs });

  refs.sort((a, b) => a.first - b.first);
  return { entities, refs, roles, bylines, untyped };
}

/**
 * "SOCCER - PARMA SIGN CRESPO FROM RIVER PLATE": in a line in capitals, a name the article writes in
 * ordinary case elsewhere (a surface of one of its entities, or the surname of one person) is that entity.
 * Longest first; a single word the article also writes in lower case ("MAY", "READING") is left alone.
 */
function namesInCaps(text: string, tok: Tokenized, capsLines: ReadonlySet<number>, lower: ReadonlyMap<string, number>, doc: Pick<DocumentEntities, 'entities' | 'refs'>): void {
  if (capsLines.size === 0) return;
  const { words, sentences } = tok;
  const named = new Map<string, LocalEntity | null>();
  const offer = (surface: string, e: LocalEntity): void => {
    const f = fold(surface);
    const had = named.get(f);
    named.set(f, had === undefined || had === e ? e : null); // null: two entities write it so
  };
  for (const e of doc.entities.values()) {
    if (!e.mentions.some((m) => !capsLines.has(m.sentence))) continue;
    for (const x of e.surfaces) if (/\p{Ll}/u.test(x)) offer(x, e);
    if (e.type === 'Person' && e.name.includes(' ')) offer(e.name.split(' ').at(-1)!, e);
    // "RANGERS BEAT INDIANS" over "the Texas Rangers": a body's last word, when it is no place and no body's head.
    const lastWord = e.name.split(' ').at(-1)!;
    if (e.type === 'Organization' && e.name.includes(' ') && !ORG_HEADS.has(bare(lastWord)) && !lookupPlace(lastWord) && !lookupDemonym(lastWord) && /^\p{Lu}\p{Ll}/u.test(lastWord)) offer(lastWord, e);
  }
  const taken = new Set<number>();
  for (const r of doc.refs) for (let k = r.first; k < r.last; k++) taken.add(k);
  for (const index of capsLines) {
    const s = sentences[index]!;
    for (let i = s.first; i < s.last; i++) {
      if (taken.has(i) || !/\p{Lu}/u.test(words[i]!.text)) continue;
      for (let n = Math.min(4, s.last - i); n >= 1; n--) {
        if ([...Array(n).keys()].some((k) => taken.has(i + k) || !/\p{L}/u.test(words[i + k]!.text))) continue;
        const e = named.get(fold(textOf(text, words, i, i + n)));
        if (!e || (n === 1 && lower.has(words[i]!.lower))) continue;
        addEntityMention(doc, text, words, e, i, i + n, index, 'the same name in a line in capitals');
        for (let k = 0; k < n; k++) taken.add(i + k);
        i += n - 1;
        break;
      }
    }
  }
}

/** A line without lowercase letters ("SOCCER - JAPAN GET LUCKY WIN"): its capitals say nothing. */
function isAllCaps(words: readonly Word[], first: number, last: number): boolean {
  const alpha = words.slice(first, last).filter((w) => /\p{L}/u.test(w.text));
  return alpha.length >= 2 && alpha.every((w) => w.text === w.text.toUpperCase());
}

/** A line of names and scores ("CHICAGO 3 Atlanta 2", "Ulsan 1 0 2 8 9 3"): no verbs, numbers after names. */
function isResultLine(words: readonly Word[], first: number, last: number): boolean {
  const ws = words.slice(first, last);
  // A result as a headline writes it: "Clyde 0-5 Celtic" (capitalized words, the score, capitalized words).
  const score = ws.findIndex((w) => /^\d{1,2}-\d{1,2}$/.test(w.text));
  if (score > 0 && score < ws.length - 1 && ws.every((w, k) => k === score || (isCap(w) && w.text !== w.text.toUpperCase()))) return true;
  const numbers = ws.filter((w) => /^\d+$/.test(w.text)).length;
  if (numbers < 2 || ws.some((w) => w.pos === 'VERB' || w.pos === 'AUX')) return false;
  // A team sheet ("Cech, Ferreira, Gallas (Kezman 74), Terry, ...") names players, its numbers only in brackets.
  const list = listShape(words, first, last);
  if (list.bareNumbers === 0 && list.commas >= 4) return false;
  const alpha = ws.filter((w) => /\p{L}/u.test(w.text));
  return alpha.length > 0 && alpha.every((w) => isCap(w) || /^(v|vs|at|and|of|the)$/i.test(w.text));
}

/**
 * A team sheet: names and commas only, eleven names or more, or five or more with a substitute's name and
 * minute in brackets ("Cech, Ferreira, Gallas (Kezman 74), Terry, Lampard, Drogba."); numbers only there.
 */
function isRosterLine(words: readonly Word[], first: number, last: number): boolean {
  const { commas, bareNumbers, subs, lowerWords } = listShape(words, first, last);
  return bareNumbers === 0 && lowerWords === 0 && (commas >= 10 || (commas >= 4 && subs >= 1));
}

/**
 * What a line of names is made of: its commas, its numbers outside brackets, its substitutes (a name and a
 * minute in brackets, "(Kezman 74)") and its words in lower case other than a name's particles.
 */
function listShape(words: readonly Word[], first: number, last: number): { commas: number; bareNumbers: number; subs: number; lowerWords: number } {
  const out = { commas: 0, bareNumbers: 0, subs: 0, lowerWords: 0 };
  let depth = 0;
  for (let k = first; k < last; k++) {
    const w = words[k]!;
    if (w.text === ',') out.commas++;
    else if (w.text === '(') {
      depth++;
      if (words[k + 1] && isCap(words[k + 1]!) && /^\d{1,3}$/.test(words[k + 2]?.text ?? '')) out.subs++;
    } else if (w.text === ')') depth = Math.max(0, depth - 1);
    else if (/^\d+$/.test(w.text)) {
      if (depth === 0) out.bareNumbers++;
    } else if (/\p{L}/u.test(w.text) && !isCap(w) && !CONNECTORS.has(w.text)) out.lowerWords++;
  }
  return out;
}

const MATCH_VERBS = new Set(['beat', 'beats', 'defeated', 'defeat', 'defeats', 'thrashed', 'edged', 'v', 'vs', 'drew', 'draw']);

/**
 * A match's side named as a player is: two words, no place's, nation's or body's word, no plural, no listed
 * club; or, in a sentence (not a line of results, "Haitai 3 Hanwha 1", nor a fixture, "v Glamorgan"), one
 * such word ("Sinner beat Alcaraz") that names no town of 5,000 people or more, no region, and is no acronym.
 */
function playerShaped(words: readonly Word[], c: Candidate, resultLine: boolean): boolean {
  const ws = words.slice(c.first, c.last);
  if (ws.length === 1 && !resultLine) {
    const w = ws[0]!;
    // (A fixture, "v Glamorgan", names teams.)
    if (/^(v|vs)\.?$/i.test(words[c.first - 1]?.text ?? '') || /^(v|vs)\.?$/i.test(words[c.last]?.text ?? '')) return false;
    return nameShaped(w) && !ACRONYM.test(w.text) && !lookupPlace(w.text) && placePopulation(w.text) < 5000 && !lookupDemonym(w.text) && !ORG_HEADS.has(bare(w.text)) && !PLACE_HEADS.has(bare(w.text)) && !/[^s]s$/.test(w.text) && !isClubWord(w.text) && !orgKind(w.text);
  }
  return ws.length === 2 && ws.every((w) => nameShaped(w) && !ACRONYM.test(w.text) && !lookupPlace(w.text) && placePopulation(w.text) === 0 && !lookupDemonym(w.text) && !ORG_HEADS.has(bare(w.text)) && !PLACE_HEADS.has(bare(w.text)) && !/[^s]s$/.test(w.text) && !isClubWord(w.text)) && !orgKind(c.name);
}

/** Letters after a person's name (those of three capitals): honours and offices. */
const POST_NOMINALS = /^(OBE|MBE|CBE|KBE|DBE|MSP|MEP|MLA|FRS|DSO|USN)$/;

/**
 * A body's acronym inside a name ("Exane BNP Paribas"), or first before a place ("NHS England"): not a
 * name's initials ("JRR Tolkien"), a surname in capitals, a king's number or a person's honours.
 */
function bodyAcronymIn(words: readonly Word[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const t = words[k]!.text;
    if (!/^[A-Z]{3,}$/.test(t) || /^[IVXLC]+$/.test(t) || POST_NOMINALS.test(t)) continue;
    // (Inside the name, or first before a place; last it is a surname in capitals, "Mikheil SAAKASHVILI".)
    if ((k > first && k < last - 1) || (k === first && words.slice(k + 1, last).some((w) => lookupPlace(w.text)))) return true;
  }
  return false;
}

/** Words before a clause's subject: the sentence's start, "the", a comma, a conjunction that opens a clause (not "and", which joins two). */
const CLAUSE_OPENERS = /^(the|,|but|while|when|as|because|that|after|before|since|if|though|although|so|until|where)$/;

/**
 * Whether a plural verb follows the name as its subject: "Coldplay have", "Leeds are", "Arsenal were". Not
 * after "and" or "of" ("Blair and Brown were", "supporters of Blair were": the verb is another subject's).
 */
function groupVerbAfter(words: readonly Word[], c: Run): boolean {
  const next = words[c.last];
  if (!next || !/^(are|were|have|'re|’re)$/.test(next.text) || next.sentence !== words[c.first]!.sentence) return false;
  const prev = words[c.first - 1];
  return !prev || prev.sentence !== next.sentence || CLAUSE_OPENERS.test(prev.lower);
}

/** Words that make a sentence about a player's move between clubs. */
const PLAYER_NOUNS = /^(striker|strikers|midfielder|midfielders|defender|defenders|goalkeeper|goalkeepers|keeper|winger|wingers|full-back|centre-back|center-back|playmaker|footballer|footballers|loan|transfer|fee)$/;
const TRANSFER_VERBS = /^(signed|signs|sign|signing|joined|joins|join|joining|rejoined|moved|moves|move|loaned|bought|buy|buys|sold|sells|recruited|transferred|arrived|snapped)$/;

/**
 * A club a player moves from or to: "the striker joined Chelsea from Benfica", "Barcelona signed the
 * midfielder from Ajax", "on loan at Juventus". Only in a sentence about players (a position, a loan, a
 * fee): "she joined Google from Microsoft" and "he moved to London from Paris" are left alone; so is
 * "a move to Anfield" (a ground, or a town).
 */
function isTransferClub(words: readonly Word[], run: Run & { readonly name: string }): boolean {
  // (Words as written, in lower case: a headline in capitals, "ROMARIO JOINS BRAZIL IN FRIENDLY", is not read.)
  const sentence = words[run.first]!.sentence;
  const [prev, prev2] = [words[run.first - 1], words[run.first - 2]];
  // (A town that signs or buys a player is its club: "Barcelona signed the midfielder from Ajax".)
  const verb = /^(have|has|had)$/.test(words[run.last]?.text ?? '') ? words[run.last + 1] : words[run.last];
  const moves =
    (!!verb && /^(signed|signs|bought|buys|recruited|loaned)$/.test(verb.text) && (placePopulation(run.name) >= 50_000 || isClubWord(run.name))) ||
    // (Not "join EastEnders' actress": what has something is not what is joined.)
    (!!prev && /^(joined|joins|join|joining|rejoined)$/.test(prev.text) && !POSSESSIVE.has(words[run.last]?.text ?? '')) ||
    (!!prev && /^(at|to)$/.test(prev.text) && (prev2?.text === 'loan' || prev2?.text === 'loaned')) ||
    (prev?.text === 'from' && transferBefore(words, run.first - 2, sentence));
  if (!moves) return false;
  // The sentence is about players: a position, a loan or a fee somewhere in it.
  for (let k = run.first - 1; k >= 0 && words[k]!.sentence === sentence; k--) if (PLAYER_NOUNS.test(words[k]!.text)) return true;
  for (let k = run.last; k < words.length && words[k]!.sentence === sentence; k++) if (PLAYER_NOUNS.test(words[k]!.text)) return true;
  return false;
}

/** A transfer's verb or "loan" among the twelve words up to k ("signed the midfielder from", "on loan from"). */
function transferBefore(words: readonly Word[], k: number, sentence: number): boolean {
  for (let i = k; i >= 0 && i > k - 11 && words[i]!.sentence === sentence; i--) if (TRANSFER_VERBS.test(words[i]!.text) || words[i]!.text === 'loan') return true;
  return false;
}

/** "Leicestershire beat Somerset", "Birmingham v Barnsley": the two sides of a match. */
function isMatchSide(words: readonly Word[], run: Run): boolean {
  const next = words[run.last];
  const prev = words[run.first - 1];
  const prev2 = words[run.first - 2];
  // ("losing to Tulsa", "a win over Leeds 2-1": a side after a loss, or before its score.)
  // (Not "fell to Mardy Fish", "a trip to Turf Moor 0-2": a player, a ground.)
  const lostTo = prev?.lower === 'to' && /^(lost|losing|lose|loses)$/.test(prev2?.lower ?? '');
  const scored = /^\d{1,3}-\d{1,3}$/.test(next?.text ?? '') && /^(against|over|and|v|vs)$/.test(prev?.lower ?? '');
  // ("Liverpool and Manchester City drew 1-1": the first of two sides joined by "and" before the verb.)
  let k = run.last + 1;
  if (next?.lower === 'and') while (words[k] && isCap(words[k]!) && words[k]!.sentence === next.sentence) k++;
  const joined = next?.lower === 'and' && k > run.last + 1 && /^(drew|draw)$/.test(words[k]?.lower ?? '');
  return scored || lostTo || joined || (!!next && MATCH_VERBS.has(next.text.toLowerCase().replace(/\.$/, ''))) || (!!prev && MATCH_VERBS.has(prev.text.toLowerCase().replace(/\.$/, ''))) || (prev?.lower === 'with' && (prev2?.lower === 'drew' || (prev.text === 'with' && /^\d{1,3}-\d{1,3}$/.test(prev2?.text ?? '') && /^(drew|draw|draws)$/.test(words[run.first - 3]?.text ?? ''))));
}

/** "BONN 1996-08-31", "KYIV, Ukraine —": the place a story was filed from, at the start of a line. */
function isDateline(text: string, words: readonly Word[], run: Run, sFirst: number): boolean {
  if (run.first !== sFirst) return false;
  const ws = words.slice(run.first, run.last);
  const next = words[run.last];
  if (!next) return false;
  if (ws.every((w) => w.text === w.text.toUpperCase())) return /^\d{4}-\d{2}-\d{2}$/.test(next.text) || (next.text === ',' && /^\p{Lu}/u.test(words[run.last + 1]?.text ?? ''));
  // In title case, opening a line: "Geneva, Switzerland - The World Health Organization ...", "Lagos,
  // Nigeria — ...": a town, its country or region, then a dash; "Geneva (Reuters) - ...": a town, the
  // agency, a dash (not "British Music Rights (BMR) - which was formed ..." inside a paragraph, nor a
  // fixture's side and its town's letter, "Radnicki (N) - Spartak").
  const start = words[run.first]!.start;
  if (text.slice(text.lastIndexOf('\n', start - 1) + 1, start).trim()) return false;
  const dash = (w: Word | undefined): boolean => !!w && /^[-–—]+$/.test(w.text);
  if (next.text === ',') {
    let k = run.last + 1;
    while (k < words.length && isCap(words[k]!) && words[k]!.sentence === next.sentence) k++;
    const where = words.slice(run.last + 1, k).map((w) => w.text).join(' ');
    return k > run.last + 1 && !!lookupPlace(where) && dash(words[k]);
  }
  return next.text === '(' && /^\p{Lu}\p{L}+$/u.test(words[run.last + 1]?.text ?? '') && words[run.last + 2]?.text === ')' && dash(words[run.last + 3]);
}

/** A line in title case ("Lavrov Explores Negotiation Prospects"): its names need support from elsewhere. */
function isHeadline(words: readonly Word[], first: number, last: number): boolean {
  const alpha = words.slice(first, last).filter((w) => /^\p{L}/u.test(w.text));
  // Headlines and link lists do not end like sentences, and carry few numbers (result lines do).
  // (A sentence may end on an abbreviation: "... and Nile Star Co. Ltd.")
  if (alpha.length < 3 || /[.?!"”’]$/.test(words[last - 1]?.text ?? '')) return false;
  if (words.slice(first, last).filter((w) => /^\d/.test(w.text)).length >= 2) return false;
  // Nor lists ("Green, Jerry Kelly, Tim Simpson, Olin Browne"): their names are read as in prose.
  if (words.slice(first, last).filter((w) => w.text === ',').length >= 2) return false;
  const content = alpha.filter((w) => !/^(a|an|the|of|in|on|at|to|for|and|or|with|by|from|as)$/i.test(w.text));
  return content.length >= 3 && content.filter(isCap).length / content.length >= 0.75;
}

/** `from` joins `into`: its mentions, its surfaces (each with `reason`), and the references and roles to it. */
function absorb(into: LocalEntity, from: LocalEntity, reason: string, entities: Map<string, LocalEntity>, refs: Ref[], roles: RoleClaim[]): void {
  into.mentions.push(...from.mentions);
  for (const x of from.surfaces) {
    if (!into.surfaces.has(x)) {
      into.surfaces.add(x);
      into.merges.push({ alias: x, reason });
    }
  }
  entities.delete(from.key);
  for (let k = 0; k < refs.length; k++) if (refs[k]!.key === from.key) refs[k] = { ...refs[k]!, key: into.key };
  for (let k = 0; k < roles.length; k++) {
    const r = roles[k]!;
    if (r.person === from.key || r.holder === from.key) roles[k] = { ...r, person: r.person === from.key ? into.key : r.person, holder: r.holder === from.key ? into.key : r.holder };
  }
}

/** Of `candidates`, the one with the last mention that starts before `start` (undefined: none does). */
function lastNamedBefore(candidates: readonly LocalEntity[], start: number): LocalEntity | undefined {
  let best: LocalEntity | undefined;
  let at = -1;
  for (const o of candidates) {
    for (const m of o.mentions) {
      if (m.start < start && m.start > at) {
        at = m.start;
        best = o;
      }
    }
  }
  return best;
}

/**
 * A surname two people of the article share ("Atiku Abubakar", then "Adenike Mutiat Abubakar ...
 * said Abubakar"): each of its mentions is the one named last before it; mentions before both stay apart.
 */
function splitShortForm(e: LocalEntity, owners: readonly LocalEntity[], reason: string, entities: Map<string, LocalEntity>, refs: Ref[], roles: RoleClaim[]): void {
  const ownerAt = (start: number): LocalEntity | undefined => lastNamedBefore(owners, start);
  const ownerOfSentence = (sentence: number): LocalEntity | undefined => {
    const m = e.mentions.find((x) => x.sentence === sentence);
    return m ? ownerAt(m.start) : undefined;
  };
  const moved = new Map<number, LocalEntity>();
  for (const m of e.mentions) {
    const o = ownerAt(m.start);
    if (!o) continue;
    moved.set(m.word, o);
    o.mentions.push(m);
    const surface = e.name;
    if (!o.surfaces.has(surface)) {
      o.surfaces.add(surface);
      o.merges.push({ alias: surface, reason: `${reason} (the one named last before it)` });
    }
  }
  if (!moved.size) return;
  for (let k = 0; k < refs.length; k++) {
    const o = refs[k]!.key === e.key ? moved.get(refs[k]!.first) : undefined;
    if (o) refs[k] = { ...refs[k]!, key: o.key };
  }
  for (let k = 0; k < roles.length; k++) {
    const o = roles[k]!.person === e.key ? ownerOfSentence(roles[k]!.sentence) : undefined;
    if (o) roles[k] = { ...roles[k]!, person: o.key };
  }
  e.mentions = e.mentions.filter((m) => !moved.has(m.word));
  if (!e.mentions.length) entities.delete(e.key);
}

/** A company's legal forms ("SA" aside: it is South Africa too). */
const COMPANY_FORMS = String.raw`Inc\.?|Corp\.?|Corporation|Co\.|Ltd\.?|Limited|plc|PLC|LLC|L\.L\.C\.|AG|NV|N\.V\.`;
/** Designators of a company's legal form or a club's, after or before its name. */
const ORG_DESIGNATOR_AFTER = new RegExp(String.raw`,?\s+(${COMPANY_FORMS}|SA|S\.A\.|FC|CF|AFC|SC)$`);
const ORG_DESIGNATOR_BEFORE = /^(FC|AFC|AC|SC)\s+/;
/** A company's legal designator (not a club's). */
const COMPANY_DESIGNATOR = new RegExp(String.raw`\s(${COMPANY_FORMS})$`);

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => CAPITAL.test(w) && !NOT_NAMES.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('');
}

function keyFor(c: Candidate): string {
  if (c.place) return c.place.key;
  return `name:${fold(c.name)}`;
}

function holderKey(text: string, words: readonly Word[], run: Run): string | undefined {
  const name = textOf(text, words, run.first, run.last);
  const place = lookupPlace(name) ?? (run.last - run.first <= 2 ? lookupDemonym(name) : undefined);
  if (place) return place.key;
  return `name:${fold(name)}`;
}

/**
 * A title word that names a body's field after "of", not a person's title: "Department of Justice",
 * "International Court of Justice", "Office of the President" (the body's head word comes before "of").
 */
function portfolioOfBody(words: readonly Word[], first: number, k: number): boolean {
  const of = words[k - 1]?.lower === 'the' ? k - 2 : k - 1;
  return of - 1 >= first && words[of]?.lower === 'of' && ORG_HEADS.has(bare(words[of - 1]!.text)) && !isTitle(words[of - 1]);
}

/**
 * A title word that opens a body's or an event's name: "Premier League", "General Assembly", "General
 * Election", "Major League Baseball" (a body's head right after it); or a body named after a titled
 * person, "Bishop Garrigan High School", "Queen Elizabeth Hospital" (a body's head ends the run, and no
 * "of" follows the title: "Chairman of the Federal Reserve Board" is a title and a body, "Inspector Paul
 * Miller of Thames Valley Police" a person and one).
 */
function namesHead(words: readonly Word[], k: number, last: number): boolean {
  const head = words[k + 1];
  if (!head) return false;
  if (k + 2 === last && (ORG_HEADS.has(bare(head.text)) || EVENT_HEADS.has(bare(head.text)))) return true;
  if (k + 2 < last && ORG_HEADS.has(bare(head.text)) && isCap(head) && !isTitle(head)) return true;
  return k + 2 < last && !words.slice(k + 1, last).some((w) => w.lower === 'of') && !isTitlish(head) && ORG_HEADS.has(bare(words[last - 1]!.text)) && !isTitle(words[last - 1]);
}

/** Decide what a capitalized run is: its name span without titles, its type, its role. */
interface SentenceContext {
  readonly sFirst: number;
  readonly sLast: number;
  /** The whole line is in capitals. */
  readonly allCaps: boolean;
}

function analyse(text: string, words: readonly Word[], run: Run, ctx: SentenceContext): Candidate | undefined {
  const { sFirst, sLast } = ctx;
  let first = run.first;
  const last = run.last;
  let roleText: string | undefined;
  let holder: Run | undefined;
  const extraHolders: Run[] = [];

  // Titles inside the run: "Spanish Prime Minister Pedro Sánchez", "Maj. Robert Brovdi" (not in a place's
  // own name: "DR Congo", "Prince Edward Island").
  let lastTitle = -1;
  const placeName = lookupPlace(textOf(text, words, run.first, run.last));
  // (Nor a surname after a given name, ending the name: "Martin Luther King Jr", "Stephen King", "Julie Bishop".)
  const surname = (k: number): boolean => {
    const ends = k === run.last - 1 || (k === run.last - 2 && /^(Jr|Jnr|Sr|Snr|II|III|IV)\.?$/.test(words[k + 1]!.text));
    const given = (j: number): boolean => j >= run.first && isGivenName(words[j]!.text) && !isTitlish(words[j]) && nameShaped(words[j]!);
    return ends && SURNAME_TITLES.has(words[k]!.lower) && !PARTY_NAMES.has(words[run.first]!.lower) && (given(k - 1) || (given(k - 2) && nameShaped(words[k - 1]!) && !isTitlish(words[k - 1])));
  };
  // (Nor in a listed company's name: "General Electric", "General Dynamics".)
  if (!placeName && !orgKind(textOf(text, words, run.first, run.last))) for (let k = run.first; k < run.last; k++) if (isTitle(words[k]) && !portfolioOfBody(words, run.first, k) && !namesHead(words, k, run.last) && !surname(k)) lastTitle = k;
  // "Lawmakers Fred Kapondi and Joshua Kutuny": a title in the plural opening the run, before a name.
  // (Not a crown's: "Queens Park Rangers", "Kings Cross".)
  if (lastTitle < 0 && run.last - run.first >= 3 && isTitlePlural(words[run.first]!.lower) && !/^(kings|queens|princes|princesses|lords|ladies|dames)$/.test(words[run.first]!.lower) && isGivenName(words[run.first + 1]!.text)) lastTitle = run.first;
  if (lastTitle >= 0) {
    if (lastTitle === run.last - 1) {
      // Only a title ("the Ukrainian President"); a place that opens it is named ("a U.S. Senator from
      // Iowa", "the Seminole County Sheriff").
      let opens = run.first;
      while (opens < lastTitle && !isTitle(words[opens]) && !isTitlish(words[opens])) opens++;
      if (opens === run.first) return undefined;
      const name = textOf(text, words, run.first, opens);
      const place = lookupPlace(name) ?? (opens - run.first >= 2 && PLACE_HEADS.has(bare(words[opens - 1]!.text)) ? { key: `place:${fold(name)}`, name, reason: 'same place name' } : undefined);
      // (Not a given name before a surname that is a title too: "Paul King".)
      if (!place || words.slice(run.first, opens).some((w) => lookupDemonym(w.text) || isGivenName(w.text))) return undefined;
      return { first: run.first, last: opens, name, type: 'Location', place };
    }
    // "Secretary of State Antony Blinken", "Minister of Foreign Affairs Sergei Lavrov": the portfolio is
    // part of the title, and the person follows it.
    if (words[lastTitle + 1]?.text === 'of') {
      let j = lastTitle + 2;
      if (words[j]?.text === 'the') j++;
      const from = j;
      while (j < run.last - 1 && PORTFOLIOS.has(words[j]!.lower)) j++;
      if (j > from && j < run.last) lastTitle = j - 1;
    }
    // "Mayor of London Sadiq Khan", "Archbishop of Canterbury Justin Welby", "Secretary-General of NATO
    // Mark Rutte": a place, a listed company or an acronym after "of", then a person's name of two to four
    // words: what comes after "of" is part of the title, the name is the person's.
    if (words[lastTitle + 1]?.text === 'of') {
      const k = lastTitle + 2;
      let ownerEnd = 0;
      for (let e = k + 1; e <= run.last - 2 && e <= k + 4; e++) {
        const rest = words.slice(e, run.last);
        const owner = textOf(text, words, k, e);
        if ((lookupPlace(owner) || orgKind(owner)?.startsWith('company') || (e === k + 1 && (ACRONYM.test(owner) || INSTITUTIONS.has(words[k]!.lower)))) && rest.length <= 4 && rest.every((w) => nameShaped(w) && !isTitlish(w) && !ORG_HEADS.has(bare(w.text)) && !lookupPlace(w.text) && !lookupDemonym(w.text))) ownerEnd = e;
      }
      if (ownerEnd) lastTitle = ownerEnd - 1;
    }
    if (words[lastTitle + 1]?.text === 'of') {
      // "Co-founder of Australians Against Further Immigration": what follows is the body, typed on its own.
      let k = lastTitle + 2;
      if (words[k]?.text === 'the') k++;
      if (k >= run.last) return undefined;
      const body: Candidate = { first: k, last: run.last, name: textOf(text, words, k, run.last), type: undefined };
      body.type = typeOf(words, body, ctx);
      if (body.type === 'Location') body.place = lookupPlace(body.name) ?? { key: `place:${fold(body.name)}`, name: body.name, reason: 'same place name' };
      return body.type && body.type !== 'Person' ? body : undefined;
    }
    roleText = textOf(text, words, run.first, lastTitle + 1);
    for (let k = run.first; k < lastTitle; k++) {
      const w = words[k]!;
      // "South African President": a nationality of two words.
      const pair = k + 1 < lastTitle ? `${w.text} ${words[k + 1]!.text}` : '';
      if (pair && lookupDemonym(pair)) {
        holder = { first: k, last: k + 2 };
        break;
      }
      if (lookupDemonym(w.text) || lookupPlace(w.text) || INSTITUTIONS.has(w.lower) || ACRONYM.test(w.text) || DOTTED.test(w.text)) {
        holder = { first: k, last: k + 1 };
        break;
      }
    }
    // "Toyota President Koji Sato": the name before the title, which holds the role when the article
    // names it elsewhere as an organization or a place (a role's holder is kept only if it is an entity).
    if (!holder) {
      let f = run.first;
      while (f < lastTitle && isTitlish(words[f])) f++;
      let l = f;
      while (l < lastTitle && !isTitlish(words[l]) && isCap(words[l]!)) l++;
      if (l > f && l - f <= 4) holder = { first: f, last: l };
    }
    first = lastTitle + 1;
  }
  // "President of Ukraine" style: a run that is only titles up to "of".
  const name = textOf(text, words, first, last);
  if (run.last - first === 1 && (NOT_NAMES.has(words[first]!.lower) || TITLE_MODIFIERS.has(words[first]!.lower))) return undefined;
  if ([...Array(last - first).keys()].every((k) => isTitlish(words[first + k]))) return undefined;

  // An honorific right before the name: "Mr Kennedy", "Mrs. Thatcher", "Dr Smith".
  const honorific = words[run.first - 1];
  if (!roleText && honorific && HONORIFICS.has(bare(honorific.text)) && run.first - 1 >= sFirst) roleText = honorific.text;

  // Lowercase titles just before the run: "Kremlin spokesman Dmitry Peskov", "regional head Oleh Syniehubov".
  if (!roleText) {
    let k = run.first - 1;
    let sawTitle = false;
    while (k >= sFirst && isTitlish(words[k]) && (!isCap(words[k]!) || /^C[EFOT]O$/.test(words[k]!.text))) {
      if (isTitle(words[k])) sawTitle = true;
      k--;
    }
    if (sawTitle) {
      let roleStart = k + 1;
      const h = words[k];
      if (h && k >= sFirst) {
        if (POSSESSIVE.has(h.text) && k - 1 >= sFirst) {
          holder = possessor(words, k - 1, sFirst);
          if (holder) roleStart = holder.first;
        } else if (isCap(h)) {
          // "Microsoft chief executive Satya Nadella": before a title only a body gives, any name is that body.
          let hr = capitalBefore(words, k, sFirst);
          // A sentence's first word is a name only when the text capitalizes it elsewhere too ("Steel analyst" is not).
          const initial = k === sFirst || /^["“”'’(:.—–-]$/.test(words[k - 1]?.text ?? '');
          const named = !initial || capitalizedInside(text, h.text);
          if (!hr && named && bodyTitleAfter(words, k + 1) && !NOT_NAMES.has(h.lower)) {
            let f = k;
            while (f - 1 >= sFirst && isCap(words[f - 1]!) && !isTitlish(words[f - 1])) f--;
            hr = { first: f, last: k + 1 };
          }
          if (hr) {
            holder = hr;
            roleStart = hr.first;
          }
        }
      }
      roleText = textOf(text, words, roleStart, run.first);
    }
  }

  // Apposition after the name: "Steve Witkoff, the US envoy," / "Burhanettin Duran, Turkey's head of ...".
  if (!roleText && words[last]?.text === ',') {
    let k = last + 1;
    const end = Math.min(sLast, last + 14);
    let sawTitle = false;
    let lastTitle = -1;
    let h: Run | undefined;
    let owner: Run | undefined;
    while (k < end && words[k]!.text !== ',' && !/^(VERB|AUX)$/.test(words[k]!.pos)) {
      const w = words[k]!;
      if (isTitle(w) && !isCap(w)) {
        sawTitle = true;
        lastTitle = k;
      }
      const compound = words[k + 1]?.text === '-' && !words[k + 1]!.spaceBefore;
      if (!h && !compound && isCap(w) && (lookupPlace(w.text) || lookupDemonym(w.text) || ACRONYM.test(w.text) || DOTTED.test(w.text))) h = { first: k, last: k + 1 };
      // "Rachel Ruggeri, Starbucks' executive vice president": the name before a possessive holds the title.
      if (!owner && !sawTitle && isCap(w) && POSSESSIVE.has(words[k + 1]?.text ?? '')) {
        let f = k;
        while (f - 1 > last && isCap(words[f - 1]!)) f--;
        owner = { first: f, last: k + 1 };
      }
      k++;
    }
    // An apposition closes with a comma or the sentence; one that runs into a verb is that verb's subject,
    // unless it is an owner's title ("Mahmood Yakubu, INEC's chief announced ..."): it ends with the title.
    const closed = k >= sLast || words[k]!.text === ',' || /^[.;:]$/.test(words[k]!.text);
    // (Not when a name follows the title: "..., Lib Dem's elections chief Lord Rennard said" is his title.)
    const owned = !closed && sawTitle && owner !== undefined && words[last + 1] === words[owner.first - (words[owner.first - 1]?.lower === 'the' ? 1 : 0)] && !isCap(words[lastTitle + 1]!);
    if (owned) k = lastTitle + 1;
    // The owner's title follows its possessive at once ("Sony's European president"), not another name
    // ("Ray's Taylor Hackford and British director").
    if (owner) {
      let j = owner.last + 1;
      while (j < k && !isTitle(words[j]) && (!isCap(words[j]!) || isTitlish(words[j]) || lookupDemonym(words[j]!.text)) && words[j]!.lower !== 'and') j++;
      if (j >= k || !isTitle(words[j])) owner = undefined;
    }
    if (owned && !owner) sawTitle = false;
    if (owner) h = owner;
    if (sawTitle && (closed || owned)) {
      roleText = textOf(text, words, last + 1, k);
      holder = h;
      // "... and the leader of the European Solidarity party": organizations after "of" hold a role too.
      for (const r of findRuns(words, last + 1, k)) {
        if (words[r.first - 1]?.lower === 'of' || words[r.first - 1]?.lower === 'the') {
          if (h && r.first === h.first) continue;
          extraHolders.push(r);
        }
      }
    }
  }

  // Apposition before the name: "The commander of Ukraine's Unmanned Systems Forces, Maj. Robert Brovdi".
  let comma = run.first - 1;
  while (comma > sFirst && (words[comma]!.text === '.' || isTitle(words[comma]))) comma--;
  if (words[comma]?.text === ',' && !holder) {
    let k = comma - 1;
    let sawTitle = false;
    let h: Run | undefined;
    while (k >= sFirst && words[k]!.text !== ',' && comma - k < 16) {
      if (isTitle(words[k]) && !isCap(words[k]!)) sawTitle = true;
      k--;
    }
    if (sawTitle) {
      const segFirst = k + 1;
      // "Russian-appointed head": a nationality inside a compound is not the holder.
      const segRuns = findRuns(words, segFirst, comma).filter((r) => !(words[r.last]?.text === '-' && !words[r.last]!.spaceBefore));
      const lastRun = segRuns.at(-1);
      if (lastRun) h = lastRun;
      roleText ??= textOf(text, words, segFirst, comma).replace(/^(the|a|an)\s+/i, '');
      holder = h;
    }
  }

  let cand: Candidate = { first, last, name, type: undefined };
  if (roleText) cand.role = { text: roleText, holder, more: extraHolders };
  cand.type = typeOf(words, cand, ctx);
  // (A coined word, as the tagger's below: "invested in OpenAI", "WorldCom said".)
  if ((cand.type === 'Location' || cand.type === 'Person') && last - first === 1 && !roleText && coined(name)) cand.type = 'Organization';
  // "County Coroner William McLaughlin": a given name inside a longer run starts the person's name;
  // the capitalized words before it are a title.
  // Only when a word before it is a title or a head ("Coroner", "County"): "Asif Ali Zardari" is one name.
  if (cand.type === undefined && last - first >= 3 && words.slice(first, last - 2).some((w) => isTitlish(w) || ORG_HEADS.has(bare(w.text)) || PLACE_HEADS.has(bare(w.text)))) {
    // From the end: the given name nearest the surname ("Tower Man George F. Hauser" is George F. Hauser).
    for (let k = last - 2; k >= first + 1; k--) {
      if (!isGivenName(words[k]!.text) || ORG_HEADS.has(bare(words[k - 1]!.text))) continue;
      const rest: Candidate = { first: k, last, name: textOf(text, words, k, last), type: undefined };
      if (typeOf(words, rest, ctx) === 'Person') {
        cand = { ...rest, type: 'Person', role: { text: textOf(text, words, first, k), holder: undefined } };
        break;
      }
    }
  }
  // "Australian Tom Moody": a nationality adjective before a person's name is not part of it.
  if (cand.type !== 'Person' && last - first >= 3 && lookupDemonym(words[first]!.text)) {
    const rest: Candidate = { first: first + 1, last, name: textOf(text, words, first + 1, last), type: undefined };
    if (typeOf(words, rest, ctx) === 'Person') cand = { ...rest, type: 'Person' };
  }
  if (cand.type !== 'Person') delete cand.role;
  if (cand.type === 'Location') {
    const p = lookupPlace(name) ?? stateAfterTown(words, { first, last }, sFirst);
    cand.place = p ?? { key: `place:${fold(name)}`, name, reason: 'same place name' };
  }
  return cand;
}

/** The abbreviations of the US states that news writes after a town ("Irvine, Calif.", "Rochester, N.H."). */
const US_STATES: Record<string, string> = {
  ala: 'Alabama', ariz: 'Arizona', ark: 'Arkansas', calif: 'California', colo: 'Colorado', conn: 'Connecticut', del: 'Delaware', fla: 'Florida', ga: 'Georgia',
  ill: 'Illinois', ind: 'Indiana', kan: 'Kansas', ky: 'Kentucky', la: 'Louisiana', md: 'Maryland', mass: 'Massachusetts', mich: 'Michigan', minn: 'Minnesota',
  miss: 'Mississippi', mo: 'Missouri', mont: 'Montana', neb: 'Nebraska', nev: 'Nevada', 'n.h': 'New Hampshire', 'n.j': 'New Jersey', 'n.m': 'New Mexico',
  'n.y': 'New York', 'n.c': 'North Carolina', 'n.d': 'North Dakota', okla: 'Oklahoma', ore: 'Oregon', pa: 'Pennsylvania', 'r.i': 'Rhode Island',
  's.c': 'South Carolina', 's.d': 'South Dakota', tenn: 'Tennessee', tex: 'Texas', vt: 'Vermont', va: 'Virginia', wash: 'Washington', 'w.va': 'West Virginia',
  wis: 'Wisconsin', wyo: 'Wyoming',
};

/** "FARMINGTON HILLS, Mich.", "St. Petersburg, Fla.": a state's abbreviation after a town and a comma is the state. */
function stateAfterTown(words: readonly Word[], run: Run, sFirst: number): PlaceMatch | undefined {
  if (run.last - run.first !== 1 || run.first - 2 < sFirst || words[run.first - 1]!.text !== ',' || !isCap(words[run.first - 2]!)) return undefined;
  const state = US_STATES[bare(words[run.first]!.text)];
  return state ? { key: `place:${fold(state)}`, name: state, reason: 'a US state as news abbreviates it after a town' } : undefined;
}

/** The possessor before "'s": one capitalized run ending at index k. */
function possessor(words: readonly Word[], k: number, sFirst: number): Run | undefined {
  if (!isCap(words[k]!)) return undefined;
  let f = k;
  while (f - 1 >= sFirst && isCap(words[f - 1]!)) f--;
  return { first: f, last: k + 1 };
}

function capitalBefore(words: readonly Word[], k: number, sFirst: number): Run | undefined {
  const w = words[k]!;
  if (!(lookupPlace(w.text) || lookupDemonym(w.text) || INSTITUTIONS.has(w.lower) || PARTY_NAMES.has(w.lower) || ORG_HEADS.has(bare(w.text)) || ACRONYM.test(w.text) || DOTTED.test(w.text))) return undefined;
  let f = k;
  while (f - 1 >= sFirst && isCap(words[f - 1]!) && !isTitlish(words[f - 1])) f--;
  return { first: f, last: k + 1 };
}

/** The countries whose regions English-language news names as places without more ado. */
const ENGLISH_SPEAKING = new Set(['United States', 'United Kingdom', 'Canada', 'Australia', 'Ireland', 'New Zealand']);

/**
 * What the name is said to be, by an apposition or "is"/"was" after it: "Rosneft, a Russian oil firm",
 * "Veritas, the software maker", "Marsh is an insurance broker" (an organization noun), "Boultham is a
 * village in Lincolnshire" (a place noun), within the phrase's first five words, before any other
 * punctuation, title or verb.
 */
function describedAs(words: readonly Word[], after: number): string | undefined {
  const copula = /^(is|was)$/.test(words[after]?.lower ?? '');
  if ((words[after]?.text !== ',' && !copula) || !(copula ? /^(a|an)$/ : /^(a|an|the)$/).test(words[after + 1]?.lower ?? '')) return undefined;
  for (let k = after + 2; k < after + 11; k++) {
    const w = words[k];
    // Within the noun phrase: no punctuation, title, verb or preposition ("the godfather of the group"), no
    // capitalized word but a nationality or a place ("a University of Michigan librarian"); a hyphen and a
    // possessive may be in it ("the world's second-largest container shipping company").
    const inPhrase = (w?.text === '-' && !w.spaceBefore) || (!!w && POSSESSIVE.has(w.text) && !w.spaceBefore && k > after + 2);
    if (!w || w.sentence !== words[after]!.sentence || (/^\p{P}+$/u.test(w.text) && !inPhrase) || isTitle(w) || /^(VERB|AUX|ADP|CCONJ)$/.test(w.pos)) return undefined;
    if (isCap(w) && !lookupDemonym(w.text) && !lookupPlace(w.text)) return undefined;
    // (The noun heads the phrase: "Smith, a company spokesman" names a person; "a town councillor" too.)
    if (APPOSITION_BODIES.has(w.lower) || PLACE_KINDS.has(w.lower)) return words[k + 1] && (isTitle(words[k + 1]) || words[k + 1]!.pos === 'NOUN') ? undefined : w.lower;
  }
  return undefined;
}

/** What a place is said to be: "Boultham is a village in Lincolnshire", "Robotyne, a village in ...". */
const PLACE_KINDS = new Set('village town city suburb municipality commune hamlet river lake island county district region province neighbourhood neighborhood parish borough settlement township oblast'.split(' '));

/** The organization nouns of ORG_CUES that name no person ("a senior broadcaster", "the publisher" may). */
const APPOSITION_BODIES = new Set([
  ...[...ORG_CUES].filter((w) => !/s$/.test(w) && !/^(broadcaster|publisher|operator|carrier|maker|duo|trio|quartet)$/.test(w)),
  // and the nouns that say what a body is only after its name ("Bilka is a Danish chain of hypermarkets").
  ...'chain brand corporation organisation organization association charity magazine journal league federation foundation developer distributor supplier supermarket'.split(' '),
]);

/** Heads of bodies named for what they are for ("Institute for Fiscal Studies", "Campaign for Nuclear Disarmament"). */
const FOR_HEADS = new Set([...PUBLIC_BODY_HEADS, 'centre', 'center', 'fund', 'society', 'campaign', 'coalition', 'alliance', 'bank', 'association', 'organisation', 'organization', 'federation', 'network', 'foundation', 'museum', 'council']);

/** What a club has, after its name: "a Chelsea side", "Arsenal's squad", "the Everton boss". */
const TEAM_AFTER = new Set(['side', 'team', 'squad', 'boss', 'manager', 'fans', 'supporters', 'striker', 'midfielder', 'defender', 'goalkeeper', 'captain', 'winger', 'players', 'player', 'star', 'academy', 'chairman', 'coach']);

/** Titles that are English surnames too ("Stephen King", "John Major", "Julie Bishop"). */
const SURNAME_TITLES = new Set(['king', 'bishop', 'major', 'judge', 'marshal', 'marshall', 'dean', 'prince', 'abbott', 'duke', 'earl', 'baron', 'knight', 'sheriff', 'mayor', 'pope', 'cardinal', 'chancellor', 'chamberlain', 'provost', 'steward', 'constable', 'pastor', 'deacon', 'sergeant', 'squire', 'bailey']);

/** A coined name: a capital inside a word after small letters ("OpenAI", "PwC", "WorldCom"), not a surname's prefix ("McAllen", "DeShawn", "O'Brien"). */
const COINED = /^(?!Mc|Mac|Di|De|Da|Du|La|Le|Van|Von|Fitz|Ja|O')\p{Lu}\p{Ll}+\p{Lu}\p{L}*$/u;
const coined = (name: string): boolean => COINED.test(name) && !lookupPlace(name);

const YEAR = /^(?:c\.?)?\d{3,4}$/;
/** A part of a date in a life's brackets: "c.", "circa", a day or a year, "1806-1843", "c.1240". */
const DATE_PART = /^(?:c\.?|circa|\d{1,4}|\d{3,4}[-–—]\d{2,4}|c\.?\d{3,4})$/i;
const DASH = /^(?:-|–|—|--)$/;

/**
 * Brackets at word k that hold the dates of a life: "(born 22 October 1988)", "(1806-1843)",
 * "(c.1240 - c.1300)", "(20 January 1793 Frankfurt -- 7 July 1866)".
 */
function lifeDatesAfter(words: readonly Word[], k: number): boolean {
  // (Past "commonly known as Cabral," and a comma: "Adilson Tavares Varela, commonly known as Cabral, (born 1988)".)
  if (words[k]?.text === ',' && /^(?:commonly|better|also|popularly|simply)$/.test(words[k + 1]?.lower ?? '') && words[k + 2]?.lower === 'known' && words[k + 3]?.lower === 'as') {
    k += 4;
    while (words[k] && isCap(words[k]!)) k++;
  }
  if (words[k]?.text === ',') k++;
  if (words[k]?.text !== '(') return false;
  const inner: Word[] = [];
  for (let j = k + 1; j < k + 14 && words[j] && words[j]!.text !== ')'; j++) inner.push(words[j]!);
  const close = words[k + 1 + inner.length];
  if (close?.text !== ')' || inner.length === 0) return false;
  if (/^(?:born|b\.)$/.test(inner[0]!.lower)) return inner.some((w) => /^\d{4}$/.test(w.text));
  // Two years and a dash between them, and nothing else but days, months, "c." and a town's name.
  const years = inner.flatMap((w) => w.text.split(/[-–—]/)).filter((t) => YEAR.test(t)).length;
  const dash = inner.some((w) => DASH.test(w.text) || /^\d{3,4}[-–—]\d{2,4}$/.test(w.text));
  const dated = DATE_PART.test(inner[0]!.text) || isMonthName(inner[0]!.text);
  return years >= 2 && dash && dated && inner.every((w) => DATE_PART.test(w.text) || w.text === ',' || w.text === '.' || DASH.test(w.text) || isMonthName(w.text) || (isCap(w) && nameShaped(w)));
}

function typeOf(words: readonly Word[], c: Candidate, ctx: SentenceContext): EntityType | undefined {
  const numbered = c.last - c.first >= 2 && /^(\d{1,3}|One|Two|Three|Four|Five)$/.test(words[c.last - 1]!.text) ? NUMBERED.get(words[c.last - 2]!.text) : undefined;
  if (numbered) return numbered;
  // 'Dwayne "The Rock" Johnson': a given name, a nickname in quotes and a surname (see findRuns).
  const nickAt = (k: number): boolean => c.last - c.first >= k + 3 && /^["“]$/.test(words[c.first + k]?.text ?? '');
  if (isGivenName(words[c.first]!.text) && (nickAt(1) || nickAt(2))) return 'Person';
  const { sFirst, allCaps } = ctx;
  const ws = words.slice(c.first, c.last);
  const firstW = ws[0]!;
  const lastW = ws[ws.length - 1]!;
  const lastBare = bare(lastW.text);
  const next = words[c.last];
  const next2 = words[c.last + 1];
  const prev = c.first - 1 >= sFirst ? words[c.first - 1] : undefined;
  const prev2 = c.first - 2 >= sFirst ? words[c.first - 2] : undefined;
  const startsSentence = c.first === sFirst;

  if (stateAfterTown(words, c, sFirst)) return 'Location';
  // "Chad Edward Gaudin (born March 24, 1983)", "Stanisław Baranowski (1806-1843)": a name before the
  // dates of a life in brackets is a person's (not a place's, a body's or an event's: "the Ottoman
  // Empire (1299-1922)", "the Soviet Union (1922-1991)", "World War II (1939-1945)").
  if (lifeDatesAfter(words, c.last) && ws.every((w) => nameShaped(w) || CONNECTORS.has(w.text)) && !lookupPlace(c.name) && !ws.some((w) => ORG_HEADS.has(bare(w.text)) || PLACE_HEADS.has(bare(w.text)) || isEventHead(bare(w.text)) || lookupDemonym(w.text)) && !orgKind(c.name)) return 'Person';
  // "Xóchitl Gálvez of the Broad Front", "Kwame Mensah of the University of Ghana": a name of two or three
  // words, not after "the", then "of the" and a body, is someone who belongs to it.
  if (next?.lower === 'of' && next2?.lower === 'the' && prev?.lower !== 'the' && ws.length >= 2 && ws.length <= 3 && ws.every((w) => nameShaped(w) && !isTitlish(w) && !ORG_HEADS.has(bare(w.text)) && !ORG_STARTS.has(w.lower) && !INSTITUTIONS.has(w.lower) && !lookupPlace(w.text) && !lookupDemonym(w.text)) && !lookupPlace(c.name) && !orgKind(c.name) && bodyAfter(words, c.last + 1)) return 'Person';
  // "Toyota chairman Akio Toyoda", "Chipotle CEO Brian Niccol", "Chelsea manager Enzo Maresca": the name
  // before a company's or a club's title and a person is the body they work for (countries stay places).
  if (bodyTitleAfter(words, c.last) && !lookupPlace(c.name)?.key.startsWith('country:') && !ws.some((w) => lookupDemonym(w.text))) return 'Organization';
  // "Sinn Fein leader Mary Lou McDonald", "Liberal Democrat leader Charles Kennedy": what a leader leads,
  // a name of two words or more that is no place ("Northern Ireland leader") nor a person's; one word may
  // be a place the gazetteer lacks ("Catalonia leader") or an adjective ("Soviet leader").
  if (next?.text === 'leader' && next2 && isCap(next2) && next2.spaceBefore && !NOT_NAMES.has(next2.lower) && ws.length >= 2 && !lookupPlace(c.name) && !lookupDemonym(c.name) && placePopulation(c.name) === 0 && !ws.some((w) => lookupDemonym(w.text) || isTitlish(w) || lookupPlace(w.text)) && !isGivenName(firstW.text)) return 'Organization';
  // "The former Taco Bell CEO is ...", "an analyst at Nomura", "head of the IP Law Group at Hall Estill":
  // what has a company's officers, or employs an analyst, is a company (not a place: "a professor at Oxford").
  if ((officerAfter(words, c.last) || employedAt(words, c.first)) && !lookupPlace(c.name) && placePopulation(c.name) === 0 && !ws.some((w) => lookupDemonym(w.text))) return 'Organization';
  // "the former Chelsea and Bayern Munich boss", "the Toyota and Honda chairmen": a name coordinated with
  // another before a club's or a company's title (not a given name and a surname: "Heather Mills and ...").
  if (sharedTitleAfter(words, c.last) && !lookupPlace(c.name)?.key.startsWith('country:') && !isNation(c.name) && !ws.some((w) => lookupDemonym(w.text)) && !(ws.length >= 2 && isGivenName(firstW.text)) && firstW.pos === 'PROPN') return 'Organization';
  // "Pirelli shares rose", "Comelf's shares", "shares of Zantrex", "a stake in Petofi": what has shares or
  // a stake is a company, even under a town's or a person's name; not a market's place or people ("London
  // shares", "Irish shares"), nor a word that only opens sentences ("Tobacco stocks").
  const market = (): boolean => { const p = lookupPlace(c.name); return (!!p && !p.regionOf) || ws.some((w) => lookupDemonym(w.text)) || (startsSentence && ws.length === 1 && !writtenAsName(words, firstW.text)); };
  if (traded(words, c) && !market()) return 'Organization';
  // "Mr. Bolton", "President Lincoln": a title or an honorific names a person, also by a town's name.
  const titled = prev !== undefined && (HONORIFICS.has(bare(prev.text)) || (isTitle(prev) && c.role !== undefined));
  if (titled && !lookupPlace(c.name)?.key.startsWith('country:') && !ws.some((w) => lookupDemonym(w.text) || NOT_NAMES.has(w.lower) || ACRONYM.test(w.text))) return 'Person';
  // "G. Hamilton 61", "K. Evans": an initial and a surname name a person, also by a town's name (not a
  // company listed so, "J. Sainsbury").
  const afterInitial = /^\p{Lu}\.$/u.test(firstW.text) ? ws.slice(1) : /^\p{Lu}$/u.test(firstW.text) && ws[1]?.text === '.' ? ws.slice(2) : [];
  if (afterInitial.length >= 1 && afterInitial.length <= 2 && afterInitial.every((w) => nameShaped(w) && !/^\p{Lu}\.?$/u.test(w.text) && !ORG_HEADS.has(bare(w.text))) && !orgKind(c.name)) return 'Person';
  // "26 games for Lausanne", "signed with Coburg", "captained Gloucester": who a player plays for is a
  // team, even under its town's name (not a country or a nation, which news names for its national side,
  // nor a person's full name, nor "Israeli club Hapoel").
  if (playsFor(words, c.first) && !lookupPlace(c.name)?.key.startsWith('country:') && !isNation(c.name) && !(ws.length >= 2 && isGivenName(firstW.text)) && !ws.some((w) => lookupDemonym(w.text))) return 'Organization';
  // "Wrexham were promoted", "Leicester have been relegated": a town or a club that goes up or down a league is its club.
  {
    let k = c.last;
    while (k < c.last + 3 && /^(were|was|are|is|have|has|had|been|will|be|could|would|may)$/.test(words[k]?.text ?? '')) k++;
    const team = placePopulation(c.name) >= 10_000 || isClubWord(c.name) || orgKind(c.name) === 'club';
    if (/^(promoted|relegated)$/.test(words[k]?.text ?? '') && team && !lookupPlace(c.name)?.key.startsWith('country:') && !isNation(c.name)) return 'Organization';
  }
  // "Coldplay have sold millions", "Leeds are top": a name that takes a plural verb is a group (a band, a
  // team, a company), never a person, nor a town (a country stays a place: "England were beaten" is its side).
  if (
    groupVerbAfter(words, c) &&
    !lookupPlace(c.name)?.key.startsWith('country:') &&
    !isNation(c.name) &&
    // (Nor a nationality, "Europeans were"; an event or a law, "the FIFA World Cup", "the Hunting Bill"; a model, "A350".)
    !ws.some((w) => lookupDemonym(w.text) || lookupDemonym(w.text.replace(/s$/, '')) || NOT_NAMES.has(w.lower) || PLACE_HEADS.has(bare(w.text)) || COMPASS.has(w.lower) || /\d/.test(w.text)) &&
    !isEventHead(lastBare) &&
    !(ws.length === 1 && (ORG_HEADS.has(bare(firstW.text)) || TITLE_WORDS.has(firstW.lower.replace(/s$/, '')))) &&
    !(ws.length >= 2 && isGivenName(firstW.text)) &&
    // (Not a plural noun: "PCs", "CSOs"; nor a common one opening the sentence, "Ministers were", "Critics have".)
    !/^\p{Lu}+s$/u.test(lastW.text) &&
    !(startsSentence && ws.length === 1 && !writtenAsName(words, firstW.text))
  )
    return 'Organization';
  // "Chelsea won", "Everton lost again": a club's one-word name that wins or loses is the club, also when
  // it is a given name or a town's too (not a country: "Jordan won" is left to the others).
  if (ws.length === 1 && isClubWord(c.name) && competes(words, c) && !lookupPlace(c.name)?.key.startsWith('country:') && !isNation(c.name)) return 'Organization';
  // "McLaren team principal Andrea Stella", "the Mercedes team boss": a team's head after the name.
  if (next?.text === 'team' && /^(principal|boss|owner|chief|director|manager)$/.test(next2?.text ?? '') && !lookupPlace(c.name) && !isNation(c.name) && !ws.some((w) => lookupDemonym(w.text))) return 'Organization';
  const place = lookupPlace(c.name);
  if (place) {
    // "Washington Post" is not Washington; "in Berlin Thursday" is Berlin.
    if (next && isCap(next) && !allCaps && !neverName(next.text)) return undefined;
    // A region's name that is a given name too is left open ("Paul", a district of Cape Verde; "Cesar", a
    // department of Colombia): the tagger reads it in its context. Not when a city of 100,000 or more has
    // the name ("Leicester", "Constantine"), nor the states and counties of the English-speaking countries
    // whose news kg reads most ("Devon", "Victoria", "Kerry").
    if (ws.length === 1 && place.regionOf && isGivenName(firstW.text) && placePopulation(c.name) < 100_000 && !ENGLISH_SPEAKING.has(place.regionOf)) return undefined;
    return 'Location';
  }
  if (ws.every((w) => lookupDemonym(w.text) || NOT_NAMES.has(w.lower) || w.text === '-')) return undefined;
  // "the Olympics", "the Bill": an event or a law named by its head alone.
  if (ws.length === 1 && prev?.lower === 'the' && isEventHead(lastBare)) return undefined;
  if (officeHolders(ws.map((w) => w.lower), prev?.lower)) return undefined;
  if ((ws.length === 1 && PARTY_NAMES.has(firstW.lower)) || /^lib dems?$/i.test(c.name)) return 'Organization';
  // "New Labour", "Old Labour", "Scottish Labour", "Welsh Conservatives": a party under its era's or nation's name.
  if (ws.length === 2 && PARTY_NAMES.has(lastW.lower) && (/^(new|old)$/.test(firstW.lower) || lookupDemonym(firstW.text))) return 'Organization';
  // A club or a company the gazetteer lists under a name of two words or more ("Real Madrid", "Goldman Sachs").
  if (ws.length > 1 && orgKind(c.name)) return 'Organization';
  // "chief executive of Microsoft", "the chairman of Vodafone KK": what a person heads, not a place, is a body.
  if (bodyTitleBefore(words, c.first, sFirst) && next?.text !== '-' && placePopulation(c.name) < 100_000) return 'Organization';
  // A title before an acronym is its adjective ("the official IRNA news agency"): persons are not named so.
  if (c.role && !(ws.length === 1 && ACRONYM.test(firstW.text))) return 'Person';
  // A company of one word that is no English word, given name or town of 30,000 people or more
  // ("Microsoft", "Halliburton"; "Nokia" and "Cisco" are small towns too, "Dover" and "Toyota" larger ones).
  if (ws.length === 1 && orgKind(c.name) === 'company' && !isGivenName(firstW.text) && placePopulation(c.name) < 30_000) return 'Organization';
  // An airline: "Air China", "Air India", "Air Jamaica" (not "Air Force Base", "Air Bag").
  if (ws.length === 2 && firstW.text === 'Air' && (lookupPlace(lastW.text) || placePopulation(lastW.text) > 0)) return 'Organization';
  // ("ATACMS long-range missiles", not "the Houthis fired missiles": a modifier between, no verb.)
  if (next && (PRODUCT_CUES.has(next.lower) || (next2 && PRODUCT_CUES.has(next2.lower) && !isCap(next) && next.pos !== 'VERB' && next.pos !== 'AUX' && next.pos !== 'ADP'))) return 'Product';
  // "the spacecraft Chandrayaan-3", "the smartphone Galaxy S24", "the console PSP": a product's noun before
  // the name (not a person's name, nor a place's).
  if (prev && PRODUCT_BEFORE.has(prev.text) && !lookupPlace(c.name) && !(ws.length >= 2 && isGivenName(firstW.text))) return 'Product';
  // The head may close a hyphened word: "the Fort Worth Star-Telegram", "the Austin American-Statesman".
  if (ws.length > 1 && (ORG_HEADS.has(lastBare) || ORG_HEADS.has(lastBare.slice(lastBare.lastIndexOf('-') + 1)) || ORG_STARTS.has(firstW.lower))) return 'Organization';
  // "Army of the Potomac", "Bank of England", "International Court of Justice"; "Procter & Gamble".
  // Inside a name, only when no "and" or "for" goes on with it on either side ("National Institute of
  // Economic and Social Research", "Newfoundland and Labrador Court of Appeal", "Court of Arbitration for
  // Sport" are longer than their runs: the tagger reads them whole).
  if (ws.length > 2 && ORG_HEADS.has(bare(firstW.text)) && ws[1]!.lower === 'of') return 'Organization';
  // "the Island of Divar", "the City of Little Falls", "the Grand Duchy of Poznań": a place's head, then "of".
  if (ws.length > 2 && PLACE_HEADS.has(bare(firstW.text)) && ws[1]!.lower === 'of' && !ORG_HEADS.has(lastBare)) return 'Location';
  const goesOn = ((next?.lower === 'and' || next?.lower === 'for') && next2 && isCap(next2)) || (prev?.lower === 'and' && prev2 && isCap(prev2));
  if (!goesOn && ws.some((w, k) => k < ws.length - 2 && ORG_HEADS.has(bare(w.text)) && ws[k + 1]!.lower === 'of')) return 'Organization';
  if (ws.some((w) => w.text === '&' || /\p{L}&\p{L}/u.test(w.text))) return 'Organization';
  if (ws.length === 1 && INSTITUTIONS.has(firstW.lower)) return 'Organization';
  if (next && (next.lower === 'party' || (next.lower === 'opposition' && next2?.lower === 'party'))) return 'Organization';
  // "a Chelsea side", "Chelsea's squad", "the Arsenal boss": a club the gazetteer lists, before what a club
  // has, is the club, also under a given name or a town's.
  {
    const at = POSSESSIVE.has(next?.text ?? '') && !next!.spaceBefore ? c.last + 1 : c.last;
    if (TEAM_AFTER.has(words[at]?.text ?? '') && (orgKind(c.name) === 'club' || isClubWord(c.name)) && !lookupPlace(c.name)?.key.startsWith('country:') && !isNation(c.name)) return 'Organization';
  }
  // "the Biden administration", "the Obama presidency": the name of the president, not a body.
  if (next && /^(administration|presidency)$/.test(next.text) && prev?.lower === 'the' && ws.length <= 3 && ws.every((w) => nameShaped(w) && !ORG_HEADS.has(bare(w.text)) && !lookupPlace(w.text) && !lookupDemonym(w.text) && !PARTY_NAMES.has(w.lower) && !INSTITUTIONS.has(w.lower) && !ACRONYM.test(w.text)) && !orgKind(c.name)) return 'Person';
  // "the Gardes Lafayette regiment", "the Killing Joke band": an organization noun right after the name.
  if (next && !isCap(next) && ORG_CUES.has(next.lower) && !/s$/.test(next.lower) && prev?.lower === 'the') return 'Organization';
  // "the duo Ben Wolff and Andy Dean": people's names outrank a group noun before them.
  const personName = ws.length >= 2 && ws.length <= 3 && isGivenName(firstW.text) && ws.every(nameShaped);
  if (hasOrgCueBefore(words, c.first, sFirst) && !personName) return 'Organization';
  // "published in Nature", "a study published in The Lancet": a journal (not "published in London").
  const pub = prev?.lower === 'the' ? c.first - 2 : c.first - 1;
  // ("published the study in Nature", "published their findings in Science": a few words between.)
  let verbAt = pub - 1;
  while (verbAt >= sFirst && verbAt > pub - 5 && /^(the|a|an|their|its|his|her|our|study|studies|findings|results|research|paper|report|work|data|analysis)$/.test(words[verbAt]!.lower)) verbAt--;
  if (verbAt >= sFirst && words[pub]?.lower === 'in' && /^(published|publishes|publish)$/.test(words[verbAt]!.lower) && !lookupPlace(c.name) && placePopulation(c.name) === 0 && !ws.some((w) => lookupPlace(w.text) || lookupDemonym(w.text))) return 'Organization';
  // A title of a work in quotes ("Corinne", "A Brand New Name") is neither a person nor a place.
  if (/^["“‘]$/.test(prev?.text ?? '') && /^["”’]$/.test(next?.text ?? '') && !lookupPlace(c.name)) return undefined;
  // ("Glen Jakovich", "Glen Johnson": a given name first is a person's, but "in Glen Coe".)
  if (ws.length > 1 && PLACE_STARTS.has(bare(firstW.text)) && !(isGivenName(firstW.text) && ws.every(nameShaped) && !/^(in|at|near)$/.test(prev?.lower ?? ''))) return 'Location';
  if (ws.length > 1 && EVENT_HEADS.has(lastBare)) return undefined;
  // "Boston Bruins", "Buffalo Bisons": a place and a capitalized plural name a team.
  if (ws.length >= 2 && /[^aiosu]s$/.test(lastW.text) && lastW.text.length > 4 && !isGivenName(firstW.text)) {
    const placePart = ws.slice(0, -1).map((w) => w.text).join(' ');
    if (lookupPlace(placePart) || placePopulation(placePart) >= 20_000) return 'Organization';
  }
  if (prev?.lower === 'the' && /[^aiosu]s$/.test(lastW.text) && lastW.text.length > 4 && !isGivenName(firstW.text) && !lookupDemonym(lastW.text) && !lookupPlace(c.name)) return 'Organization';
  if (ws.length > 1 && PLACE_HEADS.has(lastBare)) return 'Location';
  if (prev?.lower === 'of' && prev2 && PLACE_BEFORE.has(prev2.lower)) return 'Location';
  if (hasPlaceCueAfter(words, c.last)) return 'Location';
  const described = describedAs(words, c.last);
  if (described && PLACE_KINDS.has(described)) return 'Location';
  if (described) return 'Organization';

  const possessive = POSSESSIVE.has(next?.text ?? '');
  const population = placePopulation(c.name);
  const givenFirst = isGivenName(firstW.text) || /^\p{Lu}\.$/u.test(firstW.text);
  if (ws.length === 1 && prev && /^(in|near|at)$/.test(prev.lower) && !possessive && (firstW.pos === 'PROPN' || population > 0)) return 'Location';
  if (prev && /^(from|to|into|via|outside)$/.test(prev.lower) && !possessive && population > 0 && !givenFirst) return 'Location';
  if (prev?.lower === 'of' && !possessive && population >= 10_000 && !givenFirst) return 'Location';
  if (population >= 100_000 && (ws.length === 1 || !givenFirst)) return 'Location';
  if (ws.length === 1 && !allCaps && (ACRONYM.test(firstW.text) || DOTTED.test(firstW.text))) return 'Organization';

  // A person: a name's shape and some evidence for it (a given name, a speech verb, "who").
  // Name particles inside ("Luis de la Fuente", "Rafael van der Vaart") do not count against the shape.
  const particle = (w: Word, k: number): boolean => k > 0 && k < ws.length - 1 && w.text !== 'of' && CONNECTORS.has(w.text);
  // ("NHS England warned": an acronym inside is a body's, not a person's.)
  const shaped = ws.every((w, k) => (nameShaped(w) && !ORG_HEADS.has(bare(w.text))) || particle(w, k)) && !(ws.length > 1 && bodyAcronymIn(words, c.first, c.last));
  if (!shaped || ws.some((w) => lookupDemonym(w.text) || lookupPlace(w.text))) return undefined;
  const speaks = !!next && SPEECH_VERBS.has(next.lower) && next.pos === 'VERB';
  // "Spotify said it would cut 1,500 jobs", "Shell said its profits doubled": what speaks of itself as "it" is a body.
  if (speaks && saysItDoes(words, c.last + 1) && ws.length <= 4 && (ws.length === 1 || !givenFirst) && !isNation(c.name)) return 'Organization';
  const who = next?.text === ',' && !!next2 && PERSON_AFTER.has(next2.lower);
  const capitals = ws.filter((w, k) => !particle(w, k)).length;
  // "The White House said", "the CARE International worker": a person's name takes no article.
  if (prev && /^(the|a|an)$/.test(prev.lower)) return undefined;
  if (capitals < ws.length ? capitals <= 3 && isGivenName(firstW.text) : ws.length >= 2 && ws.length <= 4 && (givenFirst || speaks || who)) return 'Person';
  if (ws.length === 1 && !startsSentence && !allCaps && firstW.pos === 'PROPN' && ((isGivenName(firstW.text) && population < 1000) || speaks || who)) return 'Person';
  return undefined;
}

/** Words between a speech verb and what it says: "said on Tuesday that", "said in a statement". */
const SAID_FILLER = /^(that|on|in|a|statement|last|this|week|month|earlier|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Auxiliaries and adverbs between "it" and its verb: "it would not", "it had already". */
const IT_AUX = /^(would|will|could|can|may|might|should|must|had|has|did|does|not|n't|also|now|still|already|then)$/;
/** Verbs whose "it" is anyone's ("he said it would be hard", "it took years", "it made sense"). */
const IMPERSONAL = /^(be|been|being|seem|seems|seemed|appear|appears|appeared|look|looks|looked|feel|feels|felt|sound|sounds|sounded|take|takes|took|taken|mean|means|meant|become|becomes|became|remain|remains|remained|happen|happens|happened|matter|matters|mattered|come|comes|came|make|makes|made|go|goes|went|gone|get|gets|got|help|helps|helped|depend|depends|depended|cost|costs|work|works|worked|need|needs|needed)$/;

/**
 * Whether the words from k (just after a speech verb) have the speaker speak of itself as "it": "said its
 * profits", "said it would cut", "said on Monday that it had agreed". A person says "it was", "it would
 * be", "it took years" of anything, so "it" counts only as the subject of another verb.
 */
function saysItDoes(words: readonly Word[], k: number): boolean {
  const sentence = words[k - 1]?.sentence;
  for (let skipped = 0; k < words.length && skipped < 4 && SAID_FILLER.test(words[k]!.lower) && words[k]!.sentence === sentence; skipped++) k++;
  const w = words[k];
  if (!w || w.sentence !== sentence) return false;
  if (w.lower === 'its') return true;
  if (w.lower !== 'it') return false;
  k++;
  for (let n = 0; n < 3 && words[k] && IT_AUX.test(words[k]!.lower); n++) k++;
  const v = words[k];
  return !!v && v.sentence === sentence && v.pos === 'VERB' && !IMPERSONAL.test(v.lower);
}

/** A body's name from word k ("the" aside): capitalized words with a body's head or opening word among them ("the Hebrew University", "the University of Ghana"). */
function bodyAfter(words: readonly Word[], k: number): boolean {
  let i = words[k]?.lower === 'the' ? k + 1 : k;
  let body = false;
  for (let n = 0; n < 6 && words[i] && (isCap(words[i]!) || (n > 0 && words[i]!.lower === 'of')); n++, i++) {
    if (ORG_HEADS.has(bare(words[i]!.text)) || ORG_STARTS.has(words[i]!.lower)) body = true;
  }
  return body;
}

/** A company's officer named by title alone after the name: "Taco Bell CEO", "Zantrex's chief executive". */
function officerAfter(words: readonly Word[], k: number): boolean {
  let i = k;
  if (POSSESSIVE.has(words[i]?.text ?? '') && !words[i]!.spaceBefore) i++;
  if (/^(ceo|cfo|coo|cto|chairman|chairwoman|co-founder|cofounder)$/i.test(words[i]?.text ?? '') && (words[i]!.text === words[i]!.lower || /^[A-Z]{3}$/.test(words[i]!.text))) return true;
  return words[i]?.lower === 'chief' && /^(executive|financial|operating|technology)$/.test(words[i + 1]?.lower ?? '');
}

/** "Chelsea and Bayern Munich boss", "Toyota and Honda chairmen": "and", a name, then the title of a club's or a company's head. */
function sharedTitleAfter(words: readonly Word[], k: number): boolean {
  if (words[k]?.lower !== 'and') return false;
  let i = k + 1;
  while (i < k + 5 && words[i] && isCap(words[i]!)) i++;
  const t = words[i];
  return i > k + 1 && !!t && t.text === t.lower && (BODY_TITLES.has(t.lower) || /^(bosses|managers|coaches|chairmen|owners|ceos)$/.test(t.lower));
}

/** People who work at a company ("an analyst at Nomura"). */
const EMPLOYEES = new Set(['analyst', 'analysts', 'economist', 'economists', 'strategist', 'strategists', 'partner', 'lawyer', 'attorney', 'researcher', 'researchers', 'engineer', 'engineers', 'trader', 'traders', 'executive', 'executives', 'employee', 'employees', 'staff', 'worker', 'workers']);
/** Who works at it: "an analyst at Nomura", "a partner at Hall Estill", "head of its IP group at Hall Estill". */
function employedAt(words: readonly Word[], first: number): boolean {
  if (words[first - 1]?.lower !== 'at') return false;
  const before = words[first - 2];
  if (before && EMPLOYEES.has(before.lower)) return true;
  // "head of the IP Law Group at X": a head of something, then "at".
  for (let k = first - 2; k >= 0 && k > first - 9; k--) {
    if (/^[.;:!?]$/.test(words[k]!.text)) return false;
    if (words[k]!.lower === 'head' && words[k + 1]?.lower === 'of') return true;
  }
  return false;
}

/** A title that only a company or a club gives, then a capitalized name: "chairman Akio", "chief executive Phil". */
function bodyTitleAfter(words: readonly Word[], k: number): boolean {
  let i = k;
  // "Chipotle's current chief operating officer Scott Boatwright": after a possessive, only a company's
  // officers say the name is a body ("Beyonce's manager" is a person's).
  const possessive = POSSESSIVE.has(words[i]?.text ?? '') && !words[i]!.spaceBefore;
  if (possessive) {
    i++;
    while (words[i] && /^(current|former|new|interim|acting|outgoing|incoming)$/.test(words[i]!.lower)) i++;
    if (!(words[i]?.lower === 'chief' || /^(ceo|cfo|coo|cto|chairman|chairwoman|founder|co-founder)$/i.test(words[i]?.text ?? ''))) return false;
  }
  if (words[i]?.lower === 'chief' && /^(executive|financial|operating|technology)$/.test(words[i + 1]?.lower ?? '')) i += words[i + 2]?.lower === 'officer' ? 3 : 2;
  else if (words[i] && BODY_TITLES.has(words[i]!.lower) && (words[i]!.text === words[i]!.lower || /^[A-Z]{3}$/.test(words[i]!.text))) i += 1;
  else return false;
  if (possessive && words[i]?.text === ',') i++; // "Chipotle's chief operating officer, Scott Boatwright,"
  const name = words[i];
  return !!name && isCap(name) && name.spaceBefore && !NOT_NAMES.has(name.lower);
}

/** Whether the text writes this word capitalized inside a sentence, alone: after a lowercase word ("of", "the" aside), before no other name. */
function capitalizedInside(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}'-])(?!(?:of|the|and)\\b)\\p{Ll}[\\p{L}'-]*,? ${escapeRegExp(word)}(?![\\p{L}-]| \\p{Lu})`, 'u').test(text);
}

/** Titles of a body's head that take it after "of": "chief executive of X", "head of X", "founder of X". */
const HEAD_TITLES_OF = new Set(['chairman', 'chairwoman', 'chair', 'ceo', 'founder', 'co-founder', 'cofounder', 'boss', 'owner', 'head', 'director', 'president', 'leader', 'spokesman', 'spokeswoman', 'spokesperson']);

/** A head's title, then "of" (and "the"), just before the name: "chief executive of", "head of the". */
function bodyTitleBefore(words: readonly Word[], first: number, sFirst: number): boolean {
  let k = first - 1;
  if (k >= sFirst && words[k]!.lower === 'the') k--;
  if (k - 1 < sFirst || words[k]!.lower !== 'of') return false;
  const t = words[k - 1]!;
  if (t.text !== t.lower && !/^[A-Z]{3}$/.test(t.text)) return false;
  if (HEAD_TITLES_OF.has(t.lower)) return true;
  return /^(executive|officer)$/.test(t.lower) && k - 2 >= sFirst && /^(chief|executive)$/.test(words[k - 2]!.lower);
}

const EQUITY = new Set(['shares', 'stock', 'stocks']);

/** Whether the article writes this word capitalized inside a sentence too, and never in lower case: a name, not a word that opens sentences. */
function writtenAsName(words: readonly Word[], text: string): boolean {
  const lower = text.toLowerCase();
  let inside = false;
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    if (w.text === lower) return false;
    if (w.text === text && words[k - 1]!.sentence === w.sentence && /\p{L}/u.test(words[k - 1]!.text)) inside = true;
  }
  return inside;
}

/** "X shares rose" (not "Smith shares his view"), "X's shares fell", "shares of X", "a stake in X". */
function traded(words: readonly Word[], c: Run): boolean {
  const [next, next2, next3] = [words[c.last], words[c.last + 1], words[c.last + 2]];
  if (next && EQUITY.has(next.text) && next2 && (next2.pos === 'VERB' || next2.pos === 'AUX')) return true;
  if (next && POSSESSIVE.has(next.text) && next2 && EQUITY.has(next2.text) && next3 && (next3.pos === 'VERB' || next3.pos === 'AUX')) return true;
  const [prev, prev2] = [words[c.first - 1], words[c.first - 2]];
  // (Not "stocks in New York", "the stock of PSPs": a market, or goods; "shares in London" is left to the caller's test of a market.)
  return (prev?.text === 'of' && prev2?.lower === 'shares') || (prev?.text === 'in' && (prev2?.lower === 'stake' || prev2?.lower === 'stakes' || prev2?.lower === 'shares'));
}

const PLAYS_FOR = new Set('play plays played playing scored scores appearances games matches caps starred'.split(' '));
const SIGNS_WITH = new Set('signed signs sign signing'.split(' '));

/** A team by what a player does for it: "played for", "26 games for", "signed with", "captained" (not "coached": players are coached too). */
function playsFor(words: readonly Word[], first: number): boolean {
  const [prev, prev2] = [words[first - 1], words[first - 2]];
  if (!prev) return false;
  if (prev.text === 'captained' || prev.text === 'captains') return true;
  return !!prev2 && prev2.text === prev2.lower && ((prev.lower === 'for' && (PLAYS_FOR.has(prev2.lower) || SIGNS_WITH.has(prev2.lower))) || (prev.lower === 'with' && SIGNS_WITH.has(prev2.lower)));
}

/** "the Donetsk, Luhansk and Kherson regions": a place noun after the name or after its coordination. */
function hasPlaceCueAfter(words: readonly Word[], last: number): boolean {
  for (let k = last; k < words.length && k < last + 10; k++) {
    const w = words[k]!;
    if (PLACE_AFTER.has(w.lower)) return true;
    if (w.text === ',' || w.text === 'and' || (isCap(w) && !lookupDemonym(w.text))) continue;
    return false;
  }
  return false;
}

/** ORG_CUES without the nouns that have other senses too ("wedding bands", "record labels" may be objects). */
const VOTING_CUES: ReadonlySet<string> = new Set([...ORG_CUES].filter((w) => !/^(band|bands|label|labels|unit|duo|trio|quartet|ensemble|outlet|franchise)$/.test(w)));

/** "oil companies Rosneft and Lukoil", "firms such as Sony and NEC": an organization noun before the name or before the list it ends. */
function hasOrgCueBefore(words: readonly Word[], first: number, sFirst: number, cues: ReadonlySet<string> = ORG_CUES): boolean {
  let k = first - 1;
  while (k >= sFirst && k > first - 12) {
    const w = words[k]!;
    if (cues.has(w.lower) && (!isCap(w) || k === sFirst)) return true;
    // "state-owned Rosneft", "state-run Gazprom", "the privately-owned Yukos".
    if (/^(owned|run|controlled)$/.test(w.lower) && words[k - 1]?.text === '-' && /^(state|government|privately|family|publicly|foreign)$/.test(words[k - 2]?.lower ?? '')) return true;
    // ("companies such as Sony, Toshiba and NEC", "bands like New Order, Interpol or Joy Division".)
    if (/^(and|or|,|called|named|like|including|such|as)$/.test(w.text) || isCap(w)) {
      k--;
      continue;
    }
    return false;
  }
  return false;
}
