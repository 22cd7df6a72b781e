// kg load against one statement per row, on a private Neo4j started by scripts/neo4j.sh (never a server
// of yours: the benchmark empties its database between runs).
import neo4j from 'neo4j-driver';
import { createWriter, planWrites } from '@kg/graph';
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

async function empty(driver) {
  // CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

/** Relationships per second: kg's batched writer on the whole graph, and one statement per row on a sample. */
export async function benchLoad(driver, uri, graph, { sample = 5000 } = {}) {
  const writer = createWriter({ driver, uri });
  await empty(driver);
  let t0 = process.hrtime.bigint();
  const s = await writer.write(graph);
  const kgSeconds = seconds(t0);

  // Baseline: the same MENTIONS statement, one row per statement and transaction, nodes already there.
  await empty(driver);
  const plan = planWrites(graph);
  const nodeKinds = new Set(['Article', 'Sentence', 'Entity:Person', 'Entity:Organization', 'Entity:Location', 'Entity:Product']);
  const session = driver.session();
  try {
    for (const q of plan.schema) await session.run(q);
    for (const st of plan.statements) if (nodeKinds.has(st.kind)) for (let i = 0; i < st.rows.length; i += 1000) await session.executeWrite((tx) => tx.run(st.text, { rows: st.rows.slice(i, i + 1000) }));
    const mentions = plan.statements.find((st) => st.kind === 'MENTIONS');
    const rows = mentions.rows.slice(0, sample);
    t0 = process.hrtime.bigint();
    for (const row of rows) await session.run(mentions.text, { rows: [row] });
    const rowSeconds = seconds(t0);
    return { relationships: s.relationshipsCreated, nodes: s.nodesCreated, kgSeconds, sample: rows.length, rowSeconds };
  } finally {
    await session.close();
  }
}
