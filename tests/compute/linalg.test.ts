import assert from "node:assert/strict";
import {
  choleskySolve,
  eigenvalues2x2Symmetric,
  gram,
  luSolve,
  matVec,
  minNormLeastSquares,
  symmetricEigen,
  transpose,
} from "../../src/compute/linalg.ts";
import { createRng } from "../../src/compute/prng.ts";

const close = (a: number[], b: number[], tol: number, what = "") =>
  a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) <= tol, `${what}[${i}]: ${v} vs ${b[i]}`));

function randomSpd(n: number, seed: number): number[][] {
  const rng = createRng(seed);
  const a = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
  const g = gram(a);
  return g.map((row, i) => row.map((v, j) => v + (i === j ? 0.1 : 0)));
}

Deno.test("linalg: Cholesky and LU solve random systems", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const n = 1 + (seed % 6);
    const a = randomSpd(n, seed);
    const rng = createRng(seed + 100);
    const x = Array.from({ length: n }, () => rng.normal());
    const b = matVec(a, x);
    close(choleskySolve(a, b), x, 1e-8, "cholesky");
    close(luSolve(a, b), x, 1e-8, "lu");
  }
});

Deno.test("linalg: LU pivots past a zero leading entry", () => {
  close(luSolve([[0, 1], [1, 0]], [2, 3]), [3, 2], 1e-15);
});

Deno.test("linalg: singular and indefinite matrices are rejected", () => {
  assert.throws(() => luSolve([[1, 2], [2, 4]], [1, 2]), RangeError);
  assert.throws(() => choleskySolve([[1, 2], [2, 1]], [1, 1]), RangeError);
  assert.throws(() => choleskySolve([[1, 0], [0, 1]], [1]), RangeError);
});

Deno.test("linalg: 2×2 eigenvalues agree with Jacobi", () => {
  const [lo, hi] = eigenvalues2x2Symmetric(200, 10, 2);
  // trace 202, determinant 300
  assert.ok(Math.abs(lo + hi - 202) < 1e-12 && Math.abs(lo * hi - 300) < 1e-9);
  close(symmetricEigen([[200, 10], [10, 2]]).values, [lo, hi], 1e-10);
});

Deno.test("linalg: Jacobi eigenvectors reconstruct the matrix", () => {
  for (let seed = 1; seed <= 10; seed++) {
    const a = randomSpd(2 + (seed % 5), seed);
    const { values, vectors } = symmetricEigen(a);
    for (let k = 1; k < values.length; k++) assert.ok(values[k - 1] <= values[k]);
    const vt = transpose(vectors);
    const rebuilt = a.map((_, i) =>
      a.map((_, j) => values.reduce((s, lam, k) => s + lam * vectors[i][k] * vt[k][j], 0))
    );
    a.forEach((row, i) => close(rebuilt[i], row, 1e-9, `row ${i}`));
  }
});

Deno.test("linalg: minimum-norm least squares", () => {
  // Underdetermined: one equation 10 a + b = 11 → x y / |x|².
  close(minNormLeastSquares([[10, 1]], [11]), [110 / 101, 11 / 101], 1e-12);
  // Zero-weight rows are ignored.
  close(minNormLeastSquares([[10, 1], [0, 5]], [11, 7], [1, 0]), [110 / 101, 11 / 101], 1e-12);
  // Overdetermined and full rank: the ordinary least-squares fit y ≈ 1 + 2 t.
  const rows = [0, 1, 2, 3].map((t) => [1, t]);
  close(minNormLeastSquares(rows, rows.map(([, t]) => 1 + 2 * t)), [1, 2], 1e-10);
  assert.throws(() => minNormLeastSquares([[1, 0]], [1], [-1]), RangeError);
});
