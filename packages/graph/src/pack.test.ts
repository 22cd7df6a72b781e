/**
 * The graph package as a user gets it: `npm pack`, installed into a clean folder from the tarball (its
 * dependencies from the registry), imported as ESM, and its type declarations checked by TypeScript.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pkgDir = join(process.cwd(), 'packages', 'graph');
const tsc = join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc');

const USER_CODE = `
import { buildGraph, extractionSchema, toCypher, mergeExtractions, summarize, KgGraphError } from '@kg/graph';
import type { Extraction, KgGraph, GraphSummary } from '@kg/graph';
import { extractionSchema as contractOnly } from '@kg/graph/contract';

const x: Extraction = {
  documents: [{ id: 'd-1', source: 'a.txt', title: 'A', sha256: 'a'.repeat(64), text: 'Ada Lovelace met Charles Babbage.', sentences: [{ index: 0, start: 0, end: 33 }] }],
  entities: [
    { id: 'person:ada-lovelace', type: 'Person', name: 'Ada Lovelace', aliases: [], mentions: [{ doc: 'd-1', start: 0, end: 12, text: 'Ada Lovelace' }] },
    { id: 'person:charles-babbage', type: 'Person', name: 'Charles Babbage', aliases: [], mentions: [{ doc: 'd-1', start: 17, end: 32, text: 'Charles Babbage' }] },
  ],
  relations: [{ type: 'MEETS', source: 'person:ada-lovelace', target: 'person:charles-babbage', evidence: [{ doc: 'd-1', start: 0, end: 33 }] }],
  quotes: [],
};
extractionSchema.parse(x);
contractOnly.parse(x);
const g: KgGraph = buildGraph(mergeExtractions([x]));
const s: GraphSummary = summarize(g);
// @ts-expect-error: relation types come from the fixed vocabulary
const bad: Extraction['relations'][number]['type'] = 'LIKES';
void bad;
let code = '';
try { buildGraph({ ...x, entities: [] }); } catch (e) { if (e instanceof KgGraphError) code = e.code; }
console.log(JSON.stringify({ nodes: g.order, edges: g.size, people: s.entities.Person, cypher: toCypher(g).includes('MERGE'), code }));
`;

it('packs, installs into a clean folder, imports as ESM and type-checks as a user would', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-pack-'));
  execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: pkgDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  const files = execFileSync('tar', ['-tzf', join(dir, tarball)], { encoding: 'utf8' }).split('\n');
  expect(files).toContain('package/dist/index.d.ts');
  expect(files.some((f) => f.includes('.test.'))).toBe(false);
  expect(files.some((f) => f.includes('__fixtures__'))).toBe(false);

  const app = join(dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'kg-user', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(dir, tarball), '@types/node@20'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(join(app, 'user.ts'), USER_CODE);
  writeFileSync(
    join(app, 'tsconfig.json'),
    // neo4j-driver 6's declarations use Symbol.asyncDispose, hence ESNext.Disposable (see the README).
    JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022', 'ESNext.Disposable'], types: ['node'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false, outDir: 'out' }, files: ['user.ts'] }),
  );
  execFileSync(process.execPath, [tsc, '-p', app], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = JSON.parse(execFileSync(process.execPath, [join(app, 'out', 'user.js')], { cwd: app, encoding: 'utf8' }));
  // A user who only wants JSON gets no database driver (neo4j-driver is an optional peer dependency).
  expect(readdirSync(join(app, 'node_modules'))).not.toContain('neo4j-driver');
  // Article, Sentence, two people and the Fact; HAS_SENTENCE, two MENTIONS, STATES, SUBJECT, OBJECT and the direct MEETS.
  expect(out).toEqual({ nodes: 5, edges: 7, people: 2, cypher: true, code: 'INVALID_EXTRACTION' });
}, 180000);

const STORE_CODE = `
import neo4j from 'neo4j-driver';
import { createStore, type Store } from '@kg/graph/neo4j';
import { createFileStore } from '@kg/graph';
const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'));
const store: Store = createStore({ driver, uri: 'bolt://127.0.0.1:1' });
void createFileStore;
console.log(typeof store.add);
await driver.close();
`;

it('the extractor and the command install from their tarballs alone, and the Neo4j store compiles against neo4j-driver 5', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-pack-all-'));
  for (const p of ['graph', 'extractor', 'cli']) execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: join(process.cwd(), 'packages', p), stdio: ['ignore', 'pipe', 'pipe'] });
  const tarballs = readdirSync(dir).filter((f) => f.endsWith('.tgz')).map((f) => join(dir, f));
  expect(tarballs).toHaveLength(3);
  // The command, from the three tarballs (no @kg package from a registry).
  const app = join(dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'kg-user', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...tarballs], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(join(app, 'a.txt'), 'Ukrainian President Volodymyr Zelensky met Turkish President Recep Tayyip Erdogan in Ankara.');
  const out = JSON.parse(execFileSync(process.execPath, [join(app, 'node_modules', '@kg', 'cli', 'bin', 'kg.js'), 'extract', 'a.txt'], { cwd: app, encoding: 'utf8' }));
  expect(out.entities.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['Volodymyr Zelensky', 'Recep Tayyip Erdogan', 'Ankara']));
  // An application on neo4j-driver 5 compiles against the store's types.
  const v5 = join(dir, 'v5');
  execFileSync('mkdir', ['-p', v5]);
  writeFileSync(join(v5, 'package.json'), JSON.stringify({ name: 'kg-v5', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', tarballs.find((t) => t.includes('graph'))!, 'neo4j-driver@5', '@types/node@20'], { cwd: v5, stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(join(v5, 'user.ts'), STORE_CODE);
  writeFileSync(join(v5, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: ['node'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, outDir: 'out' }, files: ['user.ts'] }));
  execFileSync(process.execPath, [tsc, '-p', v5], { cwd: v5, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(execFileSync(process.execPath, [join(v5, 'out', 'user.js')], { cwd: v5, encoding: 'utf8' }).trim()).toBe('function');
}, 300000);
