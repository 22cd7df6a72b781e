import { nonZero, packRows, random, rankOf, rowAt, sparseRows, weightsOf } from './hashing.js';

/** A table like a model's: most rows zero, the rest with a few weights set. */
function table(rows: number, width: number, seed: number): Int16Array {
  const rnd = random(seed);
  const w = new Int16Array(rows * width);
  for (let r = 0; r < rows; r++) {
    if (rnd() < 0.65) continue;
    for (let c = 0; c < width; c++) if (rnd() < 0.3) w[r * width + c] = Math.round((rnd() - 0.5) * 60000);
  }
  return w;
}

describe("a finished model's weight tables", () => {
  it('give every row the weights of the plain table, packed or sparse, and save to the same weights', () => {
    for (const [rows, width, seed] of [[64, 4, 1], [1024, 4, 2], [2048, 17, 3], [512, 51, 4]] as const) {
      const w = table(rows, width, seed);
      const packed = packRows(nonZero(w), width);
      const sparse = sparseRows(nonZero(w), width);
      for (let r = 0; r < rows; r++) {
        const plain = Array.from(w.subarray(r * width, (r + 1) * width));
        const at = rowAt(packed, r);
        expect(at < 0 ? new Array(width).fill(0) : Array.from(packed.values.subarray(at, at + width))).toEqual(plain);
        const fromSparse = new Array(width).fill(0);
        const k = rankOf(sparse.index, r);
        if (k >= 0) for (let j = sparse.starts[k]!; j < sparse.starts[k + 1]!; j++) fromSparse[sparse.cols[j]!] = sparse.values[j]!;
        expect(fromSparse).toEqual(plain);
        // A row in use has a place; one all zeros has none.
        expect(at >= 0).toBe(plain.some((v) => v !== 0));
      }
      expect(weightsOf(packed)).toEqual(nonZero(w));
      expect(weightsOf(sparse)).toEqual(nonZero(w));
    }
  });

  it('refuse a table that is not whole rows', () => {
    expect(() => packRows(nonZero(new Int16Array(100)), 3)).toThrow(/a table of 100 weights in rows of 3/);
  });
});
