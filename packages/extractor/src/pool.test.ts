import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, createExtractorPool, extractFiles, loadDepModel, loadNerModel, WINK_PIPE } from './index.js';

// The workers run the compiled extractor (dist/worker.js): `npm test` builds it first.
const seeds = join(process.cwd(), 'seeds');

describe('extraction on every core', () => {
  it('gives, with two workers (the shipped parser and name tagger), what one extractor gives, in the input order', async () => {
    const pool = createExtractorPool({ jobs: 2 });
    try {
      const alone = await extractFiles([seeds], { extractor: createExtractor({ nlp: winkNLP(model, WINK_PIPE), parser: loadDepModel(), model: loadNerModel() }) });
      const pooled = await extractFiles([seeds], { extractor: pool });
      expect(pooled.extractions.map((x) => x.documents[0]!.source)).toEqual(readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seeds, f)));
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(alone));
    } finally {
      await pool.close();
    }
  });

  // The name tagger is read by each worker, the parser once by the pool for all of them: either way, one error.
  it.each([['name tagger', 'nerModel'], ['parser', 'parser']] as const)('says once, as MODEL_UNREADABLE naming the file, that a %s file is not one', async (_what, option) => {
    const bad = join(tmpdir(), `kg-not-a-${option}-${process.pid}.gz`);
    writeFileSync(bad, 'not a model');
    const pool = createExtractorPool({ jobs: 2, [option]: bad });
    try {
      await expect(pool.ready()).rejects.toMatchObject({ code: 'MODEL_UNREADABLE', message: expect.stringContaining(bad) });
      await expect(pool.extract({ source: 'a.txt', text: readFileSync(join(seeds, readdirSync(seeds)[0]!), 'utf8') })).rejects.toMatchObject({ code: 'MODEL_UNREADABLE' });
    } finally {
      await pool.close();
    }
  });

  it('refuses a number of workers that is not one', () => {
    expect(() => createExtractorPool({ jobs: 0 })).toThrow(/jobs must be a whole number/);
  });
});
