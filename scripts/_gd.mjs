import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, loadNerModel, WINK_PIPE } from '@kg/extractor';
import { readGmb, readGum, readUner } from '../packages/extractor/dist/ner/corpora.js';
import { heldOutDocuments } from '../packages/extractor/dist/ner/heldout.js';
const train = join(process.cwd(), '..', 'shared', 'corpora', 'train');
const ex = createExtractor({ nlp: winkNLP(model, WINK_PIPE), model: loadNerModel() });
const which = process.argv[2] === 'uner' ? readUner(join(train, 'uner-ewt', 'en_ewt-ud-dev.iob2')) : process.argv[2] === "gmb" ? readGmb(join(train, "gmb", "ner_dataset.csv")).slice(-2000) : readGum(join(train, "ud-gum-permissive", "en_gum-ud-dev.permissive.conllu"));
for (const d of heldOutDocuments(which)) {
  const text = d.sentences.map((s) => s.words.join(' ')).join('\n') + '\n';
  for (const e of ex.extract({ source: d.key, text }).entities) for (const m of e.mentions) console.log(d.key, m.start, e.type, text.slice(m.start, m.end));
}
