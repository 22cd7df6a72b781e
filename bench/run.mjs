#!/usr/bin/env node
// npm run bench: every figure next to a baseline measured in the same run.
//   KG_BENCH_CORPUS=dir   corpus (default ../shared/corpora/bbc)
//   KG_BENCH_ONLY=extract|build|load|growth   run one part
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, WINK_PIPE } from '@kg/extractor';
import { distinctArticles } from '@kg/graph';
import { benchExtract, benchWorkers, loadCorpus } from './extract.mjs';
import { benchGrowth, benchImport, benchLoad, benchUnwind, variant, withPrivateNeo4j } from './load.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = process.env.KG_BENCH_CORPUS ?? join(root, '..', 'shared', 'corpora', 'bbc');
const only = process.env.KG_BENCH_ONLY;
if (!existsSync(corpus)) {
  console.error(`kg bench: corpus not found at ${corpus} (set KG_BENCH_CORPUS)`);
  process.exit(2);
}
const rate = (n, s) => Math.round(n / s).toLocaleString('en-US');
const { texts, skipped } = loadCorpus(corpus);
console.log(`corpus: ${corpus}: ${texts.length} articles (${skipped} unreadable, skipped); node ${process.version}`);

if (!only || only === 'extract') {
  const r = benchExtract(texts);
  console.log('\nextraction (best of 3 rounds)');
  console.log(`  wink-nlp readDoc, all stages (baseline)  ${r.base.toFixed(2)} s  ${rate(texts.length, r.base)} articles/s  ${rate(r.tokens, r.base)} tokens/s`);
  console.log(`  kg extract --parser none (word order)    ${r.rules.toFixed(2)} s  ${rate(texts.length, r.rules)} articles/s  ${rate(r.tokens, r.rules)} tokens/s`);
  console.log(`  kg extract (with the parser, default)    ${r.kg.toFixed(2)} s  ${rate(texts.length, r.kg)} articles/s  ${rate(r.tokens, r.kg)} tokens/s`);
  console.log(`  kg throughput = ${((100 * r.base) / r.kg).toFixed(0)}% of wink-nlp's (time ratio ${(r.kg / r.base).toFixed(2)}x); without the parser ${((100 * r.base) / r.rules).toFixed(0)}%; the parser costs ${(r.kg / r.rules).toFixed(2)}x`);
  const jobs = availableParallelism();
  const w = await benchWorkers(texts, { jobs });
  console.log(`\nextraction on every core (worker threads, best of 2 rounds)`);
  console.log(`  one worker (baseline)                    ${w.one.toFixed(2)} s  ${rate(texts.length, w.one)} articles/s`);
  console.log(`  ${String(jobs).padEnd(2)} workers (--jobs ${jobs}, the default)       ${w.all.toFixed(2)} s  ${rate(texts.length, w.all)} articles/s`);
  console.log(`  speed-up with ${jobs} workers = ${(w.one / w.all).toFixed(2)}x`);
}

if (!only || only === 'build') {
  const run = (copies) => {
    const out = mkdtempSync(join(tmpdir(), 'kg-bench-build-'));
    try {
      const line = execFileSync(process.execPath, [join(root, 'bench', 'build-child.mjs'), ...Array(copies).fill(corpus), '--out', out], { encoding: 'utf8' }).trim().split('\n').pop();
      return JSON.parse(line);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  const once = run(1);
  const four = run(4);
  console.log('\nkg build (peak memory, wall time)');
  console.log(`  corpus once (baseline)   ${once.maxRssMB} MB  ${once.seconds.toFixed(1)} s`);
  console.log(`  corpus four times        ${four.maxRssMB} MB  ${four.seconds.toFixed(1)} s`);
  console.log(`  memory ratio 4x/1x = ${(four.maxRssMB / once.maxRssMB).toFixed(2)} (input is read one file at a time; a repeated text is read once)`);
}

if (!only || only === 'load' || only === 'growth') {
  const extractor = createExtractor({ nlp: winkNLP(model, WINK_PIPE) });
  const extractions = distinctArticles(texts.map((t) => extractor.extract(t)));
  await withPrivateNeo4j(async (driver, uri) => {
    if (!only || only === 'load') {
      const r = await benchLoad(driver, uri, extractions);
      const kgRate = r.relationships / r.kgSeconds;
      const rowRate = r.sample / r.rowSeconds;
      console.log(`\nkg load into a private Neo4j (${extractions.length} articles: ${r.nodes} nodes, ${r.relationships} relationships)`);
      console.log(`  one statement per row (baseline, ${r.sample} MENTIONS rows)  ${rate(r.sample, r.rowSeconds)} relationships/s`);
      const incRate = r.relationships / r.incrementalSeconds;
      console.log(`  kg load, a first load into an empty store (the bulk path)   ${rate(r.relationships, r.kgSeconds)} relationships/s  (${r.kgSeconds.toFixed(1)} s, ${rate(extractions.length, r.kgSeconds)} articles/s)`);
      console.log(`  kg load, incremental (every load into a store with articles) ${rate(r.relationships, r.incrementalSeconds)} relationships/s  (${r.incrementalSeconds.toFixed(1)} s)`);
      console.log(`  kg load = ${(kgRate / rowRate).toFixed(1)}x one statement per row (incremental ${(incRate / rowRate).toFixed(1)}x)`);
      const u = await benchUnwind(driver, r.snapshot);
      const unwindRate = u.relationships / u.seconds;
      console.log(`  bare UNWIND ... CREATE of the same ${u.nodes} nodes and ${u.relationships} relationships (the server's rate, batches of 10,000)  ${rate(u.relationships, u.seconds)} relationships/s  (${u.seconds.toFixed(1)} s)`);
      console.log(`  kg load = ${((100 * kgRate) / unwindRate).toFixed(0)}% of the bare UNWIND rate for a first load, ${((100 * incRate) / unwindRate).toFixed(0)}% incremental`);
      const b = await benchImport(extractions);
      const bulkSeconds = b.exportSeconds + b.importSeconds + b.afterSeconds;
      console.log(`\nbulk import into a new database (kg export --neo4j-import, neo4j-admin database import, after-import.cypher)`);
      console.log(`  kg export from the extractions (JSONL, whole process)     ${b.exportSeconds.toFixed(1)} s`);
      console.log(`  neo4j-admin database import (whole process, JVM start)    ${b.importSeconds.toFixed(1)} s`);
      console.log(`  after-import.cypher (schema, empty lists) on the server   ${b.afterSeconds.toFixed(1)} s`);
      console.log(`  bulk import ${rate(r.relationships, bulkSeconds)} relationships/s (${bulkSeconds.toFixed(1)} s) = ${(r.kgSeconds / bulkSeconds).toFixed(1)}x kg load's first load, ${(r.incrementalSeconds / bulkSeconds).toFixed(1)}x incremental; neo4j-admin alone ${(r.incrementalSeconds / b.importSeconds).toFixed(1)}x incremental`);
    }
    if (!only || only === 'growth') {
      // A store of 10,000+ articles: the corpus and copies of it under other ids (the same entities, 5x the mentions and sentences).
      const copies = Math.ceil(10_000 / extractions.length);
      const fresh = extractions.slice(0, 100).map((x) => variant(x, copies));
      const big = [...Array(copies).keys()].flatMap((k) => extractions.map((x) => (k === 0 ? x : variant(x, k))));
      const g = await benchGrowth(driver, uri, big, fresh);
      console.log(`\nadding 100 articles to a store (their entities are in the big store already, new to the empty one)`);
      console.log(`  to an empty store (baseline)       ${g.emptySeconds.toFixed(2)} s`);
      console.log(`  to a store of ${big.length} articles    ${g.grownSeconds.toFixed(2)} s  (loading those ${big.length} took ${g.bigSeconds.toFixed(0)} s)`);
      console.log(`  cost ratio = ${(g.grownSeconds / g.emptySeconds).toFixed(2)}x (target at most 2x)`);
    }
  });
}
