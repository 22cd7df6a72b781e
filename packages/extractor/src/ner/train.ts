/**
 * `npm run train`: trains kg's name tagger on the corpora in ../shared/corpora/train and writes the model
 * file shipped in this package (models/ner.bin.gz) with its card. Model selection uses the corpora's
 * own held-out splits (UNER English-EWT dev, GUM dev, the last 2,000 GMB sentences); the project's
 * evaluation sets are never read here.
 *
 *   node packages/extractor/dist/ner/train.js [--corpora uner,gmb,gum] [--epochs N] [--limit N] [--out FILE]
 *
 * Corpora: uner (UNER English-EWT, CC BY-SA 4.0), gmb (GMB, public-domain texts; ODbL/DbCL database),
 * gum (GUM's permissive genres, CC BY 4.0 annotations), re3d (its permissive sources), conll
 * (CoNLL-2003 train: research use only, for comparison; never the default model).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, WINK_PIPE } from '../extract.js';
import { f1, scoreExtractor, scoreTagger } from './heldout.js';
import { readConll, readGmb, readGum, readRe3d, readUner, type CorpusSentence } from './corpora.js';
import { withRuleTags } from './rule-features.js';
import { DEFAULT_MODEL_FILE } from './model-file.js';
import { loadModel, saveModel, trainTagger, type NerModel } from './tagger.js';

const here = dirname(fileURLToPath(import.meta.url));

export const CORPORA: Record<string, { path: string; read: (f: string) => CorpusSentence[]; license: string; permissive: boolean }> = {
  uner: { path: 'uner-ewt/en_ewt-ud-train.prerelease-0c7ce0d.iob2', read: readUner, license: 'CC BY-SA 4.0 (UNER English-EWT annotations; EWT texts)', permissive: true },
  gmb: { path: 'gmb/ner_dataset.csv', read: readGmb, license: 'GMB 2.2.0 via Kaggle: public-domain texts (mostly Voice of America), ODbL 1.0 database / DbCL 1.0 contents', permissive: true },
  gum: { path: 'ud-gum-permissive/en_gum-ud-train.permissive.conllu', read: readGum, license: 'CC BY 4.0 (GUM annotations); texts CC BY 4.0, CC BY-SA 3.0, CC BY 2.5 or public domain (permissive genres only)', permissive: true },
  re3d: { path: 're3d/conll-by-source', read: readRe3d, license: 're3d (Dstl): public-domain, OGL v3.0, CC BY 3.0 AU and CC BY-SA 3.0 sources (BBC left out)', permissive: true },
  conll: { path: 'conll2003-train/eng.train', read: readConll, license: 'CoNLL-2003 / Reuters RCV1: research use only', permissive: false },
};

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      corpora: { type: 'string', default: 'uner,gmb,gum' },
      epochs: { type: 'string', default: '6' },
      limit: { type: 'string' },
      out: { type: 'string', default: DEFAULT_MODEL_FILE },
      shared: { type: 'string', default: process.env.KG_SHARED ?? resolve(here, '..', '..', '..', '..', '..', 'shared') },
    },
  });
  const trainDir = join(String(values.shared), 'corpora', 'train');
  // GMB has no split of its own: its last 2,000 sentences are held out as a newswire development set.
  const gmbAll = readGmb(join(trainDir, CORPORA.gmb!.path));
  const gmbDev = gmbAll.slice(-2000);
  const names = String(values.corpora).split(',').filter(Boolean);
  const sentences: CorpusSentence[] = [];
  const trainedOn: { corpus: string; sentences: number; license: string }[] = [];
  for (const name of names) {
    const c = CORPORA[name];
    if (!c) throw new Error(`kg train: no corpus "${name}"; choose from ${Object.keys(CORPORA).join(', ')}`);
    let list = name === 'gmb' ? gmbAll.slice(0, -2000) : c.read(join(trainDir, c.path));
    if (values.limit) list = list.slice(0, Number(values.limit));
    sentences.push(...list);
    trainedOn.push({ corpus: name, sentences: list.length, license: c.license });
    console.error(`kg train: ${name}: ${list.length} sentences`);
  }
  const permissive = names.every((n) => CORPORA[n]!.permissive);
  const nlp = winkNLP(model, WINK_PIPE);
  const t00 = Date.now();
  const training = withRuleTags(sentences, nlp);
  console.error(`kg train: the rules' decisions read for ${training.length} sentences (${((Date.now() - t00) / 1000).toFixed(0)} s)`);
  const t0 = Date.now();
  const tagger = trainTagger(
    training,
    {
      name: `kg-ner-${names.join('+')}`,
      trainedOn,
      license: permissive ? 'CC BY-SA 4.0 (share-alike, from UNER English-EWT); see trainedOn for each corpus' : 'research use only (trained on CoNLL-2003): not for distribution',
      rebuild: `npm run train -- --corpora ${names.join(',')} --epochs ${values.epochs}`,
    },
    { epochs: Number(values.epochs), onEpoch: (e, errors, tokens) => console.error(`kg train: epoch ${e}: ${((100 * errors) / tokens).toFixed(2)}% of ${tokens} tokens wrong (${((Date.now() - t0) / 1000).toFixed(0)} s)`) },
  );
  const scores: Record<string, unknown> = {};
  const heldOut = [
    ['uner-ewt-dev', readUner(join(trainDir, 'uner-ewt', 'en_ewt-ud-dev.iob2'))],
    ['gum-dev', readGum(join(trainDir, 'ud-gum-permissive', 'en_gum-ud-dev.permissive.conllu'))],
    ['gmb-heldout-2000', gmbDev],
  ] as const;
  for (const [name, dev] of heldOut) {
    const score = scoreTagger(tagger, withRuleTags(dev, nlp));
    const p = score.tp / Math.max(1, score.tp + score.fp);
    const r = score.tp / Math.max(1, score.tp + score.fn);
    const byType = Object.fromEntries(Object.entries(score.byType).map(([k, v]) => [k, round(f1(v))]));
    console.error(`kg train: ${name} (held out): P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(100 * f1(score)).toFixed(1)} ${JSON.stringify(byType)}`);
    scores[name] = { p: round(p), r: round(r), f1: round(f1(score)), byType };
  }
  // How sure the tagger must be for the extractor to take its names: the margin that gives the extractor
  // as a whole the best mean F1 over the three held-out splits.
  const t2 = Date.now();
  let best = { margin: 0, f1: -1 };
  for (const margin of MARGINS) {
    const extractor = createExtractor({ nlp, model: { ...tagger, card: { ...tagger.card, minMargin: margin } } });
    const mean = heldOut.reduce((sum, [, dev]) => sum + f1(scoreExtractor((text, source) => extractor.extract({ source, text }), dev)), 0) / heldOut.length;
    console.error(`kg train: margin ${margin}: the extractor's mean F1 on the held-out splits ${(100 * mean).toFixed(2)}`);
    if (mean > best.f1) best = { margin, f1: mean };
  }
  scores['extractor-mean-f1'] = round(best.f1);
  console.error(`kg train: the extractor takes the tagger's names from margin ${best.margin} (${((Date.now() - t2) / 1000).toFixed(0)} s)`);
  const withScores: NerModel = { ...tagger, card: { ...tagger.card, scores, minMargin: best.margin } };
  const file = saveModel(withScores);
  mkdirSync(dirname(String(values.out)), { recursive: true });
  writeFileSync(String(values.out), file);
  const t1 = Date.now();
  loadModel(file);
  console.error(`kg train: wrote ${String(values.out)} (${(file.length / 1e6).toFixed(2)} MB, ${withScores.card.features} features; loads in ${Date.now() - t1} ms)`);
}

const round = (x: number): number => Number((100 * x).toFixed(1));
/** The margins training tries (the model's weights are averaged perceptron scores; names reach 100 and more). */
const MARGINS = [0, 5, 10, 15, 20, 25, 30, 35, 40, 50, 60];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
