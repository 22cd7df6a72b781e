/**
 * What an analyst sees, in a real browser: Debian's Chromium driven by playwright-core (never a browser
 * downloaded by a test tool). Neo4j Browser served by the test Neo4j runs a saved query; the kg view page
 * finds an entity and shows its facts. Screenshots go to $KG_SCREENSHOTS (default out/screenshots).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { kg } from './__fixtures__/io.js';

const chromiumPath = process.env.KG_CHROMIUM ?? '/usr/bin/chromium';
const shots = resolve(process.env.KG_SCREENSHOTS ?? join('out', 'screenshots'));
const env = { NEO4J_URI: process.env.KG_TEST_NEO4J_URI, NEO4J_USERNAME: process.env.KG_TEST_NEO4J_USERNAME, NEO4J_PASSWORD: process.env.KG_TEST_NEO4J_PASSWORD, NEO4J_DATABASE: process.env.KG_TEST_NEO4J_DATABASE };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`kg tests: no Chromium at ${chromiumPath}; install Debian's chromium (apt-get install chromium) or set KG_CHROMIUM`);
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    // A closed network: no background traffic, no sandbox as root, software rendering for WebGL.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** The first saved query of neo4j/queries.cypher: who met whom. */
function firstSavedQuery(): string {
  const block = readFileSync(join(process.cwd(), 'neo4j', 'queries.cypher'), 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((l) => !l.startsWith('//')).join(' ').trim())
    .find(Boolean)!;
  return block.replace(/;$/, '');
}

it('kg load prints a Neo4j Browser address that connects with the first saved query ready, and it runs', async () => {
  const http = process.env.KG_TEST_NEO4J_HTTP_URL;
  if (!http) throw new Error('kg tests: KG_TEST_NEO4J_HTTP_URL (the HTTP address of Neo4j Browser) is needed with KG_TEST_NEO4J_URI');
  const loaded = await kg(['load', 'seeds'], { env: { ...env, NEO4J_HTTP_URL: http } });
  expect(loaded.code).toBe(0);
  const url = /^\s+(http\S+\/browser\/\?\S+)$/m.exec(loaded.stdout)?.[1];
  expect(url).toBeDefined();
  // The address carries the first saved query of neo4j/queries.cypher.
  expect(new URL(url!).searchParams.get('arg')).toBe(firstSavedQuery().replace(/\s+/g, ' '));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url!);
  await page.fill('[data-testid="password"]', String(process.env.KG_TEST_NEO4J_PASSWORD));
  await page.click('[data-testid="connect"]');
  await page.waitForSelector('text=/connected/i', { timeout: 30000 });
  await page.click('[data-testid="editor-Run"]');
  await page.waitForSelector('text=Recep Tayyip', { timeout: 30000 });
  const table = await page.textContent('body');
  expect(table).toContain('Volodymyr Zelensky');
  await page.screenshot({ path: join(shots, 'neo4j-browser-who-met-whom.png') });
  await page.close();
});

it('Neo4j Browser takes neo4j/kg.grass pasted after :style, then draws facts colored by type, with roles and planned or contested facts in their captions', async () => {
  const http = process.env.KG_TEST_NEO4J_HTTP_URL!;
  expect((await kg(['load', 'seeds'], { env })).code).toBe(0);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const bolt = String(process.env.KG_TEST_NEO4J_URI).replace(/^(\w+):\/\//, `$1://${process.env.KG_TEST_NEO4J_USERNAME ?? 'neo4j'}@`);
  const style = readFileSync(join(process.cwd(), 'neo4j', 'kg.grass'), 'utf8');
  await page.goto(`${http}/browser/?dbms=${encodeURIComponent(bolt)}&cmd=edit&arg=${encodeURIComponent(`:style\n${style}`)}`);
  await page.fill('[data-testid="password"]', String(process.env.KG_TEST_NEO4J_PASSWORD));
  await page.click('[data-testid="connect"]');
  await page.waitForSelector('text=/connected/i', { timeout: 30000 });
  await page.click('[data-testid="editor-Run"]');
  await page.waitForSelector('text=node.Person', { timeout: 30000 });
  expect((await page.textContent('body')) ?? '').not.toMatch(/InvalidGrassError|Could not parse/);
  await page.waitForTimeout(2000); // Browser keeps the style in local storage a moment later
  // Then a graph: Zelensky's facts drawn as nodes and relationships.
  await page.goto(`${http}/browser/?cmd=edit&arg=${encodeURIComponent("MATCH p = (e:Person {name: 'Volodymyr Zelensky'})-[r:MEETS|VISITS|HOLDS_ROLE|CRITICIZES]-(:Entity) RETURN p")}`);
  await page.waitForSelector('[data-testid="editor-Run"]', { timeout: 30000 });
  if (await page.isVisible('[data-testid="password"]')) {
    await page.fill('[data-testid="password"]', String(process.env.KG_TEST_NEO4J_PASSWORD));
    await page.click('[data-testid="connect"]');
    await page.waitForSelector('text=/connected/i', { timeout: 30000 });
  }
  await page.click('[data-testid="editor-Run"]');
  await page.waitForSelector('svg .node', { timeout: 30000 });
  const body = (await page.textContent('body')) ?? '';
  expect(body).not.toMatch(/can't recover|Something went wrong/i);
  // HOLDS_ROLE is captioned with the role, as the style says.
  const captions = (await page.locator('svg text').allTextContents()).join(' | ');
  expect(captions).toContain('Ukrainian President');
  // Planned and contested facts are captioned apart from what happened (Browser may cut a caption short: "VISITS (cont…").
  expect(captions).toMatch(/MEETS \(pl/);
  expect(captions).toMatch(/VISITS \(con/);
  expect(errors).toEqual([]);
  await page.waitForTimeout(1500); // let the layout settle for the picture
  await page.screenshot({ path: join(shots, 'neo4j-browser-styled-graph.png') });
  await page.close();
});

it('the kg view page finds an entity by an alias and shows its facts with their sentences', async () => {
  const out = mkdtempSync(join(tmpdir(), 'kg-view-'));
  expect((await kg(['view', 'seeds', '--out', out])).code).toBe(0);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  await page.fill('#search', 'Zelenskyy');
  await page.press('#search', 'Enter');
  await page.waitForSelector('#panel h2');
  expect(await page.textContent('#panel h2')).toBe('Volodymyr Zelensky');
  const panel = (await page.textContent('#panel')) ?? '';
  expect(panel).toMatch(/MEETS/);
  expect(panel).toContain('Recep Tayyip');
  expect(panel).toContain('seeds/00'); // the article a sentence comes from
  expect(panel).toMatch(/\[planned\]/); // a planned meeting is marked as such
  expect(panel).toContain('5 articles, 3 independent'); // the meeting with Witkoff: AFP's story, two copies, AP and one more
  expect(panel).toMatch(/\d+ quotes?/); // what he said, with the article it is in
  // The names of both sides of a fact are marked in its sentences.
  const marks = await page.locator('#panel .sentence mark').allTextContents();
  expect(marks).toEqual(expect.arrayContaining(['Zelensky', 'Steve Witkoff']));
  expect(await page.textContent('#legend')).toMatch(/Person.*Organization.*Location.*Product/);
  expect(await page.textContent('#notice')).toBe(''); // the graph was drawn (WebGL worked)
  expect(errors).toEqual([]);
  await page.waitForTimeout(500); // let the camera settle for the picture
  await page.screenshot({ path: join(shots, 'kg-view-zelensky.png') });
  await page.close();
});
