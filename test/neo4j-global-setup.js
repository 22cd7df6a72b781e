// Integration tests need a real Neo4j. With NEO4J_URI set, that server is used (its NEO4J_USERNAME,
// NEO4J_PASSWORD). Otherwise scripts/neo4j.sh starts a private one in a temporary folder, on free
// loopback ports, and the teardown stops it. A server that cannot be had fails the run: never a skip.
import { startPrivateNeo4j, waitForNeo4j } from '../scripts/neo4j-private.mjs';

export default async function setup() {
  if (!process.env.NEO4J_URI) {
    let started;
    try {
      started = startPrivateNeo4j('kg-neo4j-test-');
    } catch (err) {
      throw new Error(`kg tests: could not start Neo4j with scripts/neo4j.sh (Java 17 and Maven needed; or set NEO4J_URI to a running server): ${err.message}`);
    }
    Object.assign(process.env, started.env);
    process.env.KG_TEST_NEO4J_DIR = started.dir;
  }
  await waitForNeo4j(process.env);
}
