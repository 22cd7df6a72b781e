#!/usr/bin/env node
// The kg command. Settings come from the command line, then the environment, then ./.env
// (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE; see .env.example).
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { main } from '../dist/main.js';

let fromFile = {};
if (existsSync('.env')) {
  try {
    const all = parseEnv(readFileSync('.env', 'utf8'));
    fromFile = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('NEO4J_')));
  } catch (err) {
    process.stderr.write(`kg: cannot read .env (${err.message}); ignoring it\n`);
  }
}
process.exitCode = await main({ argv: process.argv.slice(2), env: process.env, envFile: fromFile });
// Done: a connection a silent server left open must not keep the process alive (output is flushed first).
setTimeout(() => process.exit(), 3000).unref();
