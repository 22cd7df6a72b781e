import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { kg } from './__fixtures__/io.js';
import { clearNeo4j, diffDumps, dumpNeo4j } from '../../../test/dump.js';

const env = { NEO4J_URI: process.env.KG_TEST_NEO4J_URI, NEO4J_USERNAME: process.env.KG_TEST_NEO4J_USERNAME, NEO4J_PASSWORD: process.env.KG_TEST_NEO4J_PASSWORD, NEO4J_DATABASE: process.env.KG_TEST_NEO4J_DATABASE };
const sessionOpts = process.env.KG_TEST_NEO4J_DATABASE ? { database: process.env.KG_TEST_NEO4J_DATABASE } : {};
let driver: Driver;

beforeAll(() => {
  driver = neo4j.driver(process.env.KG_TEST_NEO4J_URI!, neo4j.auth.basic(process.env.KG_TEST_NEO4J_USERNAME ?? 'neo4j', process.env.KG_TEST_NEO4J_PASSWORD ?? ''));
});
afterAll(async () => {
  await driver.close();
});

async function query(text: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const session = driver.session(sessionOpts);
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

interface GraphJson {
  nodes: { key: string; attributes: { label: string; type?: string } }[];
  edges: { key: string; source: string; target: string; attributes: { type: string } }[];
}

/** Counts by label and by relationship type, from graph.json and from the database (only the graph's own ids). */
function countsFromJson(g: GraphJson): Record<string, number> {
  const c: Record<string, number> = {};
  for (const n of g.nodes) {
    const label = n.attributes.label === 'Entity' ? `Entity:${n.attributes.type}` : n.attributes.label;
    c[label] = (c[label] ?? 0) + 1;
  }
  for (const e of g.edges) c[`-${e.attributes.type}-`] = (c[`-${e.attributes.type}-`] ?? 0) + 1;
  return c;
}

async function countsFromNeo4j(ids: string[]): Promise<Record<string, number>> {
  const c: Record<string, number> = {};
  const nodes = await query(
    "MATCH (n) WHERE n.id IN $ids RETURN CASE WHEN n:Entity THEN 'Entity:' + [l IN labels(n) WHERE l <> 'Entity'][0] ELSE labels(n)[0] END AS label, count(*) AS n",
    { ids },
  );
  for (const r of nodes) c[String(r.label)] = Number(r.n);
  const rels = await query('MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN type(r) AS type, count(*) AS n', { ids });
  for (const r of rels) c[`-${String(r.type)}-`] = Number(r.n);
  return c;
}

describe('kg load seeds into the real Neo4j', () => {
  const out = mkdtempSync(join(tmpdir(), 'kg-load-'));
  let graph: GraphJson;

  beforeAll(async () => {
    const built = await kg(['build', 'seeds', '--out', out]);
    expect(built.code).toBe(0);
    graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
  });

  it('gives the counts of graph.json, and the same counts when loaded again', async () => {
    const ids = graph.nodes.map((n) => n.key);
    const expected = countsFromJson(graph);
    const first = await kg(['load', 'seeds'], { env });
    expect(first.code).toBe(0);
    expect(await countsFromNeo4j(ids)).toEqual(expected);
    const second = await kg(['load', 'seeds'], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/created 0 nodes and 0 relationships/);
    expect(await countsFromNeo4j(ids)).toEqual(expected);
  });

  it('loading the seeds one file at a time, last first and one twice, gives the database of one kg load seeds, with one node per entity', async () => {
    await clearNeo4j(driver, process.env.KG_TEST_NEO4J_DATABASE);
    expect((await kg(['load', 'seeds'], { env })).code).toBe(0);
    const once = await dumpNeo4j(driver, process.env.KG_TEST_NEO4J_DATABASE);
    await clearNeo4j(driver, process.env.KG_TEST_NEO4J_DATABASE);
    const files = readdirSync('seeds').sort().reverse();
    for (const f of [...files, files[1]!]) expect((await kg(['load', join('seeds', f)], { env })).code).toBe(0);
    expect(diffDumps(once, await dumpNeo4j(driver, process.env.KG_TEST_NEO4J_DATABASE))).toEqual({ onlyA: [], onlyB: [] });
    const one = async (name: string) => query('MATCH (e:Entity) WHERE e.name = $name OR $name IN e.aliases RETURN e.name AS name, e.mentionCount AS mentions, e.articleCount AS articles, e.merges AS merges', { name });
    for (const [a, b] of [['Volodymyr Zelensky', 'Volodymyr Zelenskyy'], ['Kyiv', 'KYIV'], ['AFP', 'Agence France-Presse'], ['Pedro Sanchez', 'Pedro Sánchez']] as const) {
      const rows = [...(await one(a)), ...(await one(b))];
      expect(new Set(rows.map((r) => r.name)).size).toBe(1);
    }
    const [zelensky] = await one('Volodymyr Zelensky');
    expect(zelensky).toMatchObject({ mentions: neo4j.int(41), articles: neo4j.int(5) });
    expect(zelensky!.merges).toContain('Volodymyr Zelenskyy: spelling variant of the same full name');
    expect((await one('Ankara'))[0]).toMatchObject({ mentions: neo4j.int(8), articles: neo4j.int(5) });
    const [role] = await query("MATCH (:Person {name: 'Steve Witkoff'})-[r:HOLDS_ROLE]->(:Location {name: 'United States'}) RETURN r.sources AS sources, size(r.evidence) AS sentences");
    expect(role).toMatchObject({ sources: neo4j.int(4), sentences: neo4j.int(4) });
  });

  it('finds the sentences that say Zelensky meets Erdogan, one hop from the fact, with how each says it', async () => {
    await kg(['load', 'seeds'], { env });
    const rows = await query(
      `MATCH (a:Person)-[r:MEETS]-(b:Person)
       WHERE a.name CONTAINS 'Zelensk' AND b.name CONTAINS 'Erdo'
       MATCH (f:Fact {id: r.fact})<-[st:STATES]-(s:Sentence)<-[:HAS_SENTENCE]-(art:Article)
       RETURN s.text AS text, art.source AS source, st.modality AS modality, f.sources AS sources, r.sources AS direct`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(String(r.text)).toMatch(/meet/i);
    for (const r of rows) expect(['reported', 'planned', 'denied']).toContain(r.modality);
    expect(Number(rows[0]!.sources)).toBeGreaterThanOrEqual(2);
    expect(Number(rows[0]!.direct)).toBe(Number(rows[0]!.sources));
  });

  it('gives every entity its analytics, and every saved query in neo4j/queries.cypher runs', async () => {
    await kg(['load', 'seeds'], { env });
    const ids = graph.nodes.filter((n) => n.attributes.label === 'Entity').map((n) => n.key);
    const missing = await query('MATCH (e:Entity) WHERE e.id IN $ids AND (e.pagerank IS NULL OR e.community IS NULL OR e.degree IS NULL) RETURN count(e) AS n', { ids });
    expect(Number(missing[0]!.n)).toBe(0);
    const saved = readFileSync(join(process.cwd(), 'neo4j', 'queries.cypher'), 'utf8')
      .split(/\n\s*\n/)
      .map((block) => block.split('\n').filter((l) => !l.startsWith('//')).join('\n').trim())
      .filter(Boolean);
    expect(saved.length).toBeGreaterThanOrEqual(6);
    const results = [];
    for (const q of saved) results.push(await query(q.replace(/;$/, ''), { name: 'Volodymyr Zelensky', other: 'Vladimir Putin' }));
    // who met whom, facts about Zelensky, central actors, shortest path: all have rows on the seeds
    expect(results[0]!.length).toBeGreaterThan(0);
    expect(results[1]!.length).toBeGreaterThan(0);
    expect(results.some((r) => r.some((row) => 'pagerank' in row))).toBe(true);
  });

  it("finds the seeds' contested fact (does Witkoff join the talks in Turkey?) with the README's query", async () => {
    await kg(['load', 'seeds', '--date', '2025-11-18'], { env });
    const block = readFileSync(join(process.cwd(), 'neo4j', 'queries.cypher'), 'utf8')
      .split(/\n\s*\n/)
      .find((b) => b.startsWith('// Contested facts'))!;
    const rows = await query(block.split('\n').filter((l) => !l.startsWith('//')).join('\n').replace(/;\s*$/, ''));
    // Both his visit and his meeting with Zelensky are contested; the visit is the question here.
    const witkoff = rows.find((r) => r.subject === 'Steve Witkoff' && r.fact === 'VISITS');
    expect(witkoff).toMatchObject({ fact: 'VISITS', object: 'Türkiye' });
    expect(Number(witkoff!.planned)).toBeGreaterThan(0);
    expect(Number(witkoff!.denied)).toBeGreaterThan(0);
    expect((witkoff!.sentences as string[]).some((s) => /wouldn.t be coming/.test(s))).toBe(true);
  });

  it('round-trips an article full of hostile text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-hostile-'));
    const title = 'Breaking: "}) DETACH DELETE n // O\'Brien \\ 🚀 مرحبا';
    writeFileSync(join(dir, 'hostile.txt'), `${title}\nPresident Jean-Luc O'Brien met Prime Minister Sara "Quote" Benali in Paris on Monday.\n`);
    const r = await kg(['load', dir], { env });
    expect(r.code).toBe(0);
    const rows = await query("MATCH (a:Article) WHERE a.source ENDS WITH 'hostile.txt' RETURN a.title AS title");
    expect(rows.map((x) => x.title)).toContain(title);
    expect((await query('MATCH (n) RETURN count(n) AS n'))[0]!.n).not.toEqual(neo4j.int(0));
  });

  it('with a wrong password: one line naming the URI, exit 3, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-refused-'));
    writeFileSync(join(dir, 'a.txt'), 'Refusal test article: Chancellor Olaf Testperson visited Vienna.');
    const r = await kg(['load', dir], { env: { ...env, NEO4J_PASSWORD: 'wrong-password' } });
    expect(r.code).toBe(3);
    // Where the data would go, then what went wrong: one line each.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([`kg load: Neo4j at ${String(env.NEO4J_URI)}${env.NEO4J_DATABASE ? ` (database ${env.NEO4J_DATABASE})` : ''}, from the environment (NEO4J_URI)`, expect.stringContaining(String(env.NEO4J_URI))]);
    const rows = await query("MATCH (a:Article) WHERE a.title STARTS WITH 'Refusal test article' RETURN count(a) AS n");
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
