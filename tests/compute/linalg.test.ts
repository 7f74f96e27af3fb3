import assert from "node:assert/strict";
import {
  eigenvalues2x2Symmetric,
  matrixTimes,
  powerIterator,
  spectralNorm,
  transposeTimes,
  weightedLeastSquares,
} from "../../src/compute/linalg.ts";
import { symmetricEigenvalues } from "../../src/compute/symmetricEigen.ts";
import { createRng } from "../../src/compute/prng.ts";

const close = (a: number[], b: number[], tol: number, what = "") =>
  a.forEach((v, i) =>
    assert.ok(
      Math.abs(v - b[i]) <= tol * Math.max(1, Math.abs(b[i])),
      `${what}[${i}]: ${v} vs ${b[i]}`,
    )
  );

Deno.test("eigenvalues2x2Symmetric(a, b, c) keeps the trace and the determinant", () => {
  const [lo, hi] = eigenvalues2x2Symmetric(200, 10, 2);
  // trace 202, determinant 300
  assert.ok(Math.abs(lo + hi - 202) < 1e-12 && Math.abs(lo * hi - 300) < 1e-9);
  assert.ok(lo < hi);
  assert.deepEqual(eigenvalues2x2Symmetric(1, 0, 1), [1, 1]);
});

Deno.test("weightedLeastSquares(A, b) is the minimum-norm solution of one equation", () => {
  // 10 a + b = 11: x y / ‖x‖² = (110/101, 11/101).
  close(weightedLeastSquares([[10, 1]], [11]), [110 / 101, 11 / 101], 1e-15);
  // Zero-weight rows are ignored, and so is an unknown no remaining row touches.
  close(weightedLeastSquares([[10, 1], [0, 5]], [11, 7], [1, 0]), [110 / 101, 11 / 101], 1e-15);
  close(weightedLeastSquares([[2, 0, -4]], [6]), [0.6, 0, -1.2], 1e-15);
});

Deno.test("weightedLeastSquares(A, b, w) solves full-rank overdetermined problems", () => {
  // Exact data on y = 1 + 2t.
  const rows = [0, 1, 2, 3].map((t) => [1, t]);
  close(weightedLeastSquares(rows, rows.map(([, t]) => 1 + 2 * t)), [1, 2], 1e-14);
  // Random weighted problems against the normal equations, which are fine when well conditioned.
  for (let seed = 1; seed <= 10; seed++) {
    const rng = createRng(seed);
    const m = 8;
    const a = Array.from({ length: m }, () => [rng.normal(), rng.normal()]);
    const b = Array.from({ length: m }, () => rng.normal());
    const w = Array.from({ length: m }, () => rng.uniform() + 0.1);
    const g = [0, 0, 0];
    const r = [0, 0];
    a.forEach(([p, q], k) => {
      g[0] += w[k] * p * p;
      g[1] += w[k] * p * q;
      g[2] += w[k] * q * q;
      r[0] += w[k] * p * b[k];
      r[1] += w[k] * q * b[k];
    });
    const det = g[0] * g[2] - g[1] * g[1];
    const want = [(g[2] * r[0] - g[1] * r[1]) / det, (g[0] * r[1] - g[1] * r[0]) / det];
    close(weightedLeastSquares(a, b, w), want, 1e-12, `seed ${seed}`);
  }
});

Deno.test("weightedLeastSquares(A, b, w) keeps full accuracy when the weights span 300 decades", () => {
  // min (2 − a − b)² + ε((1 − a)² + (3 − b)²): for small ε the fit a + b = 2 is forced, and the
  // light rows choose a = 0, b = 2 among those fits; the exact solution is that point + O(ε).
  // Normal equations lose ε entirely once it is below about 1e-16.
  for (const eps of [1e-300, 1e-100, 1e-16, 1e-12]) {
    const x = weightedLeastSquares([[1, 1], [1, 0], [0, 1]], [2, 1, 3], [1, eps, eps]);
    close(x, [0, 2], 1e-12, `ε = ${eps}`);
  }
});

Deno.test("weightedLeastSquares rejects bad input and rank-deficient rows", () => {
  assert.throws(
    () => weightedLeastSquares([[1, 0]], [1], [-1]),
    /weights\[0\] must be finite and ≥ 0/,
  );
  assert.throws(() => weightedLeastSquares([[1, 0]], [1, 2]), /as many targets/);
  assert.throws(() => weightedLeastSquares([[1, NaN]], [1]), /row 0 must hold 2 finite numbers/);
  // A pivot that comes out exactly zero; tiny ones are legitimate in graded problems (see above).
  assert.throws(() => weightedLeastSquares([[2, 4], [0, 0]], [1, 2]), /rank deficient/);
  assert.throws(() => weightedLeastSquares([], []), /at least one row/);
});

const dense = (rows: number, cols: number, values: number[]) => ({
  rows,
  cols,
  data: Float64Array.from(values),
});

Deno.test("matrixTimes and transposeTimes: A·v and Aᵀ·v of a 2×3 matrix", () => {
  const a = Float64Array.from([1, 2, 3, 4, 5, 6]);
  assert.deepEqual([...matrixTimes(a, [1, 0, -1], 2, 3)], [-2, -2]);
  assert.deepEqual([...transposeTimes(a, [1, -1], 2, 3)], [-3, -3, -3]);
});

Deno.test("spectralNorm(A) exactly: 3 for diag(1, −3, 2), the golden ratio for [[1, 1], [0, 1]]", () => {
  assert.equal(spectralNorm(dense(3, 3, [1, 0, 0, 0, -3, 0, 0, 0, 2])), 3);
  const golden = (1 + Math.sqrt(5)) / 2;
  assert.ok(Math.abs(spectralNorm(dense(2, 2, [1, 1, 0, 1])) - golden) < 1e-15);
  assert.equal(spectralNorm(dense(2, 2, [0, 0, 0, 0])), 0);
  assert.throws(() => spectralNorm(dense(2, 2, [1, 2, 3])), RangeError);
  assert.throws(() => spectralNorm(dense(0, 2, [])), RangeError);
});

Deno.test("spectralNorm(A) of a rank-one matrix u vᵀ is ‖u‖·‖v‖, square or not, Float32 too", () => {
  // u = (1, 2, 2), ‖u‖ = 3; v = (3, 4), ‖v‖ = 5: ‖u vᵀ‖₂ = 15 (the 2 % mutation of 15 is 0.3).
  const u = [1, 2, 2], v = [3, 4];
  const outer = u.flatMap((ui) => v.map((vj) => ui * vj));
  assert.ok(Math.abs(spectralNorm(dense(3, 2, outer)) - 15) < 1e-13);
  const wide = v.flatMap((vi) => u.map((uj) => vi * uj));
  assert.ok(Math.abs(spectralNorm(dense(2, 3, wide)) - 15) < 1e-13);
  const single = { rows: 2, cols: 3, data: Float32Array.from(wide) };
  assert.ok(Math.abs(spectralNorm(single) - 15) < 1e-12);
  // Power iteration: the first step turns any start not orthogonal to u into u, the second
  // measures ‖A u/‖u‖‖ = 15 exactly.
  assert.ok(Math.abs(spectralNorm(single, { iterations: 2, rng: createRng(5) }) - 15) < 1e-12);
});

Deno.test("spectralNorm(A, {iterations, rng}) converges from below to the largest singular value", () => {
  const rng = createRng(3);
  const [rows, cols] = [32, 24];
  const a = { rows, cols, data: Float64Array.from({ length: rows * cols }, () => rng.normal()) };
  const gram = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let k = 0; k < rows; k++) s += a.data[k * cols + i] * a.data[k * cols + j];
      gram[i * cols + j] = s;
    }
  }
  const exact = Math.sqrt(Math.max(...symmetricEigenvalues(gram, cols)));
  assert.ok(Math.abs(spectralNorm(a) / exact - 1) < 1e-13);
  const estimate = spectralNorm(a, { iterations: 400, rng: createRng(1) });
  assert.ok(estimate <= exact * (1 + 1e-12));
  assert.ok(Math.abs(estimate / exact - 1) < 1e-6, `${estimate} vs ${exact}`);
  // Stepping the iterator in pieces gives the very same estimate as one run of 400 steps.
  const pieces = powerIterator(a, createRng(1));
  for (let done = 0; done < 400; done += 7) pieces.step(Math.min(7, 400 - done));
  assert.equal(pieces.step(0), estimate);
  assert.throws(() => spectralNorm(a, { iterations: 0, rng: createRng(1) }), RangeError);
});
