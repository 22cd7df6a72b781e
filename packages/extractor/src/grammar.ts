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
}

export function parseDocument(model: DepModel, tok: Tokenized): Grammar {
  const n = tok.words.length;
  const heads = new Int32Array(n).fill(-1);
  const labels: string[] = new Array(n).fill('root');
  const pos: string[] = tok.words.map((w) => w.pos);
  for (const s of tok.sentences) {
    const ws = tok.words.slice(s.first, s.last);
    const p = parse(model, ws.map((w) => w.text), ws.map((w) => w.pos));
    for (let k = 0; k < ws.length; k++) {
      heads[s.first + k] = p.heads[k]! < 0 ? -1 : s.first + p.heads[k]!;
      labels[s.first + k] = p.labels[k]!;
      pos[s.first + k] = p.pos[k]!;
    }
  }
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) if (heads[i]! >= 0) kids[heads[i]!]!.push(i);
  return { heads, labels, pos, children: (i) => kids[i] ?? [] };
}

/** The children of `i` with one of these relations (the universal part: "nsubj" also finds "nsubj:pass" unless asked exactly). */
export function dependents(g: Grammar, i: number, ...rels: string[]): number[] {
  return g.children(i).filter((c) => rels.includes(g.labels[c]!) || rels.includes(g.labels[c]!.split(':')[0]!));
}

/** A word and its conjuncts ("Rosneft and Lukoil" from "Rosneft"). */
export function withConjuncts(g: Grammar, i: number): number[] {
  const out = [i];
  for (let k = 0; k < out.length && out.length < 12; k++) for (const c of dependents(g, out[k]!, 'conj')) out.push(c);
  return out;
}
