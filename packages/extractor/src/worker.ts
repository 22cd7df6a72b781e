/** One extraction worker of the pool (pool.ts): its own wink-nlp, parser and name model, one article a message. */
import { parentPort, workerData } from 'node:worker_threads';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, WINK_PIPE, type ArticleInput, type Extractor } from './extract.js';
import { KgExtractorError } from './errors.js';
import { loadNerModel } from './ner/model-file.js';
import type { WorkerReply, WorkerStart } from './pool.js';

const start = workerData as WorkerStart;
let extractor: Extractor | undefined;
try {
  const parser = start.parser || undefined;
  const names = start.nerModel === false ? undefined : loadNerModel(start.nerModel);
  extractor = createExtractor({ nlp: winkNLP(model, WINK_PIPE), ...(names ? { model: names } : {}), ...(parser ? { parser } : {}) });
  // The gazetteers load on first use: here, while the other workers start too.
  extractor.extract({ source: 'warm-up', text: 'President Joe Biden met Xi Jinping in Lima, Peru, on Saturday, the White House said.' });
  parentPort!.postMessage({ ready: true });
} catch (err) {
  // A model file that is not one: said once, as the error it is; every article then fails with it.
  parentPort!.postMessage({ startError: { message: (err as Error).message, code: err instanceof KgExtractorError ? err.code : 'MODEL_UNREADABLE' } });
}

parentPort!.on('message', ({ id, input }: { id: number; input: ArticleInput }) => {
  if (!extractor) return;
  let reply: WorkerReply;
  try {
    reply = { id, extraction: extractor.extract(input) };
  } catch (err) {
    const e = err as Error;
    reply = { id, error: { message: e.message, ...(err instanceof KgExtractorError ? { code: err.code, ...(err.source ? { source: err.source } : {}) } : {}) } };
  }
  parentPort!.postMessage(reply);
});
