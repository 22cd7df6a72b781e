#!/usr/bin/env node
// The kg command. Settings come from the command line, then the environment, then ./.env
// (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE; see .env.example).
//
// A graph of many articles is held in memory, and Node's default heap (about 4 GB) stops short of what
// the machine has: kg runs itself again with a heap of three quarters of the machine's memory, unless
// a heap size is given (node --max-old-space-size, NODE_OPTIONS) or KG_HEAP_MB says how much (0: as is).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import './v8-tiering.js';

const MB = 1024 * 1024;
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--max-old-space-size'));
const want = process.env.KG_HEAP_MB !== undefined ? Number(process.env.KG_HEAP_MB) : Math.floor((0.75 * totalmem()) / MB);
if (!process.env.KG_HEAP_CHILD && !given && want > 0 && getHeapStatistics().heap_size_limit / MB < 0.9 * want) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${want}`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, KG_HEAP_CHILD: String(process.pid) },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  if (process.env.KG_HEAP_CHILD) {
    // Run for a parent that may be killed outright (SIGKILL): stop with it.
    const parent = Number(process.env.KG_HEAP_CHILD);
    setInterval(() => {
      if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
    }, 100).unref();
  }
  let fromFile = {};
  if (existsSync('.env')) {
    try {
      const all = parseEnv(readFileSync('.env', 'utf8'));
      fromFile = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('NEO4J_')));
    } catch (err) {
      process.stderr.write(`kg: cannot read .env (${err.message}); ignoring it\n`);
    }
  }
  const { main } = await import('../dist/main.js');
  process.exitCode = await main({ argv: process.argv.slice(2), env: process.env, envFile: fromFile });
  // Done: a connection a silent server left open must not keep the process alive (output is flushed first).
  setTimeout(() => process.exit(), 3000).unref();
}
