import assert from "node:assert/strict";
import { createRng } from "../../src/compute/prng.ts";
import {
  applyQ,
  applyQTranspose,
  solveShiftedTridiagonal,
  symmetricEigenvalues,
  tridiagonalEigen,
  tridiagonalize,
} from "../../src/compute/symmetricEigen.ts";

function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = rng.normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= tol,
      `entry ${i}: ${actual[i]} vs ${expected[i]} (tolerance ${tol})`,
    );
  }
}

Deno.test("symmetricEigenvalues(A, n) finds the eigenvalues of known matrices", () => {
  assertClose(symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2), [1, 3], 1e-15);
  assertClose(symmetricEigenvalues(Float64Array.of(7), 1), [7], 0);
  assertClose(
    symmetricEigenvalues(Float64Array.of(3, 0, 0, 0, -1, 0, 0, 0, 2), 3),
    [-1, 2, 3],
    0,
  );
  // All-ones 4×4: one eigenvalue 4, a threefold 0.
  assertClose(symmetricEigenvalues(new Float64Array(16).fill(1), 4), [0, 0, 0, 4], 1e-14);
  // The second-difference matrix tridiag(−1, 2, −1): λ_k = 2 − 2cos(kπ / (n + 1)).
  const n = 40;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 2;
    if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
  }
  const expected = Array.from(
    { length: n },
    (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)),
  );
  assertClose(symmetricEigenvalues(a, n), expected, 1e-13);
});

/** A = H diag(values) H for a random reflector H = I − 2vvᵀ/vᵀv: a matrix with a known spectrum. */
function withSpectrum(values: number[], seed: number): Float64Array {
  const n = values.length;
  const rng = createRng(seed);
  const v = Array.from({ length: n }, () => rng.normal());
  const vv = v.reduce((s, x) => s + x * x, 0);
  const h = (i: number, j: number) => (i === j ? 1 : 0) - (2 * v[i] * v[j]) / vv;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += h(i, k) * values[k] * h(k, j);
      a[i * n + j] = s;
    }
  }
  return a;
}

Deno.test("symmetricEigenvalues(A, n) recovers a planted spectrum and keeps A's trace and norm", () => {
  for (const n of [1, 2, 3, 7, 30, 120]) {
    const rng = createRng(200 + n);
    const planted = Array.from({ length: n }, () => 10 * rng.normal());
    const got = symmetricEigenvalues(withSpectrum(planted, 100 + n), n);
    assertClose(
      got,
      planted.slice().sort((a, b) => a - b),
      1e-12 * n * Math.max(...planted.map(Math.abs)),
    );
    const a = randomSymmetric(n, 100 + n);
    const values = symmetricEigenvalues(a, n);
    let trace = 0;
    let frobenius = 0;
    for (let i = 0; i < n; i++) {
      trace += a[i * n + i];
      for (let j = 0; j < n; j++) frobenius += a[i * n + j] ** 2;
    }
    const tol = 1e-12 * n * Math.max(1, maxAbs(a));
    assert.ok(Math.abs(values.reduce((s, v) => s + v, 0) - trace) <= tol, `n = ${n}: Σλ`);
    assert.ok(
      Math.abs(values.reduce((s, v) => s + v * v, 0) - frobenius) <= tol * n,
      `n = ${n}: Σλ²`,
    );
    for (let k = 1; k < n; k++) assert.ok(values[k - 1] <= values[k], "ascending eigenvalues");
  }
});

Deno.test("tridiagonalize(A, n) gives QᵀAQ = T with applyQ inverting applyQTranspose", () => {
  const n = 25;
  const a = randomSymmetric(n, 3);
  const t = tridiagonalize(a.slice(), n);
  // Qᵀ A Q column by column: columns of Q are Q e_j.
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  applyQ(t, q, n);
  const aq = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * q[k * n + j];
      aq[i * n + j] = s;
    }
  }
  applyQTranspose(t, aq, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const expected = i === j ? t.d[i] : i === j + 1 ? t.e[i] : j === i + 1 ? t.e[j] : 0;
      assert.ok(Math.abs(aq[i * n + j] - expected) <= 1e-12, `T(${i},${j}) = ${aq[i * n + j]}`);
    }
  }
  const rng = createRng(4);
  const b = Float64Array.from({ length: n * 2 }, () => rng.normal());
  const back = applyQ(t, applyQTranspose(t, b.slice(), 2), 2);
  assertClose(back, b, 1e-13);
});

Deno.test("solveShiftedTridiagonal(d, e, n, λ, c) solves (T + λI)z = c", () => {
  const n = 6;
  const d = Float64Array.of(2, 3, 1, 4, 2, 5);
  const e = Float64Array.of(0, 0.5, -1, 0.3, 0.7, -0.2);
  const c = Float64Array.of(1, -2, 3, 0.5, 0, 1);
  const lambda = 0.3;
  const z = solveShiftedTridiagonal(d, e, n, lambda, c, new Float64Array(n), new Float64Array(n));
  for (let i = 0; i < n; i++) {
    let s = (d[i] + lambda) * z[i];
    if (i > 0) s += e[i] * z[i - 1];
    if (i < n - 1) s += e[i + 1] * z[i + 1];
    assert.ok(Math.abs(s - c[i]) < 1e-14, `row ${i}: ${s} vs ${c[i]}`);
  }
  const values = tridiagonalEigen(d.slice(), e.slice(), n);
  assert.equal(values.length, n);
});

Deno.test("symmetricEigenvalues(A, n) rejects a bad size", () => {
  assert.throws(() => symmetricEigenvalues(new Float64Array(4), 0), RangeError);
  assert.throws(() => symmetricEigenvalues(new Float64Array(3), 2), /n² = 4/);
});
