import assert from "node:assert/strict";
import {
  heavyBallRate,
  measuredQuadraticRate,
  optimalPair,
  quadraticRate,
  sliderOptimalPair,
  stableStepLimit,
} from "../../../src/compute/momentum/quadraticRate.ts";
import { makeSurface } from "../../../src/compute/surfaces.ts";
import { runOptimizer } from "../../../src/compute/optimizers.ts";

/** The page's quadratic has curvatures (1/κ, 1); κ may exceed the page's range here. */
const eigs = (kappa: number): [number, number] => [1 / kappa, 1];

/** Settings across the regimes: real and complex roots, plain GD, near-critical, the optimum, divergent. */
const CASES: [number, number, number][] = [
  [50, 0.9, 1],
  [50, 0.5, 1],
  [100, 0, 1],
  [10, 0.3, 0.5],
  [200, 0.99, 0.1],
  [50, 0.5658, 3.07],
  [20, 0.7, 2.5],
  [5, 0.2, 0.3],
  [50, 0.9, 3.9],
  [1, 0.1, 2.5],
  // The Rosenbrock's quadratic model at its minimum, κ ≈ 2508.
  [1 / makeSurface({ kind: "rosenbrock", kappa: 1, noise: 0, seed: 0 }).eigenvalues[0], 0.9, 1],
];

/**
 * The envelope of the simulated error shrinks at the closed-form rate. Across these cases the two
 * agree to 3.3e-5 relative (an oscillating error's envelope is sampled, not exact); the tolerance
 * is 0.1 %, which a 2 % error in the closed form exceeds twenty times over.
 */
Deno.test("measuredQuadraticRate(eigenvalues, β, ε) equals quadraticRate(eigenvalues, β, ε) within 0.1 %", () => {
  for (const [kappa, beta, epsilon] of CASES) {
    const closed = quadraticRate(eigs(kappa), beta, epsilon);
    const measured = measuredQuadraticRate(eigs(kappa), beta, epsilon).rate;
    const gap = Math.abs(measured / closed - 1);
    assert.ok(
      gap < 0.001,
      `κ = ${kappa}, β = ${beta}, ε = ${epsilon}: measured ${measured}, closed ${closed}`,
    );
  }
});

Deno.test("heavyBallRate(λ, β, ε): |1 − ελ| at β = 0, √β for complex roots, growth past ελ = 2(1 + β)", () => {
  assert.ok(Math.abs(heavyBallRate(0.02, 0, 1) - 0.98) < 1e-15);
  assert.ok(Math.abs(heavyBallRate(1, 0, 1.5) - 0.5) < 1e-15);
  // b = 1 + β − ελ = 0.9 and b² < 4β: complex pair of modulus √0.9.
  assert.equal(heavyBallRate(1, 0.9, 1), Math.sqrt(0.9));
  const limit = stableStepLimit([0.02, 1], 0.5);
  assert.equal(limit, 3);
  assert.ok(heavyBallRate(1, 0.5, 0.999 * limit) < 1);
  assert.ok(heavyBallRate(1, 0.5, 1.001 * limit) > 1);
});

Deno.test("optimalPair([1/κ, 1]): β* = ((√κ − 1)/(√κ + 1))², ε* = 4/(1 + 1/√κ)², rate √β*, and no pair on a grid beats it", () => {
  const kappa = 50;
  const best = optimalPair(eigs(kappa));
  const r = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
  assert.ok(Math.abs(best.beta - r * r) < 1e-15);
  assert.ok(Math.abs(best.epsilon - 4 / (1 + 1 / Math.sqrt(kappa)) ** 2) < 1e-14);
  assert.ok(Math.abs(quadraticRate(eigs(kappa), best.beta, best.epsilon) - best.rate) < 1e-7);
  assert.ok(Math.abs(best.gdRate - (kappa - 1) / (kappa + 1)) < 1e-15);
  let gridBest = Infinity;
  for (let i = 0; i < 200; i++) {
    for (let j = 1; j <= 200; j++) {
      gridBest = Math.min(gridBest, quadraticRate(eigs(kappa), i / 200, (4 * j) / 200));
    }
  }
  assert.ok(gridBest >= best.rate - 1e-9, `grid found ${gridBest} < ${best.rate}`);
  // The optimum is far faster than the best plain gradient descent.
  assert.ok(best.rate < 0.76 && best.gdRate > 0.96);
});

Deno.test("runOptimizer(momentum) on the quadratic at the optimal pair reaches 1e-6 of the start error in fewer steps than GD at its best", () => {
  const surface = makeSurface({ kind: "quadratic", kappa: 100, noise: 0, seed: 0 });
  const best = optimalPair(surface.eigenvalues);
  const stepsTo = (spec: Parameters<typeof runOptimizer>[1]) => {
    const run = runOptimizer(surface, spec, { start: [-1.8, 2.5], steps: 2000 });
    const e0 = Math.hypot(run.x[0] - 0, run.y[0] - 1);
    for (let t = 0; t <= run.stepsDone; t++) {
      if (Math.hypot(run.x[t], run.y[t] - 1) < 1e-6 * e0) return t;
    }
    return Infinity;
  };
  const momentum = stepsTo({ kind: "momentum", alpha: best.beta, epsilon: best.epsilon });
  const gd = stepsTo({ kind: "sgd", epsilon: best.gdEpsilon });
  // Predicted: log(1e-6)/log(rate), about 70 against 690 for κ = 100.
  assert.ok(momentum < 120 && gd > 600, `momentum ${momentum}, GD ${gd}`);
});

Deno.test("quadraticRate: bad inputs throw RangeErrors", () => {
  assert.throws(() => heavyBallRate(1, 1, 1), /^RangeError: β must be in \[0, 1\); got 1$/);
  assert.throws(() => heavyBallRate(1, 0.5, 0), /step ε must be a finite number > 0; got 0/);
  assert.throws(
    () => measuredQuadraticRate([0, 1], 0.5, 1),
    /λ₁ must be a finite number > 0; got 0/,
  );
});

Deno.test("sliderOptimalPair(eigenvalues): four digits, and a rate within 5e-4 of the optimum for every κ in [1, 200]", () => {
  for (let kappa = 1; kappa <= 200; kappa++) {
    const pair = sliderOptimalPair(eigs(kappa));
    const best = optimalPair(eigs(kappa));
    assert.ok(
      pair.beta >= best.beta - 1e-12 && pair.beta < best.beta + 1e-3,
      `κ = ${kappa}: β ${pair.beta}`,
    );
    assert.equal(pair.epsilon, Number(best.epsilon.toPrecision(4)));
    const rate = quadraticRate(eigs(kappa), pair.beta, pair.epsilon);
    // Measured: at most 2.1e-4 (κ = 13).
    assert.ok(rate - best.rate < 5e-4, `κ = ${kappa}: ${rate} vs ${best.rate}`);
  }
  // Plain rounding of β would cost far more: at κ = 100 the rate rises by 0.015.
  const plain = quadraticRate(eigs(100), Number(optimalPair(eigs(100)).beta.toPrecision(4)), 3.306);
  assert.ok(plain - optimalPair(eigs(100)).rate > 0.01);
});

Deno.test("optimalPair of the Rosenbrock's quadratic model diverges from the page's start, where the valley is steeper", () => {
  const surface = makeSurface({ kind: "rosenbrock", kappa: 1, noise: 0, seed: 0 });
  const pair = optimalPair(surface.eigenvalues);
  const run = runOptimizer(surface, { kind: "momentum", alpha: pair.beta, epsilon: pair.epsilon }, {
    start: [-1.8, 2.5],
    steps: 500,
  });
  assert.ok(run.diverged, `ended at (${run.x.at(-1)}, ${run.y.at(-1)})`);
});
