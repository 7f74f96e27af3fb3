/** tfjs's tf.moments + tf.batchNorm against the Float64 batch norm of gaussianBatchNorm.ts. */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { batchNormGaussian1d } from "../../../src/compute/normalisation-geometry/gaussianBatchNorm.ts";
import { batchNormGaussianTf } from "../../../src/compute/normalisation-geometry/gaussianBatchNormTf.ts";

await tf.setBackend("cpu");

/** Largest |tfjs − Float64| over max|y − β|: float32 rounding of x, the moments and the division. */
function gap(y32: Float32Array, y: Float64Array, beta: number): number {
  let worst = 0;
  let top = 0;
  y.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(y32[i] - v));
    top = Math.max(top, Math.abs(v - beta));
  });
  return worst / top;
}

Deno.test("batchNormGaussianTf(tf, x, {ε = 0}) reproduces batchNormGaussian1d within float32 rounding, and tfjs's default ε = 10⁻³ does not", async () => {
  const before = tf.memory().numTensors;
  for (
    const [mean, variance, beta, gamma, batchSize] of [
      [1.5, 0.16, 3, 1, 256],
      [-2, 3, 0.5, 2.5, 4],
      [0.3, 0.04, -1, 0.7, 1024],
    ]
  ) {
    const spec = {
      mean,
      variance,
      beta,
      gamma,
      batchSize,
      batches: Math.round(20_000 / batchSize),
      seed: 3,
    };
    const { x, y } = batchNormGaussian1d(spec);
    const y32 = await batchNormGaussianTf(tf, x, { batchSize, beta, gamma });
    const error = gap(y32, y, beta);
    assert.ok(error < 2e-5, `${JSON.stringify(spec)}: ${error}`);
    // With tfjs's default ε the outputs shrink by about ε/(2σ²): far more than rounding.
    const yDefault = await batchNormGaussianTf(tf, x, { batchSize, beta, gamma, epsilon: 1e-3 });
    assert.ok(gap(yDefault, y, beta) > 100 * 2e-5 * Math.min(1, 0.16 / variance));
  }
  assert.equal(tf.memory().numTensors, before);
});
