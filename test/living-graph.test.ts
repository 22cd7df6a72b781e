// The store is the truth, for the file store (kg build / kg add / kg forget --out): any order, split
// or repetition of adds, a forgotten article, two adds at once: each ends in the graph.json of one
// build of the same articles, compared as a canonical dump.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, createFileStore, fromJSON, type Extraction } from '@kg/graph';
import { kg } from '../packages/cli/src/__fixtures__/io.js';
import { diffDumps, dumpGraph } from './dump.js';
import { corpusFiles, extractFiles, randomPlan, seeded } from './corpus.js';

const TRIALS = 20;
let articles: Extraction[];
let reference: string[];

const fresh = (): string => mkdtempSync(join(tmpdir(), 'kg-files-'));
const stored = (dir: string): string[] => dumpGraph(fromJSON(JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8'))));

function expectSameGraph(got: string[], want: string[]): void {
  const d = diffDumps(want, got);
  expect({ missing: d.onlyA.slice(0, 5), extra: d.onlyB.slice(0, 5), counts: [d.onlyA.length, d.onlyB.length] }).toEqual({ missing: [], extra: [], counts: [0, 0] });
}

beforeAll(async () => {
  articles = extractFiles(corpusFiles(40));
  const dir = fresh();
  await createFileStore({ dir }).replace(articles);
  reference = stored(dir);
  // The folder holds exactly what an in-memory build of the same articles gives.
  expectSameGraph(reference, dumpGraph(buildGraph([...articles].reverse())));
}, 120_000);

describe(`${TRIALS} random orders, splits and repeats of the seeds, 200 BBC articles and 7 BBC copies`, () => {
  const rand = seeded(20261124);
  const plans = [...Array(TRIALS).keys()].map((i) => ({ i, ...randomPlan([...Array(1000).keys()], rand) })).map((p) => ({ ...p, shape: p.loads.map((l) => l.filter((j) => j < 212).length).join('+') }));
  it.each(plans)('plan $i ($shape articles, in that many adds) ends in the graph of one build', async ({ loads }) => {
    const dir = fresh();
    const store = createFileStore({ dir });
    for (const load of loads) await store.add(load.filter((j) => j < articles.length).map((j) => articles[j]!));
    expectSameGraph(stored(dir), reference);
  }, 120_000);
});

it('forgetting articles gives the graph of the others; two adds at once take turns', async () => {
  const rand = seeded(7);
  const forgotten = articles.filter(() => rand() < 0.15);
  const kept = articles.filter((a) => !forgotten.includes(a));
  const dir = fresh();
  const store = createFileStore({ dir });
  await Promise.all([store.add(articles.slice(0, 120)), createFileStore({ dir }).add(articles.slice(80))]);
  expectSameGraph(stored(dir), reference);
  const r = await store.forget(forgotten.map((x) => x.documents[0]!.source));
  expect(r.removed).toBe(forgotten.length);
  expectSameGraph(stored(dir), dumpGraph(buildGraph(kept)));
}, 120_000);

it('kg build then kg add of each seed in reverse order, one twice, equals kg build of all seeds', async () => {
  const all = fresh();
  expect((await kg(['build', 'seeds', '--out', all])).code).toBe(0);
  const dir = fresh();
  const seeds = corpusFiles(0).reverse();
  expect((await kg(['build', seeds[0]!, '--out', dir])).code).toBe(0);
  for (const f of [...seeds.slice(1), seeds[2]!]) {
    const r = await kg(['add', f, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/article(s)? added/);
  }
  expectSameGraph(stored(dir), stored(all));
  const forgot = await kg(['forget', seeds[0]!, '--out', dir]);
  expect(forgot.code).toBe(0);
  expect(forgot.stdout).toMatch(/1 article forgotten/);
  const rest = fresh();
  expect((await kg(['build', ...seeds.slice(1), '--out', rest])).code).toBe(0);
  expectSameGraph(stored(dir), stored(rest));
}, 120_000);
