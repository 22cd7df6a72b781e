// kg export --neo4j-import, end to end: the CSV files it writes are imported by neo4j-admin (the test
// server's own distribution, through scripts/neo4j.sh import) into a new database, and that database,
// once completed by after-import.cypher or by the next kg load, is the database an online kg load of the
// same articles makes: compared as a canonical dump that tells integers from floats.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { splitCypherScript, type Extraction } from '@kg/graph';
import { createStore } from '@kg/graph/neo4j';
import { kg } from './__fixtures__/io.js';
import { clearNeo4j, diffDumps, dumpNeo4j } from '../../../test/dump.js';
import { corpusFiles, extractFiles } from '../../../test/corpus.js';
import { hostileExtraction } from '../../graph/src/__fixtures__/hostile.js';

const database = process.env.KG_TEST_NEO4J_DATABASE;
const script = join(process.cwd(), 'scripts', 'neo4j.sh');
let driver: Driver;
let articles: Extraction[];
let online: string[];
let work: string;
let exportDir: string;

/** An article made to trip CSV: quotes, semicolons, a non-BMP character (the hostile one adds line breaks and backslashes). */
const TRICKY = `Talks "on; hold" in Lima 🌍

Joe Biden met Xi Jinping in Lima on Saturday; the two leaders discussed trade. "We will not give up; never," Biden told Reuters.
`;

function expectSame(got: string[], want: string[]): void {
  const d = diffDumps(want, got);
  expect({ missing: d.onlyA.slice(0, 3), extra: d.onlyB.slice(0, 3), counts: [d.onlyA.length, d.onlyB.length] }).toEqual({ missing: [], extra: [], counts: [0, 0] });
}

/** neo4j-admin imports the export into a new database in its own folder; the server is started on it. */
async function importAndStart(): Promise<{ dir: string; driver: Driver }> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-import-neo4j-'));
  execFileSync('bash', [script, 'import', exportDir, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  const out = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const env = Object.fromEntries(out.split('\n').map((l) => /^(NEO4J_[A-Z_]+)=(.*)$/.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => [m[1]!, m[2]!]));
  const d = neo4j.driver(env.NEO4J_URI!, neo4j.auth.basic(env.NEO4J_USERNAME!, env.NEO4J_PASSWORD!));
  for (let i = 0; ; i++) {
    const session = d.session();
    try {
      await session.run('RETURN 1');
      break;
    } catch (err) {
      if (i > 240) throw err;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await session.close();
    }
  }
  return { dir, driver: d };
}

async function stop(server: { dir: string; driver: Driver }): Promise<void> {
  await server.driver.close();
  execFileSync('bash', [script, 'stop', server.dir], { stdio: 'ignore' });
  rmSync(server.dir, { recursive: true, force: true });
}

beforeAll(async () => {
  driver = neo4j.driver(process.env.KG_TEST_NEO4J_URI!, neo4j.auth.basic(process.env.KG_TEST_NEO4J_USERNAME ?? 'neo4j', process.env.KG_TEST_NEO4J_PASSWORD ?? ''));
  work = mkdtempSync(join(tmpdir(), 'kg-export-'));
  writeFileSync(join(work, 'tricky.txt'), TRICKY);
  articles = [...extractFiles([...corpusFiles(3), join(work, 'tricky.txt')]), hostileExtraction()];
  await clearNeo4j(driver, database);
  await createStore({ driver, ...(database ? { database } : {}) }).add(articles);
  online = await dumpNeo4j(driver, database, { typed: true });
  await clearNeo4j(driver, database);
  // The export reads kg's own extractions, as one made on other machines would be.
  writeFileSync(join(work, 'articles.jsonl'), articles.map((x) => JSON.stringify(x)).join('\n') + '\n');
  exportDir = join(work, 'import');
}, 300_000);

afterAll(async () => {
  await driver.close();
  rmSync(work, { recursive: true, force: true });
});

it('writes the CSV files, import.sh and after-import.cypher, and says how to use them', async () => {
  const r = await kg(['export', join(work, 'articles.jsonl'), '--neo4j-import', exportDir, '--jobs', '1']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^kg export: ${articles.length} articles -> \\d+ nodes, \\d+ relationships in \\d+ CSV files`));
  expect(r.stdout).toContain(join(exportDir, 'import.sh'));
  const sh = readFileSync(join(exportDir, 'import.sh'), 'utf8');
  expect(sh).toContain('database import full "$db"');
  // The hostile article's sentence runs across lines: its file is read with multiline fields.
  expect(sh).toMatch(/--multiline-fields=[^ ]*nodes-Sentence\.csv/);
}, 120_000);

it('imports into a database that after-import.cypher makes the online load, node for node and property for property', async () => {
  const server = await importAndStart();
  try {
    const statements = splitCypherScript(readFileSync(join(exportDir, 'after-import.cypher'), 'utf8'));
    const session = server.driver.session();
    try {
      for (const s of statements) await session.run(s);
    } finally {
      await session.close();
    }
    expectSame(await dumpNeo4j(server.driver, undefined, { typed: true }), online);
  } finally {
    await stop(server);
  }
}, 300_000);

it('imports into a database that the next kg load completes by itself, and that then grows as any other', async () => {
  const server = await importAndStart();
  try {
    const store = createStore({ driver: server.driver });
    const s = await store.add(articles);
    expect([s.added, s.unchanged]).toEqual([0, articles.length]);
    expectSame(await dumpNeo4j(server.driver, undefined, { typed: true }), online);
    // Forgetting one article and loading it again ends where it started.
    await store.forget([articles[0]!.documents[0]!.source]);
    await store.add([articles[0]!]);
    expectSame(await dumpNeo4j(server.driver, undefined, { typed: true }), online);
  } finally {
    await stop(server);
  }
}, 300_000);
