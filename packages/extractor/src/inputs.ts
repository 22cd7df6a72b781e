/**
 * Paths on the command line to articles: files, folders (recursively, sorted), or "-" for standard input.
 * Each problem is reported for its own file; the others are still read.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromJSON, graphToExtractions, splitByDocument, validateExtraction, type Extraction } from '@kg/graph';
import { decodeArticle, DEFAULT_MAX_BYTES } from './decode.js';
import { KgExtractorError } from './errors.js';
import { documentId, type Extractor } from './extract.js';
import type { ExtractorPool } from './pool.js';

export interface Article {
  readonly source: string;
  readonly text: string;
}

export interface InputProblem {
  readonly source: string;
  readonly code: string;
  readonly message: string;
}

export type InputItem = { kind: 'article'; article: Article } | { kind: 'extractions'; source: string; extractions: Extraction[] } | { kind: 'problem'; problem: InputProblem };

/** kg's own output (`kg extract --format json` or `jsonl`) is read as extractions, not as news text. */
const KG_JSON = /\.jsonl?$/i;
/** JSON can hold many articles: a larger bound than one article's. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;

const TEXT_FILE = /\.(txt|text|md)$/i;

/** What a path is, in words, when it is not a file or a folder we read. */
function special(info: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string | undefined {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return undefined;
}

const fsProblem = (source: string, err: unknown, doing: string): InputProblem => {
  const code = (err as NodeJS.ErrnoException).code ?? 'READ_FAILED';
  return { source, code, message: `kg: cannot ${doing} ${source} (${code})` };
};

/**
 * Expands paths into the list of files to read, in a stable order. Folders are read recursively,
 * following links (each real folder once), leaving out hidden entries and node_modules. Missing paths,
 * empty folders, FIFOs and devices are problems; nothing is read yet.
 */
export async function listInputs(paths: readonly string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push(code === 'ENOENT' ? { source: p, code: 'NOT_FOUND', message: `kg: ${p}: no such file or folder` } : fsProblem(p, err, 'read'));
      continue;
    }
    const odd = special(info);
    if (odd) problems.push({ source: p, code: 'NOT_A_FILE', message: `kg: ${p} is ${odd}, not a file; kg reads files, folders or - for standard input` });
    else if (info.isDirectory()) {
      const found = await walk(p, seen, problems);
      if (found.length === 0) problems.push({ source: p, code: 'NO_TEXT', message: `kg: ${p}: folder holds no text files (.txt, .text, .md)` });
      files.push(...found);
    } else files.push(p);
  }
  return { files, problems };
}

async function walk(dir: string, seen: Set<string>, problems: InputProblem[]): Promise<string[]> {
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    if (seen.has(real)) return []; // a link back to a folder already read
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push(fsProblem(dir, err, 'read the folder'));
    return [];
  }
  const out: string[] = [];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const info = await stat(full);
        isDir = info.isDirectory();
        isFile = info.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) out.push(...(await walk(full, seen, problems)));
    else if (isFile && TEXT_FILE.test(e.name)) out.push(full);
  }
  return out;
}

/** Reads at most `max` + 1 bytes of standard input: enough to know it is over the limit. */
async function readStdin(stdin: NodeJS.ReadableStream, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stdin) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    chunks.push(b);
    size += b.length;
    if (size > max) break;
  }
  return Buffer.concat(chunks);
}

/** Reads a regular file, at most `max` + 1 bytes of it, whatever its size says. */
async function readBounded(file: string, max: number): Promise<Uint8Array> {
  const info = await stat(file);
  const odd = special(info);
  if (odd) throw new KgExtractorError('INVALID_INPUT', `${file} is ${odd}, not a file`, { source: file });
  if (info.size > max) throw new KgExtractorError('TOO_LARGE', `${file} is ${info.size} bytes, over the limit of ${max} (an article is expected)`, { source: file });
  const h = await open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(info.size, max) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await h.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    return buf.subarray(0, n);
  } finally {
    await h.close();
  }
}

/** Reads and decodes one file at a time, so memory follows the graph and not the whole corpus. */
export async function* readArticles(files: readonly string[], stdin: NodeJS.ReadableStream, max = DEFAULT_MAX_BYTES): AsyncGenerator<InputItem> {
  for (const file of files) {
    const source = file === '-' ? '<stdin>' : file;
    if (KG_JSON.test(file)) {
      yield readExtractions(file);
      continue;
    }
    try {
      const bytes = file === '-' ? await readStdin(stdin, max) : await readBounded(file, max);
      yield { kind: 'article', article: { source, text: decodeArticle(bytes, source, max) } };
    } catch (err) {
      if (err instanceof KgExtractorError) yield { kind: 'problem', problem: { source, code: err.code, message: err.message } };
      else yield { kind: 'problem', problem: fsProblem(source, err, 'read') };
    }
  }
}

/** A line of a JSONL file of extractions is one article's: at most this long. */
export const MAX_JSONL_LINE_BYTES = 64 * 1024 * 1024;

/**
 * The lines of a JSONL file, read in chunks: the file may be larger than one string can be, a line may
 * not be longer than MAX_JSONL_LINE_BYTES. Throws KgExtractorError (TOO_LARGE) or TypeError (not UTF-8).
 */
async function* jsonlLines(file: string): AsyncGenerator<[line: string, n: number]> {
  const info = await stat(file);
  const odd = special(info);
  if (odd) throw new KgExtractorError('INVALID_INPUT', `${file} is ${odd}, not a file`, { source: file });
  const h = await open(file, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buf = Buffer.alloc(1 << 20);
    let rest = '';
    let n = 0;
    for (;;) {
      const { bytesRead } = await h.read(buf, 0, buf.length, null);
      rest += decoder.decode(buf.subarray(0, bytesRead), { stream: bytesRead > 0 });
      const lines = rest.split('\n');
      rest = bytesRead > 0 ? lines.pop()! : '';
      for (const l of lines) yield [l, ++n];
      if (rest.length > MAX_JSONL_LINE_BYTES) throw new KgExtractorError('TOO_LARGE', `${file} line ${n + 1} is over ${MAX_JSONL_LINE_BYTES} bytes (one article's extraction is expected per line)`, { source: file });
      if (bytesRead === 0) break;
    }
  } finally {
    await h.close();
  }
}

/** A JSON or JSONL file of kg extractions, validated against the contract; anything else is one problem line. */
async function readExtractions(file: string): Promise<InputItem> {
  const problem = (code: string, message: string): InputItem => ({ kind: 'problem', problem: { source: file, code, message: `kg: ${file} ${message}` } });
  const jsonl = /\.jsonl$/i.test(file);
  const docs: [unknown, number][] = [];
  try {
    if (jsonl) {
      // Line by line: a JSONL file of many articles is bounded per article, not as a whole.
      for await (const [line, n] of jsonlLines(file)) {
        if (!line.trim()) continue;
        try {
          docs.push([JSON.parse(line), n]);
        } catch {
          return problem('NOT_JSON', `line ${n} is not JSON`);
        }
      }
    } else {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await readBounded(file, MAX_JSON_BYTES));
      try {
        docs.push([JSON.parse(text), 0]);
      } catch {
        return problem('NOT_JSON', 'is not JSON');
      }
    }
  } catch (err) {
    if (err instanceof KgExtractorError) return { kind: 'problem', problem: { source: file, code: err.code, message: err.message } };
    if (err instanceof TypeError) return problem('NOT_UTF8', 'is not UTF-8 text');
    return { kind: 'problem', problem: fsProblem(file, err, 'read') };
  }
  const extractions: Extraction[] = [];
  for (const [d, n] of docs) {
    if (d && typeof d === 'object' && 'nodes' in d && 'edges' in d) {
      // A graph written by kg build: its articles, as they were extracted.
      try {
        const graph = fromJSON(d as Parameters<typeof fromJSON>[0]);
        extractions.push(...graphToExtractions(graph).map((x) => validateExtraction(x)));
        continue;
      } catch (err) {
        return problem('NOT_EXTRACTION', `is not a graph kg can read (${(err as Error).message.replace(/^kg\/graph: /, '')})`);
      }
    }
    try {
      extractions.push(...splitByDocument(validateExtraction(d)));
    } catch (err) {
      return problem('NOT_EXTRACTION', `${docs.length > 1 ? `line ${n} ` : ''}is not a kg extraction (${(err as Error).message.replace(/^kg\/graph: /, '')})`);
    }
  }
  return { kind: 'extractions', source: file, extractions };
}

export interface ExtractFilesOptions {
  /** An extractor, or a pool of workers (`createExtractorPool`) for every core. */
  readonly extractor: Extractor | ExtractorPool;
  /** The articles' date (YYYY-MM-DD), for resolving "on Wednesday" (otherwise each file's date line). */
  readonly date?: string;
  /** Where "-" reads from (default: the process's standard input). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Called for each article as it is done, and for each problem (one line, naming the file). */
  readonly onArticle?: (x: Extraction, done: number, total: number) => void;
  readonly onProblem?: (p: InputProblem, done: number, total: number) => void;
}

export interface ExtractFilesResult {
  /** One extraction per distinct article (the same text twice is one article, under its first source). */
  readonly extractions: Extraction[];
  readonly problems: InputProblem[];
  /** Sources whose text was read before under another source ("b.txt = a.txt"). */
  readonly repeated: string[];
}

/**
 * Files and folders to extractions, as kg build reads them: text files (folders recursively), kg's own
 * extraction JSON and JSONL, "-" for standard input; every read bounded; a problem with one file is
 * reported and the others are still read. Pass the result to buildGraph or a store.
 */
export async function extractFiles(paths: readonly string[], { extractor, date, stdin = process.stdin, onArticle, onProblem }: ExtractFilesOptions): Promise<ExtractFilesResult> {
  const { files, problems } = await listInputs(paths);
  for (const p of problems) onProblem?.(p, 0, files.length);
  const extractions: Extraction[] = [];
  const seen = new Map<string, string>();
  const repeated: string[] = [];
  let done = 0;
  const keep = (x: Extraction): void => {
    const d = x.documents[0]!;
    const first = seen.get(d.id);
    if (first !== undefined) {
      repeated.push(`${d.source} = ${first}`);
      return;
    }
    seen.set(d.id, d.source);
    extractions.push(x);
    onArticle?.(x, done, files.length);
  };
  const problem = (p: InputProblem): void => {
    problems.push(p);
    onProblem?.(p, done, files.length);
  };
  // Articles go to the extractor as they are read; what comes back is taken in the input order, so a
  // pool of workers gives what one extractor gives. A few articles per worker are in flight at once.
  const window = 'jobs' in extractor ? extractor.jobs * 4 : 1;
  const inFlight: Promise<() => void>[] = [];
  const dispatched = new Map<string, string>();
  const settle = async (): Promise<void> => {
    done++;
    (await inFlight.shift()!)();
  };
  for await (const item of readArticles(files, stdin)) {
    if (item.kind === 'problem') inFlight.push(Promise.resolve(() => problem(item.problem)));
    else if (item.kind === 'extractions') inFlight.push(Promise.resolve(() => item.extractions.forEach(keep)));
    else {
      const { id } = documentId(item.article.text);
      const first = dispatched.get(id);
      if (first !== undefined) inFlight.push(Promise.resolve(() => void repeated.push(`${item.article.source} = ${first}`)));
      else {
        dispatched.set(id, item.article.source);
        const source = item.article.source;
        inFlight.push(
          Promise.resolve()
            .then(() => extractor.extract({ ...item.article, id, ...(date ? { date } : {}) }))
            .then(
              (x) => () => keep(x),
              (err: unknown) => () => problem({ source, code: 'EXTRACTION_FAILED', message: `kg: ${source}: extraction failed: ${(err as Error).message}` }),
            ),
        );
      }
    }
    while (inFlight.length >= window) await settle();
  }
  while (inFlight.length) await settle();
  return { extractions, problems, repeated };
}
