import { createHash } from 'node:crypto';
import type { WinkMethods } from 'wink-nlp';
import { checkExtraction, extractionSchema, slug } from '@kg/graph/contract';
import type { Entity, EntityType, Extraction, Quote, Relation } from '@kg/graph/contract';
import { findEntities } from './entities.js';
import { GAZETTEER } from './lexicon.js';
import { KgExtractorError } from './errors.js';
import { findQuotes, findRelations } from './relations.js';
import { tokenize } from './tokens.js';

export interface ArticleInput {
  /** Where the text came from (a path as given); shown in the output and in errors. */
  readonly source: string;
  readonly text: string;
  /** Document id; by default derived from the text's SHA-256, so the same text gets the same id. */
  readonly id?: string;
}

export interface Extractor {
  /** One article to the extraction contract, validated. */
  extract(input: ArticleInput): Extraction;
}

/**
 * The wink-nlp stages the extractor reads (sentences and part-of-speech tags). Passing
 * `winkNLP(model, WINK_PIPE)` skips the stages it does not use and gives the same output, faster.
 */
export const WINK_PIPE = ['sbd', 'pos'];

export interface ExtractorOptions {
  /** A wink-nlp instance: `winkNLP(model, WINK_PIPE)` with wink-eng-lite-web-model (`winkNLP(model)` works too). */
  readonly nlp: WinkMethods;
}

export function createExtractor({ nlp }: ExtractorOptions): Extractor {
  return {
    extract(input) {
      const x = extractOne(nlp, input);
      const parsed = extractionSchema.safeParse(x);
      if (!parsed.success) throw new KgExtractorError('INVALID_OUTPUT', `extraction of ${input.source} broke the contract: ${parsed.error.issues[0]?.message ?? 'unknown'}`, { source: input.source });
      const problems = checkExtraction(parsed.data);
      if (problems.length) throw new KgExtractorError('INVALID_OUTPUT', `extraction of ${input.source} is inconsistent: ${problems[0]}`, { source: input.source });
      return parsed.data;
    },
  };
}

export function documentId(text: string): { id: string; sha256: string } {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return { id: `d-${sha256.slice(0, 16)}`, sha256 };
}

const PREFIX: Record<EntityType, string> = { Person: 'person', Organization: 'organization', Location: 'location', Product: 'product' };

function extractOne(nlp: WinkMethods, input: ArticleInput): Extraction {
  const { text, source } = input;
  const hashed = documentId(text);
  const docId = input.id ?? hashed.id;
  const tok = tokenize(nlp, text);
  const found = findEntities(text, tok);

  // A country named only by an adjective ("Russian strikes") becomes an entity when a fact needs it.
  const countryOf = (key: string) => (key.startsWith('country:') ? GAZETTEER.byName.get(key.slice('country:'.length)) : undefined);
  const typeOf = (key: string): EntityType | undefined => found.entities.get(key)?.type ?? (countryOf(key) ? 'Location' : undefined);
  const relations = findRelations({ tok, doc: found, typeOf });
  const quotes = findQuotes(text, tok, found, typeOf);
  for (const key of [...relations.flatMap((r) => [r.source, r.target]), ...quotes.map((q) => q.speaker)]) {
    const country = key === undefined || found.entities.has(key) ? undefined : countryOf(key);
    if (country && key) found.entities.set(key, { key, type: 'Location', name: country.key, surfaces: new Set(), mentions: [], merges: [] });
  }

  const idOf = new Map<string, string>();
  for (const e of found.entities.values()) idOf.set(e.key, `${PREFIX[e.type]}:${slug(e.name)}`);

  const entities: Entity[] = [...found.entities.values()].map((e) => ({
    id: idOf.get(e.key)!,
    type: e.type,
    name: e.name,
    aliases: [...e.surfaces].filter((s) => s !== e.name).sort(),
    mentions: e.mentions
      .sort((a, b) => a.start - b.start)
      .map((m) => ({ doc: docId, start: m.start, end: m.end, text: text.slice(m.start, m.end) })),
    merges: e.merges,
  }));
  const sentence = (i: number): { doc: string; start: number; end: number } => {
    const s = tok.sentences[i]!;
    return { doc: docId, start: s.start, end: s.end };
  };
  const rels: Relation[] = relations.map((r) => ({
    type: r.type,
    source: idOf.get(r.source)!,
    target: idOf.get(r.target)!,
    evidence: [sentence(r.sentence)],
    trigger: r.trigger,
    ...(r.role === undefined ? {} : { role: r.role }),
  }));
  const qs: Quote[] = quotes.map((q) => ({
    ...(q.speaker && idOf.has(q.speaker) ? { speaker: idOf.get(q.speaker)! } : {}),
    text: q.text,
    doc: docId,
    start: q.start,
    end: q.end,
  }));
  const firstLine = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return {
    documents: [
      {
        id: docId,
        source,
        title: firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine,
        sha256: hashed.sha256,
        text,
        sentences: tok.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end })),
      },
    ],
    entities,
    relations: rels,
    quotes: qs,
  };
}
