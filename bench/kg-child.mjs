// Runs one kg command (`kg-child.mjs build ...`, `kg-child.mjs load ...`) in this process, with the
// environment's NEO4J_* settings, and prints its wall time and peak memory as JSON on the last line.
import '../packages/cli/bin/v8-tiering.js';
import { Writable } from 'node:stream';
import { main } from '../packages/cli/dist/main.js';

const sink = new Writable({ write: (_c, _e, cb) => cb() });
const t0 = process.hrtime.bigint();
const code = await main({ argv: process.argv.slice(2), env: process.env, stdout: sink, stderr: sink });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ code, seconds, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
// A driver's connections must not keep the process alive.
process.exit(0);
