import assert from "node:assert/strict";
import { createRng } from "../../../src/compute/prng.ts";
import { symmetricEigenvalues } from "../../../src/compute/symmetricEigen.ts";
import { spectralNorm } from "../../../src/compute/linalg.ts";
import {
  gaussianMatrix,
  orthogonalFactor,
  recurrentMatrix,
} from "../../../src/compute/rnn-gradients/weights.ts";

const norm = (a: Float64Array, n: number) => spectralNorm({ rows: n, cols: n, data: a });

/** AᵀA for the n×n row-major A. */
function gram(a: Float64Array, n: number): Float64Array {
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) g[i * n + j] += a[k * n + i] * a[k * n + j];
    }
  }
  return g;
}

Deno.test("orthogonalFactor(g, n): QᵀQ = I to 1e-14 and QᵀG is upper triangular with a positive diagonal", () => {
  for (const n of [2, 16, 64]) {
    const g = gaussianMatrix(n, createRng(n));
    const q = orthogonalFactor(g, n);
    const qtq = gram(q, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        assert.ok(Math.abs(qtq[i * n + j] - (i === j ? 1 : 0)) < 1e-14, `n = ${n}: (${i}, ${j})`);
      }
    }
    // R = QᵀG.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let r = 0;
        for (let k = 0; k < n; k++) r += q[k * n + i] * g[k * n + j];
        if (i === j) assert.ok(r > 0);
        else assert.ok(Math.abs(r) < 1e-12, `n = ${n}: R(${i}, ${j}) = ${r}`);
      }
    }
  }
});

Deno.test("recurrentMatrix(n, s, kind): ‖W‖₂ = s for both kinds; every singular value of the orthogonal one is s", () => {
  for (const s of [0.3, 1, 2.5]) {
    for (const n of [3, 16]) {
      const orthogonal = recurrentMatrix(n, s, "orthogonal", createRng(7));
      const gaussian = recurrentMatrix(n, s, "gaussian", createRng(7));
      assert.ok(Math.abs(norm(orthogonal, n) / s - 1) < 1e-13);
      assert.ok(Math.abs(norm(gaussian, n) / s - 1) < 1e-13);
      for (const lambda of symmetricEigenvalues(gram(orthogonal, n), n)) {
        assert.ok(Math.abs(Math.sqrt(lambda) / s - 1) < 1e-13);
      }
      // The Gaussian one's singular values spread out below s.
      const smallest = Math.sqrt(Math.max(0, symmetricEigenvalues(gram(gaussian, n), n)[0]));
      assert.ok(smallest < 0.9 * s);
    }
  }
});

Deno.test("recurrentMatrix: bad n, s < 0, NaN and unknown kinds are refused by name", () => {
  const rng = createRng(1);
  assert.throws(() => recurrentMatrix(0, 1, "orthogonal", rng), /hidden units n/);
  assert.throws(() => recurrentMatrix(4, -1, "orthogonal", rng), /spectral norm s.*-1/);
  assert.throws(() => recurrentMatrix(4, NaN, "gaussian", rng), /spectral norm s.*NaN/);
  assert.throws(() => recurrentMatrix(4, 1, "diagonal" as "gaussian", rng), /weights/);
});
