#!/usr/bin/env node
// npm run bench: every figure next to a baseline measured in the same run.
//   KG_BENCH_CORPUS=dir   corpus (default ../shared/corpora/bbc)
//   KG_BENCH_ONLY=extract|build|load|growth   run one part
//   KG_BENCH_ONLY=scale   the scale benchmark alone (not in the default run: about an hour): the corpus
//                         made 10x and 50x larger (bench/scale.mjs), built and loaded; KG_BENCH_SCALES=1,10,50
// The V8 settings the kg command runs with (bin/v8-tiering.js), set before any of kg runs.
import '../packages/cli/bin/v8-tiering.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, WINK_PIPE } from '@kg/extractor';
import { distinctArticles } from '@kg/graph';
import { benchExtract, benchWorkers, loadCorpus } from './extract.mjs';
import { benchGrowth, benchImport, benchLoad, benchUnwind, variant, withPrivateNeo4j } from './load.mjs';
import { writeScaledCorpus } from './scale.mjs';

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
  console.log(`  kg extract --parser none --ner-model none ${r.rules.toFixed(2)} s  ${rate(texts.length, r.rules)} articles/s  ${rate(r.tokens, r.rules)} tokens/s`);
  console.log(`  kg extract --ner-model none (parser)     ${r.parsed.toFixed(2)} s  ${rate(texts.length, r.parsed)} articles/s  ${rate(r.tokens, r.parsed)} tokens/s`);
  console.log(`  kg extract (parser and tagger, default)  ${r.kg.toFixed(2)} s  ${rate(texts.length, r.kg)} articles/s  ${rate(r.tokens, r.kg)} tokens/s`);
  console.log(`  kg throughput = ${((100 * r.base) / r.kg).toFixed(0)}% of wink-nlp's (time ratio ${(r.kg / r.base).toFixed(2)}x); without the tagger ${((100 * r.base) / r.parsed).toFixed(0)}%, without both ${((100 * r.base) / r.rules).toFixed(0)}%; the parser costs ${(r.parsed / r.rules).toFixed(2)}x, the tagger ${(r.kg / r.parsed).toFixed(2)}x`);
  const jobs = availableParallelism();
  const w = await benchWorkers(texts, { jobs });
  console.log(`\nextraction on every core (worker threads, warmed on the corpus, then best of 3 alternating rounds)`);
  console.log(`  one worker (baseline)                    ${w.one.toFixed(2)} s  ${rate(texts.length, w.one)} articles/s`);
  console.log(`  ${String(jobs).padEnd(2)} workers (--jobs ${jobs}, the default)       ${w.all.toFixed(2)} s  ${rate(texts.length, w.all)} articles/s`);
  console.log(`  speed-up with ${jobs} workers = ${(w.one / w.all).toFixed(2)}x`);
  // As a user runs it: a whole process from a cold start (models read, code compiled as it runs).
  const whole = (j) => {
    const t0 = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, [join(root, 'packages', 'cli', 'bin', 'kg.js'), 'extract', corpus, '--format', 'jsonl', '--jobs', String(j)], { stdio: 'ignore' });
    } catch (err) {
      if (err.status !== 1) throw err; // 1: some file could not be read (BBC has one in Latin-1), the rest were
    }
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const cold1 = whole(1);
  const coldN = whole(jobs);
  console.log(`\nkg extract CORPUS --format jsonl as a whole process (cold start, one run each)`);
  console.log(`  --jobs 1                                  ${cold1.toFixed(2)} s`);
  console.log(`  --jobs ${String(jobs).padEnd(2)} (the default)                ${coldN.toFixed(2)} s  speed-up ${(cold1 / coldN).toFixed(2)}x`);
}

if (!only || only === 'build') {
  const run = (copies) => {
    const out = mkdtempSync(join(tmpdir(), 'kg-bench-build-'));
    try {
      const line = execFileSync(process.execPath, [join(root, 'bench', 'kg-child.mjs'), 'build', ...Array(copies).fill(corpus), '--out', out], { encoding: 'utf8' }).trim().split('\n').pop();
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
      const other = extractions.slice(100, 200).map((x) => variant(x, copies + 1));
      const big = [...Array(copies).keys()].flatMap((k) => extractions.map((x) => (k === 0 ? x : variant(x, k))));
      const g = await benchGrowth(driver, uri, big, fresh, other);
      console.log(`\nadding 100 articles to a store (their entities are in the big store already, new to the empty one)`);
      console.log(`  to an empty store, incremental (baseline)  ${g.emptySeconds.toFixed(2)} s`);
      console.log(`  to a store of ${big.length} articles    ${g.grownSeconds.toFixed(2)} s  (loading those ${big.length} took ${g.bigSeconds.toFixed(0)} s, a first load; the first 100 added after it, queries planned again, ${g.firstSeconds.toFixed(2)} s)`);
      console.log(`  cost ratio = ${(g.grownSeconds / g.emptySeconds).toFixed(2)}x (target at most 2x)`);
    }
  });
}

if (only === 'scale') {
  const scales = (process.env.KG_BENCH_SCALES ?? '1,10,50').split(',').map(Number);
  const work = mkdtempSync(join(tmpdir(), 'kg-bench-scale-'));
  // The kg command gives itself three quarters of the machine's memory; so do these children.
  const heap = `--max-old-space-size=${Math.floor((0.75 * totalmem()) / 2 ** 20)}`;
  const child = (command, args, env = process.env) => JSON.parse(execFileSync(process.execPath, [heap, join(root, 'bench', 'kg-child.mjs'), command, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 26 }).trim().split('\n').pop());
  try {
    const dirs = writeScaledCorpus(texts, corpus, join(work, 'corpus'), Math.max(...scales));
    console.log(`\nscale: the corpus ${Math.max(...scales)} times over (bench/scale.mjs: given names, surnames, cities and digits swapped)`);
    console.log('  kg build: from the texts (extraction included); kg load: a first load of the articles.jsonl kg build wrote, into a');
    console.log('  new private Neo4j (2 GB heap, 2 GB page cache); bulk: kg export --neo4j-import of that file, then neo4j-admin import');
    console.log('  scale  articles | build s  peak MB  ms/art  KB/art | load s  peak MB  ms/art  KB/art | bulk s (export + import)  load/bulk');
    for (const k of scales) {
      const inputs = dirs.slice(0, k);
      const out = join(work, `build-${k}`);
      const b = child('build', [...inputs, '--out', out]);
      const jsonl = join(out, 'articles.jsonl');
      const l = await withPrivateNeo4j(async (_driver, _uri, env) => child('load', [jsonl], { ...process.env, ...env }), { heap: '2g', pagecache: '2g' });
      const t0 = process.hrtime.bigint();
      execFileSync(process.execPath, [heap, join(root, 'packages', 'cli', 'bin', 'kg.js'), 'export', jsonl, '--neo4j-import', join(work, 'csv')], { stdio: 'ignore' });
      const exportSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const t1 = process.hrtime.bigint();
      execFileSync('bash', [join(root, 'scripts', 'neo4j.sh'), 'import', join(work, 'csv'), join(work, 'db')], { stdio: 'ignore', env: { ...process.env, KG_NEO4J_HEAP: '2g' } });
      const importSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
      rmSync(out, { recursive: true, force: true });
      rmSync(join(work, 'csv'), { recursive: true, force: true });
      rmSync(join(work, 'db'), { recursive: true, force: true });
      const n = k * texts.length;
      const per = (seconds, mb) => [((1000 * seconds) / n).toFixed(1).padStart(8), ((1024 * mb) / n).toFixed(0).padStart(8)];
      const bulk = exportSeconds + importSeconds;
      console.log(
        [`${k}x`.padStart(7), String(n).padStart(9), ' |', b.seconds.toFixed(0).padStart(8), String(b.maxRssMB).padStart(9), ...per(b.seconds, b.maxRssMB), ' |', l.seconds.toFixed(0).padStart(7), String(l.maxRssMB).padStart(9), ...per(l.seconds, l.maxRssMB), ' |', `${bulk.toFixed(0)} (${exportSeconds.toFixed(0)} + ${importSeconds.toFixed(0)})`.padStart(25), `${(l.seconds / bulk).toFixed(1)}x`.padStart(11)].join(''),
      );
      if (b.code !== 0 || l.code !== 0) console.log(`  (exit codes: build ${b.code}, load ${l.code})`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
