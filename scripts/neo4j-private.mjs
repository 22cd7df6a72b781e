// A private Neo4j for kg's tests and benchmarks: started by scripts/neo4j.sh in a folder of its own,
// on free loopback ports, and waited for until it runs a query (Bolt may listen a moment before the
// database is online). Shared by test/neo4j-global-setup.js and bench/load.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const script = join(dirname(fileURLToPath(import.meta.url)), 'neo4j.sh');

/** Starts a server in a new temporary folder (`sizes`: KG_NEO4J_HEAP, KG_NEO4J_PAGECACHE); returns the folder and its NEO4J_* settings. */
export function startPrivateNeo4j(prefix, sizes = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, env: startNeo4jIn(dir, sizes) };
}

/** Starts a server on the data in `dir` (a database neo4j.sh import made, say); returns its NEO4J_* settings. */
export function startNeo4jIn(dir, sizes = {}) {
  const out = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...sizes } });
  return Object.fromEntries(out.split('\n').map((l) => /^(NEO4J_[A-Z_]+)=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));
}

/** Stops the server started in `dir` and forgets its data. */
export function stopPrivateNeo4j(dir) {
  execFileSync('bash', [script, 'stop', dir], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
}

/** Resolves once the server at env.NEO4J_URI runs a query; throws after `timeoutMs`. */
export async function waitForNeo4j(env, timeoutMs = 120_000) {
  const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USERNAME ?? 'neo4j', env.NEO4J_PASSWORD ?? ''));
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const session = driver.session(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {});
      try {
        await session.run('RETURN 1');
        return;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`kg: Neo4j at ${env.NEO4J_URI} does not answer queries: ${err.message}`);
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        await session.close();
      }
    }
  } finally {
    await driver.close();
  }
}
