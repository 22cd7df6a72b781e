// Integration tests need a real Neo4j. With NEO4J_URI set, that server is used (its NEO4J_USERNAME,
// NEO4J_PASSWORD). Otherwise scripts/neo4j.sh starts a private one in a temporary folder, on free
// loopback ports, and the teardown stops it. A server that cannot be had fails the run: never a skip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export default async function setup() {
  if (!process.env.NEO4J_URI) {
    const dir = mkdtempSync(join(tmpdir(), 'kg-neo4j-test-'));
    const started = Date.now();
    let out;
    try {
      out = execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    } catch (err) {
      throw new Error(`kg tests: could not start Neo4j with scripts/neo4j.sh (Java 17 and Maven needed; or set NEO4J_URI to a running server): ${err.message}`);
    }
    for (const line of out.split('\n')) {
      const m = /^(NEO4J_[A-Z_]+)=(.*)$/.exec(line);
      if (m) process.env[m[1]] = m[2];
    }
    process.env.KG_TEST_NEO4J_DIR = dir;
    process.env.KG_TEST_NEO4J_START_MS = String(Date.now() - started);
  }
  // Bolt may listen a moment before the database is online: wait until a query runs.
  const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
  const deadline = Date.now() + 120_000;
  try {
    for (;;) {
      try {
        const session = driver.session(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {});
        try {
          await session.run('RETURN 1');
        } finally {
          await session.close();
        }
        break;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`kg tests: Neo4j at ${process.env.NEO4J_URI} does not answer queries: ${err.message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await driver.close();
  }
}
