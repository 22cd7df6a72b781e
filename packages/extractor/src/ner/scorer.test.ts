import { loadNerModel } from '../index.js';
import { sentenceFeatures } from './features.js';
import { emissionScorer } from './scorer.js';

describe("the name tagger's fast emission scores", () => {
  const model = loadNerModel();
  const N = model.perceptron.classes.length;
  const scorer = emissionScorer(model.perceptron);
  // What every feature looked up by name gives: the definition the fast path must match.
  const byName = (words: string[], rules?: string[]): Float64Array => {
    const out = new Float64Array(words.length * N);
    sentenceFeatures(words, rules).forEach((f, i) => model.perceptron.scores(f, out.subarray(i * N, (i + 1) * N)));
    return out;
  };
  const sentences: [string[], string[] | undefined][] = [
    ['Joe Biden met Xi Jinping in Lima on Saturday .'.split(' '), undefined],
    ['Spanish Prime Minister Pedro Sánchez visited the New York Stock Exchange .'.split(' '), ['C', 'O', 'O', 'B-PER', 'L-PER', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'L-ORG', 'O']],
    ['SHARES IN TOYOTA FELL , REUTERS SAID'.split(' '), ['O', 'O', 'C', 'O', 'O', 'C', 'O']],
    ['a|b said Real Madrid beat Chelsea in London'.split(' '), ['O', 'O', 'B-ORG', 'L-ORG', 'O', 'C', 'O', 'U-LOC']],
    [['Reuters'], ['C']],
    [['|', 'x|y', 'Apple'], ['O', 'O', 'never-seen-tag']],
  ];
  it.each(sentences)('gives the same scores as every feature looked up by name (%p)', (words, rules) => {
    const fast = scorer.emissions(words, rules);
    const slow = byName(words, rules);
    expect(fast).toHaveLength(slow.length);
    for (let k = 0; k < slow.length; k++) expect(fast[k]).toBeCloseTo(slow[k]!, 9);
  });
});
