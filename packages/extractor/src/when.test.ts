import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, KgExtractorError, WINK_PIPE } from './index.js';
import { dateLine, findDates, findQuantities, parseDay } from './when.js';

const extractor = createExtractor({ nlp: winkNLP(model, WINK_PIPE) });

describe('dates', () => {
  const tuesday = parseDay('2025-11-18');
  it('keeps dates as written and resolves them against the article date', () => {
    const d = findDates('Zelensky will meet Erdogan on Wednesday, Nov. 19; they last met last month.', tuesday, true);
    expect(d.map((x) => [x.text, x.value])).toEqual([
      ['on Wednesday', '2025-11-19'],
      ['Nov. 19', '2025-11-19'],
      ['last month', '2025-10'],
    ]);
  });
  it('reads a weekday in a report as the last one, in a plan as the next one', () => {
    expect(findDates('He met them on Monday.', tuesday, false)[0]?.value).toBe('2025-11-17');
    expect(findDates('He will meet them on Monday.', tuesday, true)[0]?.value).toBe('2025-11-24');
  });
  it('never guesses without the article date', () => {
    expect(findDates('on Wednesday, Nov. 19', undefined, true).map((x) => x.value)).toEqual([undefined, undefined]);
  });
  it('finds a date line at the top of a file', () => {
    expect(dateLine('BONN 1996-08-31\nIranian security forces...')).toBe('1996-08-31');
    expect(dateLine('No date here\nat all')).toBeUndefined();
  });
});

describe('quantities', () => {
  it('keeps amounts as written, not dates or years', () => {
    const text = 'Kyiv will buy up to 100 Rafale fighter jets and get aid worth $946 million since the 2022 invasion, on Nov. 19.';
    const q = findQuantities(text, findDates(text, undefined, false)).map((x) => x.text);
    expect(q).toEqual(['up to 100 Rafale fighter jets', '$946 million']);
  });
});

describe('modality on facts', () => {
  const evidenceOf = (text: string, type: string) => extractor.extract({ source: 't.txt', text, date: '2025-11-18' }).relations.find((r) => r.type === type)?.evidence[0];
  it('marks planned facts with their cue and date', () => {
    expect(evidenceOf('Ukrainian President Volodymyr Zelensky will visit Turkey on Wednesday.', 'VISITS')).toMatchObject({ modality: 'planned', cue: 'will', date: { text: 'on Wednesday', value: '2025-11-19' } });
  });
  it('marks denied facts, with an elided destination taken from the sentence', () => {
    const e = evidenceOf('An official said envoy Steve Witkoff would join talks in Turkey, but later said Witkoff wouldn’t be coming.', 'VISITS');
    expect(e).toMatchObject({ modality: 'denied' });
    expect(e?.cue).toMatch(/n’t/);
  });
  it('marks reported facts as reported, with the amount they carry', () => {
    expect(evidenceOf('Madrid provided Ukraine with aid worth $946 million.', 'PROVIDES_AID')).toMatchObject({ modality: 'reported', quantities: ['$946 million'] });
  });
  it('refuses a date that is not a calendar date', () => {
    expect(() => extractor.extract({ source: 't.txt', text: 'Text.', date: '2025-02-30' })).toThrow(KgExtractorError);
  });
});
