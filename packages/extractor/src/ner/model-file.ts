/** Where the name model is written, and how to read it. */
import { join } from 'node:path';
import { MODELS_DIR, readModelFile } from '../model-files.js';
import { loadModel, type NerModel } from './tagger.js';

/** models/ner.bin.gz in this package (beside it, in models/README.md: its card and its training data's licenses). */
export const DEFAULT_MODEL_FILE = join(MODELS_DIR, 'ner.bin.gz');

/** Reads a name model written by `npm run train -- --only ner` (by default the one shipped in this package). */
export function loadNerModel(file: string = DEFAULT_MODEL_FILE): NerModel {
  return readModelFile(file, 'name model', 'npm run train -- --only ner', loadModel);
}
