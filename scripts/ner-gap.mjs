#!/usr/bin/env node
// Where the extractor (rules plus tagger) and the tagger alone disagree on a training corpus's held-out
// split, by class, each with the names in context: the classes the rules lose and win, and the names only
// the extractor gives. For finding general rule defects; the project's evaluation sets are not read here.
//   node scripts/ner-gap.mjs [gmb|gum|uner] [EXAMPLES]
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, loadNerModel, WINK_PIPE } from '@kg/extractor';
import { readGmb, readGum, readUner } from '../packages/extractor/dist/ner/corpora.js';
import { withRuleTags } from '../packages/extractor/dist/ner/rule-features.js';
import { extractedSpans, heldOutDocuments, heldOutText } from '../packages/extractor/dist/ner/heldout.js';
import { spansOf, tagWords } from '../packages/extractor/dist/ner/tagger.js';

const which = process.argv[2] ?? 'gmb';
const examples = Number(process.argv[3] ?? 6);
const train = join(process.env.KG_SHARED ?? join(process.cwd(), '..', 'shared'), 'corpora', 'train');
const raw =
  which === 'gmb'
    ? readGmb(join(train, 'gmb', 'ner_dataset.csv')).slice(-2000)
    : which === 'gum'
      ? readGum(join(train, 'ud-gum-permissive', 'en_gum-ud-dev.permissive.conllu'))
      : readUner(join(train, 'uner-ewt', 'en_ewt-ud-dev.iob2'));
const nlp = winkNLP(model, WINK_PIPE);
const ner = loadNerModel();
const extractor = createExtractor({ nlp, model: ner });
const ruled = withRuleTags(raw, nlp);
const classes = new Map();
const note = (k, example) => {
  const c = classes.get(k) ?? { n: 0, examples: [] };
  c.n++;
  if (c.examples.length < examples) c.examples.push(example);
  classes.set(k, c);
};
let at = 0;
for (const d of heldOutDocuments(raw)) {
  const t = heldOutText(d.sentences);
  const tagged = new Map();
  for (const base of t.firsts) {
    const r = ruled[at++];
    for (const sp of spansOf(tagWords(ner, r.words, r.rules))) if (sp.type === 'PER' || sp.type === 'ORG' || sp.type === 'LOC') tagged.set(`${base + sp.first}:${base + sp.last}`, sp.type);
  }
  const got = extractedSpans(extractor.extract({ source: d.key, text: t.text }), t);
  const shown = (k) => {
    const [a, b] = k.split(':').map(Number);
    return `${t.words.slice(Math.max(0, a - 4), a).join(' ')} [${t.words.slice(a, b).join(' ')}] ${t.words.slice(b, b + 3).join(' ')}`.trim();
  };
  for (const [k, g] of t.gold) {
    const tg = tagged.get(k);
    const x = got.get(k);
    if (tg === g && x !== g) note(`lost by the extractor: gold ${g}, extractor ${x ?? 'none'}`, shown(k));
    if (tg !== g && x === g) note(`won by the extractor: gold ${g}, tagger ${tg ?? 'none'}`, shown(k));
  }
  for (const [k, x] of got) if (!t.gold.has(k) && !tagged.has(k)) note(`extractor only, not gold: ${x}`, shown(k));
}
for (const [k, c] of [...classes].sort((a, b) => b[1].n - a[1].n)) console.log(`${String(c.n).padStart(4)} ${k}\n       ${c.examples.join('\n       ')}`);
