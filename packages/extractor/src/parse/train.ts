/**
 * Trains kg's dependency parser (and the part-of-speech tagger it reads) on the UD English treebanks in
 * ../shared/corpora/train and writes the model shipped in this package (models/dep.bin.gz). It reports
 * attachment scores on the treebanks' own dev and test splits; the project's evaluation sets are never
 * read here.
 *
 *   node packages/extractor/dist/parse/train.js [--corpora ewt,gum] [--epochs N] [--limit N] [--out FILE]
 *
 * Corpora: ewt (UD English-EWT, CC BY-SA 4.0), gum (UD English-GUM's permissive genres, CC BY 4.0
 * annotations; texts CC BY, CC BY-SA or public domain).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { WINK_PIPE } from '../extract.js';
import { DEFAULT_PARSER_FILE } from './model-file.js';
import { loadParser, saveParser, scoreParser, trainParser, type TrainingTree } from './parser.js';
import { readTreebank, withWinkTags } from './treebank.js';

const here = dirname(fileURLToPath(import.meta.url));

export const TREEBANKS: Record<string, { train: string; dev: string; test: string; license: string }> = {
  ewt: { train: 'ud-ewt/en_ewt-ud-train.conllu', dev: 'ud-ewt/en_ewt-ud-dev.conllu', test: 'ud-ewt/en_ewt-ud-test.conllu', license: 'CC BY-SA 4.0 (UD English-EWT annotations; texts from the LDC English Web Treebank, see its README)' },
  gum: { train: 'ud-gum-permissive/en_gum-ud-train.permissive.conllu', dev: 'ud-gum-permissive/en_gum-ud-dev.permissive.conllu', test: 'ud-gum-permissive/en_gum-ud-test.permissive.conllu', license: 'CC BY 4.0 (UD English-GUM annotations); texts CC BY 4.0, CC BY-SA 3.0, CC BY 2.5 or public domain (permissive genres only)' },
};

export interface TrainArgs {
  readonly shared: string;
  readonly corpora: readonly string[];
  readonly epochs: number;
  readonly limit?: number;
  readonly out: string;
  readonly log?: (line: string) => void;
}

/** Trains, scores on the held-out splits, writes the model file; returns its scores. */
export function trainDependencyModel({ shared, corpora, epochs, limit, out, log = () => {} }: TrainArgs): Record<string, { uas: number; las: number; pos: number }> {
  const dir = join(shared, 'corpora', 'train');
  const nlp = winkNLP(model, WINK_PIPE);
  const trees: TrainingTree[] = [];
  const trainedOn: { corpus: string; sentences: number; license: string }[] = [];
  for (const name of corpora) {
    const c = TREEBANKS[name];
    if (!c) throw new Error(`kg train: no treebank "${name}"; choose from ${Object.keys(TREEBANKS).join(', ')}`);
    let list = readTreebank(join(dir, c.train));
    if (limit) list = list.slice(0, limit);
    trees.push(...withWinkTags(list, nlp));
    trainedOn.push({ corpus: `ud-${name}`, sentences: list.length, license: c.license });
    log(`kg train: ${name}: ${list.length} sentences`);
  }
  const t0 = Date.now();
  const seconds = (): string => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
  const parser = trainParser(
    trees,
    {
      name: `kg-dep-${corpora.join('+')}`,
      trainedOn,
      license: corpora.includes('ewt') ? 'CC BY-SA 4.0 (share-alike, from UD English-EWT); see trainedOn for each treebank' : 'CC BY 4.0; see trainedOn',
      rebuild: `npm run train -- --only parser --corpora ${corpora.join(',')} --epochs ${epochs}`,
    },
    { epochs, onStage: (what) => log(`kg train: ${what} (${seconds()})`), onEpoch: (e, uas) => log(`kg train: epoch ${e}: ${(100 * uas).toFixed(2)}% of heads right on the path taken (${seconds()})`) },
  );
  const scores: Record<string, { uas: number; las: number; pos: number }> = {};
  for (const name of ['ewt', 'gum']) {
    for (const split of ['dev', 'test'] as const) {
      const s = scoreParser(parser, withWinkTags(readTreebank(join(dir, TREEBANKS[name]![split])), nlp));
      scores[`${name}-${split}`] = { uas: round(s.uas), las: round(s.las), pos: round(s.pos) };
      log(`kg train: ${name} ${split} (held out): UAS ${(100 * s.uas).toFixed(1)} LAS ${(100 * s.las).toFixed(1)} (universal relations ${(100 * s.lasUniversal).toFixed(1)}), part of speech ${(100 * s.pos).toFixed(1)}%`);
    }
  }
  const file = saveParser({ ...parser, card: { ...parser.card, scores } });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  const t1 = Date.now();
  loadParser(file);
  log(`kg train: wrote ${out} (${(file.length / 1e6).toFixed(2)} MB; loads in ${Date.now() - t1} ms)`);
  return scores;
}

const round = (x: number): number => Number((100 * x).toFixed(1));

export const DEFAULT_SHARED = process.env.KG_SHARED ?? resolve(here, '..', '..', '..', '..', '..', 'shared');
export { DEFAULT_PARSER_FILE };
