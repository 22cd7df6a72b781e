/**
 * The file store, kg's embedded default: a folder that holds the articles' extractions
 * (`articles.jsonl`, the truth) and the graph built from all of them (`graph.json`, `graph.cypher`).
 * Adding or forgetting articles rebuilds the graph from every stored extraction (no text is extracted
 * again), so the folder always holds the graph of one build of its articles, whatever the order of the
 * adds. Files are replaced by rename, the articles last, so a run killed midway leaves the last complete
 * state or a graph that the next run rebuilds; a lock file makes two runs at once take turns.
 */
import { createReadStream } from 'node:fs';
import { open, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Extraction } from './contract.js';
import { buildGraph, validateExtraction, type KgGraph } from './build.js';
import { cypherChunks } from './cypher.js';
import { KgGraphError } from './errors.js';
import { jsonChunks } from './json.js';
import { distinctArticles } from './merge.js';

export interface FileStoreOptions {
  /** The folder ("kg-out"). */
  readonly dir: string;
  /** How long to wait for another run's lock, in ms (default 10 minutes). */
  readonly lockTimeoutMs?: number;
}

export interface FileStoreResult {
  readonly graph: KgGraph;
  readonly added: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly notFound: string[];
  /** The files written. */
  readonly files: string[];
}

export interface FileStore {
  /** Adds articles (one extraction each); a new text from a stored source replaces the old one. */
  add(extractions: readonly Extraction[]): Promise<FileStoreResult>;
  /** Removes the articles with these sources or ids. */
  forget(sourcesOrIds: readonly string[]): Promise<FileStoreResult>;
  /** Replaces whatever the folder held by these articles. */
  replace(extractions: readonly Extraction[]): Promise<FileStoreResult>;
}

export const ARTICLES_FILE = 'articles.jsonl';

export function createFileStore({ dir, lockTimeoutMs = 600_000 }: FileStoreOptions): FileStore {
  const articlesPath = join(dir, ARTICLES_FILE);

  /** The stored articles, line by line (the file can be larger than one string may be). */
  const read = async (): Promise<Extraction[]> => {
    const out: Extraction[] = [];
    let i = 0;
    try {
      const lines = createInterface({ input: createReadStream(articlesPath, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) {
        i++;
        if (!line.trim()) continue;
        try {
          out.push(validateExtraction(JSON.parse(line)));
        } catch (err) {
          throw new KgGraphError('STORE_UNREADABLE', `${articlesPath} line ${i} is not a kg extraction: ${(err as Error).message.replace(/^kg\/graph: /, '')}`, { cause: err });
        }
      }
    } catch (err) {
      if (err instanceof KgGraphError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new KgGraphError('STORE_UNREADABLE', `cannot read ${articlesPath} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
    }
    return out;
  };

  /** Writes the chunks beside the file, then renames: a file is whole or as it was. */
  const put = async (name: string, chunks: Iterable<string>): Promise<string> => {
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    const h = await open(tmp, 'w');
    try {
      let buffer = '';
      for (const c of chunks) {
        buffer += c;
        if (buffer.length >= 1 << 20) await h.write(buffer), (buffer = '');
      }
      await h.write(buffer);
    } finally {
      await h.close();
    }
    await rename(tmp, join(dir, name));
    return join(dir, name);
  };

  const save = async (articles: Extraction[]): Promise<{ graph: KgGraph; files: string[] }> => {
    const sorted = distinctArticles(articles);
    const graph = buildGraph(sorted);
    const files = [await put('graph.json', jsonChunks(graph)), await put('graph.cypher', cypherChunks(graph))];
    files.push(await put(ARTICLES_FILE, (function* () {
      for (const x of sorted) yield JSON.stringify(x) + '\n';
    })()));
    return { graph, files };
  };

  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      throw new KgGraphError('STORE_UNREADABLE', `cannot create the folder ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
    }
    const lock = join(dir, '.kg.lock');
    const deadline = Date.now() + lockTimeoutMs;
    for (;;) {
      try {
        const h = await open(lock, 'wx');
        await h.writeFile(String(process.pid));
        await h.close();
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new KgGraphError('STORE_UNREADABLE', `cannot lock ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
        // A lock whose process is gone (killed) is stale.
        const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
        if (pid > 0 && !alive(pid)) {
          await rm(lock, { force: true });
          continue;
        }
        if (Date.now() > deadline) throw new KgGraphError('STORE_LOCKED', `${dir} is being written by process ${pid || '?'}; waited ${Math.round(lockTimeoutMs / 1000)} s (remove ${lock} if that process is gone)`);
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
    try {
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  };

  const change = async (added: readonly Extraction[], forget: readonly string[], fresh = false): Promise<FileStoreResult> => {
    const incoming = distinctArticles(added.map(validateExtraction));
    for (const x of incoming) {
      if (x.documents.length !== 1) throw new KgGraphError('INVALID_EXTRACTION', `a store takes one extraction per article; one has ${x.documents.length} documents`);
    }
    return locked(async () => {
      const stored = fresh ? [] : await read();
      const byId = new Map(stored.map((x) => [x.documents[0]!.id, x]));
      const forgetSet = new Set(forget);
      const found = new Set<string>();
      let removed = 0;
      for (const [id, x] of [...byId]) {
        const source = x.documents[0]!.source;
        if (forgetSet.has(id) || forgetSet.has(source)) {
          found.add(id).add(source);
          byId.delete(id);
          removed++;
        }
      }
      let addedCount = 0;
      let unchanged = 0;
      const ids = new Set(incoming.map((x) => x.documents[0]!.id));
      const sources = new Set(incoming.map((x) => x.documents[0]!.source));
      for (const [id, x] of [...byId]) {
        if (!ids.has(id) && sources.has(x.documents[0]!.source)) {
          byId.delete(id);
          removed++;
        }
      }
      for (const x of incoming) {
        const id = x.documents[0]!.id;
        const prev = byId.get(id);
        if (prev) {
          unchanged++;
          if (x.documents[0]!.source < prev.documents[0]!.source) byId.set(id, x);
        } else {
          byId.set(id, x);
          addedCount++;
        }
      }
      const { graph, files } = await save([...byId.values()]);
      return { graph, added: addedCount, unchanged, removed, notFound: forget.filter((k) => !found.has(k)), files };
    });
  };

  return {
    add: (extractions) => change(extractions, []),
    forget: (keys) => change([], keys),
    replace: (extractions) => change(extractions, [], true),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
