#!/usr/bin/env node
// Name recognition on the training corpora's own held-out splits (UNER English-EWT dev, GUM dev, the last
// 2,000 GMB sentences), for choosing how the tagger and the rules work together: rules alone, the tagger
// alone, and the extractor as shipped. The project's evaluation sets are not read here.
//   node scripts/ner-dev.mjs [MODEL_FILE]
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, loadNerModel, WINK_PIPE } from '@kg/extractor';
import { readGmb, readGum, readUner } from '../packages/extractor/dist/ner/corpora.js';
import { spansOf, tagWords } from '../packages/extractor/dist/ner/tagger.js';
import { withRuleTags } from '../packages/extractor/dist/ner/rule-features.js';

const shared = process.env.KG_SHARED ?? join(process.cwd(), '..', 'shared');
const train = join(shared, 'corpora', 'train');
const ner = loadNerModel(process.argv[2]);
const nlp = winkNLP(model, WINK_PIPE);
const TYPES = { Person: 'PER', Organization: 'ORG', Location: 'LOC' };

function docs(sentences, per = 20) {
  const out = [];
  let cur;
  sentences.forEach((s, i) => {
    const key = s.doc ?? `g${Math.floor(i / per)}`;
    if (!cur || cur.key !== key) out.push((cur = { key, sentences: [] }));
    cur.sentences.push(s);
  });
  return out;
}

function score(name, sets) {
  let tp = 0, fp = 0, fn = 0;
  const by = {};
  for (const { gold, got } of sets) {
    const g = new Set(gold), h = new Set(got);
    for (const x of got) { const t = (by[x.split(':')[2]] ??= { tp: 0, fp: 0, fn: 0 }); if (g.has(x)) { tp++; t.tp++; } else { fp++; t.fp++; } }
    for (const x of gold) if (!h.has(x)) { fn++; (by[x.split(':')[2]] ??= { tp: 0, fp: 0, fn: 0 }).fn++; }
  }
  const f = (a) => (a.tp ? (200 * a.tp) / (2 * a.tp + a.fp + a.fn) : 0).toFixed(1);
  console.log(`  ${name.padEnd(22)} P ${((100 * tp) / (tp + fp)).toFixed(1)}  R ${((100 * tp) / (tp + fn)).toFixed(1)}  F1 ${f({ tp, fp, fn })}   ${Object.entries(by).sort().map(([k, v]) => `${k} ${f(v)}`).join(', ')}`);
}

for (const [name, raw] of [['UNER English-EWT dev', readUner(join(train, 'uner-ewt', 'en_ewt-ud-dev.iob2'))], ['GUM dev (permissive)', readGum(join(train, 'ud-gum-permissive', 'en_gum-ud-dev.permissive.conllu'))], ['GMB held-out 2,000', readGmb(join(train, 'gmb', 'ner_dataset.csv')).slice(-2000)]]) {
  const sentences = withRuleTags(raw, nlp);
  console.log(name);
  const modes = { rules: createExtractor({ nlp }), shipped: createExtractor({ nlp, model: ner }) };
  const results = { rules: [], tagger: [], shipped: [] };
  for (const d of docs(sentences)) {
    // The document as text: words joined by spaces, one sentence a line; word offsets kept.
    let text = '';
    const words = [];
    const gold = [];
    for (const s of d.sentences) {
      const base = words.length;
      s.words.forEach((w, i) => { if (i) text += ' '; words.push({ start: text.length, end: text.length + w.length }); text += w; });
      text += '\n';
      for (const sp of spansOf(s.tags)) if (sp.type === 'PER' || sp.type === 'ORG' || sp.type === 'LOC') gold.push(`${d.key}|${base + sp.first}:${base + sp.last}:${sp.type}`);
      const tg = [];
      for (const sp of spansOf(tagWords(ner, s.words, s.rules))) if (sp.type === 'PER' || sp.type === 'ORG' || sp.type === 'LOC') tg.push(`${d.key}|${base + sp.first}:${base + sp.last}:${sp.type}`);
      results.tagger.push({ gold: [], got: tg });
    }
    results.tagger.at(-1).gold = gold;
    const startAt = new Map(words.map((w, i) => [w.start, i]));
    const endAt = new Map(words.map((w, i) => [w.end, i]));
    for (const [mode, ex] of Object.entries(modes)) {
      const x = ex.extract({ source: d.key, text });
      const got = [];
      for (const e of x.entities) {
        const t = TYPES[e.type];
        if (!t) continue;
        for (const m of e.mentions) if (startAt.has(m.start) && endAt.has(m.end)) got.push(`${d.key}|${startAt.get(m.start)}:${endAt.get(m.end) + 1}:${t}`);
      }
      results[mode].push({ gold, got });
    }
  }
  // The tagger's rows were pushed per sentence; gather them per document for scoring.
  const tagger = [{ gold: results.tagger.flatMap((r) => r.gold), got: results.tagger.flatMap((r) => r.got) }];
  score('rules alone', results.rules);
  score('tagger (rules as features)', tagger);
  score('extractor as shipped', results.shipped);
}
