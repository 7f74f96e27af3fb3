/**
 * The closed form of weightNorm.ts against TensorFlow.js's autodiff (tf.grads of L(γu/‖u‖)) on the
 * CPU backend in Deno: the code the page runs on the reader's backend.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as on the page.
import "@tensorflow/tfjs";
import {
  maxRelativeError,
  polarDirection,
  targetLoss,
  weightFromDirection,
  weightNormGradient,
  weightNormSteps,
} from "../../../src/compute/normalisation-geometry/weightNorm.ts";
import {
  type LossTf,
  targetLossTf,
  weightNormGradientTf,
  weightNormStepsTf,
} from "../../../src/compute/normalisation-geometry/weightNormTf.ts";
import { WN_TARGET } from "../../../src/compute/normalisation-geometry/geometryPage.ts";
import { logisticLoss, randomDirection } from "./losses.ts";

await tf.setBackend("cpu");

function logisticLossTf(d: number, seed: number): LossTf {
  const { xs, ys } = logisticLoss(d, seed);
  return (w) =>
    tf.tidy(() => {
      const margins = tf.mul(
        tf.tensor1d(ys),
        tf.matMul(tf.tensor2d(xs), tf.reshape(w, [d, 1])).reshape([-1]),
      );
      return tf.sum(tf.softplus(tf.neg(margins)));
    });
}

/**
 * tfjs computes in float32 (unit roundoff 6·10⁻⁸); through the norm, the division and the loss's
 * gradient a few dozen roundings add up to about 10⁻⁶ of the gradient's size. 2·10⁻⁵ leaves room
 * and still sits a thousand times below a 2 % error.
 */
const FLOAT32_TOLERANCE = 2e-5;

Deno.test("weightNormGradientTf (tfjs autodiff) matches the closed form (γ/‖u‖)W⊥∇_wL within float32 rounding", async () => {
  const before = tf.memory().numTensors;
  const cases: {
    d: number;
    gamma: number;
    loss: LossTf;
    reference: ReturnType<typeof logisticLoss> | ReturnType<typeof targetLoss>;
  }[] = [
    { d: 2, gamma: 1.5, loss: targetLossTf(tf, WN_TARGET), reference: targetLoss(WN_TARGET) },
    { d: 5, gamma: 2.2, loss: logisticLossTf(5, 4), reference: logisticLoss(5, 4) },
    { d: 30, gamma: 1, loss: logisticLossTf(30, 5), reference: logisticLoss(30, 5) },
  ];
  let worst = 0;
  for (const { d, gamma, loss, reference } of cases) {
    for (let trial = 0; trial < 5; trial++) {
      // Directions and γ that float32 holds exactly, so both sides start from the same numbers.
      const u = randomDirection(d, 300 + trial).map(Math.fround);
      const closed = weightNormGradient(
        u,
        gamma,
        reference.gradient(weightFromDirection(u, gamma)),
      );
      const auto = await weightNormGradientTf(tf, u, Math.fround(gamma), loss);
      const error = maxRelativeError(auto.gradU, closed.gradU);
      worst = Math.max(worst, error);
      assert.ok(error < FLOAT32_TOLERANCE, `d = ${d}, trial ${trial}: ${error}`);
      assert.ok(
        maxRelativeError(auto.gradU, closed.gradU.map((v) => 1.02 * v)) > 100 * FLOAT32_TOLERANCE,
      );
      assert.ok(
        Math.abs(auto.gradGamma - closed.gradGamma) <
          FLOAT32_TOLERANCE * Math.max(1, Math.abs(closed.gradGamma)),
      );
    }
  }
  assert.ok(worst > 0, "tfjs and Float64 should differ by rounding");
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("weightNormStepsTf (tfjs's gradients, step by step) follows weightNormSteps, and releases every tensor", async () => {
  const before = tf.memory().numTensors;
  const run = { u0: polarDirection(0.5, -160), gamma: 1, eta: 0.3, steps: 30 };
  const reference = weightNormSteps({ ...run, loss: targetLoss(WN_TARGET) });
  const rows: number[][] = [];
  for await (
    const chunk of weightNormStepsTf(tf, { ...run, loss: targetLossTf(tf, WN_TARGET) }, {
      chunkSteps: 25,
    })
  ) {
    rows.push(...chunk.u);
  }
  assert.equal(rows.length, 30);
  let gap = 0;
  rows.forEach((u, t) => (gap = Math.max(gap, maxRelativeError(u, reference.u[t + 1]))));
  assert.ok(gap < 1e-5, `largest relative gap ${gap}`);
  assert.equal(tf.memory().numTensors, before);
  // Stopped half way: nothing left behind either.
  const controller = new AbortController();
  for await (
    const chunk of weightNormStepsTf(tf, { ...run, loss: targetLossTf(tf, WN_TARGET) }, {
      chunkSteps: 10,
      signal: controller.signal,
    })
  ) {
    if (chunk.stepsDone >= 20) controller.abort();
  }
  assert.equal(tf.memory().numTensors, before);
});
