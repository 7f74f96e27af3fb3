import assert from "node:assert/strict";
import { theoryProfile, uniformWidths } from "../../src/compute/meanField.ts";
import {
  HE,
  PYTORCH,
  pytorchOutputVariance,
  pytorchVarianceRecursion,
  scaledScheme,
  XAVIER,
} from "../../src/compute/schemes.ts";
import { meanSquareOut } from "../../src/compute/activations.ts";

const close = (actual: number, expected: number, rel = 1e-12, what = "") =>
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.abs(expected),
    `${what}: ${actual} vs ${expected}`,
  );

Deno.test("theoryProfile(He, relu): the first pre-activation variance is 2 with unit-variance raw input, and every later one is 2", () => {
  const t = theoryProfile({ scheme: HE, activation: "relu", widths: uniformWidths(50, 64) });
  assert.equal(t.preVariance[0], 2);
  for (const q of t.preVariance) close(q, 2, 1e-15);
  // He's premise: unit-variance symmetric pre-activations before the ReLU hand on E[h²] = 1/2,
  // and then the next pre-activation has variance exactly 1.
  const premise = meanSquareOut("relu", 1);
  assert.equal(premise, 0.5);
  const held = theoryProfile({
    scheme: HE,
    activation: "relu",
    widths: uniformWidths(10, 64),
    inputMeanSquare: premise,
  });
  for (const q of held.preVariance) close(q, 1, 1e-15);
  // Backward, He's s²·X = 2·½ = 1 keeps the squared gradient at 1 through every layer.
  for (const r of t.gradMeanSquare) close(r, 1, 1e-12);
});

Deno.test("theoryProfile(Xavier, identity) holds pre-activation variance and squared gradient at 1", () => {
  const t = theoryProfile({
    scheme: XAVIER,
    activation: "identity",
    widths: uniformWidths(30, 16),
  });
  for (const q of t.preVariance) close(q, 1, 1e-15);
  for (const r of t.gradMeanSquare) close(r, 1, 1e-15);
  for (const g of t.inputGradMeanSquare) close(g, 1, 1e-15);
});

Deno.test("theoryProfile(Xavier, relu): variance and squared gradient halve at every layer", () => {
  const L = 40;
  const t = theoryProfile({ scheme: XAVIER, activation: "relu", widths: uniformWidths(L, 16) });
  t.preVariance.forEach((q, i) => close(q, 2 ** -i, 1e-14, `q_${i + 1}`));
  t.gradMeanSquare.forEach((r, l) => close(r, 2 ** (l - L), 1e-14, `r_${l}`));
  t.inputGradMeanSquare.forEach((g, i) => close(g, 2 ** -(i + 1), 1e-14));
});

Deno.test("theoryProfile(PyTorch, identity, [100, 50, 50, 20, 1]) is the course's recursion and ends at 13/405", () => {
  const t = theoryProfile({
    scheme: PYTORCH,
    activation: "identity",
    widths: [100, 50, 50, 20, 1],
  });
  const recursion = pytorchVarianceRecursion([100, 50, 50, 20]);
  t.preVariance.forEach((q, i) => close(q, recursion[i + 1], 1e-14, `Var(y_${i + 1})`));
  close(t.preVariance[3], pytorchOutputVariance([100, 50, 50, 20]), 1e-14);
  close(t.preVariance[3], 13 / 405, 1e-14);
  // Without biases the default shrinks the variance by exactly 3 per layer.
  const noBias = theoryProfile({
    scheme: { ...PYTORCH, biasGain: 0 },
    activation: "identity",
    widths: uniformWidths(8, 32),
  });
  noBias.preVariance.forEach((q, i) => close(q, 3 ** -(i + 1), 1e-14));
});

Deno.test("theoryProfile(σ, sigmoid): each layer multiplies the squared gradient by σ²·X(q) ≤ σ²/16", () => {
  for (const sigma of [0.5, 1, 1.5, 3]) {
    const t = theoryProfile({
      scheme: scaledScheme(sigma),
      activation: "sigmoid",
      widths: uniformWidths(30, 16),
    });
    t.inputGradMeanSquare.forEach((g, i) => {
      assert.ok(g <= (sigma * sigma / 16) ** (i + 1) * (1 + 1e-12), `σ = ${sigma}, depth ${i + 1}`);
    });
    assert.equal(t.preVariance[0], sigma * sigma);
  }
});

Deno.test("theoryProfile refuses depth 0, width 0 and NaN widths with messages that name them", () => {
  assert.throws(() => uniformWidths(0, 16), /depth must be an integer ≥ 1; got 0/);
  assert.throws(() => uniformWidths(5, 0), /width must be an integer ≥ 1; got 0/);
  assert.throws(
    () => theoryProfile({ scheme: HE, activation: "relu", widths: [16, NaN] }),
    /width n_1 must be an integer ≥ 1; got NaN/,
  );
  assert.throws(
    () => theoryProfile({ scheme: HE, activation: "softplus" as "relu", widths: [4, 4] }),
    /activation must be one of/,
  );
});
