import assert from "node:assert/strict";
import { createRng } from "../../src/compute/prng.ts";
import { ridgePath } from "../../src/compute/ridgePath.ts";

/** θ from (XᵀX + λI)θ = Xᵀy by a dense Cholesky factorisation, the slow textbook route. */
function directRidge(x: Float64Array, n: number, p: number, y: Float64Array, lambda: number) {
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) b[j] += x[i * p + j] * y[i];
    for (let k = 0; k < p; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[i * p + j] * x[i * p + k];
      a[j * p + k] = s + (j === k ? lambda : 0);
    }
  }
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      let s = a[j * p + k];
      for (let m = 0; m < k; m++) s -= l[j * p + m] * l[k * p + m];
      l[j * p + k] = j === k ? Math.sqrt(s) : s / l[k * p + k];
    }
  }
  const z = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = b[j];
    for (let m = 0; m < j; m++) s -= l[j * p + m] * z[m];
    z[j] = s / l[j * p + j];
  }
  for (let j = p - 1; j >= 0; j--) {
    let s = z[j];
    for (let m = j + 1; m < p; m++) s -= l[m * p + j] * z[m];
    z[j] = s / l[j * p + j];
  }
  return z;
}

function problem(n: number, p: number, seed: number) {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: n * p }, () => rng.normal());
  const y = Float64Array.from({ length: n }, () => rng.normal());
  return { x, y };
}

function checkAgainstDirect(n: number, p: number, seed: number) {
  const { x, y } = problem(n, p, seed);
  const lambdas = [0.01, 0.3, 1, 10, 100];
  const theta = ridgePath(x, n, p, y, lambdas);
  assert.equal(theta.length, lambdas.length * p);
  lambdas.forEach((lambda, l) => {
    const expected = directRidge(x, n, p, y, lambda);
    const scale = Math.max(1, ...expected.map(Math.abs));
    for (let j = 0; j < p; j++) {
      const got = theta[l * p + j];
      assert.ok(
        Math.abs(got - expected[j]) <= 1e-9 * scale,
        `n = ${n}, p = ${p}, λ = ${lambda}: θ[${j}] = ${got}, direct ${expected[j]}`,
      );
    }
  });
}

Deno.test("ridgePath(X, y, lambdas) matches a direct solve for every λ when p < n (primal)", () => {
  checkAgainstDirect(40, 12, 1);
  checkAgainstDirect(9, 1, 2);
  checkAgainstDirect(30, 30, 3);
});

Deno.test("ridgePath(X, y, lambdas) matches a direct solve for every λ when p > n (kernel)", () => {
  checkAgainstDirect(15, 60, 4);
  checkAgainstDirect(1, 5, 5);
  checkAgainstDirect(20, 21, 6);
});

Deno.test("ridgePath(X, y, [0]) is least squares when X has full column rank", () => {
  const n = 25;
  const p = 6;
  const { x, y } = problem(n, p, 9);
  const theta = ridgePath(x, n, p, y, [0]);
  // The residual is orthogonal to every column.
  for (let j = 0; j < p; j++) {
    let g = 0;
    for (let i = 0; i < n; i++) {
      let r = y[i];
      for (let k = 0; k < p; k++) r -= x[i * p + k] * theta[k];
      g += x[i * p + j] * r;
    }
    assert.ok(Math.abs(g) < 1e-10, `Xᵀr[${j}] = ${g}`);
  }
});

Deno.test("ridgePath(X, y, lambdas) rejects bad sizes and negative λ", () => {
  const { x, y } = problem(4, 3, 1);
  assert.throws(
    () => ridgePath(x, 4, 3, y, [-1]),
    /λ must be finite and ≥ 0, got lambdas\[0\] = -1/,
  );
  assert.throws(() => ridgePath(x, 4, 3, y, [NaN]), RangeError);
  assert.throws(() => ridgePath(x, 0, 3, y, [1]), /n must be an integer ≥ 1, got 0/);
  assert.throws(() => ridgePath(x, 4, 2, y, [1]), /x must hold/);
  assert.throws(() => ridgePath(x, 4, 3, y.subarray(1), [1]), /y must hold/);
});
