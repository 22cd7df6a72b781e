/**
 * Many extractions (one per article) into one corpus-level extraction: the same thing becomes one
 * entity whatever the input order, with the reasons for each merge kept on the entity.
 */
import { SYMMETRIC_RELATIONS, type Entity, type Extraction, type Quote, type Relation } from './contract.js';
import type { KgGraph } from './build.js';
import { aggregateSurfaces, clusterSurfaces, recordOf, type ResolvedEntity, type Surface } from './resolve.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The same article given twice (the same document id) counts once, under its first source in sort
 * order; extractions are then taken in the order of their documents, so input order never matters.
 */
export function distinctArticles(extractions: readonly Extraction[]): Extraction[] {
  const byDoc = new Map<string, Extraction>();
  const rest: Extraction[] = [];
  for (const x of extractions) {
    if (x.documents.length !== 1) {
      rest.push(x);
      continue;
    }
    const d = x.documents[0]!;
    const prev = byDoc.get(d.id);
    if (!prev || d.source < prev.documents[0]!.source) byDoc.set(d.id, x);
  }
  return [...[...byDoc.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, x]) => x), ...rest];
}

export interface Resolution {
  /** Each extractor id, with what the articles said of it summed. */
  readonly surfaces: readonly Surface[];
  readonly entities: readonly ResolvedEntity[];
  /** Extractor id -> entity id. */
  readonly entityOf: ReadonlyMap<string, string>;
}

/** Resolves the entities of many articles into one set. */
export function resolveExtractions(extractions: readonly Extraction[]): Resolution {
  const surfaces = aggregateSurfaces(extractions.flatMap((x) => x.entities.map(recordOf)));
  const entities = clusterSurfaces(surfaces);
  const entityOf = new Map<string, string>();
  for (const e of entities) for (const s of e.surfaces) entityOf.set(s, e.id);
  return { surfaces, entities, entityOf };
}

/** The direction a fact is stored in: symmetric facts from the smaller id to the larger. */
export function factEnds(type: Relation['type'], source: string, target: string): [string, string] {
  return SYMMETRIC_RELATIONS.has(type) && target < source ? [target, source] : [source, target];
}

/** Entities with the same id are one; then names, spelling variants, surnames and acronyms join them. */
export function mergeExtractions(input: readonly Extraction[]): Extraction {
  const extractions = distinctArticles(input);
  const { entities: resolved, entityOf } = resolveExtractions(extractions);
  const documents = extractions.flatMap((x) =>
    x.documents.map((d) =>
      d.attributions ? { ...d, attributions: d.attributions.map((a) => (a.entity === undefined ? a : { ...a, entity: entityOf.get(a.entity) ?? a.entity })) } : d,
    ),
  );

  const mentionsOf = new Map<string, Entity['mentions']>();
  for (const x of extractions) {
    for (const e of x.entities) {
      const id = entityOf.get(e.id)!;
      mentionsOf.set(id, [...(mentionsOf.get(id) ?? []), ...e.mentions]);
    }
  }
  const entities: Entity[] = resolved.map((e) => {
    const mentions = [...(mentionsOf.get(e.id) ?? [])].sort((a, b) => cmp(a.doc, b.doc) || a.start - b.start || a.end - b.end);
    return { id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: dedupeBy(mentions, (m) => `${m.doc}|${m.start}|${m.end}`), merges: e.merges };
  });

  // Relations: one per (source, type, target); symmetric ones in a fixed direction.
  const relations = new Map<string, Relation>();
  const spans = new Map<string, Set<string>>();
  for (const r of extractions.flatMap((x) => x.relations)) {
    const [source, target] = factEnds(r.type, entityOf.get(r.source) ?? r.source, entityOf.get(r.target) ?? r.target);
    if (source === target) continue;
    const key = `${source}|${r.type}|${target}`;
    let rel = relations.get(key);
    if (!rel) relations.set(key, (rel = { ...r, source, target, evidence: [] }));
    const seen = spans.get(key) ?? new Set<string>();
    spans.set(key, seen);
    // Each sentence once, in linear time however many relations share the key.
    for (const e of r.evidence) {
      const k = `${e.doc}|${e.start}|${e.end}`;
      if (!seen.has(k)) {
        seen.add(k);
        rel.evidence.push(e);
      }
    }
  }
  const sortedRelations = [...relations.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, r]) => r);
  for (const r of sortedRelations) r.evidence.sort((a, b) => cmp(a.doc, b.doc) || a.start - b.start);

  const quotes: Quote[] = extractions.flatMap((x) =>
    x.quotes.map((q) => (q.speaker === undefined ? q : { ...q, speaker: entityOf.get(q.speaker) ?? q.speaker })),
  );
  return { documents, entities, relations: sortedRelations, quotes };
}

/**
 * One extraction per article from an extraction of several (what `kg extract --format json` prints):
 * each article keeps its mentions, the relations with evidence in it (that evidence only), its quotes,
 * and the entities these name.
 */
export function splitByDocument(x: Extraction): Extraction[] {
  if (x.documents.length <= 1) return [x];
  return x.documents.map((d) => {
    const relations = x.relations
      .map((r) => ({ ...r, evidence: r.evidence.filter((e) => e.doc === d.id) }))
      .filter((r) => r.evidence.length > 0);
    const quotes = x.quotes.filter((q) => q.doc === d.id);
    const named = new Set([
      ...relations.flatMap((r) => [r.source, r.target]),
      ...quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])),
      ...(d.attributions ?? []).flatMap((a) => (a.entity ? [a.entity] : [])),
    ]);
    const entities = x.entities
      .map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.doc === d.id) }))
      .filter((e) => e.mentions.length > 0 || named.has(e.id));
    return { documents: [d], entities, relations, quotes };
  });
}

function dedupeBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A built graph (graph.json) back into one extraction per article, so a graph can be built again with
 * more articles. Sentences keep their offsets; the text between them is read back as spaces.
 */
export function graphToExtractions(g: KgGraph): Extraction[] {
  const docs = new Map<string, { x: Extraction; text: string[] }>();
  const sentenceOf = new Map<string, { doc: string; start: number; end: number }>();
  g.forEachNode((id, a) => {
    if (a.label === 'Article') {
      docs.set(id, {
        text: [],
        x: {
          documents: [{ id, source: a.source, title: a.title, sha256: a.sha256, ...(a.date ? { date: a.date } : {}), ...(a.outlet ? { outlet: a.outlet } : {}), text: '', sentences: [] }],
          entities: [],
          relations: [],
          quotes: [],
        },
      });
    }
  });
  g.forEachNode((id, a) => {
    if (a.label !== 'Sentence') return;
    const d = docs.get(a.article);
    if (!d) return;
    d.x.documents[0]!.sentences.push({ index: a.index, start: a.start, end: a.end });
    d.text.push(`${a.start}\u0000${a.text}`);
    sentenceOf.set(id, { doc: a.article, start: a.start, end: a.end });
  });
  for (const d of docs.values()) {
    const doc = d.x.documents[0]!;
    doc.sentences.sort((p, q) => p.index - q.index);
    let text = '';
    for (const part of d.text) {
      const cut = part.indexOf('\u0000');
      const start = Number(part.slice(0, cut));
      const s = part.slice(cut + 1);
      if (text.length < start) text += ' '.repeat(start - text.length);
      text = text.slice(0, start) + s + text.slice(start + s.length);
    }
    doc.text = text;
  }
  // Entities, per article that mentions them or states their facts.
  const entityIn = (doc: string, id: string): Entity | undefined => {
    const d = docs.get(doc);
    const a = g.hasNode(id) ? g.getNodeAttributes(id) : undefined;
    if (!d || !a || a.label !== 'Entity') return undefined;
    let e = d.x.entities.find((x) => x.id === id);
    if (!e) {
      const merges = a.merges.map((m) => ({ alias: m.slice(0, m.lastIndexOf(': ')), reason: m.slice(m.lastIndexOf(': ') + 2) }));
      d.x.entities.push((e = { id, type: a.type, name: a.name, aliases: a.aliases, mentions: [], merges }));
    }
    return e;
  };
  g.forEachEdge((_k, a, source, target) => {
    const s = sentenceOf.get(source);
    if (a.type === 'MENTIONS' && s) entityIn(s.doc, target)?.mentions.push({ doc: s.doc, start: a.start, end: a.end, text: a.text });
    if (a.type === 'STATES' && s) {
      const f = g.getNodeAttributes(target);
      if (f.label !== 'Fact' || !entityIn(s.doc, f.subject) || !entityIn(s.doc, f.object)) return;
      docs.get(s.doc)!.x.relations.push({
        type: f.type,
        source: f.subject,
        target: f.object,
        evidence: [{ doc: s.doc, start: s.start, end: s.end, modality: a.modality, ...(a.cue ? { cue: a.cue } : {}), ...(a.date ? { date: { text: a.date, ...(a.dateValue ? { value: a.dateValue } : {}) } } : {}), ...(a.quantities.length ? { quantities: a.quantities } : {}), ...(a.ended ? { ended: true } : {}) }],
        ...(a.trigger ? { trigger: a.trigger } : {}),
        ...(a.role ? { role: a.role } : {}),
      });
    }
  });
  g.forEachNode((id, a) => {
    if (a.label !== 'Quote') return;
    let s: { doc: string } | undefined;
    let speaker: string | undefined;
    g.forEachOutEdge(id, (_e, ea, _src, t) => {
      if (ea.type === 'IN') s = sentenceOf.get(t);
      if (ea.type === 'SAID_BY') speaker = t;
    });
    if (!s) return;
    const doc = s.doc;
    if (speaker) entityIn(doc, speaker);
    docs.get(doc)!.x.quotes.push({ ...(speaker ? { speaker } : {}), text: a.text, doc, start: a.start, end: a.end });
  });
  // Attributions to wire services: where each cue stands in the text, with the service's entity.
  g.forEachNode((id, a) => {
    if (a.label !== 'Article') return;
    const doc = docs.get(id)!.x.documents[0]!;
    const list: NonNullable<typeof doc.attributions> = [];
    g.forEachOutEdge(id, (_e, ea, _s, entity) => {
      if (ea.type !== 'ATTRIBUTES_TO' || !entityIn(id, entity)) return;
      for (const cue of ea.cues) {
        for (let at = doc.text.indexOf(cue); at >= 0; at = doc.text.indexOf(cue, at + cue.length)) list.push({ agency: ea.agency, text: cue, start: at, end: at + cue.length, entity });
      }
    });
    for (const agency of a.attributedTo) if (!list.some((x) => x.agency === agency)) list.push({ agency, text: '', start: 0, end: 0 });
    if (list.length) doc.attributions = list.sort((p, q) => p.start - q.start || cmp(p.agency, q.agency));
  });
  return [...docs.values()].map((d) => d.x);
}
