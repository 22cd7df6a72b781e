/**
 * Extraction on every core: worker threads, each with its own wink-nlp and name model (loaded once per
 * worker) and one parser shared by all, fed an article at a time. Results come back as promises;
 * `extractFiles` keeps them in the input order, so the output is the same as one worker's, byte for byte.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '@kg/graph/contract';
import { KgExtractorError, type ExtractorErrorCode } from './errors.js';
import type { ArticleInput } from './extract.js';
import { loadDepModel } from './parse/model-file.js';
import type { DepModel } from './parse/parser.js';

/** The same weights in memory every worker reads (a SharedArrayBuffer is passed to a worker, not copied). */
/** A copy of a model's table whose arrays live in shared memory. */
function shared<T extends object>(t: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) {
    if (!ArrayBuffer.isView(v)) {
      out[k] = v;
      continue;
    }
    const copy = new (v.constructor as new (b: SharedArrayBuffer) => typeof v)(new SharedArrayBuffer(v.byteLength));
    new Uint8Array(copy.buffer).set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    out[k] = copy;
  }
  return out as T;
}

export interface ExtractorPoolOptions {
  /** Worker threads (default: the machine's cores). */
  readonly jobs?: number;
  /** The name model file for every worker: by default the one shipped in this package; false for none (the rules alone). */
  readonly nerModel?: string | false;
  /** The parser model file for every worker: by default the one shipped in this package; false for none (word-order rules only). */
  readonly parser?: string | false;
}

/** An extractor whose work runs off the main thread. */
export interface ExtractorPool {
  readonly jobs: number;
  /** Resolves when the first worker has its models; rejects with its error (a model file that is not one). */
  ready(): Promise<void>;
  extract(input: ArticleInput): Promise<Extraction>;
  /** Stops the workers; call it once every article has its answer (one still pending gets none). */
  close(): Promise<void>;
}

/** Articles a worker holds at once: one at work and one ready, so it never waits for the main thread. */
const DEPTH = 2;

/** What a worker is told at start, and what it answers. */
export interface WorkerStart {
  readonly nerModel?: string | false;
  /** The parser, read once by the pool into shared memory (one copy of its tables for every worker), or none. */
  readonly parser?: DepModel | false;
}
export type WorkerReply = { id: number; extraction: Extraction } | { id: number; error: { message: string; code?: string; source?: string } };

/** The compiled worker (dist/worker.js), also when this module runs from its TypeScript source in tests. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = join(dirname(here), 'worker.js');
  return here.endsWith('.ts') || !existsSync(beside) ? join(dirname(here), '..', 'dist', 'worker.js') : beside;
}

export function createExtractorPool({ jobs = availableParallelism(), nerModel, parser }: ExtractorPoolOptions = {}): ExtractorPool {
  if (!Number.isInteger(jobs) || jobs < 1) throw new KgExtractorError('INVALID_INPUT', `jobs must be a whole number of at least 1, not ${jobs}`);
  const file = workerFile();
  // The parser's tables (about 17 MB) are read once, here, and shared: each worker reading its own copy
  // costs memory, start-up time and, with every core at work, the processor cache they compete for.
  let dep: DepModel | false = false;
  let startFailure: Error | undefined;
  if (parser !== false) {
    try {
      const m = loadDepModel(parser);
      dep = { ...m, arcs: shared(m.arcs), rels: shared(m.rels), tags: shared(m.tags) };
    } catch (err) {
      startFailure = err as Error;
    }
  }
  const start: WorkerStart = { ...(nerModel !== undefined ? { nerModel } : {}), parser: dep };
  type Job = { id: number; input: ArticleInput; resolve: (x: Extraction) => void; reject: (e: Error) => void };
  const waiting = new Map<number, Job & { worker: number }>();
  // Articles wait here, not in a worker's inbox: a worker holds at most DEPTH at once (one at work, one
  // ready), so the one that is free first takes the next article and no worker idles while another has a
  // backlog (articles differ in length, and a worker that starts later is slower at first).
  const queue: Job[] = [];
  let head = 0;
  const workers: Worker[] = [];
  const load: number[] = [];
  let next = 0;
  let failure: Error | undefined;
  let onReady: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const readiness = new Promise<void>((resolve, reject) => (onReady = { resolve, reject }));
  readiness.catch(() => undefined); // also reported through ready() and every article
  const fail = (err: Error, w: number): void => {
    failure ??= err;
    onReady!.reject(failure);
    for (const [id, job] of waiting) if (job.worker === w) {
      waiting.delete(id);
      job.reject(failure);
    }
    while (head < queue.length) queue[head++]!.reject(failure);
  };
  // Hands waiting articles to the least busy worker (the first on a tie) while one has room; a new worker
  // starts when every one has an article in hand, so a single article costs one worker and a folder gets them all.
  const dispatch = (): void => {
    while (head < queue.length && !failure) {
      let w = 0;
      for (let k = 1; k < workers.length; k++) if (load[k]! < load[w]!) w = k;
      if (load[w]! > 0 && workers.length < jobs) w = spawn();
      if (load[w]! >= DEPTH) break;
      const job = queue[head++]!;
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      load[w]!++;
      waiting.set(job.id, { ...job, worker: w });
      workers[w]!.postMessage({ id: job.id, input: job.input });
    }
  };
  const rebuild = (e: { message: string; code?: string; source?: string }): Error =>
    e.code ? new KgExtractorError(e.code as ExtractorErrorCode, e.message.replace(/^kg\/extractor: /, ''), e.source ? { source: e.source } : undefined) : new Error(e.message);
  const spawn = (): number => {
    const w = workers.length;
    const worker = new Worker(file, { workerData: start });
    worker.on('message', (reply: WorkerReply | { ready: true } | { startError: { message: string; code: string } }) => {
      if ('ready' in reply) return w === 0 ? onReady!.resolve() : undefined;
      if ('startError' in reply) return fail(rebuild(reply.startError), w);
      const job = waiting.get(reply.id);
      if (!job) return;
      waiting.delete(reply.id);
      load[w]!--;
      if ('extraction' in reply) job.resolve(reply.extraction);
      else job.reject(rebuild(reply.error));
      dispatch();
    });
    // A worker that cannot start fails every article it holds, and the pool.
    worker.on('error', (err) => fail(err, w));
    workers.push(worker);
    load.push(0);
    return w;
  };
  if (startFailure) fail(startFailure, -1);
  else spawn();
  return {
    jobs,
    ready: () => readiness,
    extract(input) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ id, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
