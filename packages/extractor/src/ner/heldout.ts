/**
 * The extractor as a whole on a corpus's held-out sentences: each document (or 20 sentences where the
 * corpus has none) is rebuilt as text, words joined by spaces and one sentence a line, extracted, and
 * its mentions scored against the corpus's names (PER, ORG and LOC, exact spans). Training uses it to
 * choose how sure the tagger must be; scripts/ner-dev.mjs prints it. The evaluation sets never come here.
 */
import type { Extraction } from '@kg/graph/contract';
import { spansOf, type TrainingSentence } from './tagger.js';

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

/** Scores `extract` (an extractor's extract, by text and source) on held-out sentences. */
export function scoreExtractor(extract: (text: string, source: string) => Extraction, sentences: readonly (TrainingSentence & { doc?: string })[]): SpanScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byType: SpanScore['byType'] = {};
  const of = (t: string): { tp: number; fp: number; fn: number } => (byType[t] ??= { tp: 0, fp: 0, fn: 0 });
  for (const d of heldOutDocuments(sentences)) {
    let text = '';
    const starts = new Map<number, number>();
    const ends = new Map<number, number>();
    const gold = new Set<string>();
    let base = 0;
    for (const s of d.sentences) {
      s.words.forEach((w, i) => {
        if (i) text += ' ';
        starts.set(text.length, base + i);
        text += w;
        ends.set(text.length, base + i + 1);
      });
      text += '\n';
      for (const sp of spansOf(s.tags)) if (KEPT.has(sp.type)) gold.add(`${base + sp.first}:${base + sp.last}:${sp.type}`);
      base += s.words.length;
    }
    const got = new Set<string>();
    for (const e of extract(text, d.key).entities) {
      const t = TYPES[e.type];
      if (!t) continue;
      for (const m of e.mentions) {
        const a = starts.get(m.start);
        const b = ends.get(m.end);
        if (a !== undefined && b !== undefined) got.add(`${a}:${b}:${t}`);
      }
    }
    for (const x of got) {
      const t = x.slice(x.lastIndexOf(':') + 1);
      if (gold.has(x)) (tp++, of(t).tp++);
      else (fp++, of(t).fp++);
    }
    for (const x of gold) if (!got.has(x)) (fn++, of(x.slice(x.lastIndexOf(':') + 1)).fn++);
  }
  return { tp, fp, fn, byType };
}

export const f1 = (s: { tp: number; fp: number; fn: number }): number => (s.tp ? (2 * s.tp) / (2 * s.tp + s.fp + s.fn) : 0);
