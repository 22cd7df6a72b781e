import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { WINK_PIPE } from '../extract.js';
import { loadDepModel } from './model-file.js';
import { loadParser, parse, saveParser, scoreParser, trainParser } from './parser.js';
import { readTreebank, withWinkTags } from './treebank.js';

const shared = process.env.KG_SHARED ?? join(process.cwd(), '..', 'shared');
const nlp = winkNLP(model, WINK_PIPE);

/** Every word has one head inside the sentence or the root, and following heads never loops. */
function isTree(heads: Int32Array): boolean {
  for (let i = 0; i < heads.length; i++) {
    const seen = new Set<number>();
    for (let k = i; k >= 0; k = heads[k]!) {
      if (k >= heads.length || seen.has(k)) return false;
      seen.add(k);
    }
  }
  return true;
}

describe('the dependency parser', () => {
  it('trains on a small sample of UD English-EWT: it learns, gives trees, and parses the same after saving and loading', () => {
    const dir = join(shared, 'corpora', 'train', 'ud-ewt');
    const train = withWinkTags(readTreebank(join(dir, 'en_ewt-ud-train.conllu')).slice(0, 300), nlp);
    const dev = withWinkTags(readTreebank(join(dir, 'en_ewt-ud-dev.conllu')).slice(0, 100), nlp);
    const seen: number[] = [];
    const m = trainParser(train, { name: 'test', trainedOn: [], license: 'CC BY-SA 4.0', rebuild: 'test' }, { epochs: 3, posEpochs: 2, folds: 2, onEpoch: (_e, uas) => seen.push(uas) });
    expect(seen).toHaveLength(3);
    // A sample of 300 sentences already attaches well over a third of the held-out words (chance is far lower).
    expect(scoreParser(m, dev).uas).toBeGreaterThan(0.4);
    const words = 'Joe Biden met Xi Jinping in Lima on Saturday .'.split(' ');
    const wink = ['PROPN', 'PROPN', 'VERB', 'PROPN', 'PROPN', 'ADP', 'PROPN', 'ADP', 'PROPN', 'PUNCT'];
    const got = parse(m, words, wink);
    expect(isTree(got.heads)).toBe(true);
    // The file keeps weights to 1/16 and leaves out the smallest: once saved, a model saves and parses the same.
    const again = loadParser(saveParser(m));
    expect(again.card).toMatchObject({ name: 'test' });
    expect(isTree(parse(again, words, wink).heads)).toBe(true);
    expect(parse(loadParser(saveParser(again)), words, wink)).toEqual(parse(again, words, wink));
  });

  it('ships a model that reads who did what to whom in a news sentence', () => {
    const m = loadDepModel();
    expect(m.card.license).toMatch(/CC BY-SA 4\.0/);
    const words = 'Joe Biden met Xi Jinping in Lima on Saturday .'.split(' ');
    const p = parse(m, words, ['PROPN', 'PROPN', 'VERB', 'PROPN', 'PROPN', 'ADP', 'PROPN', 'ADP', 'PROPN', 'PUNCT']);
    const at = (w: string): number => words.indexOf(w);
    expect(p.labels[at('met')]).toBe('root');
    // A name is headed by its first word in UD ("Joe", with "Biden" as flat).
    expect(p.heads[at('Joe')]).toBe(at('met'));
    expect(p.labels[at('Joe')]).toBe('nsubj');
    expect(p.labels[at('Biden')]).toBe('flat');
    expect(p.labels[at('.')]).toBe('punct');
  });

  it('says which file is not a parser model', () => {
    expect(() => loadDepModel(join(process.cwd(), 'package.json'))).toThrow(/package\.json is not a kg parser model: not gzip data/);
    expect(() => loadDepModel('/nonexistent/dep.bin.gz')).toThrow(/cannot read the parser model \/nonexistent\/dep\.bin\.gz \(ENOENT\)/);
  });
});
