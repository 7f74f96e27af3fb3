import assert from "node:assert/strict";
import {
  activate,
  ACTIVATIONS,
  derivative,
  gaussianMean,
  MAX_SLOPE,
  meanSquareOut,
  sigmoid,
  sigmoidDerivative,
  slopeMeanSquare,
} from "../../src/compute/activations.ts";
import { createRng } from "../../src/compute/prng.ts";

const grid = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

Deno.test("sigmoidDerivative(0) = 1/4 exactly, and σ'(x) < 1/4 for every other x", () => {
  assert.equal(sigmoidDerivative(0), 0.25);
  assert.equal(MAX_SLOPE.sigmoid, 0.25);
  for (const x of grid(-30, 30, 1e-3)) {
    if (Math.abs(x) < 1e-12) continue;
    assert.ok(sigmoidDerivative(x) < 0.25, `σ'(${x}) = ${sigmoidDerivative(x)}`);
  }
  // The peak is at 0: σ'' = σ'(1 − 2σ) is positive left of 0 and negative right of it.
  for (const x of [-5, -1, -1e-3]) assert.ok(sigmoidDerivative(x) < sigmoidDerivative(x / 2));
  for (const x of [1e-3, 1, 5]) assert.ok(sigmoidDerivative(x) < sigmoidDerivative(x / 2));
  // σ' = σ(1 − σ) is the derivative of σ (central differences).
  for (const x of [-4, -0.5, 0, 0.3, 2, 7]) {
    const h = 1e-5;
    const fd = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h);
    assert.ok(Math.abs(fd - sigmoidDerivative(x)) < 1e-9, `x = ${x}`);
  }
});

Deno.test("derivative('relu', x) is 0 or 1: 1 for x > 0, 0 otherwise", () => {
  const rng = createRng(2);
  const seen = new Set<number>();
  for (let i = 0; i < 10_000; i++) {
    const x = 10 * rng.normal();
    const d = derivative("relu", x);
    seen.add(d);
    assert.equal(d, x > 0 ? 1 : 0);
  }
  assert.deepEqual([...seen].sort(), [0, 1]);
  assert.equal(derivative("relu", 0), 0);
});

Deno.test("derivative(φ, x) matches central differences of activate(φ, x), and sup|φ'| = MAX_SLOPE[φ]", () => {
  for (const activation of ACTIVATIONS) {
    let sup = 0;
    for (const x of grid(-8, 8, 0.01)) {
      sup = Math.max(sup, Math.abs(derivative(activation, x)));
      if (activation === "relu" && Math.abs(x) < 1e-3) continue;
      const h = 1e-6;
      const fd = (activate(activation, x + h) - activate(activation, x - h)) / (2 * h);
      assert.ok(Math.abs(fd - derivative(activation, x)) < 1e-8, `${activation} at ${x}`);
    }
    assert.ok(Math.abs(sup - MAX_SLOPE[activation]) < 1e-12, `${activation}: sup ${sup}`);
  }
});

Deno.test("gaussianMean(f, q) integrates exactly known Gaussian moments", () => {
  for (const q of [1e-4, 0.3, 1, 2, 9]) {
    assert.ok(Math.abs(gaussianMean((x) => x * x, q) / q - 1) < 1e-12, `E[a²], q = ${q}`);
    assert.ok(Math.abs(gaussianMean((x) => x ** 4, q) / (3 * q * q) - 1) < 1e-12);
    // sigmoid(−x) = 1 − sigmoid(x), so its Gaussian mean is 1/2 at every q.
    assert.ok(Math.abs(gaussianMean(sigmoid, q) - 0.5) < 1e-14);
    // Stein's lemma: E[a·tanh(a)] = q·E[tanh'(a)].
    const left = gaussianMean((x) => x * Math.tanh(x), q);
    const right = q * gaussianMean((x) => derivative("tanh", x), q);
    assert.ok(Math.abs(left / right - 1) < 1e-10, `Stein at q = ${q}`);
    // ReLU's closed forms against the quadrature (its kink at 0 sits on a node).
    assert.ok(Math.abs(gaussianMean((x) => activate("relu", x) ** 2, q) / (q / 2) - 1) < 1e-6);
  }
  assert.equal(gaussianMean(Math.cos, 0), 1);
});

Deno.test("meanSquareOut and slopeMeanSquare for tanh and sigmoid agree with an independent Simpson rule", () => {
  // Simpson's rule in a = √q·z on [−14√q, 14√q] with 40,000 panels.
  const simpson = (f: (x: number) => number, q: number) => {
    const s = Math.sqrt(q);
    const n = 40_000;
    const h = (28 * s) / n;
    let sum = 0;
    for (let k = 0; k <= n; k++) {
      const a = -14 * s + k * h;
      const w = k === 0 || k === n ? 1 : k % 2 ? 4 : 2;
      sum += w * f(a) * Math.exp((-a * a) / (2 * q));
    }
    return (sum * h) / 3 / Math.sqrt(2 * Math.PI * q);
  };
  for (const activation of ["tanh", "sigmoid"] as const) {
    for (const q of [0.01, 0.5, 1, 2, 4.5, 9]) {
      const g = simpson((a) => activate(activation, a) ** 2, q);
      const x = simpson((a) => derivative(activation, a) ** 2, q);
      assert.ok(Math.abs(meanSquareOut(activation, q) / g - 1) < 1e-10, `${activation} G(${q})`);
      assert.ok(Math.abs(slopeMeanSquare(activation, q) / x - 1) < 1e-10, `${activation} X(${q})`);
    }
  }
});

Deno.test("slopeMeanSquare('sigmoid', q) ≤ 1/16 → 1/16 as q → 0; tanh's → 1; ReLU's is 1/2", () => {
  for (const q of [1e-6, 0.1, 1, 4, 9]) {
    assert.ok(slopeMeanSquare("sigmoid", q) <= 1 / 16);
    assert.ok(slopeMeanSquare("tanh", q) <= 1);
    assert.equal(slopeMeanSquare("relu", q), 0.5);
    assert.equal(meanSquareOut("relu", q), q / 2);
    assert.equal(meanSquareOut("identity", q), q);
  }
  assert.ok(Math.abs(slopeMeanSquare("sigmoid", 1e-8) - 1 / 16) < 1e-9);
  assert.ok(Math.abs(slopeMeanSquare("tanh", 1e-8) - 1) < 1e-7);
  assert.throws(() => slopeMeanSquare("tanh", -1), /variance q must be a finite number ≥ 0/);
});
