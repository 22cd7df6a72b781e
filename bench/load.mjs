// kg load against one statement per row, on a private Neo4j started by scripts/neo4j.sh (never a server
// of yours: the benchmark empties its database between runs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { createWriter, planWrites } from '@kg/graph';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export async function withPrivateNeo4j(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-neo4j-'));
  const out = execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const env = Object.fromEntries(out.split('\n').map((l) => /^(NEO4J_[A-Z_]+)=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));
  const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USERNAME, env.NEO4J_PASSWORD));
  try {
    for (let i = 0; ; i++) {
      try {
        await driver.executeQuery('RETURN 1');
        break;
      } catch (e) {
        if (i > 240) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return await fn(driver, env.NEO4J_URI);
  } finally {
    await driver.close();
    execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'stop', dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
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
