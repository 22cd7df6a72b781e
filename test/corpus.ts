// The articles of the living-graph property tests: the five seeds and the first BBC articles of each
// category (../shared/corpora/bbc, or KG_SHARED/corpora/bbc), extracted once per test file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, decodeArticle, WINK_PIPE } from '@kg/extractor';
import type { Extraction } from '@kg/graph';

export const SHARED = process.env.KG_SHARED ?? join(process.cwd(), '..', 'shared');

/** BBC stories that reuse each other's text (follow-ups, republished ones): copies for the property tests. */
const REUSED = ['business/114.txt', 'business/196.txt', 'sport/112.txt', 'sport/118.txt', 'sport/121.txt', 'tech/009.txt', 'tech/379.txt'];

/** Paths of the seeds, of `perCategory` BBC articles of each of the five categories, and of a few copies. */
export function corpusFiles(perCategory: number): string[] {
  const bbc = join(SHARED, 'corpora', 'bbc');
  if (!existsSync(bbc)) throw new Error(`kg tests: no BBC corpus at ${bbc} (set KG_SHARED to the shared folder)`);
  const files = readdirSync('seeds').sort().map((f) => join('seeds', f));
  for (const cat of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
    files.push(...readdirSync(join(bbc, cat)).filter((f) => f.endsWith('.txt')).sort().slice(0, perCategory).map((f) => join(bbc, cat, f)));
  }
  if (perCategory > 0) files.push(...REUSED.map((f) => join(bbc, f)));
  return files;
}

/** One extraction per readable file (the one Latin-1 BBC file is left out, as kg does). */
export function extractFiles(files: readonly string[]): Extraction[] {
  const extractor = createExtractor({ nlp: winkNLP(model, WINK_PIPE) });
  const out: Extraction[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = decodeArticle(readFileSync(f), f);
    } catch {
      continue;
    }
    out.push(extractor.extract({ source: f, text }));
  }
  return out;
}

/** The seeded generator kg's analytics use (mulberry32), so every run tries the same orders and splits. */
export { seeded } from '../packages/graph/src/analytics.js';

/**
 * A random way to load the articles: shuffled, some given twice, cut into 1 to 4 loads, each with
 * its own batch size. Any such plan must end in the graph of one load of all the articles.
 */
export function randomPlan<T>(items: readonly T[], rand: () => number): { loads: T[][]; batchSizes: number[] } {
  const list = [...items];
  for (const x of items) if (rand() < 0.1) list.push(x);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  const parts = 1 + Math.floor(rand() * 4);
  const cuts = [...Array(parts - 1)].map(() => Math.floor(rand() * list.length)).sort((a, b) => a - b);
  const loads: T[][] = [];
  let from = 0;
  for (const c of [...cuts, list.length]) {
    if (c > from) loads.push(list.slice(from, c));
    from = Math.max(from, c);
  }
  return { loads, batchSizes: loads.map(() => 5 + Math.floor(rand() * 60)) };
}
