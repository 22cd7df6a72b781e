// kg load (the store) against baselines measured in the same run, on a private Neo4j started by
// scripts/neo4j.sh (never a server of yours: the benchmark empties its database between runs).
import neo4j from 'neo4j-driver';
import { createStore } from '@kg/graph/neo4j';
import { splitCypherScript } from '@kg/graph';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNeo4jIn, startPrivateNeo4j, stopPrivateNeo4j, waitForNeo4j } from '../scripts/neo4j-private.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export async function withPrivateNeo4j(fn, { heap, pagecache } = {}) {
  const { dir, env } = startPrivateNeo4j('kg-bench-neo4j-', { ...(heap ? { KG_NEO4J_HEAP: heap } : {}), ...(pagecache ? { KG_NEO4J_PAGECACHE: pagecache } : {}) });
  try {
    await waitForNeo4j(env);
    const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USERNAME, env.NEO4J_PASSWORD));
    try {
      return await fn(driver, env.NEO4J_URI, env);
    } finally {
      await driver.close();
    }
  } finally {
    stopPrivateNeo4j(dir);
  }
}

async function run(driver, text, params = {}) {
  const session = driver.session();
  try {
    return await session.run(text, params);
  } finally {
    await session.close();
  }
}

// CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
const empty = (driver) => run(driver, 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

/** The same article under another id and source: a copy the store counts as a new article. */
export function variant(x, k) {
  const doc = x.documents[0];
  const id = `${doc.id}v${k}`;
  const json = JSON.stringify(x).replaceAll(`"${doc.id}"`, `"${id}"`).replaceAll(`"${doc.id}:`, `"${id}:`);
  const y = JSON.parse(json);
  y.documents[0].source = `${doc.source}#${k}`;
  return y;
}

/**
 * Relationships per second: kg load of the corpus into an empty store (the bulk path, the default) and
 * through the incremental path (every load into a store that holds articles), and one statement per row
 * on a sample of its MENTIONS.
 */
export async function benchLoad(driver, uri, extractions, { sample = 3000 } = {}) {
  const store = createStore({ driver, uri });
  await empty(driver);
  let t0 = process.hrtime.bigint();
  await store.add(extractions, { bulk: false });
  const incrementalSeconds = seconds(t0);
  await empty(driver);
  t0 = process.hrtime.bigint();
  await store.add(extractions);
  const kgSeconds = seconds(t0);
  // What the database holds after the load (the counters also count what a load creates, then moves).
  const snapshot = await readAll(driver);

  // Baseline: MENTIONS rows written one statement and one transaction each, nodes already there.
  const rows = (await run(driver, 'MATCH (s:Sentence)-[m:MENTIONS]->(e:Entity) RETURN s.id AS sentence, e.id AS entity, m.start AS start, m.end AS end, m.text AS text LIMIT $n', { n: neo4j.int(sample) })).records.map((r) => r.toObject());
  await run(driver, 'MATCH ()-[m:MENTIONS]->() DELETE m');
  const text = 'MATCH (s:Sentence {id: $sentence}) MATCH (e:Entity {id: $entity}) MERGE (s)-[m:MENTIONS {start: $start, end: $end}]->(e) SET m.text = $text';
  const session = driver.session();
  try {
    t0 = process.hrtime.bigint();
    for (const row of rows) await session.executeWrite((tx) => tx.run(text, row));
  } finally {
    await session.close();
  }
  return { relationships: snapshot.rels.length, nodes: snapshot.nodes.length, kgSeconds, incrementalSeconds, sample: rows.length, rowSeconds: seconds(t0), snapshot };
}

/**
 * What adding `fresh` costs on a store holding `big` articles, against adding them to an empty store,
 * in the same run on the same server.
 */
export async function benchGrowth(driver, uri, big, fresh, other) {
  const store = createStore({ driver, uri });
  const time = async (xs, options = {}) => {
    const t0 = process.hrtime.bigint();
    await store.add(xs, options);
    return seconds(t0);
  };
  // Both through the incremental path (into an empty store a load would otherwise be written at once).
  await empty(driver);
  await time(fresh, { bulk: false }); // warm-up: the server's first queries are slower
  await empty(driver);
  const emptySeconds = await time(fresh, { bulk: false });
  await empty(driver);
  const bigSeconds = await time(big);
  // The first add after a first load plans its queries again (the data they were planned on has grown);
  // measured apart, on other articles, like the warm-up of the empty store.
  const firstSeconds = await time(other);
  const grownSeconds = await time(fresh);
  return { emptySeconds, bigSeconds, firstSeconds, grownSeconds };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Every node and relationship in the database, as rows (relationship ends by element id). */
async function readAll(driver) {
  const nodes = (await run(driver, 'MATCH (n) RETURN labels(n) AS labels, elementId(n) AS k, properties(n) AS props')).records.map((r) => r.toObject());
  const rels = (await run(driver, 'MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS props')).records.map((r) => r.toObject());
  return { nodes, rels };
}

/**
 * The server's own rate for the same rows: every node and relationship kg load wrote, read back, the
 * database emptied, then written again by bare batched `UNWIND $rows ... CREATE` statements, 10,000 rows
 * a transaction; relationships find their ends through an index on a key the nodes are given (made
 * before the clock starts), as kg's statements find theirs through the id constraints.
 */
export async function benchUnwind(driver, { nodes, rels }, { batch = 10_000 } = {}) {
  await empty(driver);
  const schema = (await run(driver, 'SHOW CONSTRAINTS YIELD name RETURN name')).records.map((r) => `DROP CONSTRAINT ${r.get('name')}`);
  schema.push(...(await run(driver, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")).records.map((r) => `DROP INDEX ${r.get('name')} IF EXISTS`));
  for (const s of schema) await run(driver, s);
  await run(driver, 'CREATE INDEX kg_bench_key IF NOT EXISTS FOR (n:Node) ON (n._k)');
  await run(driver, 'CALL db.awaitIndexes(300)');
  const groups = (rows, key) => {
    const m = new Map();
    for (const r of rows) {
      const k = key(r);
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(r);
    }
    return m;
  };
  const t0 = process.hrtime.bigint();
  for (const [labels, rows] of groups(nodes, (n) => n.labels.join(':'))) {
    if (!labels.split(':').every((l) => NAME.test(l))) throw new Error(`kg bench: unexpected label ${labels}`);
    for (let i = 0; i < rows.length; i += batch) await run(driver, `UNWIND $rows AS r CREATE (n:Node:${labels}) SET n = r.props, n._k = r.k`, { rows: rows.slice(i, i + batch).map(({ k, props }) => ({ k, props })) });
  }
  for (const [type, rows] of groups(rels, (r) => r.type)) {
    if (!NAME.test(type)) throw new Error(`kg bench: unexpected type ${type}`);
    const text = `UNWIND $rows AS r MATCH (a:Node {_k: r.a}) MATCH (b:Node {_k: r.b}) CREATE (a)-[x:${type}]->(b) SET x = r.props`;
    for (let i = 0; i < rows.length; i += batch) await run(driver, text, { rows: rows.slice(i, i + batch).map(({ a, b, props }) => ({ a, b, props })) });
  }
  return { nodes: nodes.length, relationships: rels.length, seconds: seconds(t0) };
}

/**
 * The database's own bulk path, as a user runs it: kg export --neo4j-import from the extractions (JSONL,
 * the whole process), neo4j-admin database import into a new database (scripts/neo4j.sh import, the
 * whole process, JVM start included), then after-import.cypher on the started server.
 */
export async function benchImport(extractions) {
  const work = mkdtempSync(join(tmpdir(), 'kg-bench-import-'));
  const script = join(root, 'scripts', 'neo4j.sh');
  try {
    writeFileSync(join(work, 'articles.jsonl'), extractions.map((x) => JSON.stringify(x)).join('\n') + '\n');
    let t0 = process.hrtime.bigint();
    execFileSync(process.execPath, [join(root, 'packages', 'cli', 'bin', 'kg.js'), 'export', join(work, 'articles.jsonl'), '--neo4j-import', join(work, 'csv')], { stdio: 'ignore' });
    const exportSeconds = seconds(t0);
    t0 = process.hrtime.bigint();
    execFileSync('bash', [script, 'import', join(work, 'csv'), join(work, 'db')], { stdio: 'ignore' });
    const importSeconds = seconds(t0);
    const env = startNeo4jIn(join(work, 'db'));
    try {
      await waitForNeo4j(env);
      const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USERNAME, env.NEO4J_PASSWORD));
      try {
        const statements = splitCypherScript(readFileSync(join(work, 'csv', 'after-import.cypher'), 'utf8'));
        t0 = process.hrtime.bigint();
        for (const st of statements) await run(driver, st);
        const afterSeconds = seconds(t0);
        return { exportSeconds, importSeconds, afterSeconds };
      } finally {
        await driver.close();
      }
    } finally {
      execFileSync('bash', [script, 'stop', join(work, 'db')], { stdio: 'ignore' });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
