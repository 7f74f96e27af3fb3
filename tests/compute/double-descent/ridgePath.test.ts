import assert from "node:assert/strict";
import { createRng } from "../../../src/compute/prng.ts";
import {
  factorRidge,
  factorSingularValues,
  kernelResidualSumOfSquares,
  primalResidualSumOfSquares,
  type RidgeBlock,
  solveBlock,
} from "../../../src/compute/double-descent/ridgePath.ts";
import { directRidge } from "../../reference/directRidgeTrial.ts";

function problem(n: number, p: number, seed: number) {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: n * p }, () => rng.normal());
  const y = Float64Array.from({ length: n }, () => rng.normal());
  return { x, y };
}

/**
 * θ(λ) for every λ through one factorisation, the way the loader and the live trial use
 * factorRidge and solveBlock: M = XᵀX and r = Xᵀy when p ≤ n, else M = XXᵀ, r = y and θ = Xᵀα.
 */
function ridgeByFactor(x: Float64Array, n: number, p: number, y: Float64Array, lambdas: number[]) {
  const primal = p <= n;
  const size = primal ? p : n;
  const m = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    for (let k = 0; k <= j; k++) {
      let s = 0;
      if (primal) { for (let i = 0; i < n; i++) s += x[i * p + j] * x[i * p + k]; }
      else for (let i = 0; i < p; i++) s += x[j * p + i] * x[k * p + i];
      m[j * size + k] = s;
    }
  }
  const r = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    if (primal) { for (let i = 0; i < n; i++) r[j] += x[i * p + j] * y[i]; }
    else r[j] = y[j];
  }
  const count = lambdas.length;
  const factor = factorRidge(m, size);
  const block: RidgeBlock = {
    w: new Float64Array(size * count),
    rDotW: new Float64Array(count),
    normW2: new Float64Array(count),
  };
  solveBlock(factor, r, lambdas, block);
  const theta = lambdas.map((_, l) => {
    const t = new Float64Array(p);
    for (let i = 0; i < size; i++) {
      const w = block.w[i * count + l];
      if (primal) t[i] = w;
      else for (let j = 0; j < p; j++) t[j] += w * x[i * p + j];
    }
    return t;
  });
  return { theta, block, factor, r };
}

const residual2 = (x: Float64Array, n: number, p: number, y: Float64Array, t: Float64Array) => {
  let s = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < p; j++) f += x[i * p + j] * t[j];
    s += (y[i] - f) ** 2;
  }
  return s;
};

function checkAgainstDirect(n: number, p: number, seed: number) {
  const { x, y } = problem(n, p, seed);
  const lambdas = [0.01, 0.3, 1, 10, 100];
  const { theta, block, r } = ridgeByFactor(x, n, p, y, lambdas);
  const yy = y.reduce((s, v) => s + v * v, 0);
  lambdas.forEach((lambda, l) => {
    const expected = directRidge(x, n, p, y, lambda);
    const scale = Math.max(1, ...expected.map(Math.abs));
    const what = `n = ${n}, p = ${p}, λ = ${lambda}`;
    for (let j = 0; j < p; j++) {
      assert.ok(
        Math.abs(theta[l][j] - expected[j]) <= 1e-9 * scale,
        `${what}: θ[${j}] = ${theta[l][j]}, direct ${expected[j]}`,
      );
    }
    // The block's by-products, and the residual sums built from them, against explicit sums.
    const coef = Array.from({ length: r.length }, (_, i) => block.w[i * lambdas.length + l]);
    const dot = coef.reduce((s, v, i) => s + v * r[i], 0);
    const norm2 = coef.reduce((s, v) => s + v * v, 0);
    assert.ok(Math.abs(block.rDotW[l] - dot) <= 1e-9 * Math.abs(dot), `${what}: rᵀw`);
    assert.ok(Math.abs(block.normW2[l] - norm2) <= 1e-9 * norm2, `${what}: ‖w‖²`);
    const rss = p <= n
      ? primalResidualSumOfSquares(yy, lambda, block.rDotW[l], block.normW2[l])
      : kernelResidualSumOfSquares(lambda, block.normW2[l]);
    const want = residual2(x, n, p, y, expected);
    assert.ok(Math.abs(rss - want) <= 1e-8 * Math.max(want, 1e-3 * yy), `${what}: ‖y − Xθ‖²`);
  });
}

Deno.test("factorRidge + solveBlock match a direct solve for every λ when p ≤ n (primal)", () => {
  checkAgainstDirect(40, 12, 1);
  checkAgainstDirect(9, 1, 2);
  checkAgainstDirect(30, 30, 3);
});

Deno.test("factorRidge + solveBlock match a direct solve for every λ when p > n (kernel)", () => {
  checkAgainstDirect(15, 60, 4);
  checkAgainstDirect(1, 5, 5);
  checkAgainstDirect(20, 21, 6);
});

Deno.test("solveBlock(f, Xᵀy, [0]) is least squares when X has full column rank", () => {
  const n = 25;
  const p = 6;
  const { x, y } = problem(n, p, 9);
  const [theta] = ridgeByFactor(x, n, p, y, [0]).theta;
  // The residual is orthogonal to every column.
  for (let j = 0; j < p; j++) {
    let g = 0;
    for (let i = 0; i < n; i++) {
      let res = y[i];
      for (let k = 0; k < p; k++) res -= x[i * p + k] * theta[k];
      g += x[i * p + j] * res;
    }
    assert.ok(Math.abs(g) < 1e-10, `Xᵀr[${j}] = ${g}`);
  }
});

Deno.test("factorSingularValues(f) are the column norms of a matrix with orthogonal columns", () => {
  // Columns (3, 4, 0…), (0, 0, 1.8, 2.4, 0, 0), (0…, 0.3, 0.4) and (1.6, −1.2, 0…) are orthogonal
  // with norms 5, 3, 0.5 and 2, so those are the singular values (and zeros for XXᵀ).
  const n = 6;
  const p = 4;
  const x = new Float64Array(n * p);
  const entries: [number, number, number][] = [
    [0, 0, 3],
    [1, 0, 4],
    [2, 1, 1.8],
    [3, 1, 2.4],
    [4, 2, 0.3],
    [5, 2, 0.4],
    [0, 3, 1.6],
    [1, 3, -1.2],
  ];
  for (const [i, j, v] of entries) x[i * p + j] = v;
  for (const kernel of [false, true]) {
    const size = kernel ? n : p;
    const m = new Float64Array(size * size);
    for (let j = 0; j < size; j++) {
      for (let k = 0; k <= j; k++) {
        let s = 0;
        if (kernel) { for (let i = 0; i < p; i++) s += x[j * p + i] * x[k * p + i]; }
        else for (let i = 0; i < n; i++) s += x[i * p + j] * x[i * p + k];
        m[j * size + k] = s;
      }
    }
    const values = factorSingularValues(factorRidge(m, size));
    const want = [5, 3, 2, 0.5, 0, 0].slice(0, size);
    values.forEach((v, i) =>
      assert.ok(Math.abs(v - want[i]) < 1e-7, `XXᵀ ${kernel}: s${i} = ${v}`)
    );
  }
});
