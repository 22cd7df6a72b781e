/** Where the shipped parser lives, and how to read it. */
import { join } from 'node:path';
import { MODELS_DIR, readModelFile } from '../model-files.js';
import { loadParser, type DepModel } from './parser.js';

/** models/dep.bin.gz in this package (beside it, in models/README.md: its card and its training data's licenses). */
export const DEFAULT_PARSER_FILE = join(MODELS_DIR, 'dep.bin.gz');

/** Reads a parser written by `npm run train` (by default the one shipped in this package). */
export function loadDepModel(file: string = DEFAULT_PARSER_FILE): DepModel {
  return readModelFile(file, 'parser model', 'npm run train -- --only parser', loadParser);
}
