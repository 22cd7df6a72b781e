/** What kg's parser and its part-of-speech tagger share: hashed features, a seeded generator, averaged weights. */

/** FNV-1a over the string's UTF-16 units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0 || 3;
}

export function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return h ^ (h >>> 15);
}

/** The word as a feature: lower case, digits as 0. */
export function wordKey(form: string): string {
  return form.toLowerCase().replace(/\d/g, '0');
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lazily averaged weights (Daumé's trick): totals and the step each weight last changed. */
export class Averaged {
  readonly w: Float32Array;
  private readonly total: Float64Array;
  private readonly stamp: Int32Array;
  step = 1;
  constructor(size: number) {
    this.w = new Float32Array(size);
    this.total = new Float64Array(size);
    this.stamp = new Int32Array(size);
  }
  add(i: number, by: number): void {
    this.total[i]! += (this.step - this.stamp[i]!) * this.w[i]!;
    this.stamp[i] = this.step;
    this.w[i]! += by;
  }
  average(): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let i = 0; i < out.length; i++) out[i] = (this.total[i]! + (this.step - this.stamp[i]!) * this.w[i]!) / this.step;
    return out;
  }
}

/** A weight table's weights that are not zero, in order: what a model file holds. */
export interface Weights {
  /** The table's length. */
  readonly size: number;
  /** Where each weight sits in the table (ascending). */
  readonly at: Uint32Array;
  readonly values: Int16Array;
}

/** The weights of a plain table that are not zero. */
export function nonZero(w: Int16Array): Weights {
  let n = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) n++;
  const at = new Uint32Array(n);
  const values = new Int16Array(n);
  let k = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    at[k] = i;
    values[k++] = w[i]!;
  }
  return { size: w.length, at, values };
}

/**
 * A hashed weight table as a finished model keeps it: most rows were never touched in training (two in
 * three of the parser's), so only the rows in use are stored, with a bitmap of which rows those are and,
 * per 32 rows, how many came before. A row no feature used costs a look at the bitmap instead of a trip
 * to memory, and the rows in use sit in a third of the space. The sums are those of the plain table:
 * the same decisions, faster, in a quarter of the memory.
 */
export interface PackedRows {
  /** Weights per row. */
  readonly width: number;
  /** Per 32 rows: [bitmap of the rows in use, how many rows in use come before]. */
  readonly index: Uint32Array;
  /** The rows in use, in order, `width` weights each. */
  readonly values: Int16Array;
}

/**
 * A wide table whose rows in use are themselves mostly zeros (the parser's relations: 51 labels, 4
 * weights set per row on average): each row keeps only its weights that are not zero, with their columns.
 */
export interface SparseRows {
  readonly width: number;
  /** As in PackedRows. */
  readonly index: Uint32Array;
  /** Row k's weights are at starts[k] .. starts[k + 1]. */
  readonly starts: Uint32Array;
  readonly cols: Uint8Array;
  readonly values: Int16Array;
}

/** The bitmap and ranks of the rows in use, and how many there are. */
function rowIndex(w: Weights, width: number): { index: Uint32Array; used: number } {
  if (w.size % width !== 0 || w.size % (32 * width) !== 0) throw new Error(`a table of ${w.size} weights in rows of ${width}`);
  const blocks = w.size / width / 32;
  const index = new Uint32Array(2 * blocks);
  let last = -1;
  for (const i of w.at) {
    const r = Math.floor(i / width);
    if (r === last) continue;
    last = r;
    index[2 * (r >>> 5)]! |= 1 << (r & 31);
  }
  let used = 0;
  for (let b = 0; b < blocks; b++) {
    index[2 * b + 1] = used;
    let x = index[2 * b]!;
    while (x !== 0) {
      x &= x - 1;
      used++;
    }
  }
  return { index, used };
}

export function packRows(w: Weights, width: number): PackedRows {
  const { index, used } = rowIndex(w, width);
  const values = new Int16Array(used * width);
  for (let k = 0; k < w.at.length; k++) {
    const i = w.at[k]!;
    const r = Math.floor(i / width);
    values[rankOf(index, r) * width + (i - r * width)] = w.values[k]!;
  }
  return { width, index, values };
}

export function sparseRows(w: Weights, width: number): SparseRows {
  if (width > 256) throw new Error(`a sparse table of ${width} columns`);
  const { index, used } = rowIndex(w, width);
  const starts = new Uint32Array(used + 1);
  const cols = new Uint8Array(w.at.length);
  for (let k = 0; k < w.at.length; k++) {
    const r = Math.floor(w.at[k]! / width);
    starts[rankOf(index, r) + 1]!++;
    cols[k] = w.at[k]! - r * width;
  }
  for (let r = 0; r < used; r++) starts[r + 1]! += starts[r]!;
  return { width, index, starts, cols, values: w.values.slice() };
}

/** A packed or sparse table's weights that are not zero (to save a model). */
export function weightsOf(t: PackedRows | SparseRows): Weights {
  const rows = (t.index.length / 2) * 32;
  const at: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    const k = rankOf(t.index, r);
    if (k < 0) continue;
    if ('starts' in t) {
      for (let j = t.starts[k]!; j < t.starts[k + 1]!; j++) {
        at.push(r * t.width + t.cols[j]!);
        values.push(t.values[j]!);
      }
    } else {
      for (let c = 0; c < t.width; c++) {
        const v = t.values[k * t.width + c]!;
        if (v === 0) continue;
        at.push(r * t.width + c);
        values.push(v);
      }
    }
  }
  return { size: rows * t.width, at: Uint32Array.from(at), values: Int16Array.from(values) };
}

/** Row `r`'s place among the rows in use, or -1 when it is all zeros. */
export function rankOf(index: Uint32Array, r: number): number {
  const i = (r >>> 5) << 1;
  const bits = index[i]!;
  const bit = 1 << (r & 31);
  if ((bits & bit) === 0) return -1;
  let x = bits & (bit - 1);
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return index[i + 1]! + (Math.imul(x, 0x01010101) >>> 24);
}

/** Where row `r`'s weights start in `t.values`, or -1 when the row is all zeros. */
export function rowAt(t: PackedRows, r: number): number {
  const k = rankOf(t.index, r);
  return k < 0 ? -1 : k * t.width;
}

/** The sums of the rows of `feats[0..k)` into `scores` (one per column). */
export function sumRows(t: SparseRows, feats: Int32Array, k: number, scores: Float64Array): void {
  const { index, starts, cols, values } = t;
  scores.fill(0);
  for (let i = 0; i < k; i++) {
    const r = rankOf(index, feats[i]!);
    if (r < 0) continue;
    for (let j = starts[r]!, end = starts[r + 1]!; j < end; j++) scores[cols[j]!]! += values[j]!;
  }
}
