/** Where the shipped parser lives, and how to read it. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgExtractorError } from '../errors.js';
import { loadParser, type DepModel } from './parser.js';

/** models/dep.bin.gz in this package (beside it, in models/README.md: its card and its training data's licenses). */
export const DEFAULT_PARSER_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'dep.bin.gz');

/** Reads a parser written by `npm run train` (by default the one shipped in this package). */
export function loadDepModel(file: string = DEFAULT_PARSER_FILE): DepModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new KgExtractorError('MODEL_UNREADABLE', `cannot read the parser model ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}); run npm run train -- --only parser to make one`, { source: file });
  }
  try {
    return loadParser(bytes);
  } catch (err) {
    throw new KgExtractorError('MODEL_UNREADABLE', `${file} is not a kg parser model: ${(err as Error).message}`, { source: file });
  }
}
