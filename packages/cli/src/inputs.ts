/**
 * Paths on the command line to articles: files, folders (recursively, sorted), or "-" for standard input.
 * Each problem is reported for its own file; the others are still read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeArticle, KgExtractorError } from '@kg/extractor';

export interface Article {
  readonly source: string;
  readonly text: string;
}

export interface InputProblem {
  readonly source: string;
  readonly code: string;
  readonly message: string;
}

export type InputItem = { kind: 'article'; article: Article } | { kind: 'problem'; problem: InputProblem };

const TEXT_FILE = /\.(txt|text|md)$/i;

/** Expands paths into the list of files to read, in a stable order. Missing paths and empty folders are problems. */
export async function listInputs(paths: readonly string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch {
      problems.push({ source: p, code: 'NOT_FOUND', message: `kg: ${p}: no such file or folder` });
      continue;
    }
    if (info.isDirectory()) {
      const found = await walk(p);
      if (found.length === 0) problems.push({ source: p, code: 'NO_TEXT', message: `kg: ${p}: folder holds no text files (.txt, .text, .md)` });
      files.push(...found);
    } else files.push(p);
  }
  return { files, problems };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && TEXT_FILE.test(e.name)) out.push(full);
  }
  return out;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

/** Reads and decodes one file at a time, so memory follows the graph and not the whole corpus. */
export async function* readArticles(files: readonly string[], stdin: NodeJS.ReadableStream): AsyncGenerator<InputItem> {
  for (const file of files) {
    const source = file === '-' ? '<stdin>' : file;
    try {
      const bytes = file === '-' ? await readStdin(stdin) : await readFile(file);
      yield { kind: 'article', article: { source, text: decodeArticle(bytes, source) } };
    } catch (err) {
      if (err instanceof KgExtractorError) yield { kind: 'problem', problem: { source, code: err.code, message: err.message } };
      else {
        const code = (err as NodeJS.ErrnoException).code ?? 'READ_FAILED';
        yield { kind: 'problem', problem: { source, code, message: `kg: cannot read ${source} (${code})` } };
      }
    }
  }
}

