/**
 * A part-of-speech tagger for the parser: greedy left to right, an averaged perceptron over hashed
 * features of the word, its neighbours, the tags already given and wink-nlp's own tag. wink-nlp's tags
 * follow other conventions than the treebanks' (88.8% agree on EWT dev), which costs the parser about
 * four points of attachment; this tagger learns the treebanks' conventions with wink's tag as a hint.
 */
import { Averaged, hashString, mix, random, sumRows, wordKey, type SparseRows } from './hashing.js';

export const UPOS = ['NOUN', 'PUNCT', 'VERB', 'PRON', 'ADP', 'DET', 'PROPN', 'ADJ', 'AUX', 'ADV', 'CCONJ', 'PART', 'NUM', 'SCONJ', 'X', 'INTJ', 'SYM'] as const;
const N = UPOS.length;
const BITS = 19;
const MASK = (1 << BITS) - 1;

export interface PosTagger {
  /** Weights: bucket * 17 + tag (floats while training; in a model int16, the rows in use packed). */
  readonly weights: Float32Array | Int16Array | SparseRows;
}

export interface PosSentence {
  readonly forms: readonly string[];
  /** wink-nlp's tags. */
  readonly wink: readonly string[];
}

function shape(form: string): number {
  let s = '';
  for (const ch of form.slice(0, 6)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (s.at(-1) !== c) s += c;
  }
  return hashString(`#${s}${form.length > 6 ? '+' : ''}`);
}

/** A word form's own numbers (word, suffixes, prefixes, shape), kept for the most recent forms. */
const formCache = new Map<string, Int32Array>();
export function formHashes(f: string): Int32Array {
  let h = formCache.get(f);
  if (h) return h;
  const k = wordKey(f);
  h = Int32Array.of(hashString(k), hashString(`1${k.slice(-1)}`), hashString(`2${k.slice(-2)}`), hashString(`3${k.slice(-3)}`), hashString(`4${k.slice(-4)}`), hashString(`p${k.slice(0, 1)}`), hashString(`q${k.slice(0, 3)}`), shape(f));
  if (formCache.size >= 50_000) formCache.clear();
  formCache.set(f, h);
  return h;
}
const winkCache = new Map<string, number>();
function winkHash(tag: string): number {
  let h = winkCache.get(tag);
  if (h === undefined) winkCache.set(tag, (h = hashString(`w${tag}`)));
  return h;
}

/** Per-word numbers the features read (computed once per sentence). */
function prepare(s: PosSentence): { w: Int32Array; s1: Int32Array; s2: Int32Array; s3: Int32Array; s4: Int32Array; p1: Int32Array; p3: Int32Array; sh: Int32Array; wk: Int32Array; first: Int32Array } {
  const n = s.forms.length;
  const a = (): Int32Array => new Int32Array(n + 4);
  const out = { w: a(), s1: a(), s2: a(), s3: a(), s4: a(), p1: a(), p3: a(), sh: a(), wk: a(), first: a() };
  for (let i = 0; i < n + 4; i++) {
    const j = i - 2;
    if (j < 0 || j >= n) {
      out.w[i] = out.s1[i] = out.s2[i] = out.s3[i] = out.s4[i] = out.p1[i] = out.p3[i] = out.sh[i] = out.wk[i] = j < 0 ? 11 : 13;
      continue;
    }
    const h = formHashes(s.forms[j]!);
    out.w[i] = h[0]!;
    out.s1[i] = h[1]!;
    out.s2[i] = h[2]!;
    out.s3[i] = h[3]!;
    out.s4[i] = h[4]!;
    out.p1[i] = h[5]!;
    out.p3[i] = h[6]!;
    out.sh[i] = h[7]!;
    out.wk[i] = winkHash(s.wink[j] ?? '');
    out.first[i] = j === 0 ? 1 : 2;
  }
  return out;
}

const posHash = (t: number, a: number, b = 0): number => mix(mix(mix(t, a), b), 0x1b873593);

function features(x: ReturnType<typeof prepare>, i: number, t1: number, t2: number, out: Int32Array): number {
  const c = i + 2;
  let k = 0;
  let t = 0;
  out[k++] = posHash(++t, 0) & MASK;
  out[k++] = posHash(++t, x.w[c]!) & MASK;
  out[k++] = posHash(++t, x.s1[c]!) & MASK;
  out[k++] = posHash(++t, x.s2[c]!) & MASK;
  out[k++] = posHash(++t, x.s3[c]!) & MASK;
  out[k++] = posHash(++t, x.p1[c]!) & MASK;
  out[k++] = posHash(++t, x.sh[c]!, x.first[c]!) & MASK;
  out[k++] = posHash(++t, x.wk[c]!) & MASK;
  out[k++] = posHash(++t, x.wk[c]!, x.w[c]!) & MASK;
  out[k++] = posHash(++t, x.wk[c - 1]!, x.wk[c]!) & MASK;
  out[k++] = posHash(++t, x.wk[c]!, x.wk[c + 1]!) & MASK;
  out[k++] = posHash(++t, x.w[c - 1]!) & MASK;
  out[k++] = posHash(++t, x.w[c + 1]!) & MASK;
  out[k++] = posHash(++t, x.w[c - 2]!) & MASK;
  out[k++] = posHash(++t, x.w[c + 2]!) & MASK;
  out[k++] = posHash(++t, x.s3[c + 1]!) & MASK;
  out[k++] = posHash(++t, x.s3[c - 1]!) & MASK;
  out[k++] = posHash(++t, x.wk[c + 1]!) & MASK;
  out[k++] = posHash(++t, t1) & MASK;
  out[k++] = posHash(++t, t1, t2) & MASK;
  out[k++] = posHash(++t, t1, x.w[c]!) & MASK;
  out[k++] = posHash(++t, x.w[c]!, x.w[c + 1]!) & MASK;
  out[k++] = posHash(++t, x.w[c - 1]!, x.w[c]!) & MASK;
  out[k++] = posHash(++t, t1, x.wk[c]!) & MASK;
  out[k++] = posHash(++t, x.s4[c]!) & MASK;
  out[k++] = posHash(++t, x.p3[c]!) & MASK;
  out[k++] = posHash(++t, mix(x.wk[c - 1]!, x.wk[c]!), x.wk[c + 1]!) & MASK;
  out[k++] = posHash(++t, t1, x.wk[c + 1]!) & MASK;
  out[k++] = posHash(++t, x.wk[c + 2]!) & MASK;
  out[k++] = posHash(++t, x.s2[c + 1]!, x.wk[c]!) & MASK;
  return k;
}

function argmax(w: Float32Array | Int16Array, feats: Int32Array, k: number, scores: Float64Array): number {
  scores.fill(0);
  for (let i = 0; i < k; i++) {
    const o = feats[i]! * N;
    for (let c = 0; c < N; c++) scores[c]! += w[o + c]!;
  }
  let b = 0;
  for (let c = 1; c < N; c++) if (scores[c]! > scores[b]!) b = c;
  return b;
}

function argmaxPacked(t: SparseRows, feats: Int32Array, k: number, scores: Float64Array): number {
  sumRows(t, feats, k, scores);
  let b = 0;
  for (let c = 1; c < N; c++) if (scores[c]! > scores[b]!) b = c;
  return b;
}

const TAG_ID = new Map<string, number>(UPOS.map((p, i) => [p, i]));

/** Tags one sentence. */
export function tagPos(tagger: PosTagger, s: PosSentence): string[] {
  const x = prepare(s);
  const feats = new Int32Array(32);
  const scores = new Float64Array(N);
  const tags: string[] = [];
  let t1 = 101;
  let t2 = 101;
  const w = tagger.weights;
  const best = ArrayBuffer.isView(w) ? (k: number) => argmax(w, feats, k, scores) : (k: number) => argmaxPacked(w, feats, k, scores);
  for (let i = 0; i < s.forms.length; i++) {
    const b = best(features(x, i, t1, t2, feats));
    tags.push(UPOS[b]!);
    t2 = t1;
    t1 = b + 1;
  }
  return tags;
}

/** Trains the tagger on sentences with the treebank's tags. */
export function trainPos(data: readonly (PosSentence & { readonly gold: readonly string[] })[], { epochs, seed = 7 }: { epochs: number; seed?: number }): { readonly weights: Float32Array } {
  const avg = new Averaged((1 << BITS) * N);
  const rnd = random(seed);
  const order = data.map((_, i) => i);
  const feats = new Int32Array(32);
  const scores = new Float64Array(N);
  const prepared = data.map(prepare);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const s = data[idx]!;
      const x = prepared[idx]!;
      let t1 = 101;
      let t2 = 101;
      for (let i = 0; i < s.forms.length; i++) {
        const k = features(x, i, t1, t2, feats);
        const guess = argmax(avg.w, feats, k, scores);
        const gold = TAG_ID.get(s.gold[i]!) ?? TAG_ID.get('X')!;
        if (guess !== gold) {
          for (let j = 0; j < k; j++) {
            avg.add(feats[j]! * N + gold, 1);
            avg.add(feats[j]! * N + guess, -1);
          }
        }
        avg.step++;
        t2 = t1;
        t1 = gold + 1;
      }
    }
  }
  return { weights: avg.average() };
}
