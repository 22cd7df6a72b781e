import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export default async function teardown() {
  const dir = process.env.KG_TEST_NEO4J_DIR;
  if (!dir) return; // a server we did not start is left alone
  execFileSync('bash', [join(root, 'scripts/neo4j.sh'), 'stop', dir], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
}
