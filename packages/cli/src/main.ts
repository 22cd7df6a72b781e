/**
 * The kg command. Everything the process touches (arguments, streams, environment) is passed in,
 * so tests run it in-process exactly as a user would from a shell.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';
import neo4j from 'neo4j-driver';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createExtractor, documentId, WINK_PIPE } from '@kg/extractor';
import { buildGraph, createWriter, KgGraphError, mergeExtractions, summarize, toCypher, toJSON, type Extraction, type GraphSummary, type KgGraph } from '@kg/graph';
import { HELP } from './help.js';
import { listInputs, readArticles } from './inputs.js';
import { renderView, viewModel } from './view.js';

export interface MainOptions {
  readonly argv: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin?: NodeJS.ReadableStream;
}

/** Exit codes: 0 all done; 1 some inputs could not be read (the rest was processed); 2 usage; 3 Neo4j. */
export const EXIT = { OK: 0, INPUT: 1, USAGE: 2, NEO4J: 3 } as const;

class UsageError extends Error {}

const OPTIONS = {
  extract: { format: { type: 'string', default: 'json' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  build: { out: { type: 'string', default: 'kg-out' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  view: { out: { type: 'string', default: 'kg-view' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  load: {
    uri: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    database: { type: 'string' },
    'batch-size': { type: 'string', default: '1000' },
    date: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
} as const satisfies Record<string, ParseArgsConfig['options']>;

type Command = keyof typeof OPTIONS;

export async function main({ argv, env = process.env, stdout = process.stdout, stderr = process.stderr, stdin = process.stdin }: MainOptions): Promise<number> {
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
    say(`kg: unknown command "${cmd}"; commands are extract, build, view, load (kg --help)`);
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
    say(`kg ${command}: ${(err as Error).message.split('\n')[0]} (kg ${command} --help)`);
    return EXIT.USAGE;
  }
  if (values.help) {
    stdout.write(HELP[command] + '\n');
    return EXIT.OK;
  }
  try {
    if (positionals.length === 0) throw new UsageError(`kg ${command}: give at least one file or folder, or - for standard input (kg ${command} --help)`);
    const date = str(values.date);
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`kg ${command}: --date is the articles' date as YYYY-MM-DD, not "${date}"`);
    const io: Io = { stdout, stderr, stdin, say, ...(date ? { date } : {}) };
    if (command === 'extract') return await runExtract(positionals, String(values.format), io);
    if (command === 'build') return await runBuild(positionals, String(values.out), io);
    if (command === 'view') return await runView(positionals, String(values.out), io);
    return await runLoad(positionals, values, env, io);
  } catch (err) {
    if (err instanceof UsageError) {
      say(err.message);
      return EXIT.USAGE;
    }
    if (err instanceof KgGraphError) {
      say(err.message);
      return err.code.startsWith('NEO4J') ? EXIT.NEO4J : EXIT.INPUT;
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
}

/** Reads, decodes and extracts every input; problems are reported one line each and counted. */
async function extractAll(paths: readonly string[], io: Io, each?: (x: Extraction) => void): Promise<{ extractions: Extraction[]; failed: number }> {
  const { files, problems } = await listInputs(paths);
  for (const p of problems) io.say(p.message);
  const extractor = createExtractor({ nlp: winkNLP(model, WINK_PIPE) });
  const bar = io.stderr.isTTY && files.length > 1 ? new cliProgress.SingleBar({ stream: io.stderr, format: 'kg: extracting {bar} {value}/{total} articles | {eta_formatted} left', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(files.length, 0);

  const extractions: Extraction[] = [];
  const seen = new Map<string, string>();
  const repeated: string[] = [];
  let failed = problems.length;
  let done = 0;
  // A problem gets its own line above the bar, which then goes on.
  const report = (line: string): void => {
    if (bar) {
      bar.stop();
      io.say(line);
      bar.start(files.length, done);
    } else io.say(line);
  };
  for await (const item of readArticles(files, io.stdin)) {
    done++;
    bar?.update(done);
    if (item.kind === 'problem') {
      report(item.problem.message);
      failed++;
      continue;
    }
    // The same text given twice is one article: read once, not an error.
    const { id } = documentId(item.article.text);
    const firstSource = seen.get(id);
    if (firstSource !== undefined) {
      repeated.push(`${item.article.source} = ${firstSource}`);
      continue;
    }
    seen.set(id, item.article.source);
    try {
      const x = extractor.extract({ ...item.article, id, ...(io.date ? { date: io.date } : {}) });
      each?.(x);
      extractions.push(x);
    } catch (err) {
      report(`kg: ${item.article.source}: extraction failed: ${(err as Error).message}`);
      failed++;
    }
  }
  bar?.stop();
  if (repeated.length) io.say(`kg: note: ${repeated.length} file${repeated.length === 1 ? ' has' : 's have'} the same text as one read before and ${repeated.length === 1 ? 'was' : 'were'} counted once (${repeated.slice(0, 2).join('; ')}${repeated.length > 2 ? '; ...' : ''})`);
  return { extractions, failed };
}

async function runExtract(paths: string[], format: string, io: Io): Promise<number> {
  if (format !== 'json' && format !== 'jsonl') throw new UsageError(`kg extract: --format is json or jsonl, not "${format}"`);
  const { extractions, failed } = await extractAll(paths, io, format === 'jsonl' ? (x) => void io.stdout.write(JSON.stringify(x) + '\n') : undefined);
  if (format === 'json') io.stdout.write(JSON.stringify(mergeExtractions(extractions), null, 2) + '\n');
  return failed ? EXIT.INPUT : EXIT.OK;
}

/** Writes next to the target, then renames: an interrupted run never leaves half a file. */
async function put(dir: string, name: string, data: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(tmp, data);
  await rename(tmp, join(dir, name));
  return join(dir, name);
}

async function graphOf(command: string, paths: string[], io: Io): Promise<{ graph: KgGraph; failed: number } | undefined> {
  const { extractions, failed } = await extractAll(paths, io);
  if (extractions.length === 0) {
    io.say(`kg ${command}: no article could be read; nothing written`);
    return undefined;
  }
  return { graph: buildGraph(mergeExtractions(extractions)), failed };
}

async function runBuild(paths: string[], out: string, io: Io): Promise<number> {
  const built = await graphOf('build', paths, io);
  if (!built) return EXIT.INPUT;
  const written = [await put(out, 'graph.json', JSON.stringify(toJSON(built.graph))), await put(out, 'graph.cypher', toCypher(built.graph))];
  io.stdout.write(formatSummary(summarize(built.graph), written));
  return built.failed ? EXIT.INPUT : EXIT.OK;
}

async function runView(paths: string[], out: string, io: Io): Promise<number> {
  const built = await graphOf('view', paths, io);
  if (!built) return EXIT.INPUT;
  const page = await put(out, 'index.html', renderView(viewModel(built.graph), { title: `kg view: ${paths.join(' ')}` }));
  io.stdout.write(formatSummary(summarize(built.graph), [page]));
  io.stdout.write(`open ${page} in a browser: search an entity, click it, read its facts and their sentences\n`);
  return built.failed ? EXIT.INPUT : EXIT.OK;
}

async function runLoad(paths: string[], values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const uri = str(values.uri) ?? env.NEO4J_URI ?? 'bolt://localhost:7687';
  const user = str(values.user) ?? env.NEO4J_USERNAME ?? 'neo4j';
  const password = str(values.password) ?? env.NEO4J_PASSWORD;
  const database = str(values.database) ?? env.NEO4J_DATABASE;
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`kg load: --batch-size must be a whole number above 0, not "${String(values['batch-size'])}"`);
  if (password === undefined) throw new UsageError('kg load: no password; pass --password or set NEO4J_PASSWORD (see .env.example)');
  let driver;
  try {
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { connectionTimeout: 5000, connectionAcquisitionTimeout: 15000, maxTransactionRetryTime: 15000 });
  } catch (err) {
    throw new UsageError(`kg load: cannot use Neo4j URI "${uri}" (${(err as Error).message.split('\n')[0]})`);
  }
  try {
    const writer = createWriter({ driver, uri, ...(database ? { database } : {}) });
    // Check the server before the work of extraction, so a wrong password costs nothing.
    await writer.verify();
    const { extractions, failed } = await extractAll(paths, io);
    if (extractions.length === 0) {
      io.say('kg load: no article could be read; nothing written');
      return EXIT.INPUT;
    }
      const graph = buildGraph(mergeExtractions(extractions));
    const bar = io.stderr.isTTY ? new cliProgress.SingleBar({ stream: io.stderr, format: 'kg: loading {bar} {value}/{total} rows | {kind}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
    let started = false;
    const summary = await writer.write(graph, {
      batchSize,
      onProgress: (p) => {
        if (!started) {
          bar?.start(p.total, 0, { kind: p.kind });
          started = true;
        }
        bar?.update(p.done, { kind: p.kind });
      },
    });
    bar?.stop();
    io.stdout.write(formatSummary(summarize(graph), [`${uri}${database ? ` (database ${database})` : ''}`]));
    io.stdout.write(`created ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships (${summary.rows} rows in ${summary.batches} transactions; existing ones were kept)\n`);
    return failed ? EXIT.INPUT : EXIT.OK;
  } finally {
    await driver.close();
  }
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function formatSummary(s: GraphSummary, written: string[]): string {
  const rels = Object.entries(s.relations)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  const lines = [
    `articles: ${s.articles}, sentences: ${s.sentences}, quotes: ${s.quotes}`,
    `entities: ${Object.entries(s.entities)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
    `relations: ${rels || 'none'}`,
    `most connected: ${s.mostConnected.map((e) => `${e.name} (${e.type}, ${e.degree})`).join('; ') || 'none'}`,
    `graph: ${s.nodes} nodes, ${s.relationships} relationships -> ${written.join(', ')}`,
  ];
  return lines.join('\n') + '\n';
}
