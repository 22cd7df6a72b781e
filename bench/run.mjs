#!/usr/bin/env node
// npm run bench: prints each figure next to a baseline measured in the same run.
//   KG_BENCH_CORPUS=dir  corpus to use (default ../shared/corpora/bbc)
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchExtract, loadCorpus } from './extract.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = process.env.KG_BENCH_CORPUS ?? join(root, '..', 'shared', 'corpora', 'bbc');
if (!existsSync(corpus)) {
  console.error(`kg bench: corpus not found at ${corpus} (set KG_BENCH_CORPUS)`);
  process.exit(2);
}
const { texts, skipped } = loadCorpus(corpus);
console.log(`corpus: ${corpus}: ${texts.length} articles (${skipped} unreadable, skipped), ${process.version}, best of 3 rounds`);
const r = benchExtract(texts);
const rate = (n, s) => Math.round(n / s).toLocaleString('en-US');
console.log('extraction');
console.log(`  wink-nlp readDoc (baseline)  ${r.base.toFixed(2)} s  ${rate(texts.length, r.base)} articles/s  ${rate(r.tokens, r.base)} tokens/s`);
console.log(`  kg extract                   ${r.kg.toFixed(2)} s  ${rate(texts.length, r.kg)} articles/s  ${rate(r.tokens, r.kg)} tokens/s`);
console.log(`  kg time / wink-nlp time: ${(r.kg / r.base).toFixed(2)}x  (kg throughput ${((100 * r.base) / r.kg).toFixed(0)}% of wink-nlp's)`);
