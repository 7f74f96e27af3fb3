import assert from "node:assert/strict";
import {
  batchNormOfProjection,
  whitenedBatch,
} from "../../../src/compute/normalisation-geometry/weightNorm.ts";
import {
  cloudCovariance,
  outputLaw,
  projectedGradient,
  weightNormOutput,
} from "../../../src/compute/normalisation-geometry/exercises.ts";
import {
  answerEntries,
  assertNearMeasured,
  assertSameEntries,
  centralGradient,
  exerciseNamed,
  matrixAfter,
  numberAfter,
  SEEDS,
  tupleAfter,
} from "../exerciseValues.ts";

const PAGE = "normalisation-geometry";

Deno.test("outputLaw({N(1.5, 0.16), β: 3, γ: 1}) is (3, 1), homework 5 9(a); every seed gives (β, γ²)", () => {
  assertSameEntries(
    answerEntries(outputLaw({ mean: 1.5, variance: 0.16, beta: 3, gamma: 1 })),
    [3, 1],
    1e-9,
    "law",
  );
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "output-law").generate(seed);
    const beta = numberAfter(i.prompt, "\\beta");
    const gamma = numberAfter(i.prompt, "\\gamma");
    assertSameEntries(answerEntries(i), [beta, gamma * gamma], 1e-9, `seed ${seed}`);
  }
});

Deno.test("cloudCovariance({sd: (2, 0.5), ρ: 0.6}) is [[1, 0.6], [0.6, 1]], homework 5 9(b); every seed gives the correlation matrix", () => {
  assertSameEntries(
    answerEntries(cloudCovariance({ sd: [2, 0.5], rho: 0.6 })),
    [1, 0.6, 0.6, 1],
    1e-9,
    "covariance",
  );
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "cloud-covariance").generate(seed);
    const [[a, b], [, c]] = matrixAfter(i.prompt, "\\Sigma");
    const rho = b / Math.sqrt(a * c);
    assertSameEntries(answerEntries(i), [1, rho, rho, 1], 1e-9, `seed ${seed}`);
  }
});

Deno.test("weightNormOutput({u, γ, β, x}) equals batch norm of uᵀx over a whitened batch, worked exercises 4", () => {
  const rows = whitenedBatch(64, 3, 5);
  const u = [1, 2, 2];
  const bn = batchNormOfProjection(rows, u, 1.5, 0.5);
  rows.slice(0, 10).forEach((x, k) => {
    const got = answerEntries(weightNormOutput({ u, gamma: 1.5, beta: 0.5, x }));
    assert.ok(
      Math.abs(got[0] - bn[k]) <= 1e-9 * Math.max(1, Math.abs(bn[k])),
      `row ${k}: ${got} vs ${bn[k]}`,
    );
  });
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "weight-norm-output").generate(seed);
    const uu = tupleAfter(i.prompt, "u");
    const x = tupleAfter(i.prompt, "x");
    const gamma = numberAfter(i.prompt, "\\gamma");
    const beta = numberAfter(i.prompt, "\\beta");
    const ux = uu.reduce((s, v, j) => s + v * x[j], 0);
    assertSameEntries(
      answerEntries(i),
      [(gamma * ux) / Math.hypot(...uu) + beta],
      1e-9,
      `seed ${seed}`,
    );
  }
});

Deno.test("projectedGradient({u: (3, 4), γ: 1, ∇_wL: (1, 0)}) is (0.128, −0.096), worked exercises 4", () => {
  assertSameEntries(
    answerEntries(projectedGradient({ u: [3, 4], gamma: 1, gradW: [1, 0] })),
    [0.128, -0.096],
    1e-9,
    "∇ᵤL",
  );
});

Deno.test("projectedGradient({u, γ, ∇_wL}) equals central differences of ∇_wL·γu/‖u‖ and is orthogonal to u, seeds 0..999", () => {
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "projected-gradient").generate(seed);
    const u = tupleAfter(i.prompt, "u");
    const g = tupleAfter(i.prompt, "\\nabla_w L");
    const gamma = numberAfter(i.prompt, "\\gamma");
    const loss = (v: number[]) =>
      (gamma / Math.hypot(...v)) * v.reduce((s, e, j) => s + e * g[j], 0);
    const numeric = centralGradient(loss, u, 1e-6);
    const got = answerEntries(i);
    assertNearMeasured(got, numeric, 1e-6, `seed ${seed}`);
    const scale = Math.max(...numeric.map(Math.abs));
    assert.ok(
      Math.abs(got.reduce((s, v, j) => s + v * u[j], 0)) <= 1e-12 * scale * Math.hypot(...u),
      `seed ${seed}: uᵀ∇ᵤL`,
    );
  }
});
