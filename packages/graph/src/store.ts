/**
 * The Neo4j store: a graph that grows with each load and always equals the graph of loading every
 * article it holds at once (`buildGraph`), whatever the order, split or repetition of the loads.
 *
 * What makes that hold:
 * - Articles are the truth. Each keeps, besides its sentences, what it said of each extractor id
 *   (`(:Article)-[:HAS_SURFACE]->(:Surface)`), and each sentence keeps what it states of each fact
 *   (`(:Sentence)-[:STATES]->(:Fact)`), with the article's own names of subject and object.
 * - Everything else is derived from those by the same pure functions `buildGraph` uses, recomputed for
 *   what a load touches: the surfaces reachable from the changed ones through shared name keys
 *   (`(:Surface {key})-[:KEY]->(:NameKey {key})`, an index, never a read of the whole graph), the facts their
 *   sentences state, and the counts of the entities involved. Analytics are recomputed over the
 *   whole stored entity graph at the end of every load.
 * - Each batch of articles is one transaction that first takes the store's lock node: an article is
 *   in whole or not at all, a killed load is completed by running it again, and two loads at once
 *   run one after the other. Transient errors (deadlocks, leader changes) are retried by the driver.
 */
import { randomUUID } from 'node:crypto';
import { int, isInt, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type Extraction, type RelationType } from './contract.js';
import { articleAttributes, attributionsByEntity, quoteId, sentenceFinder, sentenceId, validateExtraction } from './build.js';
import { entityMetrics } from './analytics.js';
import { assertionKey, assertionsOf, factCaption, factId, factTotals, type Assertion, type FactTotals } from './facts.js';
import { distinctArticles, factEnds } from './merge.js';
import { aggregateSurfaces, clusterSurfaces, mergeLabel, recordOf, surfaceKeys, type Surface, type SurfaceRecord } from './resolve.js';
import { KgGraphError } from './errors.js';
import { classifyNeo4jError } from './neo4j-errors.js';
import { STATEMENTS } from './cypher.js';
import { articleRecords, emptyListStatements, imageOf, STORE_FORMAT, STORE_LABELS, STORE_SCHEMA, STORE_TYPES, type Props, type Values } from './image.js';
import { copyLinks, copyProfile, sentenceKey, sourcingOf, type CopyProfile, type Sourcing } from './copies.js';

export interface StoreOptions {
  readonly driver: Driver;
  /** Database name; the server's default when omitted. */
  readonly database?: string;
  /** Where the driver points, for error messages ("bolt://localhost:7687"). */
  readonly uri?: string;
  /** How long the server may take to answer the first query before it counts as down (default 12 s). */
  readonly verifyTimeoutMs?: number;
}

export interface StoreProgress {
  /** graph: the first load into an empty store writing its entities, facts and sentences (rows); then its articles. */
  readonly phase: 'graph' | 'articles' | 'analytics';
  readonly done: number;
  readonly total: number;
}

export interface AddOptions {
  /** Articles per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (p: StoreProgress) => void;
  /**
   * A load into an empty store computes the whole graph in memory and writes it with plain CREATE
   * batches (default true; see bulkLoad). false: always the incremental path.
   */
  readonly bulk?: boolean;
}

export interface StoreSummary {
  /** Articles new to the store. */
  readonly added: number;
  /** Articles already stored (the same text), left as they were. */
  readonly unchanged: number;
  /** Stored articles removed: replaced by a new text from the same source, or forgotten. */
  readonly removed: number;
  readonly nodesCreated: number;
  readonly nodesDeleted: number;
  readonly relationshipsCreated: number;
  readonly relationshipsDeleted: number;
}

export interface Store {
  /** Checks that the server answers and accepts the credentials; throws KgGraphError otherwise. */
  verify(): Promise<void>;
  /** Adds articles; an article whose source is stored with another text replaces it. */
  add(extractions: readonly Extraction[], options?: AddOptions): Promise<StoreSummary>;
  /** Removes the articles with these sources (or article ids), and everything only they supported. */
  forget(sourcesOrIds: readonly string[]): Promise<StoreSummary & { notFound: string[] }>;
}

export { STORE_FORMAT, STORE_SCHEMA };

const ENTITY_LABEL: Record<EntityType, string> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, t])) as Record<EntityType, string>;
const REL_TYPE: Record<RelationType, string> = Object.fromEntries(RELATION_TYPES.map((t) => [t, t])) as Record<RelationType, string>;

type Row = Record<string, unknown>;
const num = (v: unknown): number => (isInt(v) ? (v as { toNumber(): number }).toNumber() : Number(v));

interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

function addCounters(t: Counters, c: Counters): void {
  t.nodesCreated += c.nodesCreated;
  t.nodesDeleted += c.nodesDeleted;
  t.relationshipsCreated += c.relationshipsCreated;
  t.relationshipsDeleted += c.relationshipsDeleted;
}

/** One transaction's work: runs statements and keeps the update counters. */
class Tx {
  readonly counters: Counters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  constructor(private readonly tx: ManagedTransaction) {}
  async run(text: string, params: Row = {}): Promise<Row[]> {
    const r = await this.tx.run(text, params);
    addCounters(this.counters, r.summary.counters.updates());
    return r.records.map((x) => x.toObject() as Row);
  }
  /** Runs an UNWIND statement over rows, in slices. */
  async rows(text: string, rows: readonly Row[], size = 2000): Promise<Row[]> {
    const out: Row[] = [];
    for (let i = 0; i < rows.length; i += size) out.push(...(await this.run(text, { rows: rows.slice(i, i + size) })));
    return out;
  }
}

export function createStore({ driver, database, uri = 'Neo4j', verifyTimeoutMs = 12_000 }: StoreOptions): Store {
  const sessionOptions = database ? { database } : {};
  const fail = (err: unknown): never => {
    throw err instanceof KgGraphError ? err : classifyNeo4jError(err, uri, database);
  };
  const verify = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    // A server that accepts connections but never answers gets a bounded wait, then one clear error.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new KgGraphError('NEO4J_UNAVAILABLE', `Neo4j at ${uri}${database ? ` (database ${database})` : ''} did not answer within ${verifyTimeoutMs / 1000} s; is it a Neo4j Bolt port, and is the server up?`)), verifyTimeoutMs);
    });
    const check = async (): Promise<void> => {
      await driver.verifyConnectivity(sessionOptions);
      const session = driver.session({ ...sessionOptions, defaultAccessMode: 'READ' });
      try {
        await session.run('RETURN 1');
      } finally {
        await session.close();
      }
    };
    try {
      await Promise.race([check(), deadline]);
    } catch (err) {
      fail(err);
    } finally {
      clearTimeout(timer);
    }
  };
  /** Schema statements are idempotent; two loads creating them at once can conflict, so each is retried. */
  const ensureSchema = async (): Promise<void> => {
    const session = driver.session(sessionOptions);
    try {
      for (const s of STORE_SCHEMA) {
        for (let attempt = 0; ; attempt++) {
          try {
            await session.run(s);
            break;
          } catch (err) {
            const e = err as { retriable?: boolean; code?: string };
            const transient = e.retriable || /^Neo\.TransientError\./.test(e.code ?? '') || e.code === 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists';
            if (!transient || attempt >= 8) throw err;
            await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
          }
        }
      }
    } finally {
      await session.close();
    }
  };
  /**
   * A database made by neo4j-admin's import of `kg export --neo4j-import` (its KgLock says `imported`) gets
   * the empty lists CSV cannot hold before anything else runs; two loads doing it at once do the same.
   */
  const completeImport = async (): Promise<void> => {
    const session = driver.session(sessionOptions);
    try {
      const r = await session.run("MATCH (l:KgLock {id: 'kg'}) WHERE l.imported RETURN count(l) AS n");
      if (num(r.records[0]?.get('n') ?? 0) === 0) return;
      for (const s of emptyListStatements({ batched: true })) await session.run(s);
      await session.run("MATCH (l:KgLock {id: 'kg'}) REMOVE l.imported");
    } finally {
      await session.close();
    }
  };
  const inTransaction = async <T>(work: (tx: Tx) => Promise<T>): Promise<{ value: T; counters: Counters }> => {
    const session = driver.session(sessionOptions);
    try {
      return await session.executeWrite(async (raw) => {
        const tx = new Tx(raw);
        // The store's lock: loads and forgets run one after the other, each seeing the other's result.
        const [lock] = await tx.run("MERGE (l:KgLock {id: 'kg'}) SET l.busy = true WITH l OPTIONAL MATCH (a:Article) RETURN l.format AS format, count(a) AS articles");
        const format = lock?.format === null || lock?.format === undefined ? undefined : num(lock.format);
        if (num(lock?.articles ?? 0) > 0 && format !== STORE_FORMAT) {
          throw new KgGraphError(
            'STORE_OUTDATED',
            `Neo4j at ${uri} holds ${num(lock!.articles)} articles written by ${format === undefined ? 'an older kg' : `kg store format ${format}`}, not in the form this kg keeps (format ${STORE_FORMAT}); load the articles again into an empty database`,
          );
        }
        await tx.run("MATCH (l:KgLock {id: 'kg'}) SET l.format = $format", { format: int(STORE_FORMAT) });
        const value = await work(tx);
        await tx.run("MATCH (l:KgLock {id: 'kg'}) REMOVE l.busy");
        return { value, counters: tx.counters };
      });
    } finally {
      await session.close();
    }
  };
  const total = (): Counters & { added: number; unchanged: number; removed: number } => ({ added: 0, unchanged: 0, removed: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });

  return {
    verify,
    async add(input, { batchSize = 100, onProgress, bulk = true } = {}) {
      const extractions = distinctArticles(input.map(validateExtraction));
      for (const x of extractions) {
        if (x.documents.length !== 1) throw new KgGraphError('INVALID_EXTRACTION', `a store takes one extraction per article; one has ${x.documents.length} documents`);
      }
      const sum = total();
      try {
        await verify();
        await ensureSchema();
        await completeImport();
        const first = await bulkLoad(driver, sessionOptions, extractions, { batchSize, bulk, ...(onProgress ? { onProgress } : {}) });
        if (first) return { ...first, unchanged: 0, removed: 0 };
        for (let i = 0; i < extractions.length; i += batchSize) {
          const batch = extractions.slice(i, i + batchSize);
          const { value, counters } = await inTransaction((tx) => addBatch(tx, batch));
          sum.added += value.added;
          sum.unchanged += value.unchanged;
          sum.removed += value.removed;
          addCounters(sum, counters);
          onProgress?.({ phase: 'articles', done: Math.min(i + batchSize, extractions.length), total: extractions.length });
        }
        onProgress?.({ phase: 'analytics', done: 0, total: 1 });
        addCounters(sum, (await inTransaction(refreshAnalytics)).counters);
        onProgress?.({ phase: 'analytics', done: 1, total: 1 });
      } catch (err) {
        fail(err);
      }
      return sum;
    },
    async forget(keys) {
      const sum = total();
      let notFound: string[] = [];
      try {
        await verify();
        await ensureSchema();
        await completeImport();
        await bulkLoad(driver, sessionOptions, [], { batchSize: 1, bulk: false });
        const { value, counters } = await inTransaction(async (tx) => {
          const rows = await tx.run('MATCH (a:Article) WHERE a.source IN $keys OR a.id IN $keys RETURN a.id AS id, a.source AS source', { keys: [...keys] });
          const found = new Set(rows.flatMap((r) => [String(r.id), String(r.source)]));
          const ids = rows.map((r) => String(r.id));
          await update(tx, [], ids);
          return { removed: ids.length, notFound: keys.filter((k) => !found.has(k)) };
        });
        sum.removed = value.removed;
        notFound = value.notFound;
        addCounters(sum, counters);
        addCounters(sum, (await inTransaction(refreshAnalytics)).counters);
      } catch (err) {
        fail(err);
      }
      return { ...sum, notFound };
    },
  };
}

type Summary = Counters & { added: number };

/**
 * The first load into an empty store: the store's image (storeImage: the graph of these articles with
 * its bookkeeping and analytics) computed in memory and written with plain CREATE batches, a few times
 * faster than the incremental path, which reads back what it recomputes. It ends in the same graph.
 *
 * - It holds the store's lock (a transaction open on the KgLock node) from its check that the store is
 *   empty to its end: other loads and forgets wait, then find the store full and take the incremental path.
 * - A `(:KgBulk {token})` node says a bulk load is under way; every batch writes only while it carries
 *   this load's token. Entities, facts and sentences go first, then the articles, `batchSize` a
 *   transaction, each with all its sentences and surfaces (an article is whole or absent), then COPIES.
 * - A load that finds a KgBulk node and the lock free finds a bulk load that died (killed, or its
 *   connection lost): it takes the token away, deletes everything that load wrote, and starts afresh.
 *
 * Returns undefined, having written nothing, when the store is not empty (or `bulk` is false).
 */
async function bulkLoad(
  driver: Driver,
  sessionOptions: { database?: string },
  extractions: readonly Extraction[],
  { batchSize, bulk, onProgress }: { batchSize: number; bulk: boolean; onProgress?: (p: StoreProgress) => void },
): Promise<Summary | undefined> {
  const counters: Summary = { added: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const session = driver.session(sessionOptions);
  const writer = driver.session(sessionOptions);
  const held = session.beginTransaction();
  const tally = (r: { summary: { counters: { updates(): Counters } } }): void => addCounters(counters, r.summary.counters.updates());
  const write = async (text: string, params: Row): Promise<void> => tally(await writer.executeWrite((tx) => tx.run(text, params)));
  try {
    const lock = await held.run(
      "MERGE (l:KgLock {id: 'kg'}) SET l.busy = true WITH l OPTIONAL MATCH (n) WHERE NOT n:KgLock AND NOT n:KgBulk WITH n LIMIT 1 " +
        'WITH count(n) AS others OPTIONAL MATCH (b:KgBulk) RETURN others, count(b) AS bulk',
    );
    const others = num(lock.records[0]?.get('others') ?? 0);
    const dead = num(lock.records[0]?.get('bulk') ?? 0) > 0;
    if (dead) {
      // A bulk load that died: its token goes first (a writer still alive writes nothing more), its data,
      // then the marker, last, so that a recovery that dies too is done again.
      await writer.run("MATCH (b:KgBulk) SET b.token = 'recovering'");
      await writer.run('MATCH (n) WHERE NOT n:KgLock AND NOT n:KgBulk CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
      await writer.run('MATCH (b:KgBulk) DELETE b');
    }
    if (!bulk || !extractions.length || (others > 0 && !dead)) {
      await held.run("MATCH (l:KgLock {id: 'kg'}) REMOVE l.busy");
      await held.commit();
      return undefined;
    }
    const image = imageOf(extractions, { imported: false, validated: true });
    const token = randomUUID();
    await writer.executeWrite((tx) => tx.run("CREATE (:KgBulk {id: 'kg', token: $token})", { token }));
    const guard = 'MATCH (:KgBulk {token: $token}) WITH 1 AS go UNWIND $rows AS r ';
    const ROWS = 10_000;
    const isArticle = (set: { labels?: readonly string[]; from?: string; to?: string }): boolean => set.labels?.[0] === 'Article' || set.from === 'Article' || set.to === 'Article';
    const nodeSets = image.nodes.filter((n) => !isArticle(n) && n.labels[0] !== 'KgLock');
    const relSets = image.relationships.filter((r) => !isArticle(r));
    const total = [...nodeSets, ...relSets].reduce((n, x) => n + x.rows.length, 0);
    let done = 0;
    const label = (l: string): string => vocabulary(l, STORE_LABELS, 'label');
    const keyOf = new Map(image.nodes.map((n) => [n.space, n.key]));
    const nodeText = (labels: readonly string[]): string => `${guard}CREATE (n:${labels.map(label).join(':')}) SET n = r`;
    const relText = (set: { type: string; from: string; to: string }): string =>
      `${guard}MATCH (a:${label(set.from)} {${keyOf.get(set.from)}: r[0]}) MATCH (b:${label(set.to)} {${keyOf.get(set.to)}: r[1]}) ` +
      `CREATE (a)-[x:${vocabulary(set.type, STORE_TYPES, 'relationship type')}]->(b) SET x = r[2]`;
    for (const set of nodeSets) {
      for (let i = 0; i < set.rows.length; i += ROWS) {
        const rows = set.rows.slice(i, i + ROWS).map((r) => typed(r, set.props));
        await write(nodeText(set.labels), { token, rows });
        onProgress?.({ phase: 'graph', done: (done += rows.length), total });
      }
    }
    for (const set of relSets) {
      for (let i = 0; i < set.rows.length; i += ROWS) {
        const rows = set.rows.slice(i, i + ROWS).map(([a, b, v]) => [a, b, typed(v, set.props)]);
        await write(relText(set), { token, rows });
        onProgress?.({ phase: 'graph', done: (done += rows.length), total });
      }
    }
    // The articles, `batchSize` a transaction, each with its own relationships; COPIES once all are in.
    const articles = image.nodes.find((n) => n.labels[0] === 'Article');
    const own = image.relationships.filter((r) => r.from === 'Article' && r.type !== 'COPIES');
    const copies = image.relationships.find((r) => r.type === 'COPIES');
    const ids = articles?.rows.map((r) => String(r.id)) ?? [];
    const byArticle = new Map(own.map((set) => [set.type, groupBy(set.rows, (r) => r[0])]));
    for (let i = 0; i < ids.length; i += batchSize) {
      const batch = ids.slice(i, i + batchSize);
      const nodeRows = articles!.rows.slice(i, i + batchSize).map((r) => typed(r, articles!.props));
      const rels = own.map((set) => ({ set, rows: batch.flatMap((id) => byArticle.get(set.type)!.get(id) ?? []).map(([a, b, v]) => [a, b, typed(v, set.props)]) }));
      const r = await writer.executeWrite(async (tx) => {
        const results = [await tx.run(nodeText(['Article']), { token, rows: nodeRows })];
        for (const { set, rows } of rels) if (rows.length) results.push(await tx.run(relText(set), { token, rows }));
        return results;
      });
      r.forEach(tally);
      onProgress?.({ phase: 'articles', done: Math.min(i + batchSize, ids.length), total: ids.length });
    }
    if (copies?.rows.length) await write(relText(copies), { token, rows: copies.rows.map(([a, b, v]) => [a, b, typed(v, copies.props)]) });
    const gone = await writer.executeWrite((tx) => tx.run('MATCH (b:KgBulk {token: $token}) DELETE b RETURN count(*) AS n', { token }));
    if (num(gone.records[0]?.get('n') ?? 0) !== 1) {
      throw new KgGraphError('NEO4J_WRITE_FAILED', 'a bulk load lost its lock while it wrote (another load took the store over); run kg load again');
    }
    await held.run("MATCH (l:KgLock {id: 'kg'}) SET l.format = $format REMOVE l.busy", { format: int(STORE_FORMAT) });
    await held.commit();
    counters.added = ids.length;
    return counters;
  } catch (err) {
    await held.rollback().catch(() => undefined);
    throw err;
  } finally {
    await writer.close();
    await session.close();
  }
}

/** Labels and types written by the bulk path: only the store's fixed vocabulary, checked again here. */
const vocabulary = (word: string, known: ReadonlySet<string>, what: string): string => {
  if (!known.has(word) || !/^[A-Z][A-Za-z_]*$/.test(word)) throw new KgGraphError('INVALID_EXTRACTION', `unexpected ${what} ${word}`);
  return word;
};

/** Values as the store types them: whole numbers declared long as integers (a JavaScript number is a float). */
function typed(values: Values, props: Props): Values {
  const out: Values = { ...values };
  for (const [p, t] of props) if (t === 'long' && typeof out[p] === 'number') out[p] = int(out[p] as number);
  return out;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Adds one batch of articles (skipping stored ones, replacing older texts of the same source). */
async function addBatch(tx: Tx, batch: readonly Extraction[]): Promise<{ added: number; unchanged: number; removed: number }> {
  const docs = batch.map((x) => x.documents[0]!);
  const stored = await tx.run('MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.source AS source', { ids: docs.map((d) => d.id) });
  const storedSource = new Map(stored.map((r) => [String(r.id), String(r.source)]));
  // The same text from another source: one article, under the first source in sort order.
  const renamed = docs.filter((d) => storedSource.has(d.id) && d.source < storedSource.get(d.id)!).map((d) => ({ id: d.id, source: d.source }));
  if (renamed.length) await tx.rows('UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a.source = row.source', renamed);
  const fresh = batch.filter((x) => !storedSource.has(x.documents[0]!.id));
  // A new text from a stored source replaces the old one.
  const replaced = await tx.run('MATCH (a:Article) WHERE a.source IN $sources AND NOT a.id IN $ids RETURN a.id AS id', {
    sources: fresh.map((x) => x.documents[0]!.source),
    ids: docs.map((d) => d.id),
  });
  await update(tx, fresh, replaced.map((r) => String(r.id)));
  return { added: fresh.length, unchanged: batch.length - fresh.length, removed: replaced.length };
}

interface StoredSurface {
  /** The entity and keys stored for it (before this update). */
  entity: string | null;
  keys: string[];
  /** What the articles now stored say of it, summed; undefined when no article names it any more. */
  surface: Surface | undefined;
  /** Its keys now. */
  newKeys: string[];
}

/**
 * The one update: removes articles, adds articles, and recomputes everything derived that they touch.
 * Runs inside the store's lock.
 */
async function update(tx: Tx, added: readonly Extraction[], removedIds: readonly string[]): Promise<void> {
  const touched = new Set<string>();
  const touchedFacts = new Set<string>();

  // 1. Remove articles: what they said goes; the surfaces and facts they touched are recomputed.
  if (removedIds.length) {
    for (const r of await tx.run('MATCH (a:Article)-[:HAS_SURFACE]->(sf:Surface) WHERE a.id IN $ids RETURN DISTINCT sf.key AS id', { ids: removedIds })) touched.add(String(r.id));
    for (const r of await tx.run('MATCH (a:Article)-[:HAS_SENTENCE]->(:Sentence)-[:STATES]->(f:Fact) WHERE a.id IN $ids RETURN DISTINCT f.id AS id', { ids: removedIds })) touchedFacts.add(String(r.id));
    await tx.run('MATCH (a:Article)-[:HAS_SENTENCE]->(:Sentence)<-[:IN]-(q:Quote) WHERE a.id IN $ids DETACH DELETE q', { ids: removedIds });
    await tx.run('MATCH (a:Article)-[:HAS_SENTENCE]->(s:Sentence) WHERE a.id IN $ids DETACH DELETE s', { ids: removedIds });
    await tx.run('MATCH (a:Article) WHERE a.id IN $ids DETACH DELETE a', { ids: removedIds });
  }

  // 2. Add articles: the article, its sentences, and what it says of each extractor id.
  const documents = added.map((x) => x.documents[0]!);
  if (added.length) {
    await tx.rows(
      'UNWIND $rows AS row CREATE (a:Article {id: row.id}) SET a.source = row.source, a.title = row.title, a.sha256 = row.sha256, a.date = row.date, a.bylines = row.bylines, ' +
        'a.outlet = row.outlet, a.attributedTo = row.attributedTo',
      documents.map((d) => {
        const { label: _label, ...props } = articleAttributes(d);
        return props;
      }),
    );
    const sentences = documents.map((d) =>
      d.sentences.map((s) => {
        const text = d.text.slice(s.start, s.end);
        return { id: sentenceId(d.id, s.index), article: d.id, index: s.index, text, start: s.start, end: s.end, key: sentenceKey(text) };
      }),
    );
    await tx.rows(
      'UNWIND $rows AS row MATCH (a:Article {id: row.article}) CREATE (a)-[:HAS_SENTENCE]->(s:Sentence {id: row.id}) ' +
        'SET s.article = row.article, s.index = toInteger(row.index), s.text = row.text, s.start = toInteger(row.start), s.end = toInteger(row.end), s.key = row.key',
      sentences.flat(),
    );
    const records = added.flatMap(articleRecords).map((r): Row => ({ ...r }));
    await tx.rows(
      'UNWIND $rows AS row MATCH (a:Article {id: row.article}) MERGE (sf:Surface {key: row.surface}) ON CREATE SET sf.type = row.type, sf.keys = [] ' +
        'CREATE (a)-[h:HAS_SURFACE]->(sf) SET h.name = row.name, h.aliases = row.aliases, h.mentions = toInteger(row.mentions), h.merges = row.merges, ' +
        'h.agency = row.agency, h.cues = row.cues',
      records,
    );
    for (const r of records) touched.add(String(r.surface));
    await linkCopies(tx, documents.map((d, i) => copyProfile(d, sentences[i]!.map((s) => s.key))));
  }

  // 3. The surfaces whose entity may change: those touched, and all reachable from them through the
  //    keys they have or had, or through the entity they belong to.
  const surfaces = new Map<string, StoredSurface>();
  const seenKeys = new Set<string>();
  const seenEntities = new Set<string>();
  let frontier = [...touched];
  while (frontier.length) {
    const rows = await tx.run(
      'UNWIND $ids AS id MATCH (sf:Surface {key: id}) OPTIONAL MATCH (sf)<-[h:HAS_SURFACE]-() ' +
        'RETURN sf.key AS id, sf.type AS type, sf.entity AS entity, sf.keys AS keys, collect(CASE WHEN h IS NULL THEN null ELSE [h.name, h.mentions] END) AS names, ' +
        'collect(h.aliases) AS aliases, collect(h.merges) AS merges',
      { ids: frontier },
    );
    const keys = new Set<string>();
    const entities = new Set<string>();
    for (const r of rows) {
      const id = String(r.id);
      const type = String(r.type) as EntityType;
      const names = (r.names as [string, unknown][]).filter(Boolean);
      const aliases = r.aliases as string[][];
      const merges = r.merges as string[][];
      const recs: SurfaceRecord[] = names.map(([name, mentions], i) => ({ surface: id, type, name, aliases: aliases[i] ?? [], mentions: num(mentions), merges: merges[i] ?? [] }));
      const surface = aggregateSurfaces(recs)[0];
      const s: StoredSurface = { entity: r.entity === null ? null : String(r.entity), keys: (r.keys as string[] | null) ?? [], surface, newKeys: surface ? surfaceKeys(surface) : [] };
      surfaces.set(id, s);
      for (const k of [...s.keys, ...s.newKeys]) if (!seenKeys.has(k)) keys.add(k);
      if (s.entity !== null && !seenEntities.has(s.entity)) entities.add(s.entity);
    }
    for (const k of keys) seenKeys.add(k);
    for (const e of entities) seenEntities.add(e);
    const next = await tx.run(
      'CALL { UNWIND $keys AS k MATCH (:NameKey {key: k})<-[:KEY]-(sf:Surface) RETURN sf.key AS id ' +
        'UNION UNWIND $entities AS e MATCH (sf:Surface {entity: e}) RETURN sf.key AS id } RETURN DISTINCT id',
      { keys: [...keys], entities: [...entities] },
    );
    frontier = next.map((r) => String(r.id)).filter((id) => !surfaces.has(id));
  }

  // 4. Cluster them; surfaces no article names any more go.
  const live = [...surfaces.entries()].filter(([, s]) => s.surface !== undefined);
  const aggregates = live.map(([, s]) => s.surface!);
  const resolved = clusterSurfaces(aggregates);
  const entityOf = new Map<string, string>();
  for (const e of resolved) for (const s of e.surfaces) entityOf.set(s, e.id);
  const oldEntities = new Set([...surfaces.values()].map((s) => s.entity).filter((e): e is string => e !== null));
  const newEntities = new Set(resolved.map((e) => e.id));

  // 5. Entities: create or update each cluster's node.
  for (const t of ENTITY_TYPES) {
    const rows = resolved
      .filter((e) => e.type === t)
      .map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, aliasText: e.aliases.join(' | '), merges: e.merges.map(mergeLabel) }));
    if (rows.length) {
      await tx.rows(
        `UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ON CREATE SET e:${ENTITY_LABEL[t]}, e.mentionCount = 0, e.articleCount = 0, e.degree = 0, e.pagerank = 0.0, e.community = 0 ` +
          'SET e.name = row.name, e.aliases = row.aliases, e.aliasText = row.aliasText, e.merges = row.merges',
        rows,
      );
    }
  }

  // 6. Surfaces that changed entity take their mentions, quotes and assertions along.
  const moved = live.filter(([id, s]) => s.entity !== null && s.entity !== entityOf.get(id)).map(([id, s]) => ({ surface: id, from: s.entity!, to: entityOf.get(id)! }));
  if (moved.length) {
    await tx.rows(
      'UNWIND $rows AS row MATCH (old:Entity {id: row.from})<-[m:MENTIONS {surface: row.surface}]-(s:Sentence) MATCH (e:Entity {id: row.to}) ' +
        'CREATE (s)-[m2:MENTIONS]->(e) SET m2 = properties(m) DELETE m',
      moved,
    );
    await tx.rows(
      'UNWIND $rows AS row MATCH (old:Entity {id: row.from})<-[r:SAID_BY {surface: row.surface}]-(q:Quote) MATCH (e:Entity {id: row.to}) ' +
        'CREATE (q)-[r2:SAID_BY]->(e) SET r2 = properties(r) DELETE r',
      moved,
    );
    const states = await tx.rows(
      'UNWIND $rows AS row MATCH (:Entity {id: row.from})<-[:SUBJECT|OBJECT]-(f:Fact)<-[st:STATES]-(s:Sentence) WHERE st.subject = row.surface OR st.object = row.surface ' +
        'RETURN DISTINCT elementId(st) AS rel, f.id AS fact, f.type AS type, s.id AS sentence, properties(st) AS props',
      moved,
    );
    if (states.length) {
      // The other end of a moved assertion may lie outside the recomputed surfaces: read its entity.
      const ends = new Set(states.flatMap((r) => [String((r.props as Row).subject), String((r.props as Row).object)]).filter((s) => !entityOf.has(s)));
      for (const r of await tx.run('UNWIND $ids AS id MATCH (sf:Surface {key: id}) RETURN sf.key AS id, sf.entity AS entity', { ids: [...ends] })) entityOf.set(String(r.id), String(r.entity));
      const rows: Row[] = [];
      for (const r of states) {
        touchedFacts.add(String(r.fact));
        const a = assertionFromProps(String(r.sentence), r.props as Row);
        const type = String(r.type) as RelationType;
        const [source, target] = factEnds(type, entityOf.get(a.subject)!, entityOf.get(a.object)!);
        const id = factId(source, type, target);
        if (source !== target) touchedFacts.add(id);
        rows.push({ rel: r.rel, fact: source === target ? null : id, type, source, target, sentence: a.sentence, props: r.props });
      }
      await tx.rows('UNWIND $rows AS row MATCH ()-[st:STATES]->() WHERE elementId(st) = row.rel DELETE st', rows);
      await writeAssertions(tx, rows.filter((r) => r.fact !== null));
    }
  }

  // 7. The new articles' mentions, quotes and assertions.
  if (added.length) {
    const sentenceAt = sentenceFinder(documents);
    const mentions: Row[] = [];
    const quotes: Row[] = [];
    const assertions: Row[] = [];
    for (const x of added) {
      for (const e of x.entities) {
        for (const m of e.mentions) {
          const s = sentenceAt(m.doc, m.start);
          if (s) mentions.push({ sentence: s, entity: entityOf.get(e.id), start: m.start, end: m.end, text: m.text, surface: e.id });
        }
      }
      for (const q of x.quotes) {
        const s = sentenceAt(q.doc, q.start);
        if (s) quotes.push({ id: quoteId(q.doc, q.start), sentence: s, text: q.text, start: q.start, end: q.end, speaker: q.speaker === undefined ? null : (entityOf.get(q.speaker) ?? null), surface: q.speaker ?? null });
      }
      for (const r of x.relations) {
        const [source, target] = factEnds(r.type, entityOf.get(r.source)!, entityOf.get(r.target)!);
        if (source === target) continue;
        const id = factId(source, r.type, target);
        for (const a of assertionsOf(r, (e) => sentenceAt(e.doc, e.start))) {
          touchedFacts.add(id);
          const { sentence, ...props } = a;
          assertions.push({ fact: id, type: r.type, source, target, sentence, props: { ...props, key: assertionKey(a) } });
        }
      }
    }
    await tx.rows(
      'UNWIND $rows AS row MATCH (s:Sentence {id: row.sentence}) MATCH (e:Entity {id: row.entity}) ' +
        'MERGE (s)-[m:MENTIONS {start: toInteger(row.start), end: toInteger(row.end), surface: row.surface}]->(e) SET m.text = row.text',
      mentions,
    );
    await tx.rows(
      'UNWIND $rows AS row MATCH (s:Sentence {id: row.sentence}) MERGE (q:Quote {id: row.id}) ON CREATE SET q.text = row.text, q.start = toInteger(row.start), q.end = toInteger(row.end) ' +
        'MERGE (q)-[:IN]->(s) WITH q, row WHERE row.speaker IS NOT NULL MATCH (e:Entity {id: row.speaker}) MERGE (q)-[r:SAID_BY]->(e) SET r.surface = row.surface',
      quotes,
    );
    await writeAssertions(tx, assertions);
  }

  // 8. Old entities no cluster has any more; surfaces no article names; their keys.
  const gone = [...oldEntities].filter((e) => !newEntities.has(e));
  if (gone.length) await tx.run('UNWIND $ids AS id MATCH (e:Entity {id: id}) DETACH DELETE e', { ids: gone });
  const dead = [...surfaces.entries()].filter(([, s]) => s.surface === undefined).map(([id, s]) => ({ id, keys: s.keys }));
  const surfaceRows: Row[] = [];
  for (const s of aggregates) {
    const stored = surfaces.get(s.id)!;
    const keys = stored.newKeys;
    const entity = entityOf.get(s.id)!;
    if (entity !== stored.entity || keys.join('\n') !== stored.keys.join('\n')) {
      surfaceRows.push({ id: s.id, entity, keys, add: keys.filter((k) => !stored.keys.includes(k)), drop: stored.keys.filter((k) => !keys.includes(k)) });
    }
  }
  if (dead.length) await tx.rows('UNWIND $rows AS row MATCH (sf:Surface {key: row.id}) DETACH DELETE sf', dead);
  if (surfaceRows.length) {
    await tx.rows(
      'UNWIND $rows AS row MATCH (sf:Surface {key: row.id}) SET sf.entity = row.entity, sf.keys = row.keys ' +
        'WITH sf, row CALL { WITH sf, row UNWIND row.drop AS k MATCH (sf)-[r:KEY]->(:NameKey {key: k}) DELETE r } ' +
        'CALL { WITH sf, row UNWIND row.add AS k MERGE (n:NameKey {key: k}) MERGE (sf)-[:KEY]->(n) }',
      surfaceRows,
    );
  }
  const droppedKeys = [...new Set([...dead.flatMap((d) => d.keys), ...surfaceRows.flatMap((r) => r.drop as string[])])];
  if (droppedKeys.length) await tx.run('UNWIND $keys AS k MATCH (n:NameKey {key: k}) WHERE NOT (n)<-[:KEY]-() DELETE n', { keys: droppedKeys });

  // 8b. Attributions to wire services follow their surfaces' entities: the new articles', and those of
  //     articles whose attributed surface changed entity.
  const attributing = new Set(documents.map((d) => d.id));
  if (moved.length) {
    const rows = await tx.run('UNWIND $keys AS k MATCH (a:Article)-[h:HAS_SURFACE]->(:Surface {key: k}) WHERE h.agency IS NOT NULL RETURN DISTINCT a.id AS id', { keys: moved.map((m) => m.surface) });
    for (const r of rows) attributing.add(String(r.id));
  }
  await refreshAttributions(tx, [...attributing]);

  // 9. Facts: totals from their assertions; a fact nothing states goes, with its direct relationship.
  const dirtyEntities = new Set(newEntities);
  if (touchedFacts.size) {
    const rows = await tx.run(
      'UNWIND $ids AS id MATCH (f:Fact {id: id}) OPTIONAL MATCH (f)<-[st:STATES]-(s:Sentence) RETURN f.id AS id, f.type AS type, f.subject AS subject, f.object AS object, collect([s.id, properties(st)]) AS states',
      { ids: [...touchedFacts] },
    );
    const emptyFacts: string[] = [];
    const byType = new Map<RelationType, Row[]>();
    const lists = rows.map((r) => (r.states as [string | null, Row | null][]).filter(([s, p]) => s !== null && p !== null).map(([s, p]) => assertionFromProps(s!, p!)));
    const sourcing = await sourcingAmong(tx, [...new Set(lists.flatMap((l) => l.map((a) => a.doc)))]);
    for (const [i, r] of rows.entries()) {
      const list = lists[i]!;
      dirtyEntities.add(String(r.subject));
      dirtyEntities.add(String(r.object));
      if (!list.length) {
        emptyFacts.push(String(r.id));
        continue;
      }
      const type = String(r.type) as RelationType;
      byType.set(type, [...(byType.get(type) ?? []), { id: r.id, source: r.subject, target: r.object, totals: totalsRow(type, factTotals(list, sourcing)) }]);
    }
    if (emptyFacts.length) {
      await tx.run('UNWIND $ids AS id MATCH (f:Fact {id: id}) OPTIONAL MATCH (:Entity {id: f.subject})-[r {fact: id}]->(:Entity {id: f.object}) DELETE r DETACH DELETE f', { ids: emptyFacts });
    }
    for (const [type, list] of byType) {
      await tx.rows(
        `UNWIND $rows AS row MATCH (f:Fact {id: row.id}) SET f += row.totals WITH f, row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) ` +
          `MERGE (a)-[r:${REL_TYPE[type]} {fact: row.id}]->(b) SET r += row.totals`,
        list,
      );
    }
  }

  // 10. Counts of the entities involved, from the graph itself.
  await tx.rows(
    'UNWIND $rows AS id MATCH (e:Entity {id: id}) ' +
      'CALL { WITH e OPTIONAL MATCH (e)<-[m:MENTIONS]-(s:Sentence) RETURN count(m) AS mentions, collect(DISTINCT s.article) AS viaMentions } ' +
      'CALL { WITH e OPTIONAL MATCH (e)<-[:SUBJECT|OBJECT]-(:Fact)<-[st:STATES]-() RETURN collect(DISTINCT st.doc) AS viaFacts } ' +
      'SET e.mentionCount = mentions, e.articleCount = size(viaMentions + [d IN viaFacts WHERE NOT d IN viaMentions])',
    [...dirtyEntities] as unknown as Row[],
  );
}

/** Links new articles (their profiles) to the stored ones (and to each other) they copy or are copied by. */
async function linkCopies(tx: Tx, fresh: readonly CopyProfile[]): Promise<void> {
  const ids = fresh.map((p) => p.id);
  const keys = [...new Set(fresh.flatMap((p) => p.keys))];
  // The wire services they cite that they are not themselves (an AFP story citing AFP copies no AFP story).
  const wires = [...new Set(fresh.flatMap((p) => p.wires.filter((w) => w !== p.outlet)))];
  const outlets = [...new Set(fresh.flatMap((p) => (p.outlet ? [p.outlet] : [])))];
  // Candidates: stored articles with a sentence of theirs, the wire they cite, or citing the wire they are.
  const candidates = new Set<string>();
  for (const r of await tx.run('UNWIND $keys AS k MATCH (s:Sentence {key: k}) RETURN DISTINCT s.article AS id', { keys })) candidates.add(String(r.id));
  if (wires.length) for (const r of await tx.run('MATCH (a:Article) WHERE a.outlet IN $wires RETURN a.id AS id', { wires })) candidates.add(String(r.id));
  if (outlets.length) for (const r of await tx.run('MATCH (a:Article) WHERE any(w IN a.attributedTo WHERE w IN $outlets) RETURN a.id AS id', { outlets })) candidates.add(String(r.id));
  for (const id of ids) candidates.delete(id);
  if (!candidates.size && fresh.length < 2) return;
  const stored = await tx.run(
    'UNWIND $ids AS id MATCH (a:Article {id: id}) OPTIONAL MATCH (a)-[:HAS_SENTENCE]->(s:Sentence) WHERE s.key IS NOT NULL ' +
      'RETURN a.id AS id, a.sha256 AS sha256, a.date AS date, a.outlet AS outlet, a.attributedTo AS attributedTo, collect(DISTINCT s.key) AS keys',
    { ids: [...candidates] },
  );
  const profiles: CopyProfile[] = stored.map((r) => ({ ...storedArticle(r), sha256: String(r.sha256), keys: (r.keys as string[]).map(String).sort() }));
  const isNew = new Set(ids);
  const links = copyLinks([...fresh, ...profiles]).filter((l) => isNew.has(l.from) || isNew.has(l.to));
  await tx.rows(STATEMENTS.copies, links.map((l) => ({ ...l })));
}

/** Rewrites the ATTRIBUTES_TO of these articles from what their surfaces attribute and the entity each is now. */
async function refreshAttributions(tx: Tx, articles: readonly string[]): Promise<void> {
  if (!articles.length) return;
  const rows = await tx.run(
    'UNWIND $ids AS id MATCH (a:Article {id: id})-[h:HAS_SURFACE]->(sf:Surface) WHERE h.agency IS NOT NULL RETURN a.id AS article, sf.entity AS entity, h.agency AS agency, h.cues AS cues',
    { ids: articles },
  );
  await tx.run('UNWIND $ids AS id MATCH (:Article {id: id})-[r:ATTRIBUTES_TO]->() DELETE r', { ids: articles });
  const byArticle = new Map<string, { entity: string; agency: string; cues: string[] }[]>();
  for (const r of rows) {
    if (r.entity === null) continue;
    const list = byArticle.get(String(r.article)) ?? [];
    byArticle.set(String(r.article), list);
    list.push({ entity: String(r.entity), agency: String(r.agency), cues: ((r.cues as string[] | null) ?? []).map(String) });
  }
  await tx.rows(
    STATEMENTS.attributesTo,
    [...byArticle].flatMap(([article, list]) => attributionsByEntity(list).map((a) => ({ article, ...a }))),
  );
}

/** What the facts' independent sources read of these articles: outlets, wires, and copies among them. */
async function sourcingAmong(tx: Tx, docs: readonly string[]): Promise<Sourcing> {
  const articles = await tx.run('UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.outlet AS outlet, a.attributedTo AS attributedTo, a.date AS date', { ids: docs });
  const links = await tx.run('UNWIND $ids AS id MATCH (a:Article {id: id})-[:COPIES]->(b:Article) RETURN a.id AS from, b.id AS to', { ids: docs });
  return sourcingOf(
    articles.map(storedArticle),
    links.map((r) => ({ from: String(r.from), to: String(r.to) })),
  );
}

/** What copies and sourcing read of a stored Article row (id, date, outlet, attributedTo). */
function storedArticle(r: Row): Pick<CopyProfile, 'id' | 'date' | 'outlet' | 'wires'> {
  const outlet = r.outlet === null || r.outlet === undefined ? null : String(r.outlet);
  const wires = new Set(((r.attributedTo as string[] | null) ?? []).map(String));
  if (outlet) wires.add(outlet);
  return { id: String(r.id), date: r.date === null || r.date === undefined ? null : String(r.date), outlet, wires: [...wires].sort() };
}

/** Fact totals as parameters: counts as integers (a JavaScript number would be stored as a float). */
function totalsRow(type: RelationType, t: FactTotals): Row {
  return { ...t, caption: factCaption(type, t), sources: int(t.sources), independentSources: int(t.independentSources), ended: int(t.ended), reported: int(t.reported), planned: int(t.planned), denied: int(t.denied) };
}

function assertionFromProps(sentence: string, p: Row): Assertion {
  const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    sentence,
    doc: String(p.doc),
    subject: String(p.subject),
    object: String(p.object),
    modality: String(p.modality) as Assertion['modality'],
    cue: s(p.cue),
    date: s(p.date),
    dateValue: s(p.dateValue),
    quantities: ((p.quantities as string[] | null) ?? []).map(String),
    ended: p.ended === true,
    trigger: s(p.trigger),
    role: s(p.role),
  };
}

/** Creates assertions (STATES hops) and their Fact nodes with SUBJECT and OBJECT. */
async function writeAssertions(tx: Tx, rows: readonly Row[]): Promise<void> {
  const withKeys = rows.map((r) => {
    const p = r.props as Row;
    const key = assertionKey(assertionFromProps(String(r.sentence), p));
    return { ...r, key, props: { ...p, key } };
  });
  await tx.rows(
    'UNWIND $rows AS row MERGE (f:Fact {id: row.fact}) ON CREATE SET f.type = row.type, f.subject = row.source, f.object = row.target ' +
      'WITH f, row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) MERGE (f)-[:SUBJECT]->(a) MERGE (f)-[:OBJECT]->(b) ' +
      'WITH f, row MATCH (s:Sentence {id: row.sentence}) MERGE (s)-[st:STATES {key: row.key}]->(f) SET st += row.props',
    withKeys,
  );
}

/** Degree, PageRank and community over everything stored; only values that changed are written. */
async function refreshAnalytics(tx: Tx): Promise<void> {
  const stored = await tx.run('MATCH (e:Entity) RETURN e.id AS id, e.degree AS degree, e.pagerank AS pagerank, e.community AS community');
  const facts = await tx.run('MATCH (f:Fact) RETURN f.subject AS source, f.object AS target, size(f.evidence) AS weight');
  const metrics = entityMetrics(
    stored.map((r) => String(r.id)),
    facts.map((f) => ({ source: String(f.source), target: String(f.target), weight: num(f.weight) })),
  );
  const rows: Row[] = [];
  for (const r of stored) {
    const m = metrics.get(String(r.id))!;
    if (num(r.degree) !== m.degree || num(r.pagerank) !== m.pagerank || num(r.community) !== m.community) rows.push({ id: r.id, ...m });
  }
  await tx.rows('UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e.degree = toInteger(row.degree), e.pagerank = toFloat(row.pagerank), e.community = toInteger(row.community)', rows);
}
