// V8 optimizes a function once it has run a set amount of bytecode (67,584 by default). kg's extraction
// functions are large and meet new object shapes for a while: optimized that early, each is thrown away
// and compiled again a dozen times, in every worker, and that compiling took as much processor time as
// the extraction itself on a cold run (BBC, 2 workers: 30-32 s of CPU, 20-23 s with this budget;
// 17 s -> 11.5-13 s). Imported first, before any of kg runs; an --interrupt-budget given to node, or
// KG_V8_BUDGET, wins.
import { setFlagsFromString } from 'node:v8';

if (!process.execArgv.some((a) => a.startsWith('--interrupt-budget'))) setFlagsFromString(`--interrupt-budget=${Number(process.env.KG_V8_BUDGET) || 800000}`);
