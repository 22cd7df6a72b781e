/**
 * A multiclass averaged perceptron over sparse string features (Collins 2002): the learner behind kg's
 * name tagger. Training keeps, for every (feature, class) weight, its running total and the step it
 * was last changed, so the averaged weights come out in one pass at the end.
 */

export class AveragedPerceptron {
  readonly classes: readonly string[];
  /** feature -> one weight per class. */
  weights = new Map<string, Float32Array>();
  private totals = new Map<string, Float64Array>();
  private stamps = new Map<string, Float64Array>();
  private step = 0;

  constructor(classes: readonly string[]) {
    this.classes = classes;
  }

  /** Class scores for a set of features (unknown features count nothing). */
  scores(features: readonly string[], out: Float64Array = new Float64Array(this.classes.length)): Float64Array {
    out.fill(0);
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let c = 0; c < w.length; c++) out[c]! += w[c]!;
    }
    return out;
  }

  /** Starts one training example (a sentence): every weight's average counts it once. */
  tick(): void {
    this.step++;
  }

  /** Adds `by` to the weights of `features` for class `c` (within the current example). */
  add(features: readonly string[], c: number, by: number): void {
    for (const f of features) this.bump(f, c, by);
  }

  private bump(f: string, c: number, by: number): void {
    let w = this.weights.get(f);
    let t = this.totals.get(f);
    let s = this.stamps.get(f);
    if (!w || !t || !s) {
      const n = this.classes.length;
      this.weights.set(f, (w = new Float32Array(n)));
      this.totals.set(f, (t = new Float64Array(n)));
      this.stamps.set(f, (s = new Float64Array(n)));
    }
    t[c]! += (this.step - s[c]!) * w[c]!;
    s[c] = this.step;
    w[c]! += by;
  }

  /** Replaces the weights by their averages over all steps; training ends here. */
  average(): void {
    for (const [f, w] of this.weights) {
      const t = this.totals.get(f)!;
      const s = this.stamps.get(f)!;
      for (let c = 0; c < w.length; c++) {
        const total = t[c]! + (this.step - s[c]!) * w[c]!;
        w[c] = this.step > 0 ? total / this.step : 0;
      }
    }
    this.totals.clear();
    this.stamps.clear();
  }
}
