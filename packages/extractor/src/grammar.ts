/**
 * The parser over a document: each sentence's words parsed once, with heads and relations as word
 * indexes into the whole document, and the questions the fact finders ask of a tree.
 */
import { parse, type DepModel } from './parse/parser.js';
import type { Tokenized } from './tokens.js';

export interface Grammar {
  /** Head of each word (document word index), -1 for a sentence's root. */
  readonly heads: Int32Array;
  readonly labels: readonly string[];
  /** The tagger's part of speech (UPOS) of each word. */
  readonly pos: readonly string[];
  /** Children of a word, in word order. */
  children(i: number): readonly number[];
  /** Whether a sentence (by index) was parsed; an unparsed one has no dependents. */
  parsed(sentence: number): boolean;
}

/**
 * Parses each sentence of a document. `names` are spans of words known to be one name ("Recep Tayyip
 * Erdogan", "Microsoft Corp"): the parser reads each as one proper noun (its last word), so a name is
 * never torn apart by an attachment error; its other words hang on the last one as `flat`. Sentences
 * `wanted` refuses are left unparsed: each word its own root, with no dependents.
 */
export function parseDocument(model: DepModel, tok: Tokenized, names: readonly { first: number; last: number }[] = [], wanted: (sentence: number) => boolean = () => true): Grammar {
  const n = tok.words.length;
  const heads = new Int32Array(n).fill(-1);
  const labels: string[] = new Array(n).fill('root');
  const pos: string[] = tok.words.map((w) => w.pos);
  // The last word of the name each word belongs to (longest name first, names do not overlap).
  const nameEnd = new Int32Array(n).fill(-1);
  for (const r of [...names].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first)) {
    if (r.last - r.first < 2) continue;
    let free = true;
    for (let i = r.first; i < r.last; i++) if (nameEnd[i]! >= 0 || tok.words[i]!.sentence !== tok.words[r.first]!.sentence) free = false;
    if (free) for (let i = r.first; i < r.last; i++) nameEnd[i] = r.last - 1;
  }
  const done = new Uint8Array(tok.sentences.length);
  for (const s of tok.sentences) {
    if (!wanted(s.index)) {
      for (let i = s.first; i < s.last; i++) labels[i] = 'dep';
      continue;
    }
    done[s.index] = 1;
    // The words the parser sees: every word outside a name, and the last word of each name.
    const seen: number[] = [];
    for (let i = s.first; i < s.last; i++) if (nameEnd[i]! < 0 || nameEnd[i] === i) seen.push(i);
    const p = parse(model, seen.map((i) => tok.words[i]!.text), seen.map((i) => (nameEnd[i]! >= 0 ? 'PROPN' : tok.words[i]!.pos)));
    seen.forEach((i, k) => {
      heads[i] = p.heads[k]! < 0 ? -1 : seen[p.heads[k]!]!;
      labels[i] = p.labels[k]!;
      pos[i] = nameEnd[i]! >= 0 ? 'PROPN' : p.pos[k]!;
    });
    for (let i = s.first; i < s.last; i++) {
      if (nameEnd[i]! < 0 || nameEnd[i] === i) continue;
      heads[i] = nameEnd[i]!;
      labels[i] = 'flat';
      pos[i] = 'PROPN';
    }
  }
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) if (heads[i]! >= 0) kids[heads[i]!]!.push(i);
  return { heads, labels, pos, children: (i) => kids[i] ?? [], parsed: (k) => done[k] === 1 };
}

/** The children of `i` with one of these relations (the universal part: "nsubj" also finds "nsubj:pass" unless asked exactly). */
export function dependents(g: Grammar, i: number, ...rels: string[]): number[] {
  return g.children(i).filter((c) => rels.includes(g.labels[c]!) || rels.includes(g.labels[c]!.split(':')[0]!));
}

/** The preposition a phrase's head word takes ("with" for "with Erdogan"), lower case. */
export function prepositionOf(g: Grammar, words: readonly { readonly lower: string }[], i: number): string | undefined {
  const c = dependents(g, i, 'case')[0];
  return c === undefined ? undefined : words[c]!.lower;
}

/** The head word of a span of words (a name): the one whose head lies outside the span. */
export function headWord(g: Grammar, first: number, last: number): number {
  let h = first;
  for (let i = first; i < last; i++) if (g.heads[i]! < first || g.heads[i]! >= last) h = i;
  return h;
}

/** A word and its conjuncts ("Rosneft and Lukoil" from "Rosneft"). */
export function withConjuncts(g: Grammar, i: number): number[] {
  const out = [i];
  for (let k = 0; k < out.length && out.length < 12; k++) for (const c of dependents(g, out[k]!, 'conj')) out.push(c);
  return out;
}

/**
 * Whether word `i` belongs to the clause of `at` (a trigger verb or noun): climbing from `i` to the root,
 * `at` comes before any other verb. "Zelensky, who met Erdogan on Tuesday, will visit Spain on Friday":
 * Friday is the visit's, Tuesday the meeting's.
 */
export function inClauseOf(g: Grammar, i: number, at: number): boolean {
  for (let j = i, k = 0; j >= 0 && k < 64; j = g.heads[j]!, k++) {
    if (j === at) return true;
    if (j !== i && g.pos[j] === 'VERB') return false;
  }
  return false;
}
