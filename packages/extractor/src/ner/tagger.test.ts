import { join } from 'node:path';
import { readUner } from './corpora.js';
import { bilou, loadModel, saveModel, spansOf, tagSpans, tagWords, TAGS, trainTagger } from './tagger.js';

const shared = process.env.KG_SHARED ?? join(process.cwd(), '..', 'shared');

describe('the name tagger', () => {
  it('turns spans into BILOU tags and back', () => {
    const spans = [
      { first: 0, last: 2, type: 'PER' as const },
      { first: 3, last: 4, type: 'LOC' as const },
      { first: 5, last: 8, type: 'ORG' as const },
    ];
    const tags = bilou(8, spans);
    expect(tags).toEqual(['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG']);
    expect(spansOf(tags)).toEqual(spans);
  });

  it('trains on a small sample of a training corpus: fewer errors each epoch, valid tags, and the same tags after saving and loading', () => {
    const sample = readUner(join(shared, 'corpora', 'train', 'uner-ewt', 'en_ewt-ud-train.prerelease-0c7ce0d.iob2')).slice(0, 400);
    const errors: number[] = [];
    const model = trainTagger(sample, { name: 'test', trainedOn: [{ corpus: 'uner', sentences: sample.length, license: 'CC BY-SA 4.0' }], license: 'CC BY-SA 4.0', rebuild: 'test' }, { epochs: 3, onEpoch: (_e, n) => errors.push(n) });
    expect(errors[2]!).toBeLessThan(errors[0]!);
    const words = 'Joe Biden met Xi Jinping in Lima on Saturday .'.split(' ');
    const tags = tagWords(model, words);
    expect(tags).toHaveLength(words.length);
    for (const t of tags) expect(TAGS).toContain(t);
    // Every name opened is closed (no B- without its L-).
    expect(spansOf(tags).reduce((n, s) => n + (s.last - s.first), 0)).toBe(tags.filter((t) => t !== 'O').length);
    // Each name comes with how sure the tagger is of it: never below zero, the same names as tagWords.
    const spans = tagSpans(model, words);
    expect(spans.map(({ first, last, type }) => ({ first, last, type }))).toEqual(spansOf(tags));
    for (const s of spans) expect(s.margin).toBeGreaterThanOrEqual(0);
    const again = loadModel(saveModel({ ...model, card: { ...model.card, minMargin: 25 } }));
    expect(again.card).toMatchObject({ name: 'test', epochs: 3, minMargin: 25 });
    expect(tagWords(again, words)).toEqual(tags);
  });
});
