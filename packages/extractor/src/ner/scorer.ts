/**
 * The emission scores of a finished name tagger, fast: the same sums as looking up every feature of
 * `sentenceFeatures` and `wordFeatures` by name, without building the feature strings. A word's own
 * features and the features it gives its neighbours ("w-1=", "+1gz=...") are summed once per word;
 * pairs of words, shapes and the rules' tags are looked up by small integers given when the model is read.
 */
import type { AveragedPerceptron } from './perceptron.js';
import { sentenceContext, shape, wordFeatures, wordGazetteer } from './features.js';

type Row = Float32Array;

/** What one word contributes, wherever it stands (cached per word). */
interface WordParts {
  /** Its own features (wordFeatures). */
  readonly own: Float64Array;
  /** As the word before ("w-1=", "-1gz=..."), after ("w+1=", "+1gz=..."), two before and two after. */
  readonly before: Float64Array | undefined;
  readonly after: Float64Array | undefined;
  readonly before2: Row | undefined;
  readonly after2: Row | undefined;
  /** Its lower case, whether that has a bar ("|", which feature names use to join), its number in the model's word pairs (-1: in none), its shape and the shape's number (-1: unknown). */
  readonly lower: string;
  readonly bar: boolean;
  readonly id: number;
  /** Its pairs with the word before and after it, by that word's number. */
  readonly pairBefore: Map<number, Row> | undefined;
  readonly pairAfter: Map<number, Row> | undefined;
  readonly shape: string;
  readonly shapeId: number;
}

export interface EmissionScorer {
  /** Per word i, its score for every tag c at i * N + c (the sum of the weights of all its tag-independent features). */
  emissions(words: readonly string[], rules: readonly string[] | undefined): Float64Array;
}

const WORD_CACHE = 65536;

/** Splits "a|b" at its one bar (undefined when it has another number of bars: such features go by name). */
function split(value: string, bars: number): string[] | undefined {
  const parts = value.split('|');
  return parts.length === bars + 1 ? parts : undefined;
}

export function emissionScorer(p: AveragedPerceptron): EmissionScorer {
  const N = p.classes.length;
  const words = new Map<string, number>();
  const wordId = (w: string): number => {
    let id = words.get(w);
    if (id === undefined) words.set(w, (id = words.size));
    return id;
  };
  const shapes = new Map<string, number>();
  const shapeId = (s: string): number => {
    let id = shapes.get(s);
    if (id === undefined) shapes.set(s, (id = shapes.size));
    return id;
  };
  const ruleIds = new Map<string, number>();
  const ruleId = (r: string): number => {
    let id = ruleIds.get(r);
    if (id === undefined) ruleIds.set(r, (id = ruleIds.size));
    return id;
  };
  // Pairs by the word's number, then its neighbour's: "w-1w=a|b" by b then a, "ww+1=a|b" by a then b.
  const pairBefore = new Map<number, Map<number, Row>>();
  const pairAfter = new Map<number, Map<number, Row>>();
  const shapeBefore = new Map<number, Row>();
  const shapeAfter = new Map<number, Row>();
  // Three shapes: (before, this) then after.
  const shape3 = new Map<number, Map<number, Row>>();
  const ruleAt: Map<number, Row>[] = [new Map(), new Map(), new Map()]; // r=, r-1=, r+1=
  const ruleShape = new Map<number, Map<number, Row>>();
  const put = (m: Map<number, Map<number, Row>>, a: number, b: number, w: Row): void => {
    const inner = m.get(a) ?? new Map<number, Row>();
    inner.set(b, w);
    m.set(a, inner);
  };
  // Shapes and rule tags first, so that numbering words does not make shape numbers large.
  for (const [name, w] of p.weights) {
    const eq = name.indexOf('=');
    if (eq < 0) continue;
    const kind = name.slice(0, eq);
    const value = name.slice(eq + 1);
    if (kind === 's-1') shapeBefore.set(shapeId(value), w);
    else if (kind === 's+1') shapeAfter.set(shapeId(value), w);
    else if (kind === 's-1s') {
      const parts = split(value, 2);
      if (parts) put(shape3, pairKey(shapeId(parts[0]!), shapeId(parts[1]!)), shapeId(parts[2]!), w);
    } else if (kind === 'r') ruleAt[0]!.set(ruleId(value), w);
    else if (kind === 'r-1') ruleAt[1]!.set(ruleId(value), w);
    else if (kind === 'r+1') ruleAt[2]!.set(ruleId(value), w);
    else if (kind === 'rs') {
      const bar = value.indexOf('|');
      if (bar > 0) put(ruleShape, ruleId(value.slice(0, bar)), shapeId(value.slice(bar + 1)), w);
    } else if (kind === 'w-1w' || kind === 'ww+1') {
      const parts = split(value, 1);
      if (parts && kind === 'w-1w') put(pairBefore, wordId(parts[1]!), wordId(parts[0]!), w);
      else if (parts) put(pairAfter, wordId(parts[0]!), wordId(parts[1]!), w);
    }
  }
  const first = p.weights.get('first');
  const allCaps = p.weights.get('allcaps-line');
  const NONE = '<none>';
  const edge = {
    before: p.weights.get(`w-1=${NONE}`),
    after: p.weights.get(`w+1=${NONE}`),
    before2: p.weights.get(`w-2=${NONE}`),
    after2: p.weights.get(`w+2=${NONE}`),
    noneId: words.get(NONE) ?? -1,
    start: shapes.get('<s>') ?? -1,
    end: shapes.get('</s>') ?? -1,
    ruleStart: ruleIds.get('<s>') ?? -1,
    ruleEnd: ruleIds.get('</s>') ?? -1,
  };

  const sum = (names: readonly string[]): Float64Array | undefined => {
    let out: Float64Array | undefined;
    for (const f of names) {
      const w = p.weights.get(f);
      if (!w) continue;
      out ??= new Float64Array(N);
      for (let c = 0; c < N; c++) out[c]! += w[c]!;
    }
    return out;
  };
  const cache = new Map<string, WordParts>();
  const partsOf = (w: string): WordParts => {
    let x = cache.get(w);
    if (x) return x;
    const lw = w.toLowerCase();
    const s = shape(w);
    const gaz = wordGazetteer(w);
    const id = words.get(lw) ?? -1;
    x = {
      own: sum(wordFeatures(w, s)) ?? new Float64Array(N),
      before: sum([`w-1=${lw}`, ...gaz.map((g) => `-1${g}`)]),
      after: sum([`w+1=${lw}`, ...gaz.map((g) => `+1${g}`)]),
      before2: p.weights.get(`w-2=${lw}`),
      after2: p.weights.get(`w+2=${lw}`),
      lower: lw,
      bar: lw.includes('|'),
      id,
      pairBefore: pairBefore.get(id),
      pairAfter: pairAfter.get(id),
      shape: s,
      shapeId: shapes.get(s) ?? -1,
    };
    if (cache.size < WORD_CACHE) cache.set(w, x);
    return x;
  };
  // Two adders, each seeing one kind of array (weights are Float32Array, a word's sums Float64Array).
  // Two adders into the row at o, each seeing one kind of array (weights are Float32Array, a word's sums Float64Array).
  const add = (out: Float64Array, o: number, w: Row | undefined): void => {
    if (w) for (let c = 0; c < N; c++) out[o + c]! += w[c]!;
  };
  const add64 = (out: Float64Array, o: number, w: Float64Array | undefined): void => {
    if (w) for (let c = 0; c < N; c++) out[o + c]! += w[c]!;
  };
  const byName = (out: Float64Array, o: number, name: string): void => add(out, o, p.weights.get(name));

  return {
    emissions(raw, rules) {
      const n = raw.length;
      const ctx = sentenceContext(raw);
      const parts = raw.map(partsOf);
      const rid = rules?.map((r) => ruleIds.get(r) ?? -1);
      const out = new Float64Array(n * N);
      parts.forEach((x, i) => {
        const o = i * N;
        for (let c = 0; c < N; c++) out[o + c] = x.own[c]!;
        const prev = parts[i - 1];
        const next = parts[i + 1];
        if (prev) add64(out, o, prev.before);
        else add(out, o, edge.before);
        if (next) add64(out, o, next.after);
        else add(out, o, edge.after);
        add(out, o, i >= 2 ? parts[i - 2]!.before2 : edge.before2);
        add(out, o, i + 2 < n ? parts[i + 2]!.after2 : edge.after2);
        // Shapes: the one before, the one after, and the three together.
        const sb = prev ? prev.shapeId : edge.start;
        const sa = next ? next.shapeId : edge.end;
        if (sb >= 0) add(out, o, shapeBefore.get(sb));
        if (sa >= 0) add(out, o, shapeAfter.get(sa));
        const bar = x.bar || !!prev?.bar || !!next?.bar;
        if (bar) byName(out, o, `s-1s=${prev ? prev.shape : '<s>'}|${x.shape}|${next ? next.shape : '</s>'}`);
        else if (sb >= 0 && x.shapeId >= 0 && sa >= 0) add(out, o, shape3.get(pairKey(sb, x.shapeId))?.get(sa));
        // Word pairs.
        if (bar) {
          byName(out, o, `w-1w=${prev ? prev.lower : NONE}|${x.lower}`);
          byName(out, o, `ww+1=${x.lower}|${next ? next.lower : NONE}`);
        } else if (x.id >= 0) {
          const ip = prev ? prev.id : edge.noneId;
          const inx = next ? next.id : edge.noneId;
          if (ip >= 0 && x.pairBefore) add(out, o, x.pairBefore.get(ip));
          if (inx >= 0 && x.pairAfter) add(out, o, x.pairAfter.get(inx));
        }
        if (i === 0) add(out, o, first);
        if (ctx.caps) add(out, o, allCaps);
        for (const g of ctx.places[i]!) byName(out, o, g);
        for (const g of ctx.orgs[i]!) byName(out, o, g);
        if (rid) {
          const r = rid[i]!;
          if (r >= 0) add(out, o, ruleAt[0]!.get(r));
          const rb = i > 0 ? rid[i - 1]! : edge.ruleStart;
          const ra = i + 1 < n ? rid[i + 1]! : edge.ruleEnd;
          if (rb >= 0) add(out, o, ruleAt[1]!.get(rb));
          if (ra >= 0) add(out, o, ruleAt[2]!.get(ra));
          if (r >= 0 && x.shapeId >= 0) add(out, o, ruleShape.get(r)?.get(x.shapeId));
        }
      });
      return out;
    },
  };
}

/** Two small numbers as one (each below 2^26). */
const pairKey = (a: number, b: number): number => a * 67108864 + b;
