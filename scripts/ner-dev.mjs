#!/usr/bin/env node
// Name recognition on the training corpora's own held-out splits (UNER English-EWT dev, GUM dev, the last
// 2,000 GMB sentences), for choosing how the tagger and the rules work together: rules alone, the tagger
// alone, and the extractor with the tagger (at the model's own margin, or at --margin N). The project's
// evaluation sets are not read here.
//   node scripts/ner-dev.mjs [MODEL_FILE] [--margin N]
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, loadNerModel, WINK_PIPE } from '@kg/extractor';
import { readGmb, readGum, readUner } from '../packages/extractor/dist/ner/corpora.js';
import { withRuleTags } from '../packages/extractor/dist/ner/rule-features.js';
import { f1, scoreExtractor, scoreTagger } from '../packages/extractor/dist/ner/heldout.js';

const args = process.argv.slice(2);
const at = args.indexOf('--margin');
const margin = at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
const shared = process.env.KG_SHARED ?? join(process.cwd(), '..', 'shared');
const train = join(shared, 'corpora', 'train');
const loaded = loadNerModel(args[0]);
const ner = margin === undefined ? loaded : { ...loaded, card: { ...loaded.card, minMargin: margin } };
const nlp = winkNLP(model, WINK_PIPE);

const pct = (a, b) => (b ? (100 * a) / b : 0).toFixed(1);
function print(name, s) {
  const by = Object.entries(s.byType).sort().map(([k, v]) => `${k} ${(100 * f1(v)).toFixed(1)}`).join(', ');
  console.log(`  ${name.padEnd(30)} P ${pct(s.tp, s.tp + s.fp)}  R ${pct(s.tp, s.tp + s.fn)}  F1 ${(100 * f1(s)).toFixed(1)}   ${by}`);
}

const rules = createExtractor({ nlp });
const shipped = createExtractor({ nlp, model: ner });
console.log(`model ${ner.card.name}, margin ${ner.card.minMargin ?? 0}`);
for (const [name, raw] of [['UNER English-EWT dev', readUner(join(train, 'uner-ewt', 'en_ewt-ud-dev.iob2'))], ['GUM dev (permissive)', readGum(join(train, 'ud-gum-permissive', 'en_gum-ud-dev.permissive.conllu'))], ['GMB held-out 2,000', readGmb(join(train, 'gmb', 'ner_dataset.csv')).slice(-2000)]]) {
  console.log(name);
  print('rules alone', scoreExtractor((text, source) => rules.extract({ source, text }), raw));
  print('tagger (rules as features)', scoreTagger(ner, withRuleTags(raw, nlp)));
  print('extractor with the tagger', scoreExtractor((text, source) => shipped.extract({ source, text }), raw));
}
