/** Where kg's shipped models live (models/ in this package, with their cards and licenses), and how one is read. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgExtractorError } from './errors.js';

export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'models');

/**
 * Reads and decodes a model file; either failure is one MODEL_UNREADABLE error naming the file: it cannot
 * be read (with how to make one), or it is not a model of this kind (with what is wrong).
 */
export function readModelFile<T>(file: string, what: string, make: string, decode: (bytes: Buffer) => T): T {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new KgExtractorError('MODEL_UNREADABLE', `cannot read the ${what} ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}); run ${make} to make one`, { source: file });
  }
  try {
    return decode(bytes);
  } catch (err) {
    throw new KgExtractorError('MODEL_UNREADABLE', `${file} is not a kg ${what}: ${(err as Error).message}`, { source: file });
  }
}
