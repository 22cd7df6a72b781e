/** Where the shipped name model lives, and how to read it. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgExtractorError } from '../errors.js';
import { loadModel, type NerModel } from './tagger.js';

/** models/ner.bin.gz in this package (beside it: the model's card and its training data's licenses). */
export const DEFAULT_MODEL_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'ner.bin.gz');

/** Reads a name model written by `npm run train` (by default the one shipped in this package). */
export function loadNerModel(file: string = DEFAULT_MODEL_FILE): NerModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new KgExtractorError('MODEL_UNREADABLE', `cannot read the name model ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}); run npm run train to make one`, { source: file });
  }
  try {
    return loadModel(bytes);
  } catch (err) {
    throw new KgExtractorError('MODEL_UNREADABLE', `${file} is not a kg name model: ${(err as Error).message}`, { source: file });
  }
}
