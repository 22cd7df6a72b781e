/**
 * One extraction (or many, merged first) into a graphology graph with the model analysts see in Neo4j:
 * Article -HAS_SENTENCE-> Sentence -MENTIONS-> Entity, Entity -<relation>-> Entity,
 * Quote -SAID_BY-> Entity, Quote -IN-> Sentence. Keys are stable ids, so the same input gives the same graph.
 */
import { MultiDirectedGraph } from 'graphology';
import { checkExtraction, extractionSchema, type EntityType, type Extraction, type Relation, type RelationType } from './contract.js';
import { KgGraphError } from './errors.js';
import { entityMetrics } from './analytics.js';
import { mergeExtractions } from './merge.js';

export type NodeAttributes =
  | { label: 'Article'; id: string; source: string; title: string; sha256: string; bylines: string[] }
  | { label: 'Sentence'; id: string; article: string; index: number; text: string; start: number; end: number }
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
  | { label: 'Quote'; id: string; text: string; start: number; end: number };

export type EdgeAttributes =
  | { type: 'HAS_SENTENCE' }
  | { type: 'MENTIONS'; start: number; end: number; text: string }
  | { type: 'SAID_BY' }
  | { type: 'IN' }
  | {
      type: RelationType;
      /** Ids of the sentences that say it. */
      evidence: string[];
      /** Distinct articles that say it. */
      sources: number;
      role: string | null;
      triggers: string[];
      /** Sentences by modality. */
      reported: number;
      planned: number;
      denied: number;
      /** One article denies what another reports or plans. */
      contested: boolean;
      /** Modality cues as written ("wouldn't be"), dates ("on Wednesday = 2025-11-19"), amounts. */
      cues: string[];
      dates: string[];
      quantities: string[];
    };

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const sentenceId = (doc: string, index: number): string => `${doc}:s${index}`;

/** Builds the graph; validates the input against the contract first. */
export function buildGraph(input: Extraction | readonly Extraction[]): KgGraph {
  const list = Array.isArray(input) ? (input as readonly Extraction[]) : [input as Extraction];
  for (const x of list) {
    const parsed = extractionSchema.safeParse(x);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KgGraphError('INVALID_EXTRACTION', `extraction does not follow the contract at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
    }
    const problems = checkExtraction(parsed.data);
    if (problems.length) throw new KgGraphError('INVALID_EXTRACTION', `extraction is inconsistent (${problems.length} problems), first: ${problems[0]}`);
  }
  const x = list.length === 1 ? list[0]! : mergeExtractions(list);
  const g: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();

  // Sentences by document, to find the sentence a span falls in.
  const sentencesOf = new Map<string, { id: string; start: number; end: number }[]>();
  for (const d of x.documents) {
    if (g.hasNode(d.id)) continue; // the same text given twice is one article
    const bylines = (d.bylines ?? []).map((b) => (b.agency ? `${b.name} (${b.agency})` : b.name));
    g.addNode(d.id, { label: 'Article', id: d.id, source: d.source, title: d.title, sha256: d.sha256, bylines });
    const list: { id: string; start: number; end: number }[] = [];
    for (const s of d.sentences) {
      const id = sentenceId(d.id, s.index);
      g.addNode(id, { label: 'Sentence', id, article: d.id, index: s.index, text: d.text.slice(s.start, s.end), start: s.start, end: s.end });
      g.addEdgeWithKey(`${id}:has`, d.id, id, { type: 'HAS_SENTENCE' });
      list.push({ id, start: s.start, end: s.end });
    }
    sentencesOf.set(d.id, list);
  }
  const sentenceAt = (doc: string, start: number): string | undefined => {
    const list = sentencesOf.get(doc);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (start < s.start) hi = mid - 1;
      else if (start >= s.end) lo = mid + 1;
      else return s.id;
    }
    return undefined;
  };

  const evidenceDocs = new Map<string, Set<string>>();
  for (const r of x.relations) {
    for (const id of [r.source, r.target]) {
      const set = evidenceDocs.get(id) ?? new Set<string>();
      for (const e of r.evidence) set.add(e.doc);
      evidenceDocs.set(id, set);
    }
  }
  for (const e of x.entities) {
    const docs = new Set([...e.mentions.map((m) => m.doc), ...(evidenceDocs.get(e.id) ?? [])]);
    g.mergeNode(e.id, {
      label: 'Entity',
      type: e.type,
      id: e.id,
      name: e.name,
      aliases: e.aliases,
      mentionCount: e.mentions.length,
      articleCount: docs.size,
      merges: (e.merges ?? []).map((m) => `${m.alias}: ${m.reason}`),
      degree: 0,
      pagerank: 0,
      community: 0,
    });
    for (const m of e.mentions) {
      const s = sentenceAt(m.doc, m.start);
      if (!s) continue;
      const key = `${s}:m${m.start}-${m.end}:${e.id}`;
      if (!g.hasEdge(key)) g.addEdgeWithKey(key, s, e.id, { type: 'MENTIONS', start: m.start, end: m.end, text: m.text });
    }
  }
  const facts = new Map<string, Relation[]>();
  for (const r of x.relations) {
    if (!g.hasNode(r.source) || !g.hasNode(r.target)) continue;
    const key = `${r.source}|${r.type}|${r.target}`;
    facts.set(key, [...(facts.get(key) ?? []), r]);
  }
  for (const [key, rs] of facts) {
    const r = rs[0]!;
    const all = rs.flatMap((x) => x.evidence);
    const sentencesBy = (m: string): string[] => all.filter((e) => (e.modality ?? 'reported') === m).map((e) => sentenceAt(e.doc, e.start)).filter((s): s is string => !!s);
    const evidence = [...new Set(all.map((e) => sentenceAt(e.doc, e.start)).filter((s): s is string => !!s))].sort();
    const docsBy = (m: string): Set<string> => new Set(all.filter((e) => (e.modality ?? 'reported') === m).map((e) => e.doc));
    const denying = docsBy('denied');
    const affirming = new Set([...docsBy('reported'), ...docsBy('planned')]);
    const contested = [...denying].some((d) => [...affirming].some((a) => a !== d));
    const uniq = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((v): v is string => !!v))].sort();
    g.addEdgeWithKey(key, r.source, r.target, {
      type: r.type,
      evidence,
      sources: new Set(all.map((e) => e.doc)).size,
      role: rs.find((x) => x.role)?.role ?? null,
      triggers: uniq(rs.map((x) => x.trigger)),
      reported: new Set(sentencesBy('reported')).size,
      planned: new Set(sentencesBy('planned')).size,
      denied: new Set(sentencesBy('denied')).size,
      contested,
      cues: uniq(all.map((e) => e.cue)),
      dates: uniq(all.map((e) => (e.date ? (e.date.value ? `${e.date.text} = ${e.date.value}` : e.date.text) : undefined))),
      quantities: uniq(all.flatMap((e) => e.quantities ?? [])),
    });
  }
  for (const q of x.quotes) {
    const s = sentenceAt(q.doc, q.start);
    if (!s) continue;
    const id = `${q.doc}:q${q.start}`;
    if (g.hasNode(id)) continue;
    g.addNode(id, { label: 'Quote', id, text: q.text, start: q.start, end: q.end });
    g.addEdgeWithKey(`${id}:in`, id, s, { type: 'IN' });
    if (q.speaker && g.hasNode(q.speaker)) g.addEdgeWithKey(`${id}:said_by`, id, q.speaker, { type: 'SAID_BY' });
  }
  for (const [id, m] of entityMetrics(g)) g.mergeNodeAttributes(id, m);
  return g;
}

export interface GraphSummary {
  articles: number;
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
    else {
      s.entities[a.type]++;
      degrees.push({ id: a.id, name: a.name, type: a.type, degree: a.degree });
    }
  });
  g.forEachEdge((_e, a) => {
    if ('evidence' in a) s.relations[a.type] = (s.relations[a.type] ?? 0) + 1;
  });
  s.mostConnected = degrees.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1)).slice(0, top);
  return s;
}
