/**
 * The centred (simplified) batch norm yᵢ = γ(xᵢ − μ) + β in TensorFlow.js, differentiated by tfjs
 * itself: tf.grad of L = Σᵢ dyᵢ·yᵢ with respect to x gives ∂L/∂x for upstream gradient dy, for many
 * batches at once (one row per draw, the mean taken along the row). The tfjs namespace is passed in.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import type { CentredDraws } from "./centredGradient.js";
import { finiteNumber } from "../validate.js";

/** ∂L/∂x for every draw (draws × n, float32), by tfjs autodiff; no tensor outlives the call. */
export async function centredGradientTf(
  tf: Tf,
  { n, draws, x, dy }: CentredDraws,
  gamma: number,
  beta = 0,
): Promise<Float32Array> {
  finiteNumber("gamma", gamma);
  finiteNumber("beta", beta);
  const dx = tf.tidy(() => {
    const upstream = tf.tensor2d(Float32Array.from(dy), [draws, n]);
    const loss = (input: TfCore.Tensor) => {
      const centred = tf.sub(input, tf.mean(input, 1, true));
      const y = tf.add(tf.mul(gamma, centred), beta);
      return tf.sum(tf.mul(upstream, y));
    };
    return tf.grad(loss)(tf.tensor2d(Float32Array.from(x), [draws, n]));
  });
  try {
    return (await dx.data()) as Float32Array;
  } finally {
    dx.dispose();
  }
}
