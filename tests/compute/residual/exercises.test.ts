import assert from "node:assert/strict";
import {
  BIAS_GRADIENT,
  BLOCK_CASE,
  BLOCK_JACOBIAN,
  BLOCK_OUTPUT,
  LAYER_JACOBIAN,
  SIGMOID_SLOPE,
  WEIGHT_GRADIENT,
  ZEROED_LAYER,
} from "../../../src/compute/residual/exercises.ts";
import type { ChoiceAnswer } from "../../../src/compute/exercise.ts";
import { assertSame, assertSameEntries, numeric, SEEDS } from "../exerciseValues.ts";

// An independent forward pass of both networks, and central differences through it: every
// network here is piecewise linear with integer data, so a step of 1e-4 is exact to rounding.
const H = 1e-4;
const relu = (v: number[]) => v.map((x) => Math.max(0, x));
const mul = (m: number[][], v: number[]) =>
  m.map((row) => row.reduce((s, a, j) => s + a * v[j], 0));
const add = (a: number[], b: number[]) => a.map((v, i) => v + b[i]);
const block = (w1: number[][], w2: number[][], x: number[]) =>
  relu(add(mul(w2, relu(mul(w1, x))), x));

/** d f(x)/dx by central differences: rows are outputs, columns inputs. */
function jacobianOf(f: (x: number[]) => number[], x: number[]): number[][] {
  const columns = x.map((_, k) => {
    const up = x.map((v, i) => (i === k ? v + H : v));
    const down = x.map((v, i) => (i === k ? v - H : v));
    const [a, b] = [f(up), f(down)];
    return a.map((v, i) => (v - b[i]) / (2 * H));
  });
  return columns[0].map((_, i) => columns.map((c) => c[i]));
}

type Layers = { a: number[][]; b: number[] }[];

/** y_L of the MLP with skips, with the bias of `layer` (1-based) moved by `db` and its A by `dA`. */
function mlp(
  layers: Layers,
  x: number[],
  edit?: { layer: number; db?: number[]; dA?: number[][] },
): number {
  let y = x;
  layers.forEach(({ a, b }, l) => {
    const mine = edit?.layer === l + 1;
    const A = mine && edit.dA ? a.map((row, i) => row.map((v, j) => v + edit.dA![i][j])) : a;
    const bias = mine && edit.db ? add(b, edit.db) : b;
    const z = add(mul(A, y), bias);
    if (l === layers.length - 1) y = z;
    else y = l === 0 ? relu(z) : add(relu(z), y);
  });
  return y[0];
}

const basis = (n: number, k: number, h: number) =>
  Array.from({ length: n }, (_, i) => (i === k ? h : 0));

/** ∂y_L/∂b_layer by central differences. */
const biasGradient = (layers: Layers, x: number[], layer: number) =>
  [0, 1].map((k) =>
    (mlp(layers, x, { layer, db: basis(2, k, H) }) -
      mlp(layers, x, { layer, db: basis(2, k, -H) })) / (2 * H)
  );

Deno.test("SIGMOID_SLOPE.generate(seed): σ′(x) = e^{−x}/(1 + e^{−x})², below the maximum 1/4 of Discussion 5, 1(a), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { x } = SIGMOID_SLOPE.params(seed);
    const slope = numeric(SIGMOID_SLOPE.generate(seed)).value as number;
    assertSame(slope, Math.exp(-x) / (1 + Math.exp(-x)) ** 2);
    assert.ok(slope < 0.25);
  }
  assertSame(numeric(SIGMOID_SLOPE.instance({ x: 0 })).value as number, 0.25);
});

Deno.test("BLOCK_OUTPUT.generate(seed): X₁ = ReLU(W₂ReLU(W₁X₀) + X₀) (Discussion 5, 1(b)), recomputed, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { w1, w2, x0 } = BLOCK_OUTPUT.params(seed);
    assertSameEntries(numeric(BLOCK_OUTPUT.generate(seed)).value, block(w1, w2, x0));
  }
});

Deno.test("BLOCK_JACOBIAN.generate(seed): ∂X₁/∂X₀ equals central differences of the block (Discussion 5, 1(c)), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { w1, w2, x0 } = BLOCK_JACOBIAN.params(seed);
    const expected = jacobianOf((x) => block(w1, w2, x), x0);
    assertSameEntries(numeric(BLOCK_JACOBIAN.generate(seed)).value, expected, 1e-8, `seed ${seed}`);
  }
});

Deno.test("BLOCK_CASE.generate(seed): the right option is the case whose closed form (0, W₂W₁ + I or I) equals the finite-difference Jacobian, or none does; every case is drawn", () => {
  const eye = [[1, 0], [0, 1]];
  const seen = new Set<number>();
  for (const seed of SEEDS) {
    const { w1, w2, x0 } = BLOCK_CASE.params(seed);
    const answer = BLOCK_CASE.generate(seed).answer as ChoiceAnswer;
    const jacobian = jacobianOf((x) => block(w1, w2, x), x0);
    const inner = mul(w1, x0);
    const outer = add(mul(w2, relu(inner)), x0);
    const product = w2.map((row) => [0, 1].map((k) => row[0] * w1[0][k] + row[1] * w1[1][k]));
    // The course's cases, decided from the pre-activations directly.
    const expected = outer.every((v) => v < 0)
      ? 0
      : inner.every((v) => v > 0) && outer.every((v) => v > 0)
      ? 1
      : inner.every((v) => v < 0) && x0.every((v) => v > 0)
      ? 2
      : 3;
    assert.equal(answer.correct, expected, `seed ${seed}`);
    const closed = [
      [[0, 0], [0, 0]],
      product.map((r, i) => r.map((v, k) => v + eye[i][k])),
      eye,
    ][expected];
    if (closed) assertSameEntries(jacobian, closed, 1e-8, `seed ${seed}`);
    seen.add(expected);
  }
  assert.equal(seen.size, 4);
});

Deno.test("LAYER_JACOBIAN.generate(seed): ∂y₂/∂y₁ = diag(σ′)A₂ + I (Homework 6, 3(i)) equals central differences of layer 2, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { layers } = LAYER_JACOBIAN.params(seed);
    const { a, b } = layers[1];
    const layer2 = (y: number[]) => add(relu(add(mul(a, y), b)), y);
    const y1 = relu(add(mul(layers[0].a, LAYER_JACOBIAN.params(seed).x), layers[0].b));
    assertSameEntries(numeric(LAYER_JACOBIAN.generate(seed)).value, jacobianOf(layer2, y1), 1e-8);
  }
});

Deno.test("BIAS_GRADIENT.generate(seed): ∂y₃/∂b₁ (Homework 6, 3(ii)) equals central differences of the network, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { layers, x } = BIAS_GRADIENT.params(seed);
    assertSameEntries(
      numeric(BIAS_GRADIENT.generate(seed)).value,
      biasGradient(layers, x, 1),
      1e-8,
    );
  }
});

Deno.test("WEIGHT_GRADIENT.generate(seed): ∂y₃/∂A₂ (Homework 6, 3(ii)) equals central differences of the network, entry by entry, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { layers, x } = WEIGHT_GRADIENT.params(seed);
    const expected = [0, 1].map((i) =>
      [0, 1].map((j) => {
        const dA = (h: number) =>
          [0, 1].map((r) => [0, 1].map((c) => (r === i && c === j ? h : 0)));
        return (mlp(layers, x, { layer: 2, dA: dA(H) }) -
          mlp(layers, x, { layer: 2, dA: dA(-H) })) / (2 * H);
      })
    );
    assertSameEntries(numeric(WEIGHT_GRADIENT.generate(seed)).value, expected, 1e-8);
  }
});

Deno.test("ZEROED_LAYER.generate(seed): with A₃ = 0, ∂y₄/∂b₁ equals central differences and is not zero (Homework 6, 3(iii)), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { layers, x } = ZEROED_LAYER.params(seed);
    assert.deepEqual(layers[2].a, [[0, 0], [0, 0]]);
    const answer = numeric(ZEROED_LAYER.generate(seed)).value as number[];
    assertSameEntries(answer, biasGradient(layers, x, 1), 1e-8);
    assert.ok(answer.some((v) => v !== 0));
  }
});
