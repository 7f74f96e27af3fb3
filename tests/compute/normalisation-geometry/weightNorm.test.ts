import assert from "node:assert/strict";
import {
  batchNormOfProjection,
  dotProduct,
  type Loss,
  maxRelativeError,
  polarDirection,
  targetLoss,
  type Vector,
  vectorNorm,
  weightFromDirection,
  weightNormBatchNormGap,
  weightNormGradient,
  weightNormSteps,
  whitenedBatch,
} from "../../../src/compute/normalisation-geometry/weightNorm.ts";
import { centralDifferenceGradient } from "../../../src/compute/centralDifference.ts";
import { correlatedSample } from "../../../src/compute/normalisation-geometry/gaussian2d.ts";
import { WN_TARGET } from "../../../src/compute/normalisation-geometry/geometryPage.ts";
import { logisticLoss, randomDirection } from "./losses.ts";

const CASES: { name: string; d: number; loss: Loss; gamma: number }[] = [
  { name: "target loss, d = 2", d: 2, loss: targetLoss(WN_TARGET), gamma: 1.5 },
  { name: "target loss, d = 7", d: 7, loss: targetLoss(randomDirection(7, 9)), gamma: 0.6 },
  { name: "logistic loss, d = 5", d: 5, loss: logisticLoss(5, 4), gamma: 2.2 },
  { name: "logistic loss, d = 30", d: 30, loss: logisticLoss(30, 5), gamma: 1 },
];

/**
 * Central differences with h = 10⁻⁵‖u‖ have truncation error O(h²/‖u‖²) ≈ 10⁻¹⁰ and rounding error
 * O(10⁻¹⁶‖u‖/h) ≈ 10⁻¹¹, relative; the closed form must agree to 10⁻⁸ (a 2 % error is 2·10⁻²).
 */
const FD_TOLERANCE = 1e-8;

Deno.test("weightNormGradient(u, γ, ∇_wL): ∇ᵤL = (γ/‖u‖)W⊥∇_wL matches central finite differences of L(γu/‖u‖) to 10⁻⁸", () => {
  for (const [k, { name, d, loss, gamma }] of CASES.entries()) {
    for (let trial = 0; trial < 5; trial++) {
      const u = randomDirection(d, 100 * k + trial);
      const { gradU, gradGamma } = weightNormGradient(
        u,
        gamma,
        loss.gradient(weightFromDirection(u, gamma)),
      );
      // L(γu/‖u‖) varies on the scale of ‖u‖: the step is 10⁻⁵‖u‖.
      const fd = centralDifferenceGradient(
        (v) => loss.value(weightFromDirection(v, gamma)),
        u,
        1e-5 * vectorNorm(u),
      );
      const error = maxRelativeError(gradU, fd);
      assert.ok(error < FD_TOLERANCE, `${name}, trial ${trial}: relative error ${error}`);
      // ∂L/∂γ = uᵀ∇_wL/‖u‖, the same way.
      const h = 1e-5 * gamma;
      const fdGamma = (loss.value(weightFromDirection(u, gamma + h)) -
        loss.value(weightFromDirection(u, gamma - h))) / (2 * h);
      assert.ok(Math.abs(gradGamma - fdGamma) <= FD_TOLERANCE * Math.max(1, Math.abs(fdGamma)));
      // A 2 % error in the scale γ/‖u‖ would be caught.
      assert.ok(maxRelativeError(gradU.map((v) => 1.02 * v), fd) > 100 * FD_TOLERANCE);
    }
  }
});

Deno.test("weightNormGradient: ∇ᵤL is orthogonal to u (W⊥u = 0), to rounding", () => {
  for (const [k, { d, loss, gamma }] of CASES.entries()) {
    for (let trial = 0; trial < 5; trial++) {
      const u = randomDirection(d, 200 * k + trial);
      const gradW = loss.gradient(weightFromDirection(u, gamma));
      const { gradU } = weightNormGradient(u, gamma, gradW);
      // uᵀ∇ᵤL against the size of its parts, ‖u‖·(γ/‖u‖)‖∇_wL‖: a few units of rounding.
      const cosine = dotProduct(u, gradU) / (gamma * vectorNorm(gradW));
      assert.ok(Math.abs(cosine) < 1e-14, `cosine ${cosine}`);
    }
  }
});

Deno.test("weightNormGradient: scaling u by c leaves w and divides ∇ᵤL by c", () => {
  const loss = logisticLoss(5, 4);
  const u = randomDirection(5, 3);
  const g = weightNormGradient(u, 1.3, loss.gradient(weightFromDirection(u, 1.3))).gradU;
  for (const c of [0.1, 3, 40]) {
    const scaled = u.map((v) => c * v);
    assert.ok(
      maxRelativeError(weightFromDirection(scaled, 1.3), weightFromDirection(u, 1.3)) < 1e-15,
    );
    const gc =
      weightNormGradient(scaled, 1.3, loss.gradient(weightFromDirection(scaled, 1.3))).gradU;
    assert.ok(maxRelativeError(gc.map((v) => c * v), g) < 1e-14);
  }
});

const PAGE_RUN = {
  u0: polarDirection(0.5, -160),
  gamma: 1,
  eta: 0.3,
  steps: 30,
  loss: targetLoss(WN_TARGET),
};

Deno.test("weightNormSteps: ‖u_{t+1}‖² = ‖u_t‖² + η²‖∇ᵤL‖² at every step, so ‖u‖ only grows", () => {
  for (
    const run of [weightNormSteps(PAGE_RUN), weightNormSteps({ ...PAGE_RUN, u0: [0.1, 3], eta: 2 })]
  ) {
    for (let t = 0; t + 1 < run.u.length; t++) {
      const measured = vectorNorm(run.u[t + 1]) ** 2;
      assert.ok(Math.abs(measured / run.nextNormSquared[t] - 1) < 1e-14, `t = ${t}`);
      assert.ok(run.uNorm[t + 1] >= run.uNorm[t] * (1 - 1e-15));
    }
    // A 2 % error in η would break the identity by far more than rounding.
    const t = 0;
    const wrong = run.uNorm[t] ** 2 + (1.02 * PAGE_RUN.eta * vectorNorm(run.gradU[t])) ** 2;
    assert.ok(Math.abs(vectorNorm(run.u[1]) ** 2 / wrong - 1) > 1e-6);
  }
});

Deno.test("weightNormSteps: the step on w is 2γ·sin(½·atan(η‖∇ᵤL‖/‖u_t‖)), and a longer u moves w less", () => {
  const run = weightNormSteps(PAGE_RUN);
  run.wStep.forEach((s, t) => assert.ok(Math.abs(s - run.wStepTheory[t]) < 1e-14, `t = ${t}`));
  // The first-order rate on w is ηγ²/‖u‖²: the same η, from a 4× longer u, moves w about 16× less.
  const first = (length: number) =>
    weightNormSteps({ ...PAGE_RUN, u0: polarDirection(length, -160), steps: 1 }).wStep[0];
  assert.ok(first(0.5) > first(1) && first(1) > first(2) && first(2) > first(4));
  assert.ok(Math.abs(first(4) / first(16) / 16 - 1) < 0.01);
  // On the page's run ‖u‖ grows, so the effective rate ηγ²/‖u‖² shrinks from step to step.
  assert.ok(run.uNorm.at(-1)! > 2 * run.uNorm[0]);
  const rate = run.uNorm.map((n) => (PAGE_RUN.eta * PAGE_RUN.gamma ** 2) / n ** 2);
  assert.ok(rate.every((r, t) => t === 0 || r <= rate[t - 1] * (1 + 1e-15)));
  assert.ok(run.loss.at(-1)! < run.loss[0]);
});

Deno.test("weightNormSteps and weightFromDirection refuse u = 0, η ≤ 0 and NaN", () => {
  assert.throws(() => weightFromDirection([0, 0], 1), /u must not be the zero vector/);
  assert.throws(
    () => weightNormSteps({ ...PAGE_RUN, eta: 0 }),
    /step size η must be a finite number > 0; got 0/,
  );
  assert.throws(
    () => weightNormSteps({ ...PAGE_RUN, u0: [NaN, 1] }),
    /u\[0\] must be a finite number; got NaN/,
  );
  assert.throws(() => polarDirection(0, 10), /‖u₀‖ must be a finite number > 0; got 0/);
});

Deno.test("whitenedBatch(n, d, seed) has sample mean 0 and covariance I to rounding", () => {
  for (const d of [2, 5]) {
    const rows = whitenedBatch(256, d, 3);
    for (let i = 0; i < d; i++) {
      assert.ok(Math.abs(rows.reduce((s, r) => s + r[i], 0) / 256) < 1e-14);
      for (let j = 0; j < d; j++) {
        const c = rows.reduce((s, r) => s + r[i] * r[j], 0) / 256;
        assert.ok(Math.abs(c - (i === j ? 1 : 0)) < 1e-13, `(${i}, ${j}): ${c}`);
      }
    }
  }
});

Deno.test("weightNormBatchNormGap: on whitened, centred inputs BN(uᵀx) = wᵀx + β to rounding; on raw inputs it does not", () => {
  for (const [k, u] of ([[0.3, -1.2], [2, 0.5], randomDirection(5, 8)] as Vector[]).entries()) {
    const d = u.length;
    const rows = whitenedBatch(256, d, 20 + k);
    const gap = weightNormBatchNormGap(rows, u, 1.7, -0.4);
    assert.ok(gap < 1e-13, `u = ${u}: ${gap}`);
    const bn = batchNormOfProjection(rows, u, 1.7, -0.4);
    assert.equal(bn.length, 256);
  }
  const raw = correlatedSample({
    mean: [1.5, -1],
    variance: [2, 0.5],
    rho: 0.7,
    samples: 256,
    seed: 5,
  });
  const rows = Array.from(raw.x, (x, i) => [x, raw.y[i]]);
  assert.ok(weightNormBatchNormGap(rows, [0.3, -1.2], 1.7, -0.4) > 0.1);
});

Deno.test("weightNormSteps at the page's defaults: the effective step ηγ²/‖uₜ‖² falls at every step, but ‖wₜ₊₁ − wₜ‖ goes 0.599, 0.873, 0.535 (it need not shrink)", () => {
  // The page's defaults: ‖u₀‖ = 0.5 at −160°, γ = 1, η = 0.3, 30 steps, target WN_TARGET.
  const gamma = 1;
  const eta = 0.3;
  const run = weightNormSteps({
    u0: polarDirection(0.5, -160),
    gamma,
    eta,
    steps: 30,
    loss: targetLoss(WN_TARGET),
  });
  const effective = run.uNorm.map((n) => (eta * gamma ** 2) / n ** 2);
  effective.slice(1).forEach((e, t) => assert.ok(e < effective[t], `step ${t + 1}`));
  assert.deepEqual(run.wStep.slice(0, 3).map((s) => Number(s.toFixed(3))), [0.599, 0.873, 0.535]);
  assert.ok(run.wStep[1] > 1.02 * run.wStep[0]);
  // Over other settings the effective step still never grows.
  for (const [length, angle, g, e] of [[0.1, 30, 3, 2], [4, -90, 0.25, 0.01], [1, 170, 1.5, 1]]) {
    const other = weightNormSteps({
      u0: polarDirection(length, angle),
      gamma: g,
      eta: e,
      steps: 200,
      loss: targetLoss(WN_TARGET),
    });
    // Up to rounding, once the gradient has vanished.
    other.uNorm.slice(1).forEach((n, t) => assert.ok(n >= other.uNorm[t] * (1 - 1e-12)));
  }
});
