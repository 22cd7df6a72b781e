/**
 * The store's image as the CSV files of neo4j-admin's offline import (`neo4j-admin database import full`),
 * with the command line that reads them: the database's own bulk path for a new database. Labels and
 * types come from the fixed vocabulary of image.ts; values are quoted CSV fields, never part of a command.
 */
import { KgGraphError } from './errors.js';
import { emptyListStatements, imageSize, STORE_SCHEMA, type NodeSet, type Props, type RelSet, type StoreImage, type Values } from './image.js';

export interface ImportFile {
  /** File name inside the export folder. */
  readonly name: string;
  /** `--nodes=LABELS=` or `--relationships=TYPE=`. */
  readonly option: string;
  /** Some value spans lines: neo4j-admin must read this file with multiline fields. */
  readonly multiline: boolean;
  /** The header line and the rows, each ending in a newline, produced as they are written. */
  lines(): Iterable<string>;
}

export interface AdminImport {
  readonly files: readonly ImportFile[];
  /** What follows `neo4j-admin database import full DATABASE`: options and file names (relative to the folder). */
  readonly args: readonly string[];
  /** import.sh: runs the import from the folder it lies in. */
  readonly script: string;
  /** after-import.cypher: constraints, indexes and empty lists, for cypher-shell or Browser. */
  readonly afterImport: string;
  readonly nodes: number;
  readonly relationships: number;
}

/** Array elements are joined by a control character no element contains (the first free one). */
const DELIMITERS = [0x1f, 0x1e, 0x1d, 0x1c, 0x7f];

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

function field(v: unknown, type: Props[number][1], delimiter: string, where: () => string): string {
  if (v === null || v === undefined) return '';
  const bad = (): never => {
    throw new KgGraphError('INVALID_EXTRACTION', `cannot write ${JSON.stringify(v)} as ${type} in ${where()}`);
  };
  switch (type) {
    case 'string':
      return typeof v === 'string' ? quote(v) : bad();
    case 'long':
      return Number.isSafeInteger(v) ? String(v) : bad();
    case 'double':
      return typeof v === 'number' && Number.isFinite(v) ? String(v) : bad();
    case 'boolean':
      return typeof v === 'boolean' ? String(v) : bad();
    case 'string[]':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) bad();
      // An empty list is left out here and written online afterwards (emptyListStatements).
      return (v as string[]).length ? quote((v as string[]).join(delimiter)) : '';
  }
}

/** Some string value runs across lines. */
const spansLines = (values: Values, props: Props): boolean => props.some(([p, t]) => t === 'string' && typeof values[p] === 'string' && /[\r\n]/.test(values[p] as string));

const header = (props: Props): string[] => props.map(([p, t]) => `${p}:${t}`);

function nodeFile(s: NodeSet, delimiter: string): ImportFile {
  const name = `nodes-${s.labels.join('-')}.csv`;
  const multiline = s.rows.some((r) => spansLines(r, s.props));
  return {
    name,
    option: `--nodes=${s.labels.join(':')}=${name}`,
    multiline,
    *lines() {
      yield [`${s.key}:ID(${s.space})`, ...header(s.props)].join(',') + '\n';
      for (const r of s.rows) yield [quote(String(r[s.key])), ...s.props.map(([p, t]) => field(r[p], t, delimiter, () => `${name}, ${String(r[s.key])}`))].join(',') + '\n';
    },
  };
}

function relFile(s: RelSet, delimiter: string): ImportFile {
  const name = `relationships-${s.type}.csv`;
  const multiline = s.rows.some(([, , v]) => spansLines(v, s.props));
  return {
    name,
    option: `--relationships=${s.type}=${name}`,
    multiline,
    *lines() {
      yield [`:START_ID(${s.from})`, `:END_ID(${s.to})`, ...header(s.props)].join(',') + '\n';
      for (const [a, b, v] of s.rows) yield [quote(a), quote(b), ...s.props.map(([p, t]) => field(v[p], t, delimiter, () => `${name}, ${a} -> ${b}`))].join(',') + '\n';
    },
  };
}

/** The delimiter no list element of the image contains. */
function arrayDelimiter(image: StoreImage): number {
  const used = new Set<number>();
  const scan = (v: Values, props: Props): void => {
    for (const [p, t] of props) {
      if (t !== 'string[]' || !Array.isArray(v[p])) continue;
      for (const x of v[p] as string[]) for (const c of DELIMITERS) if (x.includes(String.fromCharCode(c))) used.add(c);
    }
  };
  for (const s of image.nodes) for (const r of s.rows) scan(r, s.props);
  for (const s of image.relationships) for (const [, , v] of s.rows) scan(v, s.props);
  const free = DELIMITERS.find((c) => !used.has(c));
  if (free === undefined) throw new KgGraphError('INVALID_EXTRACTION', 'cannot write lists as CSV: their values use every control character kg can separate them with');
  return free;
}

/** The files, arguments and scripts of an offline import of this image. */
export function adminImport(image: StoreImage): AdminImport {
  const code = arrayDelimiter(image);
  const delimiter = String.fromCharCode(code);
  const files = [...image.nodes.map((s) => nodeFile(s, delimiter)), ...image.relationships.map((s) => relFile(s, delimiter))];
  const multiline = files.filter((f) => f.multiline).map((f) => f.name);
  const args = [
    `--array-delimiter=U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
    ...(multiline.length ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ...files.map((f) => f.option),
  ];
  const script = [
    '#!/bin/sh',
    '# Written by kg export --neo4j-import: neo4j-admin\'s offline import of the graph in this folder into a new',
    '# or empty database. Stop Neo4j first; then start it and run after-import.cypher (or any kg load, which',
    '# does the same by itself). NEO4J_ADMIN names the tool when it is not neo4j-admin on the PATH.',
    '#   ./import.sh [DATABASE] [more neo4j-admin options, e.g. --overwrite-destination]',
    'set -e',
    'cd "$(dirname "$0")"',
    'db="${1:-neo4j}"',
    '[ $# -gt 0 ] && shift',
    `exec \${NEO4J_ADMIN:-neo4j-admin} database import full "$db" ${args.join(' ')} "$@"`,
    '',
  ].join('\n');
  const afterImport = [
    '// After neo4j-admin import: kg\'s constraints and indexes, and the empty lists CSV cannot hold.',
    '// cypher-shell -u neo4j -p PASSWORD -f after-import.cypher (kg load and kg forget do this by themselves).',
    ...STORE_SCHEMA.map((s) => `${s};`),
    ...emptyListStatements().map((s) => `${s};`),
    "MATCH (l:KgLock {id: 'kg'}) REMOVE l.imported;",
    '',
  ].join('\n');
  return { files, args, script, afterImport, ...imageSize(image) };
}
