import { stopPrivateNeo4j } from '../scripts/neo4j-private.mjs';

export default async function teardown() {
  const dir = process.env.KG_TEST_NEO4J_DIR;
  if (dir) stopPrivateNeo4j(dir); // a server we did not start is left alone
}
