import assert from "node:assert/strict";
import {
  featureRidge,
  peakLocation,
  tunedLambda,
} from "../../../src/compute/double-descent/exercises.ts";
import {
  answerEntries,
  assertSameEntries,
  correctOption,
  exerciseNamed,
  matrixAfter,
  SEEDS,
  tupleAfter,
} from "../exerciseValues.ts";

const PAGE = "double-descent";

/** Solves A z = b by Gaussian elimination with partial pivoting (A small and invertible). */
function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  const n = b.length;
  for (let c = 0; c < n; c++) {
    const pivot = m.slice(c).reduce(
      (best, row, k) => (Math.abs(row[c]) > Math.abs(m[best][c]) ? c + k : best),
      c,
    );
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const factor = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= factor * m[c][k];
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    z[r] = (m[r][n] - m[r].slice(r + 1, n).reduce((s, v, k) => s + v * z[r + 1 + k], 0)) / m[r][r];
  }
  return z;
}

/** θ = (X̃ᵀX̃ + λI)⁻¹X̃ᵀY in the primal form, whatever p is, with X̃ = ReLU(XWᵀ). */
function primalTheta(x: number[][], w: number[][], y: number[], lambda: number): number[] {
  const phi = x.map((row) => w.map((wj) => Math.max(0, row.reduce((s, v, k) => s + v * wj[k], 0))));
  const p = w.length;
  const a = Array.from(
    { length: p },
    (_, i) =>
      Array.from(
        { length: p },
        (_, j) => phi.reduce((s, r) => s + r[i] * r[j], 0) + (i === j ? lambda : 0),
      ),
  );
  const b = Array.from({ length: p }, (_, i) => phi.reduce((s, r, n) => s + r[i] * y[n], 0));
  return solve(a, b);
}

Deno.test("featureRidge({X: [[1, 0], [0, 1], [1, 1]], W: I, Y: (1, 2, 3), λ: 1}) is (7/8, 11/8), homework 6 Q5", () => {
  const i = featureRidge({
    x: [[1, 0], [0, 1], [1, 1]],
    w: [[1, 0], [0, 1]],
    y: [1, 2, 3],
    lambda: 1,
  });
  assertSameEntries(answerEntries(i), [7 / 8, 11 / 8], 1e-9, "θ");
});

Deno.test("featureRidge({X, W, Y, λ}) equals the primal solve (X̃ᵀX̃ + λI)θ = X̃ᵀY, for p ≤ N_train and (kernel form) p > N_train, seeds 0..999", () => {
  for (const name of ["feature-ridge", "kernel-form"]) {
    for (const seed of SEEDS) {
      const i = exerciseNamed(PAGE, name).generate(seed);
      const x = matrixAfter(i.prompt, "X");
      const w = matrixAfter(i.prompt, "W");
      const y = tupleAfter(i.prompt, "Y");
      const lambda = Number(i.prompt.split("\\lambda = ")[1].match(/^[\d.]+/)![0]);
      assert.equal(w.length > x.length, name === "kernel-form", `${name}: p against N_train`);
      assertSameEntries(
        answerEntries(i),
        primalTheta(x, w, y, lambda),
        1e-9,
        `${name} seed ${seed}`,
      );
    }
  }
});

Deno.test("peakLocation({nTrain: 300, d: 35}) picks p = N_train, and tunedLambda the vanished peak, homework 6 Q5", () => {
  for (const seed of [0, 1, 2, 3]) {
    assert.equal(
      correctOption(peakLocation({ nTrain: 300, d: 35 }, seed)),
      "near $p = N_\\text{train} = 300$",
    );
    assert.match(correctOption(tunedLambda({ nTrain: 300, d: 35 }, seed)), /^it disappears/);
  }
});
