// kg load (the store) against baselines measured in the same run, on a private Neo4j started by
// scripts/neo4j.sh (never a server of yours: the benchmark empties its database between runs).
import neo4j from 'neo4j-driver';
import { createStore } from '@kg/graph/neo4j';
import { startPrivateNeo4j, stopPrivateNeo4j, waitForNeo4j } from '../scripts/neo4j-private.mjs';

export async function withPrivateNeo4j(fn) {
  const { dir, env } = startPrivateNeo4j('kg-bench-neo4j-');
  try {
    await waitForNeo4j(env);
    const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USERNAME, env.NEO4J_PASSWORD));
    try {
      return await fn(driver, env.NEO4J_URI);
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

/** Relationships per second: kg load of the corpus, and one statement per row on a sample of its MENTIONS. */
export async function benchLoad(driver, uri, extractions, { sample = 3000 } = {}) {
  const store = createStore({ driver, uri });
  await empty(driver);
  let t0 = process.hrtime.bigint();
  const s = await store.add(extractions);
  const kgSeconds = seconds(t0);

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
  return { relationships: s.relationshipsCreated, nodes: s.nodesCreated, kgSeconds, sample: rows.length, rowSeconds: seconds(t0) };
}

/**
 * What adding `fresh` costs on a store holding `big` articles, against adding them to an empty store,
 * in the same run on the same server.
 */
export async function benchGrowth(driver, uri, big, fresh) {
  const store = createStore({ driver, uri });
  const time = async (xs) => {
    const t0 = process.hrtime.bigint();
    await store.add(xs);
    return seconds(t0);
  };
  await empty(driver);
  await time(fresh); // warm-up: the server's first queries are slower
  await empty(driver);
  const emptySeconds = await time(fresh);
  await empty(driver);
  const bigSeconds = await time(big);
  const grownSeconds = await time(fresh);
  return { emptySeconds, bigSeconds, grownSeconds };
}
