/**
 * Name recognition scored on a corpus's held-out sentences against the corpus's names (PER, ORG and LOC,
 * exact spans): the tagger alone on the corpus's words, and the extractor as a whole, each document (or
 * 20 sentences where the corpus has none) rebuilt as text, words joined by spaces and one sentence a
 * line. Training uses them to report and to choose how sure the tagger must be; scripts/ner-dev.mjs
 * prints them. The evaluation sets never come here.
 */
import type { Extraction } from '@kg/graph/contract';
import { spansOf, tagWords, type NerModel, type TrainingSentence } from './tagger.js';

export interface SpanScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly byType: Record<string, { tp: number; fp: number; fn: number }>;
}

const TYPES: Record<string, string> = { Person: 'PER', Organization: 'ORG', Location: 'LOC' };
const KEPT = new Set(['PER', 'ORG', 'LOC']);

/** Sentences grouped as documents: by `doc`, else 20 at a time. */
export function heldOutDocuments<T extends TrainingSentence & { doc?: string }>(sentences: readonly T[], per = 20): { key: string; sentences: T[] }[] {
  const out: { key: string; sentences: T[] }[] = [];
  let cur: { key: string; sentences: T[] } | undefined;
  sentences.forEach((s, i) => {
    const key = s.doc ?? `g${Math.floor(i / per)}`;
    if (!cur || cur.key !== key) out.push((cur = { key, sentences: [] }));
    cur.sentences.push(s);
  });
  return out;
}

/** Counts of names found against names given, as "first:last:TYPE" keys; per type too. */
class Tally implements SpanScore {
  tp = 0;
  fp = 0;
  fn = 0;
  readonly byType: SpanScore['byType'] = {};

  add(gold: ReadonlySet<string>, got: ReadonlySet<string>): void {
    const of = (k: string): { tp: number; fp: number; fn: number } => (this.byType[k.slice(k.lastIndexOf(':') + 1)] ??= { tp: 0, fp: 0, fn: 0 });
    for (const x of got) {
      if (gold.has(x)) (this.tp++, of(x).tp++);
      else (this.fp++, of(x).fp++);
    }
    for (const x of gold) if (!got.has(x)) (this.fn++, of(x).fn++);
  }
}

/** The tagger alone on the corpus's own words (with the rules' tags as features, when the sentences have them). */
export function scoreTagger(model: NerModel, sentences: readonly TrainingSentence[]): SpanScore {
  const tally = new Tally();
  const keys = (tags: readonly string[]): Set<string> => new Set(spansOf(tags).filter((sp) => KEPT.has(sp.type)).map((sp) => `${sp.first}:${sp.last}:${sp.type}`));
  for (const s of sentences) tally.add(keys(s.tags), keys(tagWords(model, s.words, s.rules)));
  return tally;
}

/** A held-out document as the extractor reads it: its words joined by spaces, one sentence a line. */
export interface HeldOutText {
  readonly text: string;
  readonly words: readonly string[];
  /** Where each sentence's first word is among `words`. */
  readonly firsts: readonly number[];
  /** The corpus's names: "first:last" (over `words`) -> PER, ORG or LOC. */
  readonly gold: ReadonlyMap<string, string>;
}

export function heldOutText(sentences: readonly TrainingSentence[]): HeldOutText & { readonly at: (start: number, end: number) => string | undefined } {
  let text = '';
  const words: string[] = [];
  const firsts: number[] = [];
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  const gold = new Map<string, string>();
  for (const s of sentences) {
    const base = words.length;
    firsts.push(base);
    s.words.forEach((w, i) => {
      if (i) text += ' ';
      starts.set(text.length, words.length);
      text += w;
      words.push(w);
      ends.set(text.length, words.length);
    });
    text += '\n';
    for (const sp of spansOf(s.tags)) if (KEPT.has(sp.type)) gold.set(`${base + sp.first}:${base + sp.last}`, sp.type);
  }
  // A mention's character offsets as "first:last" over the words, when it starts and ends on word edges.
  const at = (start: number, end: number): string | undefined => {
    const a = starts.get(start);
    const b = ends.get(end);
    return a === undefined || b === undefined ? undefined : `${a}:${b}`;
  };
  return { text, words, firsts, gold, at };
}

/** The extractor's PER, ORG and LOC mentions in a held-out document: "first:last" -> type. */
export function extractedSpans(x: Extraction, t: ReturnType<typeof heldOutText>): Map<string, string> {
  const got = new Map<string, string>();
  for (const e of x.entities) {
    const type = TYPES[e.type];
    if (!type) continue;
    for (const m of e.mentions) {
      const k = t.at(m.start, m.end);
      if (k) got.set(k, type);
    }
  }
  return got;
}

/** Scores `extract` (an extractor's extract, by text and source) on held-out sentences. */
export function scoreExtractor(extract: (text: string, source: string) => Extraction, sentences: readonly (TrainingSentence & { doc?: string })[]): SpanScore {
  const tally = new Tally();
  const keys = (m: ReadonlyMap<string, string>): Set<string> => new Set([...m].map(([k, type]) => `${k}:${type}`));
  for (const d of heldOutDocuments(sentences)) {
    const t = heldOutText(d.sentences);
    tally.add(keys(t.gold), keys(extractedSpans(extract(t.text, d.key), t)));
  }
  return tally;
}

export const f1 = (s: { tp: number; fp: number; fn: number }): number => (s.tp ? (2 * s.tp) / (2 * s.tp + s.fp + s.fn) : 0);
