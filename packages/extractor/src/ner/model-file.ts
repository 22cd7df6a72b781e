/** Where the name model is written, and how to read it. */
import { join } from 'node:path';
import { MODELS_DIR, readModelFile } from '../model-files.js';
import { loadModel, type NerModel } from './tagger.js';

/** models/ner.bin.gz in this package, where npm run train writes it (not shipped yet: see models/README.md). */
export const DEFAULT_MODEL_FILE = join(MODELS_DIR, 'ner.bin.gz');

/** Reads a name model written by `npm run train -- --only ner`. */
export function loadNerModel(file: string = DEFAULT_MODEL_FILE): NerModel {
  return readModelFile(file, 'name model', 'npm run train -- --only ner', loadModel);
}
