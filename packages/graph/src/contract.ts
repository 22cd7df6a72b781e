/**
 * The extraction contract: the one thing the extractor and the graph share.
 * It is the JSON that `kg extract --format json` prints (see ../shared/eval/README.md);
 * extra fields beyond the evaluation contract carry what the graph needs (sentences, roles).
 */
import { z } from 'zod';

export const ENTITY_TYPES = ['Person', 'Organization', 'Location', 'Product'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'HOLDS_ROLE',
  'VISITS',
  'MEETS',
  'NEGOTIATES_WITH',
  'SIGNS_AGREEMENT',
  'SANCTIONS',
  'ATTACKS',
  'PROVIDES_AID',
  'CRITICIZES',
  'LOCATED_IN',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations whose direction carries no meaning. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set(['MEETS', 'NEGOTIATES_WITH', 'SIGNS_AGREEMENT']);

const offset = z.number().int().nonnegative();

export const spanSchema = z
  .object({ doc: z.string().min(1), start: offset, end: offset })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start' });

/** How precise a resolved date is: "2025-11-19" a day, "2025-10" a month, "2025" a year. */
export const GRANULARITIES = ['day', 'month', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const granularityOf = (value: string): Granularity => (value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year');

export const MODALITIES = ['reported', 'planned', 'denied'] as const;
export type Modality = (typeof MODALITIES)[number];

/** A sentence that says a fact, and how it says it. */
export const evidenceSchema = z
  .object({
    doc: z.string().min(1),
    start: offset,
    end: offset,
    /** reported ("met"), planned ("will meet", "is expected to join") or denied ("wouldn't be coming"). */
    modality: z.enum(MODALITIES).optional(),
    /** The words that gave the modality. */
    cue: z.string().optional(),
    /** A date as written, with its calendar value (and how precise it is) when it can be known: from the article's date, or a date that says its year. */
    date: z.object({ text: z.string(), value: z.string().optional(), granularity: z.enum(GRANULARITIES).optional() }).optional(),
    /** HOLDS_ROLE: the sentence says the role is over ("former", "ex-", "the late"). */
    ended: z.boolean().optional(),
    /** Amounts carried by the fact, as written ("up to 100 Rafale fighter jets"). */
    quantities: z.array(z.string()).optional(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start' });

export const sentenceSchema = z.object({ index: z.number().int().nonnegative(), start: offset, end: offset });

export const documentSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  title: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The article's date (YYYY-MM-DD) when known: given with --date or read from a date line. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Who wrote or contributed to the article ("Ania TSOUKANOVA/AFP"): not actors of the news. */
  bylines: z.array(z.object({ name: z.string(), agency: z.string().optional(), start: offset, end: offset })).optional(),
  /** The wire service the article is, when it says so (a byline "/AFP", a dateline "(AP) —"). */
  outlet: z.string().min(1).optional(),
  /** Where the article attributes its reporting to a wire service ("told AFP"), with that service's entity. */
  attributions: z
    .array(z.object({ agency: z.string().min(1), text: z.string(), start: offset, end: offset, entity: z.string().min(1).optional() }))
    .optional(),
  text: z.string(),
  sentences: z.array(sentenceSchema),
});

export const mentionSchema = z.object({
  doc: z.string().min(1),
  start: offset,
  end: offset,
  text: z.string(),
});

export const entitySchema = z.object({
  id: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  mentions: z.array(mentionSchema),
  /** Why surface forms were joined into this entity, for analysts to question. */
  merges: z.array(z.object({ alias: z.string(), reason: z.string() })).optional(),
});

export const relationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  source: z.string().min(1),
  target: z.string().min(1),
  evidence: z.array(evidenceSchema).min(1),
  /** HOLDS_ROLE: the title as written ("Kremlin spokesman"). */
  role: z.string().optional(),
  /** The words that triggered the relation ("will meet"). */
  trigger: z.string().optional(),
});

export const quoteSchema = z.object({
  speaker: z.string().min(1).optional(),
  text: z.string().min(1),
  doc: z.string().min(1),
  start: offset,
  end: offset,
});

export const extractionSchema = z.object({
  documents: z.array(documentSchema),
  entities: z.array(entitySchema),
  relations: z.array(relationSchema),
  quotes: z.array(quoteSchema),
});

export type Span = z.infer<typeof spanSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Sentence = z.infer<typeof sentenceSchema>;
export type ArticleDocument = z.infer<typeof documentSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Extraction = z.infer<typeof extractionSchema>;

/**
 * Checks the invariants zod alone cannot: references resolve and offsets fall inside their document.
 * Returns the list of problems (empty when the extraction is sound).
 */
export function checkExtraction(x: Extraction): string[] {
  const problems: string[] = [];
  const docs = new Map(x.documents.map((d) => [d.id, d]));
  const ids = new Set(x.entities.map((e) => e.id));
  const inDoc = (where: string, s: { doc: string; start: number; end: number }): void => {
    const d = docs.get(s.doc);
    if (!d) problems.push(`${where}: unknown document ${s.doc}`);
    else if (s.end > d.text.length) problems.push(`${where}: offsets ${s.start}-${s.end} beyond ${d.text.length}`);
  };
  for (const e of x.entities) {
    for (const m of e.mentions) {
      inDoc(`entity ${e.id}`, m);
      const d = docs.get(m.doc);
      if (d && d.text.slice(m.start, m.end) !== m.text) problems.push(`entity ${e.id}: mention text differs from the slice at ${m.start}-${m.end}`);
    }
  }
  for (const r of x.relations) {
    if (!ids.has(r.source)) problems.push(`relation ${r.type}: unknown source ${r.source}`);
    if (!ids.has(r.target)) problems.push(`relation ${r.type}: unknown target ${r.target}`);
    for (const ev of r.evidence) inDoc(`relation ${r.type}`, ev);
  }
  for (const d of x.documents) {
    for (const a of d.attributions ?? []) {
      inDoc('attribution', { doc: d.id, start: a.start, end: a.end });
      if (a.entity !== undefined && !ids.has(a.entity)) problems.push(`attribution: unknown entity ${a.entity}`);
    }
  }
  for (const q of x.quotes) {
    if (q.speaker !== undefined && !ids.has(q.speaker)) problems.push(`quote: unknown speaker ${q.speaker}`);
    inDoc('quote', q);
  }
  return problems;
}

export { fold, slug } from './names.js';
