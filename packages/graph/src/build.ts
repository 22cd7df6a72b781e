/**
 * Extractions (one per article) into a graphology graph with the model analysts see in Neo4j:
 * Article -HAS_SENTENCE-> Sentence -MENTIONS-> Entity; Sentence -STATES-> Fact -SUBJECT/-OBJECT-> Entity,
 * with the direct Entity -<type>-> Entity relationship carrying the fact's totals; Quote -SAID_BY-> Entity,
 * Quote -IN-> Sentence. Keys are stable ids: the same set of articles gives the same graph in any order.
 */
import { MultiDirectedGraph } from 'graphology';
import { checkExtraction, extractionSchema, type ArticleDocument, type EntityType, type Extraction, type RelationType } from './contract.js';
import { KgGraphError } from './errors.js';
import { entityMetrics, type EntityMetrics, type WeightedFact } from './analytics.js';
import { assertionKey, assertionsOf, factCaption, factId, factTotals, type Assertion, type FactTotals } from './facts.js';
import { distinctArticles, factEnds, resolveExtractions } from './merge.js';
import { mergeLabel, type Surface } from './resolve.js';
import { copyLinks, copyProfile, independentGroups, sentenceKey, sourcingOf, type CopyProfile, type Sourcing } from './copies.js';

export type NodeAttributes =
  | {
      label: 'Article';
      id: string;
      source: string;
      title: string;
      sha256: string;
      date: string | null;
      bylines: string[];
      /** The wire service the article is, when it says so. */
      outlet: string | null;
      /** The wire services it attributes its reporting to, sorted. */
      attributedTo: string[];
    }
  /** `key`: the normalized text copies are recognized by (null for short sentences). */
  | { label: 'Sentence'; id: string; article: string; index: number; text: string; start: number; end: number; key: string | null }
  | {
      label: 'Entity';
      type: EntityType;
      id: string;
      name: string;
      aliases: string[];
      mentionCount: number;
      articleCount: number;
      merges: string[];
      /** Facts with other entities (distinct neighbours in the entity graph). */
      degree: number;
      pagerank: number;
      /** Louvain community, numbered by size (0 is the largest). */
      community: number;
    }
  | ({ label: 'Fact'; id: string; type: RelationType; subject: string; object: string; caption: string } & FactTotals)
  | { label: 'Quote'; id: string; text: string; start: number; end: number };

/** The direct relationship between two entities: the fact's totals, and the fact's id. */
export type FactEdgeAttributes = { type: RelationType; fact: string; caption: string } & FactTotals;

export type EdgeAttributes =
  | { type: 'HAS_SENTENCE' }
  | { type: 'MENTIONS'; start: number; end: number; text: string }
  | { type: 'SAID_BY' }
  | { type: 'IN' }
  /** Article -COPIES-> the article it reuses (see copies.ts). */
  | { type: 'COPIES'; share: number; evidence: string }
  /** Article -ATTRIBUTES_TO-> the wire service (an Organization) it attributes reporting to. */
  | { type: 'ATTRIBUTES_TO'; agency: string; cues: string[] }
  | { type: 'SUBJECT' }
  | { type: 'OBJECT' }
  | ({ type: 'STATES' } & Omit<Assertion, 'sentence'>)
  | FactEdgeAttributes;

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const sentenceId = (doc: string, index: number): string => `${doc}:s${index}`;
export const quoteId = (doc: string, start: number): string => `${doc}:q${start}`;
export const isFactEdge = (a: EdgeAttributes): a is FactEdgeAttributes => 'fact' in a;

/** Extractions this function returned: passed to it again (a load of what was read), they are not checked twice. */
const checked = new WeakSet<object>();

/** Validates one extraction against the contract; throws INVALID_EXTRACTION with the first problem. */
export function validateExtraction(x: unknown): Extraction {
  if (typeof x === 'object' && x !== null && checked.has(x)) return x as Extraction;
  const parsed = extractionSchema.safeParse(x);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KgGraphError('INVALID_EXTRACTION', `extraction does not follow the contract at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  const problems = checkExtraction(parsed.data);
  if (problems.length) throw new KgGraphError('INVALID_EXTRACTION', `extraction is inconsistent (${problems.length} problems), first: ${problems[0]}`);
  checked.add(parsed.data);
  return parsed.data;
}

/** Finds the sentence a span starts in, by binary search over a document's sentences. */
export function sentenceFinder(documents: readonly ArticleDocument[]): (doc: string, start: number) => string | undefined {
  const sentencesOf = new Map(documents.map((d) => [d.id, d.sentences]));
  return (doc, start) => {
    const list = sentencesOf.get(doc);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (start < s.start) hi = mid - 1;
      else if (start >= s.end) lo = mid + 1;
      else return sentenceId(doc, s.index);
    }
    return undefined;
  };
}

/** Builds the graph of a set of articles; validates the input against the contract first. Input order never matters. */
export function buildGraph(input: Extraction | readonly Extraction[]): KgGraph {
  return buildWith(input).graph;
}

/** What a build also knows: the distinct articles, each extractor id's entity, each span's sentence (for the store's image). */
export interface Build {
  readonly graph: KgGraph;
  readonly extractions: readonly Extraction[];
  readonly entityOf: ReadonlyMap<string, string>;
  /** Each extractor id, with what the articles said of it summed. */
  readonly surfaces: readonly Surface[];
  readonly sentenceAt: (doc: string, start: number) => string | undefined;
}

/**
 * buildGraph, with what it resolved along the way; `validated`: the input was checked against the contract
 * already; `mentionEdges: false` leaves the MENTIONS relationships out of the graph (the store's image
 * writes its own, one per extractor id), with the entities' counts the same.
 */
export function buildWith(input: Extraction | readonly Extraction[], { validated = false, mentionEdges = true }: { validated?: boolean; mentionEdges?: boolean } = {}): Build {
  const given = Array.isArray(input) ? (input as readonly Extraction[]) : [input as Extraction];
  const list = validated ? [...given] : given.map(validateExtraction);
  const extractions = distinctArticles(list);
  const documents = extractions.flatMap((x) => x.documents);
  const { surfaces, entities, entityOf } = resolveExtractions(extractions);
  const g: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const sentenceAt = sentenceFinder(documents);

  const profiles: CopyProfile[] = [];
  for (const d of documents) {
    if (g.hasNode(d.id)) continue;
    g.addNode(d.id, articleAttributes(d));
    const keys: (string | null)[] = [];
    for (const s of d.sentences) {
      const id = sentenceId(d.id, s.index);
      const text = d.text.slice(s.start, s.end);
      const key = sentenceKey(text);
      keys.push(key);
      g.addNode(id, { label: 'Sentence', id, article: d.id, index: s.index, text, start: s.start, end: s.end, key });
      g.addEdgeWithKey(`${id}:has`, d.id, id, { type: 'HAS_SENTENCE' });
    }
    profiles.push(copyProfile(d, keys));
  }
  for (const e of entities) {
    g.addNode(e.id, { label: 'Entity', type: e.type, id: e.id, name: e.name, aliases: e.aliases, mentionCount: 0, articleCount: 0, merges: e.merges.map(mergeLabel), degree: 0, pagerank: 0, community: 0 });
  }
  // Each entity's mentions, and the articles that mention it or state its facts (its counts).
  const counts = new Map<string, { mentions: number; docs: Set<string> }>(entities.map((e) => [e.id, { mentions: 0, docs: new Set<string>() }]));
  const mentioned = new Set<string>();
  for (const x of extractions) {
    for (const e of x.entities) {
      const entity = entityOf.get(e.id)!;
      const count = counts.get(entity)!;
      for (const m of e.mentions) {
        const s = sentenceAt(m.doc, m.start);
        if (!s) continue;
        const key = `${s}:m${m.start}-${m.end}:${entity}`;
        if (mentioned.has(key)) continue;
        mentioned.add(key);
        count.mentions++;
        count.docs.add(m.doc);
        if (mentionEdges) g.addEdgeWithKey(key, s, entity, { type: 'MENTIONS', start: m.start, end: m.end, text: m.text });
      }
    }
  }
  const assertions = new Map<string, { type: RelationType; source: string; target: string; list: Map<string, Assertion> }>();
  for (const r of extractions.flatMap((x) => x.relations)) {
    const [source, target] = factEnds(r.type, entityOf.get(r.source) ?? r.source, entityOf.get(r.target) ?? r.target);
    if (source === target || !g.hasNode(source) || !g.hasNode(target)) continue;
    const id = factId(source, r.type, target);
    const f = assertions.get(id) ?? { type: r.type, source, target, list: new Map<string, Assertion>() };
    for (const a of assertionsOf(r, (e) => sentenceAt(e.doc, e.start))) f.list.set(assertionKey(a), a);
    if (f.list.size) assertions.set(id, f);
  }
  // Copies among the articles, and so the independent sources of each fact.
  const links = copyLinks(profiles);
  for (const l of links) g.addEdgeWithKey(`${l.from}:copies:${l.to}`, l.from, l.to, { type: 'COPIES', share: l.share, evidence: l.evidence });
  for (const d of documents) {
    const byEntity = attributionsByEntity((d.attributions ?? []).flatMap((a) => {
      const entity = a.entity === undefined ? undefined : entityOf.get(a.entity);
      return entity && g.hasNode(entity) ? [{ entity, agency: a.agency, cues: a.text ? [a.text] : [] }] : [];
    }));
    for (const a of byEntity) g.addEdgeWithKey(`${d.id}:attributes_to:${a.entity}`, d.id, a.entity, { type: 'ATTRIBUTES_TO', agency: a.agency, cues: a.cues });
  }
  const sourcing = sourcingOf(profiles, links);
  for (const [id, f] of assertions) {
    const list = [...f.list.values()];
    addFact(g, id, f.type, f.source, f.target, list, sourcing);
    for (const a of list) {
      counts.get(f.source)!.docs.add(a.doc);
      counts.get(f.target)!.docs.add(a.doc);
    }
  }
  for (const x of extractions) {
    for (const q of x.quotes) {
      const s = sentenceAt(q.doc, q.start);
      const id = quoteId(q.doc, q.start);
      if (!s || g.hasNode(id)) continue;
      g.addNode(id, { label: 'Quote', id, text: q.text, start: q.start, end: q.end });
      g.addEdgeWithKey(`${id}:in`, id, s, { type: 'IN' });
      const speaker = q.speaker === undefined ? undefined : entityOf.get(q.speaker);
      if (speaker && g.hasNode(speaker)) g.addEdgeWithKey(`${id}:said_by`, id, speaker, { type: 'SAID_BY' });
    }
  }
  for (const [id, c] of counts) g.mergeNodeAttributes(id, { mentionCount: c.mentions, articleCount: c.docs.size });
  for (const [id, m] of graphMetrics(g)) g.mergeNodeAttributes(id, m);
  return { graph: g, extractions, entityOf, surfaces, sentenceAt };
}

/** One ATTRIBUTES_TO per entity: the first agency in sort order, every cue once, sorted. */
export function attributionsByEntity(list: readonly { entity: string; agency: string; cues: readonly string[] }[]): { entity: string; agency: string; cues: string[] }[] {
  const by = new Map<string, { agency: string; cues: Set<string> }>();
  for (const a of list) {
    const e = by.get(a.entity) ?? { agency: a.agency, cues: new Set<string>() };
    by.set(a.entity, e);
    if (a.agency < e.agency) e.agency = a.agency;
    for (const c of a.cues) e.cues.add(c);
  }
  return [...by.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([entity, e]) => ({ entity, agency: e.agency, cues: [...e.cues].sort() }));
}

export function articleAttributes(d: ArticleDocument): NodeAttributes & { label: 'Article' } {
  const bylines = (d.bylines ?? []).map((b) => (b.agency ? `${b.name} (${b.agency})` : b.name));
  const attributedTo = [...new Set((d.attributions ?? []).map((a) => a.agency))].sort();
  return { label: 'Article', id: d.id, source: d.source, title: d.title, sha256: d.sha256, date: d.date ?? null, bylines, outlet: d.outlet ?? null, attributedTo };
}

/** Adds a Fact node, its STATES hops, its SUBJECT and OBJECT, and the direct relationship. */
function addFact(g: KgGraph, id: string, type: RelationType, source: string, target: string, list: Assertion[], sourcing: Sourcing): void {
  const totals = factTotals(list, sourcing);
  const caption = factCaption(type, totals);
  g.addNode(id, { label: 'Fact', id, type, subject: source, object: target, caption, ...totals });
  g.addEdgeWithKey(`${id}:subject`, id, source, { type: 'SUBJECT' });
  g.addEdgeWithKey(`${id}:object`, id, target, { type: 'OBJECT' });
  for (const a of list) {
    const { sentence, ...rest } = a;
    g.addEdgeWithKey(`${id}:states:${assertionKey(a)}`, sentence, id, { type: 'STATES', ...rest });
  }
  g.addEdgeWithKey(id, source, target, { type, fact: id, caption, ...totals });
}

/** The entity graph's analytics over a built graph. */
function graphMetrics(g: KgGraph): Map<string, EntityMetrics> {
  const entities = g.filterNodes((_n, a) => a.label === 'Entity');
  const facts: WeightedFact[] = [];
  g.forEachEdge((_e, a, s, t) => {
    if (isFactEdge(a)) facts.push({ source: s, target: t, weight: a.evidence.length });
  });
  return entityMetrics(entities, facts);
}

export interface GraphSummary {
  articles: number;
  /** Articles that copy another (COPIES), and the stories the articles make (joined by their copies). */
  copies: number;
  independentStories: number;
  sentences: number;
  quotes: number;
  entities: Record<EntityType, number>;
  relations: Partial<Record<RelationType, number>>;
  nodes: number;
  relationships: number;
  /** The entities with the most facts, most connected first. */
  mostConnected: { id: string; name: string; type: EntityType; degree: number }[];
}

export function summarize(g: KgGraph, top = 5): GraphSummary {
  const s: GraphSummary = {
    articles: 0,
    copies: 0,
    independentStories: 0,
    sentences: 0,
    quotes: 0,
    entities: { Person: 0, Organization: 0, Location: 0, Product: 0 },
    relations: {},
    nodes: g.order,
    relationships: g.size,
    mostConnected: [],
  };
  const degrees: GraphSummary['mostConnected'] = [];
  g.forEachNode((_node, a) => {
    if (a.label === 'Article') s.articles++;
    else if (a.label === 'Sentence') s.sentences++;
    else if (a.label === 'Quote') s.quotes++;
    else if (a.label === 'Entity') {
      s.entities[a.type]++;
      degrees.push({ id: a.id, name: a.name, type: a.type, degree: a.degree });
    }
  });
  const copying = new Set<string>();
  const articles = g.filterNodes((_n, a) => a.label === 'Article');
  const links: { from: string; to: string }[] = [];
  g.forEachEdge((_e, a, from, to) => {
    if (isFactEdge(a)) s.relations[a.type] = (s.relations[a.type] ?? 0) + 1;
    else if (a.type === 'COPIES') {
      copying.add(from);
      links.push({ from, to });
    }
  });
  s.copies = copying.size;
  // Stories: articles joined by their copies (not by a wire service they both cite, which can be two stories).
  s.independentStories = independentGroups(articles, sourcingOf(articles.map((id) => ({ id, outlet: null, wires: [], date: null })), links));
  s.mostConnected = degrees.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1)).slice(0, top);
  return s;
}
