/**
 * The kg command. Everything the process touches (arguments, streams, environment) is passed in,
 * so tests run it in-process exactly as a user would from a shell.
 */
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';
import { distance } from 'fastest-levenshtein';
import neo4j from 'neo4j-driver';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, createExtractorPool, extractFiles, KgExtractorError, loadDepModel, loadNerModel, WINK_PIPE, type Extractor, type ExtractorPool } from '@kg/extractor';
import { adminImport, buildGraph, createFileStore, KgGraphError, mergeExtractions, storeImage, summarize, type Extraction, type GraphSummary, type ImportFile } from '@kg/graph';
import { createStore, type Store, type StoreSummary } from '@kg/graph/neo4j';
import { HELP } from './help.js';
import { renderView, viewModel } from './view.js';

export interface MainOptions {
  readonly argv: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin?: NodeJS.ReadableStream;
  /** NEO4J_* settings read from ./.env, used after the flags and the environment. */
  readonly envFile?: Readonly<Record<string, string>>;
}

/** Exit codes: 0 all done; 1 some inputs could not be read (the rest was processed); 2 usage; 3 Neo4j. */
export const EXIT = { OK: 0, INPUT: 1, USAGE: 2, NEO4J: 3 } as const;

class UsageError extends Error {}

const OPTIONS = {
  extract: { format: { type: 'string', default: 'json' }, date: { type: 'string' }, 'ner-model': { type: 'string' }, parser: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  build: { out: { type: 'string', default: 'kg-out' }, date: { type: 'string' }, 'ner-model': { type: 'string' }, parser: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  add: { out: { type: 'string', default: 'kg-out' }, date: { type: 'string' }, 'ner-model': { type: 'string' }, parser: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  view: { out: { type: 'string', default: 'kg-view' }, date: { type: 'string' }, 'ner-model': { type: 'string' }, parser: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  load: {
    uri: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    database: { type: 'string' },
    'batch-size': { type: 'string', default: '100' },
    date: { type: 'string' },
    'ner-model': { type: 'string' },
    parser: { type: 'string' },
    jobs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  export: {
    'neo4j-import': { type: 'string' },
    date: { type: 'string' },
    'ner-model': { type: 'string' },
    parser: { type: 'string' },
    jobs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  forget: {
    out: { type: 'string' },
    neo4j: { type: 'boolean' },
    uri: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    database: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
} as const satisfies Record<string, ParseArgsConfig['options']>;

type Command = keyof typeof OPTIONS;

/** The closest of `choices` to a mistyped word, when it is close enough to be meant. */
function didYouMean(word: string, choices: readonly string[]): string {
  const best = choices.map((c) => ({ c, d: distance(word, c) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(1, Math.ceil(word.length / 3)) ? `; did you mean ${best.c}?` : '';
}

/** A real calendar day as YYYY-MM-DD. */
const isDay = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export async function main({ argv, env = process.env, stdout = process.stdout, stderr = process.stderr, stdin = process.stdin, envFile = {} }: MainOptions): Promise<number> {
  const say = (line: string): void => void stderr.write(line + '\n');
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    const topic = rest[0];
    stdout.write((topic && topic in HELP ? HELP[topic as Command] : HELP.main) + '\n');
    return EXIT.OK;
  }
  if (cmd === '--version' || cmd === '-v') {
    stdout.write('kg 0.1.0\n');
    return EXIT.OK;
  }
  if (!(cmd in OPTIONS)) {
    say(`kg: unknown command "${cmd}"${didYouMean(cmd, Object.keys(OPTIONS))}; commands are ${Object.keys(OPTIONS).join(', ')} (kg --help)`);
    return EXIT.USAGE;
  }
  const command = cmd as Command;
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: OPTIONS[command] });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals;
  } catch (err) {
    const e = err as Error & { code?: string };
    const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(--?[^']+)'/.exec(e.message)?.[1] : undefined;
    if (unknown) {
      const options = Object.keys(OPTIONS[command]).map((o) => `--${o}`);
      say(`kg ${command}: unknown option ${unknown}${didYouMean(unknown, options)} (kg ${command} --help lists ${options.join(', ')})`);
    } else say(`kg ${command}: ${e.message.split('\n')[0]} (kg ${command} --help)`);
    return EXIT.USAGE;
  }
  if (values.help) {
    stdout.write(HELP[command] + '\n');
    return EXIT.OK;
  }
  try {
    if (positionals.length === 0) {
      if (command === 'forget') throw new UsageError('kg forget: give the source (file path as it was loaded) or id of at least one article (kg forget --help)');
      throw new UsageError(`kg ${command}: give at least one file or folder, or - for standard input (kg ${command} --help)`);
    }
    if (command === 'forget') return await runForget(positionals, values, env, envFile, { stdout, say });
    if (command === 'export' && !str(values['neo4j-import'])) {
      throw new UsageError('kg export: say where to write: --neo4j-import DIR (CSV files and the neo4j-admin command that imports them into a new database)');
    }
    const date = str(values.date);
    if (date !== undefined && !isDay(date)) throw new UsageError(`kg ${command}: --date is the articles' date, a calendar day as YYYY-MM-DD, not "${date}"`);
    const nerModel = str(values['ner-model']);
    const parserFile = str(values.parser);
    const jobsText = str(values.jobs);
    const jobs = jobsText === undefined ? availableParallelism() : /^[1-9]\d{0,3}$/.test(jobsText) ? Number(jobsText) : undefined;
    if (jobs === undefined) throw new UsageError(`kg ${command}: --jobs is how many workers extract at once, a whole number from 1, not "${jobsText}"`);
    const io: Io = { stdout, stderr, stdin, say, jobs, ...(date ? { date } : {}), ...(nerModel !== undefined ? { nerModel: nerModel === 'none' ? false : nerModel } : {}), ...(parserFile !== undefined ? { parser: parserFile === 'none' ? false : parserFile } : {}) };
    if (command === 'extract') return await runExtract(positionals, String(values.format), io);
    if (command === 'build' || command === 'add') return await runBuild(command, positionals, String(values.out), io);
    if (command === 'view') return await runView(positionals, String(values.out), io);
    if (command === 'export') return await runExport(positionals, str(values['neo4j-import']), io);
    return await runLoad(positionals, values, env, envFile, io);
  } catch (err) {
    if (err instanceof UsageError) {
      say(err.message);
      return EXIT.USAGE;
    }
    if (err instanceof KgExtractorError && err.code === 'MODEL_UNREADABLE') {
      say(err.message);
      return EXIT.USAGE;
    }
    if (err instanceof KgGraphError) {
      // The library names its options; the command says which flags and settings set them.
      const hint: Partial<Record<string, string>> = {
        NEO4J_AUTH: ' (--user/--password, NEO4J_USERNAME/NEO4J_PASSWORD or .env)',
        NEO4J_DATABASE: ' (--database or NEO4J_DATABASE)',
        STORE_OUTDATED: ' (MATCH (n) DETACH DELETE n in Browser, then kg load)',
      };
      say(err.message + (hint[err.code] ?? ''));
      return err.code.startsWith('NEO4J') || err.code === 'STORE_OUTDATED' ? EXIT.NEO4J : EXIT.INPUT;
    }
    throw err;
  }
}

interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  say: (line: string) => void;
  /** --date: the articles' date, for resolving "on Wednesday" (otherwise each file's date line, if any). */
  date?: string;
  /** --ner-model: a name model file (default: the one shipped with kg); false (--ner-model none) for the rules alone. */
  nerModel?: string | false;
  /** --jobs: worker threads extracting at once (1: in this thread). */
  jobs: number;
  /** --parser: a parser model file (default: the one shipped with kg); false (--parser none) for the word-order rules alone. */
  parser?: string | false;
}

/** Reads, decodes and extracts every input; problems are reported one line each and counted. */
async function extractAll(paths: readonly string[], io: Io, each?: (x: Extraction) => void): Promise<{ extractions: Extraction[]; failed: number }> {
  // Extractions alone (kg's JSON and JSONL files, as kg load and kg export mostly read) need no models:
  // nothing is read or started for them. One job extracts in this thread; more, in worker threads (the
  // output is the same).
  const texts = !paths.every((p) => /\.jsonl?$/i.test(p) && statSync(p, { throwIfNoEntry: false })?.isFile());
  const parser = !texts || io.parser === false || io.jobs > 1 ? undefined : loadDepModel(io.parser);
  const extractor: Extractor | ExtractorPool = !texts
    ? {
        extract: () => {
          throw new Error('kg: no extractor for a kg extraction file');
        },
      }
    : io.jobs > 1
      ? createExtractorPool({ jobs: io.jobs, ...(io.nerModel !== undefined ? { nerModel: io.nerModel } : {}), ...(io.parser !== undefined ? { parser: io.parser } : {}) })
      : createExtractor({ nlp: winkNLP(model, WINK_PIPE), ...(io.nerModel === false ? {} : { model: loadNerModel(io.nerModel) }), ...(parser ? { parser } : {}) });
  let bar: cliProgress.SingleBar | undefined;
  const progress = (done: number, total: number): void => {
    if (!bar && io.stderr.isTTY && total > 1) {
      bar = new cliProgress.SingleBar({ stream: io.stderr, format: 'kg: extracting {bar} {value}/{total} articles | {eta_formatted} left', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      bar.start(total, done);
    }
    bar?.update(done);
  };
  let result: Awaited<ReturnType<typeof extractFiles>>;
  try {
    // A model file that is not one is one error before any article is read.
    if ('ready' in extractor) await extractor.ready();
    result = await extractFiles(paths, {
      extractor,
      stdin: io.stdin,
      ...(io.date ? { date: io.date } : {}),
      onArticle: (x, done, total) => {
        progress(done, total);
        each?.(x);
      },
      // A problem gets its own line above the bar, which then goes on.
      onProblem: (p, done, total) => {
        bar?.stop();
        io.say(p.message);
        if (bar) bar.start(total, done);
      },
    });
    bar?.stop();
  } finally {
    if ('close' in extractor) await extractor.close();
  }
  const { extractions, problems, repeated } = result;
  if (repeated.length) io.say(`kg: note: ${repeated.length} file${repeated.length === 1 ? ' has' : 's have'} the same text as one read before and ${repeated.length === 1 ? 'was' : 'were'} counted once (${repeated.slice(0, 2).join('; ')}${repeated.length > 2 ? '; ...' : ''})`);
  return { extractions, failed: problems.length };
}

async function runExtract(paths: string[], format: string, io: Io): Promise<number> {
  if (format !== 'json' && format !== 'jsonl') throw new UsageError(`kg extract: --format is json or jsonl, not "${format}"`);
  const { extractions, failed } = await extractAll(paths, io, format === 'jsonl' ? (x) => void io.stdout.write(JSON.stringify(x) + '\n') : undefined);
  if (format === 'json') io.stdout.write(JSON.stringify(mergeExtractions(extractions), null, 2) + '\n');
  return failed ? EXIT.INPUT : EXIT.OK;
}

/** Writes next to the target, then renames: an interrupted run never leaves half a file. */
async function put(dir: string, name: string, data: string): Promise<string> {
  try {
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, join(dir, name));
  } catch (err) {
    throw new UsageError(`kg: cannot write ${join(dir, name)} (${(err as NodeJS.ErrnoException).code ?? String(err)}); check --out`);
  }
  return join(dir, name);
}

async function graphOf(command: string, paths: string[], io: Io): Promise<{ extractions: Extraction[]; failed: number } | undefined> {
  const { extractions, failed } = await extractAll(paths, io);
  if (extractions.length === 0) {
    io.say(`kg ${command}: no article could be read; nothing written`);
    return undefined;
  }
  return { extractions, failed };
}

/** kg build: the folder holds these articles only; kg add: they join what the folder holds. */
async function runBuild(command: 'build' | 'add', paths: string[], out: string, io: Io): Promise<number> {
  const read = await graphOf(command, paths, io);
  if (!read) return EXIT.INPUT;
  const store = createFileStore({ dir: out });
  const result = command === 'build' ? await store.replace(read.extractions) : await store.add(read.extractions);
  io.stdout.write(formatSummary(summarize(result.graph), result.files));
  if (command === 'add') io.stdout.write(`${describeChange(result)}\n`);
  return read.failed ? EXIT.INPUT : EXIT.OK;
}

function describeChange(r: { added: number; unchanged: number; removed: number }): string {
  const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? '' : 's'}`;
  return `${n(r.added, 'article')} added, ${r.unchanged} already there, ${r.removed} replaced or removed`;
}

async function runView(paths: string[], out: string, io: Io): Promise<number> {
  const read = await graphOf('view', paths, io);
  if (!read) return EXIT.INPUT;
  const graph = buildGraph(read.extractions);
  const page = await put(out, 'index.html', renderView(viewModel(graph), { title: `kg view: ${paths.join(' ')}` }));
  io.stdout.write(formatSummary(summarize(graph), [page]));
  io.stdout.write(`open ${page} in a browser: search an entity, click it, read its facts and their sentences\n`);
  return read.failed ? EXIT.INPUT : EXIT.OK;
}

/**
 * kg export --neo4j-import DIR: the graph kg load would make of these articles, as the CSV files of
 * neo4j-admin's offline import, with import.sh (the command) and after-import.cypher. Each file is
 * written beside its place and renamed; files of an earlier export that this one has not are removed.
 */
async function runExport(paths: string[], dir: string | undefined, io: Io): Promise<number> {
  const read = await graphOf('export', paths, io);
  if (!read || !dir) return EXIT.INPUT;
  const image = adminImport(storeImage(read.extractions, { imported: true }));
  const stream = async (f: ImportFile): Promise<void> => {
    const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
    const out = createWriteStream(tmp);
    const failed = new Promise<never>((_, reject) => out.on('error', reject));
    const write = async (): Promise<void> => {
      for (const line of f.lines()) if (!out.write(line)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
    };
    try {
      await Promise.race([write(), failed]);
      await rename(tmp, join(dir, f.name));
    } catch (err) {
      out.destroy();
      await rm(tmp, { force: true });
      throw err;
    }
  };
  try {
    await mkdir(dir, { recursive: true });
    for (const f of image.files) await stream(f);
    const keep = new Set(image.files.map((f) => f.name));
    for (const name of await readdir(dir)) if (/^(nodes|relationships)-.*\.csv$/.test(name) && !keep.has(name)) await rm(join(dir, name));
  } catch (err) {
    throw new UsageError(`kg export: cannot write in ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)}); check --neo4j-import`);
  }
  await put(dir, 'after-import.cypher', image.afterImport);
  const script = await put(dir, 'import.sh', image.script);
  await chmod(script, 0o755);
  io.stdout.write(
    `kg export: ${read.extractions.length} articles -> ${image.nodes} nodes, ${image.relationships} relationships in ${image.files.length} CSV files in ${dir}\n` +
      `import them into a new or empty database, with Neo4j stopped (NEO4J_ADMIN names neo4j-admin when it is not on the PATH):\n  ${script} [DATABASE] [--overwrite-destination]\n` +
      `then start Neo4j and run ${join(dir, 'after-import.cypher')} (cypher-shell -f, or Browser): kg's constraints, indexes and the empty lists CSV cannot hold; the next kg load or kg forget does it by itself\n`,
  );
  return read.failed ? EXIT.INPUT : EXIT.OK;
}

interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Where the URI came from, said before anything is sent. */
  uriFrom: string;
}

function neo4jSettings(command: string, values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv, envFile: Readonly<Record<string, string>>): Neo4jSettings {
  const pick = (flag: string, name: string): [string, string] | undefined => {
    const v = str(values[flag]);
    if (v !== undefined) return [v, `--${flag}`];
    if (env[name]) return [env[name]!, `the environment (${name})`];
    if (envFile[name]) return [envFile[name]!, `.env (${name})`];
    return undefined;
  };
  const [uri, uriFrom] = pick('uri', 'NEO4J_URI') ?? ['bolt://localhost:7687', 'the default'];
  const user = pick('user', 'NEO4J_USERNAME')?.[0] ?? 'neo4j';
  const password = pick('password', 'NEO4J_PASSWORD')?.[0];
  const database = pick('database', 'NEO4J_DATABASE')?.[0];
  if (/^https?:/i.test(uri)) throw new UsageError(`kg ${command}: ${uri} (from ${uriFrom}) is Neo4j's HTTP address; kg speaks Bolt: use bolt://host:7687 or neo4j://host:7687`);
  if (password === undefined) throw new UsageError(`kg ${command}: no password; pass --password or set NEO4J_PASSWORD (see .env.example)`);
  return { uri, user, password, uriFrom, ...(database ? { database } : {}) };
}

/** Opens the Neo4j store, runs `work`, and closes the driver whatever happens. */
async function withStore<T>(command: string, s: Neo4jSettings, work: (store: Store) => Promise<T>): Promise<T> {
  let driver;
  try {
    driver = neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), { connectionTimeout: 5000, connectionAcquisitionTimeout: 15000, maxTransactionRetryTime: 30000 });
  } catch (err) {
    throw new UsageError(`kg ${command}: cannot use Neo4j URI "${s.uri}" (${(err as Error).message.split('\n')[0]})`);
  }
  try {
    return await work(createStore({ driver, uri: s.uri, ...(s.database ? { database: s.database } : {}) }));
  } finally {
    // A server that never answered leaves a connection the driver may wait on forever: close in bounded time.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([driver.close(), new Promise<void>((r) => (timer = setTimeout(r, 2000)))]);
    clearTimeout(timer);
  }
}

async function runLoad(paths: string[], values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv, envFile: Readonly<Record<string, string>>, io: Io): Promise<number> {
  const settings = neo4jSettings('load', values, env, envFile);
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`kg load: --batch-size must be a whole number above 0, not "${String(values['batch-size'])}"`);
  return withStore('load', settings, async (store) => {
    // Say where the data goes, then check the server before the work of extraction.
    io.say(`kg load: Neo4j at ${settings.uri}${settings.database ? ` (database ${settings.database})` : ''}, from ${settings.uriFrom}`);
    await store.verify();
    const { extractions, failed } = await extractAll(paths, io);
    if (extractions.length === 0) {
      io.say('kg load: no article could be read; nothing written');
      return EXIT.INPUT;
    }
    const bar = io.stderr.isTTY ? new cliProgress.SingleBar({ stream: io.stderr, format: 'kg: loading {bar} {value}/{total} {phase}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
    let phase = '';
    const summary = await store.add(extractions, {
      batchSize,
      onProgress: (p) => {
        if (p.phase !== phase) {
          bar?.stop();
          bar?.start(p.total, p.done, { phase: { graph: 'rows: entities, facts, sentences (a first load, written at once)', articles: 'articles', analytics: 'analytics of the whole graph' }[p.phase] });
          phase = p.phase;
        }
        bar?.update(p.done);
      },
    });
    bar?.stop();
    io.stdout.write(formatSummary(summarize(buildGraph(extractions)), [`${settings.uri}${settings.database ? ` (database ${settings.database})` : ''}`]).replace(/^/, 'these articles: '));
    io.stdout.write(`${describeChange(summary)}; ${describeCounts(summary)}\n`);
    io.stdout.write(`explore it in Neo4j Browser (connects, with "who met whom" ready to run; style: neo4j/kg.grass, more queries: neo4j/queries.cypher):\n  ${browserUrl(settings, env, envFile)}\n`);
    return failed ? EXIT.INPUT : EXIT.OK;
  });
}

/** "Who met whom", the first of the saved queries (neo4j/queries.cypher). */
const FIRST_QUERY =
  'MATCH (a:Person)-[r:MEETS]->(b:Person) RETURN a.name AS person, b.name AS met, r.sources AS articles, r.independentSources AS independent, r.reported AS reported, r.planned AS planned, r.denied AS denied, r.contested AS contested ORDER BY independent DESC, articles DESC, reported DESC';

/**
 * A Neo4j Browser address that connects to the database just loaded and has a query in the editor.
 * Browser's HTTP address: NEO4J_HTTP_URL when set, else port 7474 on the Bolt host.
 */
export function browserUrl(s: Neo4jSettings, env: NodeJS.ProcessEnv, envFile: Readonly<Record<string, string>>): string {
  const bolt = new URL(s.uri);
  const http = env.NEO4J_HTTP_URL ?? envFile.NEO4J_HTTP_URL ?? `http://${bolt.hostname}:7474`;
  const dbms = `${bolt.protocol}//${encodeURIComponent(s.user)}@${bolt.host}`;
  const params = new URLSearchParams({ dbms, ...(s.database ? { db: s.database } : {}), cmd: 'edit', arg: FIRST_QUERY });
  return `${http.replace(/\/+$/, '')}/browser/?${params.toString()}`;
}

function describeCounts(s: StoreSummary): string {
  return `created ${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships, deleted ${s.nodesDeleted} nodes and ${s.relationshipsDeleted} relationships`;
}

async function runForget(keys: string[], values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv, envFile: Readonly<Record<string, string>>, io: { stdout: NodeJS.WritableStream; say: (l: string) => void }): Promise<number> {
  const out = str(values.out);
  if (!out && !values.neo4j) throw new UsageError('kg forget: say where to forget from: --out DIR (a folder written by kg build or kg add) or --neo4j (the database kg load writes to)');
  if (out && values.neo4j) throw new UsageError('kg forget: --out and --neo4j are two different stores; give one');
  let removed: number;
  let notFound: string[];
  if (out) {
    const r = await createFileStore({ dir: out }).forget(keys);
    removed = r.removed;
    notFound = r.notFound;
    io.stdout.write(formatSummary(summarize(r.graph), r.files));
  } else {
    const settings = neo4jSettings('forget', values, env, envFile);
    io.say(`kg forget: Neo4j at ${settings.uri}, from ${settings.uriFrom}`);
    const r = await withStore('forget', settings, (store) => store.forget(keys));
    removed = r.removed;
    notFound = r.notFound;
    io.stdout.write(`${describeCounts(r)}\n`);
  }
  for (const k of notFound) io.say(`kg forget: no stored article has the source or id "${k}"`);
  io.stdout.write(`${removed} article${removed === 1 ? '' : 's'} forgotten\n`);
  return notFound.length ? EXIT.INPUT : EXIT.OK;
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function formatSummary(s: GraphSummary, written: string[]): string {
  const rels = Object.entries(s.relations)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  const lines = [
    `articles: ${s.articles} (${s.independentStories} ${s.independentStories === 1 ? 'story' : 'stories'}${s.copies ? `, ${s.copies} copying another` : ''}), sentences: ${s.sentences}, quotes: ${s.quotes}`,
    `entities: ${Object.entries(s.entities)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
    `relations: ${rels || 'none'}`,
    `most connected: ${s.mostConnected.map((e) => `${e.name} (${e.type}, ${e.degree})`).join('; ') || 'none'}`,
    `graph: ${s.nodes} nodes, ${s.relationships} relationships -> ${written.join(', ')}`,
  ];
  return lines.join('\n') + '\n';
}
