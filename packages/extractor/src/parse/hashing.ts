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
