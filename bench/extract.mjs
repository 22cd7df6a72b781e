// Extraction throughput on a fixed corpus (default ../shared/corpora/bbc, 2,225 articles), printed as a
// ratio to wink-nlp's bare readDoc over the same texts, measured in the same run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, decodeArticle, loadDepModel, loadNerModel, WINK_PIPE } from '@kg/extractor';

export function loadCorpus(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt') && !/^(README|SOURCE)/i.test(name)) files.push(p);
    }
  };
  walk(dir);
  const texts = [];
  let skipped = 0;
  for (const f of files) {
    try {
      texts.push({ source: f, text: decodeArticle(readFileSync(f), f) });
    } catch {
      skipped++;
    }
  }
  return { texts, skipped };
}

export function benchExtract(texts, { rounds = 3 } = {}) {
  // The baseline is wink-nlp's own pipeline as a user gets it (all stages); kg runs the stages it reads.
  const nlp = winkNLP(model);
  // kg as the command runs it (the shipped parser and name tagger), without the tagger, and with the rules alone.
  const parser = loadDepModel();
  const extractor = createExtractor({ nlp: winkNLP(model, WINK_PIPE), parser, model: loadNerModel() });
  const noTagger = createExtractor({ nlp: winkNLP(model, WINK_PIPE), parser });
  const rulesOnly = createExtractor({ nlp: winkNLP(model, WINK_PIPE) });
  const its = nlp.its;
  let tokens = 0;
  for (const t of texts.slice(0, 50)) {
    nlp.readDoc(t.text);
    extractor.extract(t);
    noTagger.extract(t);
    rulesOnly.extract(t);
  }
  const time = (fn) => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const base = [];
  const kg = [];
  const rules = [];
  const parsed = [];
  for (let r = 0; r < rounds; r++) {
    base.push(time(() => {
      tokens = 0;
      for (const t of texts) tokens += nlp.readDoc(t.text).tokens().out(its.value).length;
    }));
    kg.push(time(() => {
      for (const t of texts) extractor.extract(t);
    }));
    rules.push(time(() => {
      for (const t of texts) rulesOnly.extract(t);
    }));
    parsed.push(time(() => {
      for (const t of texts) noTagger.extract(t);
    }));
  }
  return { base: Math.min(...base), kg: Math.min(...kg), rules: Math.min(...rules), parsed: Math.min(...parsed), tokens };
}

/**
 * Extraction on every core: the same texts through a pool of `jobs` workers and through one worker, both
 * warmed up on the whole corpus, then timed in alternating rounds (one, all, one, all, ...) so that both
 * see the same machine (its speed drifts over minutes here); best of `rounds` each.
 */
export async function benchWorkers(texts, { jobs, rounds = 3 } = {}) {
  const { createExtractorPool } = await import('@kg/extractor');
  const one = createExtractorPool({ jobs: 1 });
  const all = createExtractorPool({ jobs });
  const time = async (pool) => {
    const t0 = process.hrtime.bigint();
    await Promise.all(texts.map((t) => pool.extract(t)));
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  try {
    await Promise.all([one.ready(), all.ready()]);
    await time(one);
    await time(all);
    const best = { one: Infinity, all: Infinity };
    for (let r = 0; r < rounds; r++) {
      best.one = Math.min(best.one, await time(one));
      best.all = Math.min(best.all, await time(all));
    }
    return best;
  } finally {
    await Promise.all([one.close(), all.close()]);
  }
}
