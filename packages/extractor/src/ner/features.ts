/**
 * The name tagger's features for one token (Ratinov & Roth 2009 show which matter): the word and its
 * neighbours, shapes, prefixes and suffixes, and membership in the gazetteers kg already has (places
 * with their population, countries, regions, nationality adjectives, given names, title and
 * organization words). History features (the tags already given to the words before) are added by the
 * decoder. Nothing here was read off an evaluation set.
 */
import { INSTITUTIONS, ORG_HEADS, TITLE_WORDS } from '../lexicon.js';
import { HONORIFICS, lookupDemonym, lookupPlace } from '../entities.js';
import { isGivenName, orgKind, orgMaxWords, placePopulation } from '../names-gazetteer.js';

/** "Zelensky" -> "Xx", "NATO" -> "X", "U.S." -> "X.X.", "2025" -> "d", "al-Ani" -> "x-Xx". */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

const gazCache = new Map<string, string[]>();

/** Gazetteer features of a word on its own. */
export function wordGazetteer(w: string): string[] {
  let g = gazCache.get(w);
  if (g) return g;
  g = [];
  const lower = w.toLowerCase().replace(/\.$/, '');
  if (/^\p{Lu}/u.test(w)) {
    if (isGivenName(w)) g.push('gz=given');
    if (lookupDemonym(w)) g.push('gz=demonym');
    const pop = placePopulation(w);
    if (pop > 0) g.push(`gz=pop${pop >= 1_000_000 ? 'M' : pop >= 100_000 ? 'C' : pop >= 10_000 ? 'X' : 'I'}`);
  }
  if (TITLE_WORDS.has(lower)) g.push('gz=title');
  if (ORG_HEADS.has(lower)) g.push('gz=orghead');
  if (INSTITUTIONS.has(lower)) g.push('gz=institution');
  if (HONORIFICS.has(lower)) g.push('gz=honorific');
  if (gazCache.size > 500_000) gazCache.clear();
  gazCache.set(w, g);
  return g;
}

/** Places of one to four words in the sentence: "B"/"I" with the kind of place, per token. */
function placeSpans(words: readonly string[]): string[][] {
  const marks: string[][] = words.map(() => []);
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]!)) continue;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      if (!/^\p{Lu}/u.test(words[i + n - 1]!) && n > 1) continue;
      const p = lookupPlace(words.slice(i, i + n).join(' '));
      if (!p) continue;
      const kind = p.key.startsWith('country:') ? 'country' : 'place';
      marks[i]!.push(`gp=B${kind}`);
      for (let k = 1; k < n; k++) marks[i + k]!.push(`gp=I${kind}`);
      break;
    }
  }
  return marks;
}

/** Small words inside an organization's name ("Bank of America", "Real Club Deportivo de La Coruña"). */
const ORG_GLUE = new Set(['of', 'the', 'and', '&', 'de', 'del', 'la', 'los', 'y', 'di', 'do', 'da', 'van', 'von', 'der']);

/** Organizations of the gazetteer (clubs, companies), longest first: "B"/"I" with their kind, per token. */
function orgSpans(words: readonly string[]): string[][] {
  const marks: string[][] = words.map(() => []);
  const most = orgMaxWords();
  const capital = (w: string): boolean => /^[\p{Lu}\d]/u.test(w);
  for (let i = 0; i < words.length; i++) {
    // A name starts a run of capitalized words ("York City" inside "New York City" is no club).
    if (!capital(words[i]!) || (i > 0 && capital(words[i - 1]!))) continue;
    for (let n = Math.min(most, words.length - i); n >= 1; n--) {
      if (!capital(words[i + n - 1]!) || words.slice(i, i + n).some((w) => !capital(w) && !ORG_GLUE.has(w))) continue;
      const kind = orgKind(words.slice(i, i + n).join(' '));
      if (!kind) continue;
      // One-word names ("Fox", "Target") are often words too: their own feature, their own weight.
      const tag = n === 1 ? `${kind}1` : kind;
      marks[i]!.push(`go=B${tag}`);
      for (let k = 1; k < n; k++) marks[i + k]!.push(`go=I${tag}`);
      i += n - 1;
      break;
    }
  }
  return marks;
}

/** What the features of a sentence's words read off the whole sentence: its places, organizations, and whether it is all capitals. */
export function sentenceContext(words: readonly string[]): { places: string[][]; orgs: string[][]; caps: boolean } {
  return {
    places: placeSpans(words),
    orgs: orgSpans(words),
    caps: words.filter((w) => /\p{L}/u.test(w)).every((w) => w === w.toUpperCase()),
  };
}

const low = (w: string | undefined): string => (w === undefined ? '<none>' : w.toLowerCase());

/** The features of a word on its own, whatever surrounds it (a finished model caches their sum per word). */
export function wordFeatures(w: string, s: string = shape(w)): string[] {
  const lw = w.toLowerCase();
  return ['b', `w=${lw}`, `W=${w}`, `s=${s}`, `p1=${lw.slice(0, 1)}`, `p3=${lw.slice(0, 3)}`, `x2=${lw.slice(-2)}`, `x3=${lw.slice(-3)}`, `x4=${lw.slice(-4)}`, ...wordGazetteer(w)];
}

/**
 * The features of every token of a sentence that do not depend on the tags before it: its word's own
 * (wordFeatures) and those of its context; `contextOnly` leaves the word's own out.
 */
export function sentenceFeatures(words: readonly string[], rules?: readonly string[], contextOnly = false): string[][] {
  const { places, orgs, caps } = sentenceContext(words);
  const shapes = words.map((w) => shape(w));
  return words.map((w, i) => {
    const lw = w.toLowerCase();
    const f = [
      ...(contextOnly ? [] : wordFeatures(w, shapes[i])),
      `w-1=${low(words[i - 1])}`,
      `w+1=${low(words[i + 1])}`,
      `w-2=${low(words[i - 2])}`,
      `w+2=${low(words[i + 2])}`,
      `s-1=${i > 0 ? shapes[i - 1] : '<s>'}`,
      `s+1=${i + 1 < words.length ? shapes[i + 1] : '</s>'}`,
      `s-1s=${i > 0 ? shapes[i - 1] : '<s>'}|${shapes[i]}|${i + 1 < words.length ? shapes[i + 1] : '</s>'}`,
      `w-1w=${low(words[i - 1])}|${lw}`,
      `ww+1=${lw}|${low(words[i + 1])}`,
    ];
    if (i === 0) f.push('first');
    if (caps) f.push('allcaps-line');
    for (const g of places[i]!) f.push(g);
    for (const g of orgs[i]!) f.push(g);
    if (i > 0) for (const g of wordGazetteer(words[i - 1]!)) f.push(`-1${g}`);
    if (i + 1 < words.length) for (const g of wordGazetteer(words[i + 1]!)) f.push(`+1${g}`);
    if (rules) {
      f.push(`r=${rules[i]}`, `r-1=${rules[i - 1] ?? '<s>'}`, `r+1=${rules[i + 1] ?? '</s>'}`, `rs=${rules[i]}|${shapes[i]}`);
    }
    return f;
  });
}
