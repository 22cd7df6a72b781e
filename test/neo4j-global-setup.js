// Integration tests need a real Neo4j, and never a user's: they read only KG_TEST_NEO4J_URI (with
// KG_TEST_NEO4J_USERNAME, KG_TEST_NEO4J_PASSWORD, KG_TEST_NEO4J_DATABASE, KG_TEST_NEO4J_HTTP_URL), never
// NEO4J_URI. Without it, scripts/neo4j.sh starts a private server in a temporary folder, on free
// loopback ports, and the teardown stops it. The tests empty that database, so point KG_TEST_NEO4J_URI
// only at a server you can lose. A server that cannot be had fails the run: never a skip.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startPrivateNeo4j, waitForNeo4j } from '../scripts/neo4j-private.mjs';

export default async function setup() {
  // The browser tests drive Debian's Chromium; obtain it like Neo4j when it is missing.
  try {
    process.env.KG_CHROMIUM = execFileSync('bash', [fileURLToPath(new URL('../scripts/chromium.sh', import.meta.url))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch (err) {
    throw new Error(`kg tests: could not obtain Chromium with scripts/chromium.sh: ${err.message}`);
  }
  if (!process.env.KG_TEST_NEO4J_URI) {
    let started;
    try {
      started = startPrivateNeo4j('kg-neo4j-test-');
    } catch (err) {
      throw new Error(`kg tests: could not start Neo4j with scripts/neo4j.sh (Java 17 and Maven needed; or set KG_TEST_NEO4J_URI to a server the tests may empty): ${err.message}`);
    }
    for (const [k, v] of Object.entries(started.env)) process.env[`KG_TEST_${k}`] = v;
    process.env.KG_TEST_NEO4J_DIR = started.dir;
  }
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('KG_TEST_NEO4J_')).map(([k, v]) => [k.slice('KG_TEST_'.length), v]));
  await waitForNeo4j(env);
}
