/**
 * Universal Dependencies treebanks (.conllu) for training and scoring kg's dependency parser: each
 * sentence's syntactic words with their heads and relations, and the sentence text. The part-of-speech
 * tags the parser learns from are wink-nlp's on that text (what it sees at run time), not the
 * treebank's own: `withWinkTags` puts them on.
 */
import { readFileSync } from 'node:fs';
import type { WinkMethods } from 'wink-nlp';
import { tokenize } from '../tokens.js';

export interface TreebankSentence {
  readonly id: string;
  readonly text: string;
  readonly forms: readonly string[];
  /** The treebank's own part of speech (UPOS). */
  readonly upos: readonly string[];
  /** Head of each word: 1-based word number, 0 for the root. */
  readonly heads: readonly number[];
  readonly labels: readonly string[];
  /** Character range in `text` of each word (multiword tokens give all their words the token's range). */
  readonly spans: readonly (readonly [number, number])[];
}

/** Reads a .conllu file: basic trees only (multiword ranges give offsets, empty nodes are skipped). */
export function readTreebank(file: string): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  let id = '';
  let text = '';
  let forms: string[] = [];
  let upos: string[] = [];
  let heads: number[] = [];
  let labels: string[] = [];
  let surface: { first: number; last: number; form: string }[] = [];
  const flush = (): void => {
    if (forms.length) out.push({ id, text, forms, upos, heads, labels, spans: locate(text, forms, surface) });
    forms = [];
    upos = [];
    heads = [];
    labels = [];
    surface = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id')) id = line.slice(line.indexOf('=') + 1).trim();
    else if (line.startsWith('# text =')) text = line.slice(line.indexOf('=') + 1).trim();
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split('\t');
    const n = cols[0] ?? '';
    const range = /^(\d+)-(\d+)$/.exec(n);
    if (range) {
      surface.push({ first: Number(range[1]) - 1, last: Number(range[2]), form: cols[1] ?? '' });
      continue;
    }
    if (!/^\d+$/.test(n)) continue;
    const i = Number(n) - 1;
    if (!surface.some((s) => i >= s.first && i < s.last)) surface.push({ first: i, last: i + 1, form: cols[1] ?? '' });
    forms.push(cols[1] ?? '');
    upos.push(cols[3] ?? 'X');
    heads.push(Number(cols[6]));
    labels.push(cols[7] ?? 'dep');
  }
  flush();
  return out;
}

/** Finds each surface token in the text in order; the words of a multiword token share its range. */
function locate(text: string, forms: readonly string[], surface: readonly { first: number; last: number; form: string }[]): [number, number][] {
  const spans: [number, number][] = forms.map(() => [-1, -1]);
  let at = 0;
  for (const s of [...surface].sort((a, b) => a.first - b.first)) {
    const found = text.indexOf(s.form, at);
    const range: [number, number] = found >= 0 ? [found, found + s.form.length] : [-1, -1];
    if (found >= 0) at = found + s.form.length;
    for (let i = s.first; i < s.last; i++) spans[i] = range;
  }
  return spans;
}

/** The sentences with wink-nlp's part of speech: the tag of the wink word at each treebank word's place. */
export function withWinkTags(sentences: readonly TreebankSentence[], nlp: WinkMethods): { forms: string[]; pos: string[]; upos: string[]; heads: number[]; labels: string[] }[] {
  return sentences.map((s) => {
    const tok = tokenize(nlp, s.text);
    const pos = s.forms.map((_, i) => {
      const [a, b] = s.spans[i]!;
      if (a < 0) return s.upos[i]!;
      // Words of a multiword token ("do" "n't" in "don't"): wink splits the same way, word for word.
      const inside = tok.words.filter((w) => w.start >= a && w.end <= b);
      const k = s.spans.slice(0, i).filter(([x]) => x === a).length;
      const w = inside.length === s.spans.filter(([x]) => x === a).length ? inside[k] : tok.words.find((w) => w.start <= a && w.end > a);
      return w ? w.pos : s.upos[i]!;
    });
    return { forms: [...s.forms], pos, upos: [...s.upos], heads: [...s.heads], labels: [...s.labels] };
  });
}
