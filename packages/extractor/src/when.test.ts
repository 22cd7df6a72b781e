import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  it('resolves a date that says its own year without the article date, with its granularity', () => {
    expect(findDates('It began in October 2004, on 7 March 1985 and since 2001, not in the 1990s.', undefined, false).map((x) => [x.text, x.value, x.granularity])).toEqual([
      ['in October 2004', '2004-10', 'month'],
      ['7 March 1985', '1985-03-07', 'day'],
      ['since 2001', '2001', 'year'],
    ]);
  });
  it('reads "ago", "last night" and "this morning" against the article date', () => {
    const d = findDates('Two months ago he quit; three years ago he ran; last night and this morning he spoke.', tuesday, false);
    expect(d.map((x) => x.value)).toEqual(['2025-09', '2022', '2025-11-17', '2025-11-18']);
  });
  it('finds a date line at the top of a file', () => {
    expect(dateLine('BONN 1996-08-31\nIranian security forces...')).toBe('1996-08-31');
    expect(dateLine('Talks resume\nPublished: 18 November 2025\nText.')).toBe('2025-11-18');
    expect(dateLine('Tuesday, Nov. 18, 2025 10:02 AM\nText.')).toBe('2025-11-18');
    expect(dateLine('No date here\nat all')).toBeUndefined();
  });
  it('gets the labelled dates of news_dev and BBC right, guessing none without an article date', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    const r = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts', 'dates-eval.mjs'), '--json'], { encoding: 'utf8' })) as { total: number; right: number; guessed: number };
    expect(r.total).toBeGreaterThanOrEqual(150);
    expect(r.right / r.total).toBeGreaterThanOrEqual(0.9);
    expect(r.guessed).toBe(0);
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
