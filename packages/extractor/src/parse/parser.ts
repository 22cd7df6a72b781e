/**
 * kg's dependency parser: greedy arc-eager transitions (Nivre 2003) scored by an averaged perceptron over
 * hashed features (after Zhang and Nivre 2011: words, tags, the children already found and their
 * relations, distance and valency), trained with the dynamic oracle of Goldberg and Nivre (2012), which
 * lets it learn from its own mistakes. A second perceptron names the relation of each arc it makes.
 *
 * Words are numbered 1..n, 0 is the root. Tokens left without a head at the end hang from the root.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { Averaged, hashString, mix, nonZero, packRows, random, rowAt, sparseRows, sumRows, weightsOf, wordKey, type PackedRows, type SparseRows, type Weights } from './hashing.js';
import { formHashes, tagPos, trainPos, UPOS as TAGGER_TAGS } from './pos.js';

export interface ParserCard {
  readonly name: string;
  readonly trainedOn: readonly { corpus: string; sentences: number; license: string }[];
  readonly license: string;
  readonly rebuild: string;
  readonly scores?: Record<string, unknown>;
}

export interface DepModel {
  readonly card: ParserCard;
  readonly labels: readonly string[];
  /**
   * Transition weights: a row of 4 (one per action) per bucket, as int16 at SCALE (what the file holds):
   * half the memory of floats, so more of the table stays in the processor's cache, and the same
   * decisions; only the rows in use are kept (hashing.ts).
   */
  readonly arcs: PackedRows;
  /** Relation weights: a row of one per label per bucket (int16 at SCALE), only those not zero kept. */
  readonly rels: SparseRows;
  /** The part-of-speech tagger's weights (see pos.ts; int16 at SCALE, only those not zero kept). */
  readonly tags: SparseRows;
}

export interface TrainingTree {
  readonly forms: readonly string[];
  /** wink-nlp's tags. */
  readonly pos: readonly string[];
  /** The treebank's tags (UPOS). */
  readonly upos: readonly string[];
  /** 1-based heads, 0 for the root. */
  readonly heads: readonly number[];
  readonly labels: readonly string[];
}

const MAGIC = 'kg-dep-1';
const ARC_BITS = 22;
const REL_BITS = 18;
/** After the first epoch, the parser follows its own wrong choice this often (and learns what is best from there). */
const EXPLORE = 0.9;
const POS_TAGS = TAGGER_TAGS.length;
const SHIFT = 0;
const REDUCE = 1;
const LEFT = 2;
const RIGHT = 3;

const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const POS_ID = new Map(UPOS.map((p, i) => [p, i + 3]));
const NONE = 1;
const ROOT = 2;

/** One sentence's words and tags as numbers, with the root at 0. */
class Sentence {
  readonly n: number;
  readonly w: Int32Array;
  readonly p: Int32Array;
  readonly sfx: Int32Array;
  /** wink-nlp's own tag, beside the tagger's. */
  readonly wk: Int32Array;
  constructor(forms: readonly string[], pos: readonly string[], wink: readonly string[]) {
    const n = forms.length;
    this.n = n;
    this.w = new Int32Array(n + 2);
    this.p = new Int32Array(n + 2);
    this.sfx = new Int32Array(n + 2);
    this.wk = new Int32Array(n + 2);
    this.wk[0] = ROOT;
    this.wk[n + 1] = NONE;
    this.w[0] = ROOT;
    this.p[0] = ROOT;
    this.sfx[0] = ROOT;
    for (let i = 1; i <= n; i++) {
      const k = wordKey(forms[i - 1]!);
      this.w[i] = formHashes(forms[i - 1]!)[0]!; // hashString(k), as the tagger keeps it
      this.p[i] = POS_ID.get(pos[i - 1]!) ?? (hashString(pos[i - 1]!) | 0);
      this.sfx[i] = hashString(`~${k.slice(-3)}`);
      this.wk[i] = hashString(`w${wink[i - 1] ?? ''}`);
    }
    this.w[n + 1] = NONE;
    this.p[n + 1] = NONE;
    this.sfx[n + 1] = NONE;
  }
}

/** A parser configuration: stack, buffer front, the arcs so far. */
class State {
  readonly stack: Int32Array;
  sp = 0;
  b = 1;
  readonly head: Int32Array;
  readonly label: Int32Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nl: Int32Array;
  readonly nr: Int32Array;
  readonly lset: Int32Array;
  readonly rset: Int32Array;
  readonly inStack: Uint8Array;
  constructor(readonly n: number) {
    const m = n + 2;
    this.stack = new Int32Array(m);
    this.head = new Int32Array(m).fill(-1);
    this.label = new Int32Array(m).fill(-1);
    this.lc1 = new Int32Array(m).fill(-1);
    this.lc2 = new Int32Array(m).fill(-1);
    this.rc1 = new Int32Array(m).fill(-1);
    this.rc2 = new Int32Array(m).fill(-1);
    this.nl = new Int32Array(m);
    this.nr = new Int32Array(m);
    this.lset = new Int32Array(m);
    this.rset = new Int32Array(m);
    this.inStack = new Uint8Array(m);
    this.stack[this.sp++] = 0;
    this.inStack[0] = 1;
  }
  get done(): boolean {
    return this.b > this.n;
  }
  top(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }
  valid(a: number): boolean {
    if (this.b > this.n) return false;
    const s = this.stack[this.sp - 1]!;
    switch (a) {
      case SHIFT:
        return true;
      case REDUCE:
        return s !== 0 && this.head[s]! >= 0;
      case LEFT:
        return s !== 0 && this.head[s]! < 0;
      default:
        return true;
    }
  }
  private attach(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    const bit = 1 << (l & 31);
    if (d < h) {
      if (this.lc1[h]! < 0 || d < this.lc1[h]!) {
        this.lc2[h] = this.lc1[h]!;
        this.lc1[h] = d;
      } else if (this.lc2[h]! < 0 || d < this.lc2[h]!) this.lc2[h] = d;
      this.nl[h]!++;
      this.lset[h]! |= bit;
    } else {
      if (this.rc1[h]! < 0 || d > this.rc1[h]!) {
        this.rc2[h] = this.rc1[h]!;
        this.rc1[h] = d;
      } else if (this.rc2[h]! < 0 || d > this.rc2[h]!) this.rc2[h] = d;
      this.nr[h]!++;
      this.rset[h]! |= bit;
    }
  }
  apply(a: number, l: number): void {
    const s = this.stack[this.sp - 1]!;
    const b = this.b;
    switch (a) {
      case SHIFT:
        this.stack[this.sp++] = b;
        this.inStack[b] = 1;
        this.b++;
        break;
      case REDUCE:
        this.sp--;
        this.inStack[s] = 0;
        break;
      case LEFT:
        this.attach(b, s, l);
        this.sp--;
        this.inStack[s] = 0;
        break;
      default:
        this.attach(s, b, l);
        this.stack[this.sp++] = b;
        this.inStack[b] = 1;
        this.b++;
    }
  }
  /** How many gold arcs action `a` makes unreachable (Goldberg and Nivre 2012); headless words end on the root. */
  cost(a: number, gold: Int32Array): number {
    const s = this.stack[this.sp - 1]!;
    const b = this.b;
    const n = this.n;
    let c = 0;
    switch (a) {
      case SHIFT: {
        const g = gold[b]!;
        if (g !== 0 && g < b && this.inStack[g]) c++;
        for (let k = 0; k < this.sp; k++) {
          const x = this.stack[k]!;
          if (x !== 0 && gold[x] === b && this.head[x]! < 0) c++;
        }
        return c;
      }
      case REDUCE:
        for (let k = b; k <= n; k++) if (gold[k] === s) c++;
        return c;
      case LEFT: {
        const g = gold[s]!;
        if (g !== b && (g > b || g === 0)) c++;
        for (let k = b; k <= n; k++) if (gold[k] === s) c++;
        return c;
      }
      default: {
        const g = gold[b]!;
        if (g !== s && (g > b || g === 0 || this.inStack[g])) c++;
        for (let k = 0; k < this.sp; k++) {
          const x = this.stack[k]!;
          if (x !== 0 && gold[x] === b && this.head[x]! < 0) c++;
        }
        return c;
      }
    }
  }
}

const dist = (a: number, b: number): number => {
  const d = Math.abs(a - b);
  return d < 5 ? d : d < 10 ? 5 : 6;
};

/** The transition features of a state, as bucket numbers. */
const relHash2 = (t: number, a: number, b: number): number => mix(mix(mix(t, a), b), 0x27d4eb2d);
const relHash3 = (t: number, a: number, b: number, c: number): number => mix(mix(mix(mix(t, a), b), c), 0x27d4eb2d);
/** A word's place, or the sentence's "none" when there is no word there (-1). */
const orNo = (i: number, no: number): number => (i < 0 ? no : i);
/** The relation a word was attached with, as a feature value. */
const labelFeature = (st: State, i: number, no: number): number => (i === no ? NONE : st.label[i]! + 7);
const arcHash1 = (t: number, a: number): number => mix(mix(t, a), 0x5bd1e995);
const arcHash2 = (t: number, a: number, b: number): number => mix(mix(mix(t, a), b), 0x5bd1e995);
const arcHash3 = (t: number, a: number, b: number, c: number): number => mix(mix(mix(mix(t, a), b), c), 0x5bd1e995);

function arcFeatures(st: State, x: Sentence, out: Int32Array): number {
  const mask = (1 << ARC_BITS) - 1;
  const { w, p, sfx } = x;
  const NO = x.n + 1;
  const s0 = orNo(st.top(0), NO);
  const s1 = orNo(st.top(1), NO);
  const b0 = st.b <= x.n ? st.b : NO;
  const b1 = st.b + 1 <= x.n ? st.b + 1 : NO;
  const b2 = st.b + 2 <= x.n ? st.b + 2 : NO;
  const s0h = s0 !== NO && st.head[s0]! >= 0 ? st.head[s0]! : NO;
  const s0h2 = s0h !== NO && st.head[s0h]! >= 0 ? st.head[s0h]! : NO;
  const s0l = s0 !== NO ? orNo(st.lc1[s0]!, NO) : NO;
  const s0l2 = s0 !== NO ? orNo(st.lc2[s0]!, NO) : NO;
  const s0r = s0 !== NO ? orNo(st.rc1[s0]!, NO) : NO;
  const s0r2 = s0 !== NO ? orNo(st.rc2[s0]!, NO) : NO;
  const b0l = b0 !== NO ? orNo(st.lc1[b0]!, NO) : NO;
  const b0l2 = b0 !== NO ? orNo(st.lc2[b0]!, NO) : NO;
  const d = s0 !== NO && b0 !== NO ? dist(s0, b0) : 7;
  const s0vl = s0 !== NO ? st.nl[s0]! : 0;
  const s0vr = s0 !== NO ? st.nr[s0]! : 0;
  const b0vl = b0 !== NO ? st.nl[b0]! : 0;
  const s0ls = s0 !== NO ? st.lset[s0]! : 0;
  const s0rs = s0 !== NO ? st.rset[s0]! : 0;
  const b0ls = b0 !== NO ? st.lset[b0]! : 0;
  let k = 0;
  let t = 0;
  out[k++] = arcHash1(++t, 0) & mask; // bias
  // single words
  out[k++] = arcHash2(++t, w[s0]!, p[s0]!) & mask;
  out[k++] = arcHash1(++t, w[s0]!) & mask;
  out[k++] = arcHash1(++t, p[s0]!) & mask;
  out[k++] = arcHash2(++t, w[b0]!, p[b0]!) & mask;
  out[k++] = arcHash1(++t, w[b0]!) & mask;
  out[k++] = arcHash1(++t, p[b0]!) & mask;
  out[k++] = arcHash2(++t, w[b1]!, p[b1]!) & mask;
  out[k++] = arcHash1(++t, w[b1]!) & mask;
  out[k++] = arcHash1(++t, p[b1]!) & mask;
  out[k++] = arcHash2(++t, w[b2]!, p[b2]!) & mask;
  out[k++] = arcHash1(++t, p[b2]!) & mask;
  out[k++] = arcHash1(++t, sfx[s0]!) & mask;
  out[k++] = arcHash1(++t, sfx[b0]!) & mask;
  out[k++] = arcHash2(++t, w[s1]!, p[s1]!) & mask;
  out[k++] = arcHash1(++t, p[s1]!) & mask;
  // pairs
  out[k++] = arcHash3(++t, w[s0]!, p[s0]!, mix(w[b0]!, p[b0]!)) & mask;
  out[k++] = arcHash3(++t, w[s0]!, p[s0]!, w[b0]!) & mask;
  out[k++] = arcHash3(++t, w[s0]!, w[b0]!, p[b0]!) & mask;
  out[k++] = arcHash3(++t, w[s0]!, p[s0]!, p[b0]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, w[b0]!, p[b0]!) & mask;
  out[k++] = arcHash2(++t, w[s0]!, w[b0]!) & mask;
  out[k++] = arcHash2(++t, p[s0]!, p[b0]!) & mask;
  out[k++] = arcHash2(++t, p[b0]!, p[b1]!) & mask;
  out[k++] = arcHash2(++t, p[s1]!, p[s0]!) & mask;
  // three words
  out[k++] = arcHash3(++t, p[b0]!, p[b1]!, p[b2]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[b0]!, p[b1]!) & mask;
  out[k++] = arcHash3(++t, p[s0h]!, p[s0]!, p[b0]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[s0l]!, p[b0]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[s0r]!, p[b0]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[b0]!, p[b0l]!) & mask;
  out[k++] = arcHash3(++t, p[s1]!, p[s0]!, p[b0]!) & mask;
  out[k++] = arcHash3(++t, w[s0]!, p[b0]!, p[b1]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, w[b0]!, p[b1]!) & mask;
  // distance
  out[k++] = arcHash2(++t, w[s0]!, d) & mask;
  out[k++] = arcHash2(++t, p[s0]!, d) & mask;
  out[k++] = arcHash2(++t, w[b0]!, d) & mask;
  out[k++] = arcHash2(++t, p[b0]!, d) & mask;
  out[k++] = arcHash3(++t, w[s0]!, w[b0]!, d) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[b0]!, d) & mask;
  // valency
  out[k++] = arcHash2(++t, w[s0]!, s0vr) & mask;
  out[k++] = arcHash2(++t, p[s0]!, s0vr) & mask;
  out[k++] = arcHash2(++t, w[s0]!, s0vl) & mask;
  out[k++] = arcHash2(++t, p[s0]!, s0vl) & mask;
  out[k++] = arcHash2(++t, w[b0]!, b0vl) & mask;
  out[k++] = arcHash2(++t, p[b0]!, b0vl) & mask;
  // the words around: head, children and their relations
  out[k++] = arcHash1(++t, w[s0h]!) & mask;
  out[k++] = arcHash1(++t, p[s0h]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, s0, NO)) & mask;
  out[k++] = arcHash1(++t, w[s0l]!) & mask;
  out[k++] = arcHash1(++t, p[s0l]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, s0l, NO)) & mask;
  out[k++] = arcHash1(++t, w[s0r]!) & mask;
  out[k++] = arcHash1(++t, p[s0r]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, s0r, NO)) & mask;
  out[k++] = arcHash1(++t, w[b0l]!) & mask;
  out[k++] = arcHash1(++t, p[b0l]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, b0l, NO)) & mask;
  out[k++] = arcHash1(++t, w[s0h2]!) & mask;
  out[k++] = arcHash1(++t, p[s0h2]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, s0h, NO)) & mask;
  out[k++] = arcHash1(++t, w[s0l2]!) & mask;
  out[k++] = arcHash1(++t, p[s0l2]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, s0l2, NO)) & mask;
  out[k++] = arcHash1(++t, w[s0r2]!) & mask;
  out[k++] = arcHash1(++t, p[s0r2]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, s0r2, NO)) & mask;
  out[k++] = arcHash1(++t, w[b0l2]!) & mask;
  out[k++] = arcHash1(++t, p[b0l2]!) & mask;
  out[k++] = arcHash1(++t, labelFeature(st, b0l2, NO)) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[s0l]!, p[s0l2]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[s0r]!, p[s0r2]!) & mask;
  out[k++] = arcHash3(++t, p[s0]!, p[s0h]!, p[s0h2]!) & mask;
  out[k++] = arcHash3(++t, p[b0]!, p[b0l]!, p[b0l2]!) & mask;
  // relation sets
  out[k++] = arcHash2(++t, w[s0]!, s0rs) & mask;
  out[k++] = arcHash2(++t, p[s0]!, s0rs) & mask;
  out[k++] = arcHash2(++t, w[s0]!, s0ls) & mask;
  out[k++] = arcHash2(++t, p[s0]!, s0ls) & mask;
  out[k++] = arcHash2(++t, w[b0]!, b0ls) & mask;
  out[k++] = arcHash2(++t, p[b0]!, b0ls) & mask;
  // is s0 attached yet (what REDUCE and LEFT depend on)
  out[k++] = arcHash3(++t, p[s0]!, p[b0]!, s0h === NO ? 1 : 2) & mask;
  // further context, and wink-nlp's own tags beside the tagger's
  {
    const s2 = orNo(st.top(2), NO);
    const b3 = st.b + 3 <= x.n ? st.b + 3 : NO;
    out[k++] = arcHash3(++t, p[s2]!, p[s1]!, p[s0]!) & mask;
    out[k++] = arcHash3(++t, mix(p[b0]!, p[b1]!), p[b2]!, p[b3]!) & mask;
    out[k++] = arcHash2(++t, x.wk[s0]!, x.wk[b0]!) & mask;
    out[k++] = arcHash1(++t, x.wk[b0]!) & mask;
    out[k++] = arcHash1(++t, x.wk[s0]!) & mask;
    out[k++] = arcHash2(++t, x.wk[b1]!, p[b0]!) & mask;
    out[k++] = arcHash2(++t, w[s1]!, w[s0]!) & mask;
    out[k++] = arcHash3(++t, w[s0]!, w[b0]!, p[b1]!) & mask;
    out[k++] = arcHash3(++t, w[b0]!, w[b1]!, p[s0]!) & mask;
    out[k++] = arcHash3(++t, p[s1]!, w[s0]!, p[b0]!) & mask;
    out[k++] = arcHash3(++t, p[s0h]!, w[s0]!, p[b0]!) & mask;
  }
  return k;
}

/** The relation features of an arc head -> dep. */
function relFeatures(st: State, x: Sentence, h: number, dep: number, out: Int32Array): number {
  const mask = (1 << REL_BITS) - 1;
  const { w, p, sfx } = x;
  const NO = x.n + 1;
  const dir = dep < h ? 1 : 2;
  const d = dist(h, dep);
  const dl = st.lc1[dep]! >= 0 ? st.lc1[dep]! : NO;
  const dr = st.rc1[dep]! >= 0 ? st.rc1[dep]! : NO;
  const hl = st.lc1[h]! >= 0 ? st.lc1[h]! : NO;
  const after = dep + 1 <= x.n ? dep + 1 : NO;
  let k = 0;
  let t = 100;
  out[k++] = relHash2(++t, dir, 0) & mask;
  out[k++] = relHash2(++t, w[h]!, dir) & mask;
  out[k++] = relHash2(++t, p[h]!, dir) & mask;
  out[k++] = relHash2(++t, w[dep]!, dir) & mask;
  out[k++] = relHash2(++t, p[dep]!, dir) & mask;
  out[k++] = relHash2(++t, sfx[dep]!, dir) & mask;
  out[k++] = relHash3(++t, p[h]!, p[dep]!, dir) & mask;
  out[k++] = relHash3(++t, w[h]!, p[dep]!, dir) & mask;
  out[k++] = relHash3(++t, p[h]!, w[dep]!, dir) & mask;
  out[k++] = relHash3(++t, w[h]!, w[dep]!, dir) & mask;
  out[k++] = relHash3(++t, p[h]!, p[dep]!, d * 4 + dir) & mask;
  out[k++] = relHash3(++t, p[dep]!, w[dl]!, dir) & mask;
  out[k++] = relHash3(++t, p[dep]!, p[dl]!, labelFeature(st, dl, NO)) & mask;
  out[k++] = relHash3(++t, p[h]!, w[dl]!, p[dep]!) & mask;
  out[k++] = relHash3(++t, p[dep]!, p[dr]!, labelFeature(st, dr, NO)) & mask;
  out[k++] = relHash3(++t, p[h]!, p[dep]!, st.nl[dep]!) & mask;
  out[k++] = relHash3(++t, p[h]!, labelFeature(st, hl, NO), dir) & mask;
  out[k++] = relHash3(++t, p[h]!, p[dep]!, h === 0 ? 1 : 2) & mask;
  out[k++] = relHash2(++t, p[dep]!, p[after]!) & mask;
  out[k++] = relHash3(++t, w[h]!, w[dl]!, dir) & mask;
  return k;
}

export interface TrainOptions {
  readonly epochs: number;
  /** Epochs of the part-of-speech tagger (default 5). */
  readonly posEpochs?: number;
  /** The parser learns from tags given by taggers that did not see the sentence (this many folds; default 4). */
  readonly folds?: number;
  readonly onStage?: (what: string) => void;
  /** Seed for the shuffles and the exploration (same seed, same model). */
  readonly seed?: number;
  readonly onEpoch?: (epoch: number, uas: number) => void;
}

function best(st: State, scores: Float64Array, mustBeValid: boolean): number {
  let a = -1;
  for (let k = 0; k < 4; k++) if ((!mustBeValid || st.valid(k)) && (a < 0 || scores[k]! > scores[a]!)) a = k;
  return a;
}

function score4(w: Float32Array | Int16Array, feats: Int32Array, k: number, out: Float64Array): void {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < k; i++) {
    const o = feats[i]! * 4;
    a += w[o]!;
    b += w[o + 1]!;
    c += w[o + 2]!;
    d += w[o + 3]!;
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}

/** score4 over a finished model's table. */
function score4Packed(t: PackedRows, feats: Int32Array, k: number, out: Float64Array): void {
  const w = t.values;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < k; i++) {
    const o = rowAt(t, feats[i]!);
    if (o < 0) continue;
    a += w[o]!;
    b += w[o + 1]!;
    c += w[o + 2]!;
    d += w[o + 3]!;
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}

/** bestLabel over a finished model's table. */
function bestLabelPacked(t: SparseRows, feats: Int32Array, k: number, scratch: Float64Array, rootLabel: number, toRoot: boolean): number {
  if (toRoot) return rootLabel;
  sumRows(t, feats, k, scratch);
  return bestNonRoot(scratch, t.width, rootLabel);
}

/** The label with the highest score that is not the root's. */
function bestNonRoot(scores: Float64Array, L: number, rootLabel: number): number {
  let b = -1;
  for (let l = 0; l < L; l++) if (l !== rootLabel && (b < 0 || scores[l]! > scores[b]!)) b = l;
  return b;
}

function bestLabel(w: Float32Array | Int16Array, L: number, feats: Int32Array, k: number, scratch: Float64Array, rootLabel: number, toRoot: boolean): number {
  if (toRoot) return rootLabel;
  scratch.fill(0);
  for (let i = 0; i < k; i++) {
    const o = feats[i]! * L;
    for (let l = 0; l < L; l++) scratch[l]! += w[o + l]!;
  }
  return bestNonRoot(scratch, L, rootLabel);
}

/**
 * Trains the tagger and the parser on treebank sentences (heads 1-based, 0 the root). The parser learns
 * from the tags the tagger gives at run time: each fold of the training set is tagged by a tagger trained
 * on the other folds (jackknifing), so its tags are as wrong as on new text.
 */
export function trainParser(trees: readonly TrainingTree[], card: ParserCard, options: TrainOptions): DepModel {
  const posEpochs = options.posEpochs ?? 5;
  const folds = options.folds ?? 4;
  const asPos = (t: TrainingTree) => ({ forms: t.forms, wink: t.pos, gold: t.upos });
  const tagged: string[][] = new Array(trees.length);
  for (let f = 0; f < folds; f++) {
    options.onStage?.(`part of speech, fold ${f + 1} of ${folds}`);
    const tagger = trainPos(trees.filter((_, i) => i % folds !== f).map(asPos), { epochs: posEpochs });
    trees.forEach((t, i) => {
      if (i % folds === f) tagged[i] = tagPos(tagger, { forms: t.forms, wink: t.pos });
    });
  }
  options.onStage?.('part of speech, all folds');
  const tagger = trainPos(trees.map(asPos), { epochs: posEpochs });
  options.onStage?.('dependencies');
  const parser = trainArcs(trees.map((t, i) => ({ ...t, upos: tagged[i]! })), options);
  return { card, labels: parser.labels, arcs: packRows(nonZero(quantize(parser.arcs)), 4), rels: sparseRows(nonZero(quantize(parser.rels)), parser.labels.length), tags: sparseRows(nonZero(quantize(tagger.weights)), POS_TAGS) };
}

function trainArcs(trees: readonly TrainingTree[], { epochs, seed = 1, onEpoch }: TrainOptions): { labels: string[]; arcs: Float32Array; rels: Float32Array } {
  const counts = new Map<string, number>();
  for (const t of trees) for (const l of t.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const labels = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1)).slice(0, 64);
  if (!labels.includes('root')) labels.push('root');
  const L = labels.length;
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const rootLabel = labelId.get('root')!;
  const arcs = new Averaged((1 << ARC_BITS) * 4);
  const rels = new Averaged((1 << REL_BITS) * L);
  const rnd = random(seed);
  const feats = new Int32Array(256);
  const rf = new Int32Array(64);
  const scores = new Float64Array(4);
  const lscores = new Float64Array(L);
  const data = trees.map((t) => ({ x: new Sentence(t.forms, t.upos, t.pos), gold: Int32Array.from([0, ...t.heads, 0]), glab: Int32Array.from([0, ...t.labels.map((l) => labelId.get(l) ?? labelId.get('dep') ?? 0), 0]) }));
  const order = data.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let right = 0;
    let all = 0;
    for (const idx of order) {
      const { x, gold, glab } = data[idx]!;
      const st = new State(x.n);
      while (!st.done) {
        const k = arcFeatures(st, x, feats);
        score4(arcs.w, feats, k, scores);
        const pred = best(st, scores, true);
        let min = Infinity;
        const costs = [0, 0, 0, 0];
        for (let a = 0; a < 4; a++) {
          costs[a] = st.valid(a) ? st.cost(a, gold) : Infinity;
          if (costs[a]! < min) min = costs[a]!;
        }
        let good = -1;
        for (let a = 0; a < 4; a++) if (costs[a] === min && (good < 0 || scores[a]! > scores[good]!)) good = a;
        if (costs[pred] !== min) {
          for (let i = 0; i < k; i++) {
            arcs.add(feats[i]! * 4 + good, 1);
            arcs.add(feats[i]! * 4 + pred, -1);
          }
        }
        arcs.step++;
        const next = costs[pred] === min || (epoch > 1 && rnd() < EXPLORE) ? pred : good;
        let label = -1;
        if (next === LEFT || next === RIGHT) {
          const s = st.top(0);
          const [h, dep] = next === LEFT ? [st.b, s] : [s, st.b];
          const rk = relFeatures(st, x, h, dep, rf);
          label = bestLabel(rels.w, L, rf, rk, lscores, rootLabel, h === 0);
          if (gold[dep] === h) {
            const g = glab[dep]!;
            if (label !== g && h !== 0) {
              for (let i = 0; i < rk; i++) {
                rels.add(rf[i]! * L + g, 1);
                rels.add(rf[i]! * L + label, -1);
              }
            }
            rels.step++;
            label = g;
          }
        }
        st.apply(next, label);
      }
      for (let i = 1; i <= x.n; i++) {
        all++;
        if ((st.head[i]! < 0 ? 0 : st.head[i]) === gold[i]) right++;
      }
    }
    onEpoch?.(epoch, right / Math.max(1, all));
  }
  return { labels, arcs: arcs.average(), rels: rels.average() };
}

export interface Parse {
  /** Head of each word (0-based index into the sentence, -1 for the root). */
  readonly heads: Int32Array;
  readonly labels: readonly string[];
  /** The tagger's part of speech (UPOS) of each word. */
  readonly pos: readonly string[];
}

/** Parses one sentence: its words and wink-nlp's part-of-speech tags. */
export function parse(model: DepModel, forms: readonly string[], winkPos: readonly string[]): Parse {
  const pos = tagPos({ weights: model.tags }, { forms, wink: winkPos });
  const x = new Sentence(forms, pos, winkPos);
  const st = new State(x.n);
  const L = model.labels.length;
  const rootLabel = model.labels.indexOf('root');
  const feats = new Int32Array(256);
  const rf = new Int32Array(64);
  const scores = new Float64Array(4);
  const lscores = new Float64Array(L);
  while (!st.done) {
    const k = arcFeatures(st, x, feats);
    score4Packed(model.arcs, feats, k, scores);
    const a = best(st, scores, true);
    let label = -1;
    if (a === LEFT || a === RIGHT) {
      const s = st.top(0);
      const [h, dep] = a === LEFT ? [st.b, s] : [s, st.b];
      label = bestLabelPacked(model.rels, rf, relFeatures(st, x, h, dep, rf), lscores, rootLabel, h === 0);
    }
    st.apply(a, label);
  }
  const heads = new Int32Array(x.n);
  const labels: string[] = [];
  for (let i = 1; i <= x.n; i++) {
    const h = st.head[i]!;
    heads[i - 1] = h <= 0 ? -1 : h - 1;
    labels.push(h < 0 ? 'root' : model.labels[st.label[i]!] ?? 'dep');
  }
  return { heads, labels, pos };
}

/** Attachment scores (with the tagger's tags): UAS, LAS (full relation), LAS over the universal part of the relation, tag accuracy. */
export function scoreParser(model: DepModel, trees: readonly TrainingTree[]): { uas: number; las: number; lasUniversal: number; pos: number; words: number } {
  let tags = 0;
  let u = 0;
  let l = 0;
  let lu = 0;
  let n = 0;
  for (const t of trees) {
    const got = parse(model, t.forms, t.pos);
    for (let i = 0; i < t.forms.length; i++) {
      n++;
      if (got.pos[i] === t.upos[i]) tags++;
      const h = got.heads[i]! + 1;
      if (h !== t.heads[i]) continue;
      u++;
      if (got.labels[i] === t.labels[i]) l++;
      if (got.labels[i]!.split(':')[0] === t.labels[i]!.split(':')[0]) lu++;
    }
  }
  return { uas: u / Math.max(1, n), las: l / Math.max(1, n), lasUniversal: lu / Math.max(1, n), pos: tags / Math.max(1, n), words: n };
}

// The model file: gzip of [card length][card JSON with the labels][arc, relation and tag weights], weights as
// int16 at a fixed scale; weights smaller than PRUNE / SCALE are left out (measured on EWT dev: the
// file is a quarter smaller, the scores move by less than 0.1).

const SCALE = 16;
const PRUNE = 8;

/** Weights as the model keeps them: int16 at SCALE, those below PRUNE left out (zero). */
function quantize(w: Float32Array | Int16Array): Int16Array {
  if (w instanceof Int16Array) return w;
  const out = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const q = Math.max(-32768, Math.min(32767, Math.round(w[i]! * SCALE)));
    if (q <= -PRUNE || q >= PRUNE) out[i] = q;
  }
  return out;
}

function packWeights(w: Weights): Buffer {
  // (gap as varint, value as int16) for every weight that is not zero.
  const bytes: number[] = [];
  let last = -1;
  for (let k = 0; k < w.at.length; k++) {
    const i = w.at[k]!;
    const q = w.values[k]!;
    let gap = i - last - 1;
    last = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    bytes.push(q & 0xff, (q >> 8) & 0xff);
  }
  const head = Buffer.alloc(8);
  head.writeUInt32LE(w.size, 0);
  head.writeUInt32LE(w.at.length, 4);
  return Buffer.concat([head, Buffer.from(bytes)]);
}

function unpackWeights(raw: Buffer, from: number): { w: Weights; next: number } {
  if (from + 8 > raw.length) throw new Error('cut short');
  const size = raw.readUInt32LE(from);
  const count = raw.readUInt32LE(from + 4);
  if (size > 1 << 28) throw new Error(`a weight table of ${size} entries`);
  if (count > size || from + 8 + 3 * count > raw.length) throw new Error('cut short');
  const at = new Uint32Array(count);
  const values = new Int16Array(count);
  let o = from + 8;
  let i = -1;
  for (let c = 0; c < count; c++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      if (o >= raw.length) throw new Error('cut short');
      const byte = raw[o++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) break;
    }
    i += gap + 1;
    if (i >= size || o + 2 > raw.length) throw new Error('cut short');
    at[c] = i;
    values[c] = raw.readInt16LE(o);
    o += 2;
  }
  return { w: { size, at, values }, next: o };
}

export function saveParser(model: DepModel): Buffer {
  const head = Buffer.from(JSON.stringify({ format: MAGIC, arcBits: ARC_BITS, relBits: REL_BITS, ...model.card, labels: model.labels }), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length, 0);
  return gzipSync(Buffer.concat([size, head, packWeights(weightsOf(model.arcs)), packWeights(weightsOf(model.rels)), packWeights(weightsOf(model.tags))]), { level: 9 });
}

export function loadParser(file: Uint8Array): DepModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(file);
  } catch {
    throw new Error('not gzip data');
  }
  if (raw.length < 4) throw new Error('too short');
  const headLength = raw.readUInt32LE(0);
  if (4 + headLength > raw.length) throw new Error('cut short');
  let head: ParserCard & { format?: string; labels?: string[]; arcBits?: number; relBits?: number };
  try {
    head = JSON.parse(raw.toString('utf8', 4, 4 + headLength)) as typeof head;
  } catch {
    throw new Error('its card is not JSON');
  }
  if (head.format !== MAGIC) throw new Error(`its format is ${JSON.stringify(head.format)}, not ${MAGIC}`);
  if (head.arcBits !== ARC_BITS || head.relBits !== REL_BITS) throw new Error('its feature tables are not this parser\'s size');
  const labels = head.labels ?? [];
  const arcs = unpackWeights(raw, 4 + headLength);
  const rels = unpackWeights(raw, arcs.next);
  const tags = unpackWeights(raw, rels.next);
  if (arcs.w.size !== (1 << ARC_BITS) * 4 || rels.w.size !== (1 << REL_BITS) * labels.length || labels.length === 0) throw new Error('its weight tables do not fit its labels');
  const { format: _f, labels: _l, arcBits: _a, relBits: _r, ...card } = head;
  if (tags.w.size % (32 * POS_TAGS) !== 0) throw new Error('its tag weights do not fit the tags');
  return { card, labels, arcs: packRows(arcs.w, 4), rels: sparseRows(rels.w, labels.length), tags: sparseRows(tags.w, POS_TAGS) };
}
