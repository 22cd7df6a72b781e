// The store is the truth, on the real Neo4j: any order, split or repetition of loads, a replaced or
// forgotten article, two loads at once, a load killed with SIGKILL and run again: each ends in the
// graph of one clean load, compared as a canonical dump of the whole database.
// This file empties the test database (KG_TEST_NEO4J_URI, never NEO4J_URI) before and after.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { buildGraph, type Extraction } from '@kg/graph';
import { createStore, type Store } from '@kg/graph/neo4j';
import { clearNeo4j, diffDumps, dumpNeo4j } from './dump.js';
import { corpusFiles, extractFiles, randomPlan, seeded } from './corpus.js';

const uri = process.env.KG_TEST_NEO4J_URI!;
const user = process.env.KG_TEST_NEO4J_USERNAME ?? 'neo4j';
const password = process.env.KG_TEST_NEO4J_PASSWORD ?? '';
const database = process.env.KG_TEST_NEO4J_DATABASE;
const env = { NEO4J_URI: uri, NEO4J_USERNAME: user, NEO4J_PASSWORD: password, ...(database ? { NEO4J_DATABASE: database } : {}) };
const TRIALS = 20;

let driver: Driver;
let articles: Extraction[];
let reference: string[];
const store = (d: Driver = driver): Store => createStore({ driver: d, uri, ...(database ? { database } : {}) });
const dump = (): Promise<string[]> => dumpNeo4j(driver, database);
const clear = (): Promise<void> => clearNeo4j(driver, database);

/** The extraction of an edited text, under the source of the original. */
function reExtract(source: string, text: string): Extraction {
  const dir = mkdtempSync(join(tmpdir(), 'kg-edit-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, text);
  const [x] = extractFiles([file]);
  return { ...x!, documents: [{ ...x!.documents[0]!, source }] };
}

/** Fails with the first differing lines, so a failure says what differs. */
function expectSameGraph(got: string[], want: string[]): void {
  const d = diffDumps(want, got);
  expect({ missing: d.onlyA.slice(0, 5), extra: d.onlyB.slice(0, 5), counts: [d.onlyA.length, d.onlyB.length] }).toEqual({ missing: [], extra: [], counts: [0, 0] });
}

beforeAll(async () => {
  driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  articles = extractFiles(corpusFiles(40));
  await clear();
  // The reference is the incremental path's; a plan's first load into the emptied store takes the bulk path.
  await store().add(articles, { bulk: false });
  reference = await dump();
}, 300_000);

afterAll(async () => {
  await clear();
  await driver.close();
});

it('holds what the in-memory build of the same articles holds, property for property', async () => {
  const g = buildGraph(articles);
  const session = driver.session(database ? { database } : {});
  try {
    const rows = await session.run('MATCH (n) WHERE n:Article OR n:Sentence OR n:Entity OR n:Fact OR n:Quote RETURN n.id AS id, properties(n) AS p');
    const stored = new Map(rows.records.map((r) => [String(r.get('id')), r.get('p') as Record<string, unknown>]));
    expect(stored.size).toBe(g.order);
    let differences = 0;
    g.forEachNode((key, a) => {
      const p = stored.get(key);
      for (const [k, v] of Object.entries(a)) {
        if (k === 'label' || (k === 'type' && a.label === 'Entity')) continue;
        const got = neo4j.isInt(p?.[k]) ? (p![k] as { toNumber(): number }).toNumber() : p?.[k];
        if (JSON.stringify(v) !== JSON.stringify(got ?? null)) differences++;
      }
    });
    expect(differences).toBe(0);
    const rels = await session.run("MATCH ()-[r]->() WHERE NOT type(r) IN ['HAS_SURFACE', 'KEY'] RETURN count(r) AS n");
    expect(Number(rels.records[0]!.get('n'))).toBe(g.size);
  } finally {
    await session.close();
  }
}, 120_000);

describe(`${TRIALS} random orders, splits and repeats of the seeds, 200 BBC articles and 7 BBC copies`, () => {
  const rand = seeded(20261124);
  const plans = [...Array(TRIALS).keys()].map((i) => ({ i, ...randomPlan([...Array(1000).keys()], rand) })).map((p) => ({ ...p, shape: p.loads.map((l) => l.filter((j) => j < 212).length).join('+') }));
  it.each(plans)('plan $i ($shape articles, in that many loads) ends in the graph of one load', async ({ loads, batchSizes }) => {
    await clear();
    for (const [k, load] of loads.entries()) await store().add(load.filter((j) => j < articles.length).map((j) => articles[j]!), { batchSize: batchSizes[k]! });
    expectSameGraph(await dump(), reference);
  }, 300_000);
});

it('a repeated load changes nothing', async () => {
  await clear();
  await store().add(articles);
  const again = await store().add(articles.slice(0, 50));
  expect(again).toMatchObject({ added: 0, unchanged: 50, removed: 0, nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 });
  expectSameGraph(await dump(), reference);
}, 300_000);

it('forgetting articles gives the graph of loading the others; adding them back gives the whole again', async () => {
  await clear();
  const rand = seeded(7);
  const forgotten = articles.filter(() => rand() < 0.15);
  const kept = articles.filter((a) => !forgotten.includes(a));
  await store().add(kept);
  const keptOnly = await dump();
  await clear();
  await store().add(articles);
  const r = await store().forget(forgotten.map((x) => x.documents[0]!.source));
  expect(r.removed).toBe(forgotten.length);
  expect(r.notFound).toEqual([]);
  expectSameGraph(await dump(), keptOnly);
  await store().add(forgotten);
  expectSameGraph(await dump(), reference);
}, 300_000);

it('a new text from a stored source replaces the old one', async () => {
  const [first, ...rest] = articles;
  const doc = first!.documents[0]!;
  const edited = reExtract(doc.source, `${doc.text}\nPresident Emmanuel Macron met Chancellor Friedrich Merz in Berlin on Friday.\n`);
  await clear();
  await store().add([edited, ...rest]);
  const want = await dump();
  await clear();
  await store().add(articles);
  const r = await store().add([edited]);
  expect(r).toMatchObject({ added: 1, removed: 1 });
  expectSameGraph(await dump(), want);
}, 300_000);

it('two loads at once on overlapping articles, on a new database (no schema yet), end in the graph of one load', async () => {
  await clear();
  // A new database: kg's constraints and indexes dropped, so both loads create them at once.
  const s = driver.session(database ? { database } : {});
  try {
    for (const [what, show] of [['CONSTRAINT', 'CONSTRAINTS'], ['INDEX', 'INDEXES']]) {
      const names = (await s.run(`SHOW ${show} YIELD name RETURN name`)).records.map((r) => String(r.get('name'))).filter((n) => /^kg_[a-z_]+$/.test(n));
      for (const n of names) await s.run(`DROP ${what} ${n} IF EXISTS`);
    }
  } finally {
    await s.close();
  }
  const other = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    const cut = Math.floor(articles.length * 0.6);
    await Promise.all([store().add(articles.slice(0, cut), { batchSize: 20 }), store(other).add([...articles.slice(articles.length - cut)].reverse(), { batchSize: 25 })]);
  } finally {
    await other.close();
  }
  expectSameGraph(await dump(), reference);
}, 300_000);

it('kg load killed with SIGKILL midway, then run again, ends in the graph of a clean load; no article is half there', async () => {
  // The articles as files of their own, so the command line reads them as a user's would.
  const dir = mkdtempSync(join(tmpdir(), 'kg-kill-'));
  mkdirSync(join(dir, 'news'));
  for (const f of corpusFiles(40)) writeFileSync(join(dir, 'news', `${basename(join(f, '..'))}-${basename(f)}`), readFileSync(f));
  const kg = join(process.cwd(), 'packages', 'cli', 'bin', 'kg.js');
  const load = (): string[] => ['load', '--batch-size', '10'];
  const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
  await clear();
  execFileSync(process.execPath, [kg, ...load(), 'news'], { cwd: dir, env: childEnv, stdio: 'ignore' });
  const clean = await dump();

  // A store that holds an article already: the load takes the incremental path, batch by batch.
  await clear();
  execFileSync(process.execPath, [kg, ...load(), join('news', readdirSync(join(dir, 'news')).sort()[0]!)], { cwd: dir, env: childEnv, stdio: 'ignore' });
  const child = spawn(process.execPath, [kg, ...load(), 'news'], { cwd: dir, env: childEnv, stdio: 'ignore' });
  const articlesStored = async (): Promise<number> => {
    const s = driver.session(database ? { database } : {});
    try {
      return Number((await s.run('MATCH (a:Article) RETURN count(a) AS n')).records[0]!.get('n'));
    } finally {
      await s.close();
    }
  };
  const deadline = Date.now() + 120_000;
  while ((await articlesStored()) < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const partial = await articlesStored();
  expect(partial).toBeGreaterThanOrEqual(30);
  expect(partial).toBeLessThan(articles.length);
  // Whole articles only: every stored article has all its sentences and its surfaces.
  const s = driver.session(database ? { database } : {});
  try {
    const half = await s.run('MATCH (a:Article) WHERE NOT (a)-[:HAS_SENTENCE]->() OR NOT (a)-[:HAS_SURFACE]->() RETURN count(a) AS n');
    expect(Number(half.records[0]!.get('n'))).toBe(0);
  } finally {
    await s.close();
  }
  execFileSync(process.execPath, [kg, ...load(), 'news'], { cwd: dir, env: childEnv, stdio: 'ignore' });
  expectSameGraph(await dump(), clean);
}, 300_000);

it('a first load (the bulk path) killed with SIGKILL while it writes, then run again, ends in the graph of a clean load', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-kill-bulk-'));
  mkdirSync(join(dir, 'news'));
  for (const f of corpusFiles(40)) writeFileSync(join(dir, 'news', `${basename(join(f, '..'))}-${basename(f)}`), readFileSync(f));
  const kg = join(process.cwd(), 'packages', 'cli', 'bin', 'kg.js');
  const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
  await clear();
  execFileSync(process.execPath, [kg, 'load', 'news', '--batch-size', '10', '--jobs', '1', '--parser', 'none'], { cwd: dir, env: childEnv, stdio: 'ignore' });
  const clean = await dump();
  await clear();
  const child = spawn(process.execPath, [kg, 'load', 'news', '--batch-size', '10', '--jobs', '1', '--parser', 'none'], { cwd: dir, env: childEnv, stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  let running = true;
  void exited.then(() => (running = false));
  const bulkUnderWay = async (): Promise<boolean> => {
    const s = driver.session(database ? { database } : {});
    try {
      return Number((await s.run('MATCH (b:KgBulk) RETURN count(b) AS n')).records[0]!.get('n')) > 0;
    } finally {
      await s.close();
    }
  };
  const deadline = Date.now() + 120_000;
  while (running && !(await bulkUnderWay()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  await exited;
  execFileSync(process.execPath, [kg, 'load', 'news', '--batch-size', '10', '--jobs', '1', '--parser', 'none'], { cwd: dir, env: childEnv, stdio: 'ignore' });
  expect(await bulkUnderWay()).toBe(false);
  expectSameGraph(await dump(), clean);
}, 300_000);

it('what a bulk load that died left (its KgBulk node and part of the graph) is undone by the next load or forget', async () => {
  const dead = async (): Promise<void> => {
    await clear();
    await store().add(articles.slice(0, 30));
    const s = driver.session(database ? { database } : {});
    try {
      await s.run("MATCH (a:Article) WITH a LIMIT 10 DETACH DELETE a");
      await s.run("CREATE (:KgBulk {id: 'kg', token: 'a load that died'})");
    } finally {
      await s.close();
    }
  };
  await dead();
  const r = await store().add(articles);
  expect(r.added).toBe(new Set(articles.map((x) => x.documents[0]!.id)).size);
  expectSameGraph(await dump(), reference);
  await dead();
  const f = await store().forget([articles[0]!.documents[0]!.source]);
  expect(f.removed).toBe(0);
  expect((await dump()).filter((l) => !l.startsWith('N KgLock '))).toEqual([]);
}, 300_000);
