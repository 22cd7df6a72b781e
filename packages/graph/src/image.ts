/**
 * The store's image: every node and relationship the Neo4j store holds after one clean load of a set of
 * articles, with its labels, type and typed properties: the graph `buildGraph` makes, plus the store's
 * bookkeeping (Surface, NameKey, HAS_SURFACE, KEY, the KgLock node). Computed in memory, in one pass, with
 * no server: it is what `kg export --neo4j-import` writes for neo4j-admin's offline import, and an
 * integration test checks it against an online load, node for node and property for property.
 */
import { ENTITY_TYPES, RELATION_TYPES, type Extraction } from './contract.js';
import { buildWith, isFactEdge, quoteId } from './build.js';
import { assertionKey, type Assertion } from './facts.js';
import { recordOf, surfaceKeys, type SurfaceRecord } from './resolve.js';
import { SCHEMA } from './cypher.js';

/** A property's type as neo4j-admin import names it (long and double are Cypher's INTEGER and FLOAT). */
export type PropType = 'string' | 'long' | 'double' | 'boolean' | 'string[]';
export type Props = readonly (readonly [name: string, type: PropType])[];
export type Values = Record<string, unknown>;

/** Nodes of one label set: `key` is the property that identifies them (id, or key for Surface and NameKey). */
export interface NodeSet {
  readonly labels: readonly string[];
  /** The id space relationships name their ends in (neo4j-admin's ID group). */
  readonly space: string;
  readonly key: 'id' | 'key';
  readonly props: Props;
  readonly rows: Values[];
}

export interface RelSet {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly props: Props;
  /** [start key, end key, properties]. */
  readonly rows: [string, string, Values][];
}

export interface StoreImage {
  readonly nodes: readonly NodeSet[];
  readonly relationships: readonly RelSet[];
}

/** The form of the store's data; a store in another form is refused rather than mixed with (4: fewer name keys, see `surfaceKeys`). */
export const STORE_FORMAT = 4;

const TOTALS: Props = [
  ['caption', 'string'],
  ['evidence', 'string[]'],
  ['sources', 'long'],
  ['independentSources', 'long'],
  ['outlets', 'string[]'],
  ['role', 'string'],
  ['triggers', 'string[]'],
  ['reported', 'long'],
  ['planned', 'long'],
  ['denied', 'long'],
  ['contested', 'boolean'],
  ['cues', 'string[]'],
  ['dates', 'string[]'],
  ['eventDate', 'string'],
  ['eventGranularity', 'string'],
  ['firstReported', 'string'],
  ['lastReported', 'string'],
  ['ended', 'long'],
  ['quantities', 'string[]'],
];

/** Every node set and relationship set the store has, with its properties (the fixed vocabulary). */
const NODE_PROPS = {
  Article: [['source', 'string'], ['title', 'string'], ['sha256', 'string'], ['date', 'string'], ['bylines', 'string[]'], ['outlet', 'string'], ['attributedTo', 'string[]']],
  Sentence: [['article', 'string'], ['index', 'long'], ['text', 'string'], ['start', 'long'], ['end', 'long'], ['key', 'string']],
  Entity: [['name', 'string'], ['aliases', 'string[]'], ['aliasText', 'string'], ['merges', 'string[]'], ['mentionCount', 'long'], ['articleCount', 'long'], ['degree', 'long'], ['pagerank', 'double'], ['community', 'long']],
  Fact: [['type', 'string'], ['subject', 'string'], ['object', 'string'], ...TOTALS],
  Quote: [['text', 'string'], ['start', 'long'], ['end', 'long']],
  Surface: [['type', 'string'], ['entity', 'string'], ['keys', 'string[]']],
  NameKey: [],
  KgLock: [['format', 'long'], ['imported', 'boolean']],
} as const satisfies Record<string, Props>;

const STATES_PROPS: Props = [['key', 'string'], ['doc', 'string'], ['subject', 'string'], ['object', 'string'], ['modality', 'string'], ['cue', 'string'], ['date', 'string'], ['dateValue', 'string'], ['quantities', 'string[]'], ['ended', 'boolean'], ['trigger', 'string'], ['role', 'string']];

const REL_PROPS = {
  HAS_SENTENCE: ['Article', 'Sentence', []],
  COPIES: ['Article', 'Article', [['share', 'double'], ['evidence', 'string']]],
  ATTRIBUTES_TO: ['Article', 'Entity', [['agency', 'string'], ['cues', 'string[]']]],
  MENTIONS: ['Sentence', 'Entity', [['start', 'long'], ['end', 'long'], ['surface', 'string'], ['text', 'string']]],
  SUBJECT: ['Fact', 'Entity', []],
  OBJECT: ['Fact', 'Entity', []],
  STATES: ['Sentence', 'Fact', STATES_PROPS],
  IN: ['Quote', 'Sentence', []],
  SAID_BY: ['Quote', 'Entity', [['surface', 'string']]],
  HAS_SURFACE: ['Article', 'Surface', [['name', 'string'], ['aliases', 'string[]'], ['mentions', 'long'], ['merges', 'string[]'], ['agency', 'string'], ['cues', 'string[]']]],
  KEY: ['Surface', 'NameKey', []],
  ...Object.fromEntries(RELATION_TYPES.map((t) => [t, ['Entity', 'Entity', [['fact', 'string'], ...TOTALS]]])),
} as Record<string, readonly [string, string, Props]>;

/** The labels and relationship types the store writes: its fixed vocabulary. */
export const STORE_LABELS: ReadonlySet<string> = new Set([...Object.keys(NODE_PROPS), 'Entity', ...ENTITY_TYPES]);
export const STORE_TYPES: ReadonlySet<string> = new Set(Object.keys(REL_PROPS));

/**
 * What neo4j-admin's CSV cannot say, done online once the imported database runs: the empty lists (an
 * empty array field imports as no property; the store keeps `[]`), one statement per label and per type.
 * `batched` writes them in transactions of 10,000 rows (for a driver's auto-commit session; cypher-shell
 * and Browser run the plain form). Idempotent; the store runs them on its first load after an import.
 */
export function emptyListStatements({ batched = false }: { batched?: boolean } = {}): string[] {
  const out: string[] = [];
  const arrays = (props: Props): string[] => props.filter(([, t]) => t === 'string[]').map(([p]) => p);
  const statement = (match: string, v: string, list: string[]): string => {
    const where = list.map((p) => `${v}.${p} IS NULL`).join(' OR ');
    const set = `SET ${list.map((p) => `${v}.${p} = coalesce(${v}.${p}, [])`).join(', ')}`;
    return batched ? `${match} WHERE ${where} CALL { WITH ${v} ${set} } IN TRANSACTIONS OF 10000 ROWS` : `${match} WHERE ${where} ${set}`;
  };
  for (const [label, props] of Object.entries(NODE_PROPS)) {
    const list = arrays(props);
    if (list.length) out.push(statement(`MATCH (n:${label})`, 'n', list));
  }
  // The ten fact types share their properties: one statement for all of them.
  const facts = new Set<string>(RELATION_TYPES);
  for (const [type, [, , props]] of Object.entries(REL_PROPS)) {
    const list = arrays(props);
    if (list.length && !facts.has(type)) out.push(statement(`MATCH ()-[r:${type}]->()`, 'r', list));
  }
  out.push(statement(`MATCH ()-[r:${RELATION_TYPES.join('|')}]->()`, 'r', arrays(REL_PROPS[RELATION_TYPES[0]]![2])));
  return out;
}

/** The store's schema: the graph's own (what graph.cypher creates) and its bookkeeping's. */
export const STORE_SCHEMA: readonly string[] = [
  ...SCHEMA,
  'CREATE CONSTRAINT kg_surface_key IF NOT EXISTS FOR (n:Surface) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT kg_name_key IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT kg_lock_id IF NOT EXISTS FOR (n:KgLock) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX kg_article_source IF NOT EXISTS FOR (n:Article) ON (n.source)',
  'CREATE INDEX kg_surface_entity IF NOT EXISTS FOR (n:Surface) ON (n.entity)',
  'CREATE INDEX kg_sentence_key IF NOT EXISTS FOR (n:Sentence) ON (n.key)',
  'CREATE INDEX kg_article_outlet IF NOT EXISTS FOR (n:Article) ON (n.outlet)',
];

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What one article said of one extractor id: a surface record, with the wire service it attributes reporting to through it. */
export type ArticleRecord = SurfaceRecord & { article: string; agency: string | null; cues: string[] };

/**
 * The records one article gives, its HAS_SURFACE relationships: one per entity it found (an article can
 * name an extractor id twice), with the wire service the article attributes reporting to through that
 * entity, if any.
 */
export function articleRecords(x: Extraction): ArticleRecord[] {
  const d = x.documents[0]!;
  return x.entities.map((e) => {
    const r = recordOf(e);
    const attributions = (d.attributions ?? []).filter((a) => a.entity === e.id);
    const agency = attributions.map((a) => a.agency).sort(cmp)[0] ?? null;
    const cues = [...new Set(attributions.map((a) => a.text).filter(Boolean))].sort(cmp);
    return { ...r, aliases: [...r.aliases], merges: [...r.merges], article: d.id, agency, cues };
  });
}

/** Only the properties a set declares, nulls left out (Neo4j keeps no null property). */
function pick(values: Values, props: Props): Values {
  const out: Values = {};
  for (const [p] of props) if (values[p] !== null && values[p] !== undefined) out[p] = values[p];
  return out;
}

/**
 * The image of the store holding exactly these articles. `imported` marks the KgLock node so that the
 * store completes what CSV cannot hold (see emptyListStatements) on its next load.
 */
export function storeImage(input: readonly Extraction[], { imported = false }: { imported?: boolean } = {}): StoreImage {
  return imageOf(input, { imported, validated: false });
}

/** storeImage, for the store, whose input is validated already. */
export function imageOf(input: readonly Extraction[], { imported, validated }: { imported: boolean; validated: boolean }): StoreImage {
  const { graph: g, extractions, entityOf, surfaces, sentenceAt } = buildWith(input, { validated, mentionEdges: false });
  const nodes = new Map<string, NodeSet>();
  const nodeSet = (name: string, labels: string[], space: string, key: 'id' | 'key', props: Props): NodeSet => {
    let s = nodes.get(name);
    if (!s) nodes.set(name, (s = { labels, space, key, props, rows: [] }));
    return s;
  };
  const rels = new Map<string, RelSet>();
  const relSet = (type: string): RelSet => {
    let s = rels.get(type);
    if (!s) {
      const [from, to, props] = REL_PROPS[type]!;
      rels.set(type, (s = { type, from, to, props, rows: [] }));
    }
    return s;
  };
  const rel = (type: string, start: string, end: string, values: Values = {}): void => {
    const s = relSet(type);
    s.rows.push([start, end, pick(values, s.props)]);
  };

  // The graph's own nodes, and the relationships that carry no extractor id.
  g.forEachNode((_k, a) => {
    if (a.label === 'Entity') {
      const { label: _l, type, ...rest } = a;
      nodeSet(`Entity:${type}`, ['Entity', type], 'Entity', 'id', NODE_PROPS.Entity).rows.push({ id: a.id, ...pick({ ...rest, aliasText: a.aliases.join(' | ') }, NODE_PROPS.Entity) });
    } else {
      const props: Props = NODE_PROPS[a.label];
      nodeSet(a.label, [a.label], a.label, 'id', props).rows.push({ id: a.id, ...pick(a as unknown as Values, props) });
    }
  });
  g.forEachEdge((_k, a, source, target) => {
    if (isFactEdge(a)) rel(a.type, source, target, a as unknown as Values);
    else if (a.type === 'STATES') {
      const { type: _t, ...rest } = a;
      rel('STATES', source, target, { ...rest, key: assertionKey({ ...(rest as Omit<Assertion, 'sentence'>), sentence: source }) });
    } else if (a.type !== 'SAID_BY') rel(a.type, source, target, a as unknown as Values);
  });

  // MENTIONS and SAID_BY keep the extractor id (surface) they came through, as the store's do.
  const mentions = new Set<string>();
  const quotes = new Set<string>();
  const mentionRows: RelSet['rows'] = [];
  for (const x of extractions) {
    for (const e of x.entities) {
      const entity = entityOf.get(e.id)!;
      for (const m of e.mentions) {
        const s = sentenceAt(m.doc, m.start);
        if (!s) continue;
        // The sentence id names its article, and the extractor id its entity.
        const key = `${s}\u0000${m.start}\u0000${m.end}\u0000${e.id}`;
        if (mentions.has(key)) continue;
        mentions.add(key);
        mentionRows.push([s, entity, { start: m.start, end: m.end, surface: e.id, text: m.text }]);
      }
    }
    for (const q of x.quotes) {
      const id = quoteId(q.doc, q.start);
      if (q.speaker === undefined || quotes.has(id) || !sentenceAt(q.doc, q.start)) continue;
      quotes.add(id);
      const speaker = entityOf.get(q.speaker);
      if (speaker && g.hasNode(speaker)) rel('SAID_BY', id, speaker, { surface: q.speaker });
    }
  }
  if (mentionRows.length) {
    const set = relSet('MENTIONS');
    for (const r of mentionRows) set.rows.push(r);
  }

  // Bookkeeping: what each article said of each extractor id, the surfaces, their name keys, the lock.
  const records = extractions.flatMap(articleRecords);
  for (const { article, surface, type: _t, ...values } of records) rel('HAS_SURFACE', article, surface, values);
  const keys = new Set<string>();
  for (const s of surfaces) {
    const list = surfaceKeys(s);
    nodeSet('Surface', ['Surface'], 'Surface', 'key', NODE_PROPS.Surface).rows.push({ key: s.id, type: s.type, entity: entityOf.get(s.id)!, keys: list });
    for (const k of list) {
      keys.add(k);
      rel('KEY', s.id, k);
    }
  }
  const nameKeys = nodeSet('NameKey', ['NameKey'], 'NameKey', 'key', NODE_PROPS.NameKey);
  for (const k of keys) nameKeys.rows.push({ key: k });
  nodeSet('KgLock', ['KgLock'], 'KgLock', 'id', NODE_PROPS.KgLock).rows.push({ id: 'kg', format: STORE_FORMAT, ...(imported ? { imported: true } : {}) });

  // One order whatever the input's: sets by name, rows by their keys.
  const nodeOrder = [...nodes.keys()].sort(cmp);
  for (const s of nodes.values()) s.rows.sort((a, b) => cmp(String(a[s.key]), String(b[s.key])));
  for (const s of rels.values()) s.rows.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]) || cmp(JSON.stringify(a[2]), JSON.stringify(b[2])));
  return { nodes: nodeOrder.map((n) => nodes.get(n)!), relationships: [...rels.keys()].sort(cmp).map((t) => rels.get(t)!) };
}

/** Node and relationship counts of an image. */
export function imageSize(image: StoreImage): { nodes: number; relationships: number } {
  return { nodes: image.nodes.reduce((n, s) => n + s.rows.length, 0), relationships: image.relationships.reduce((n, s) => n + s.rows.length, 0) };
}
