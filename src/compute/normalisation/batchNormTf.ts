/**
 * Training-time batch norm in TensorFlow.js, differentiated by tfjs: the batch mean and biased
 * variance, Y = γ(X − μ)/√(σ² + ε) + β, and tf.grads of L = Σ dY ⊙ Y with respect to X, γ and β.
 * The independent check on the closed form of batchNormBackward.ts. tfjs is passed in.
 *
 * The moments are tf.mean(X) and tf.mean((X − μ)²) by default, which is what tf.moments computes
 * (`moments: "tf.moments"` uses it directly). tf.moments casts its input to float32 first, and in
 * the site's browser bundles the gradient through that cast fails in some page loads ("Cannot read
 * properties of null (reading 'clone')"): tfjs-core's gradient registrations are bundled with a
 * copy of tfjs-core of their own. The page therefore spells the two means out.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { type BatchNormParams, checkMatrix, type Matrix } from "./batchNormBackward.js";

export interface BatchNormGradTf {
  y: Matrix;
  dX: Matrix;
  dGamma: number[];
  dBeta: number[];
}

const rows = (flat: Float32Array, n: number, d: number): Matrix =>
  Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, (i + 1) * d)));

/** Y and the gradients, read back with one `await data()`; no tensor outlives the call. */
export async function batchNormGradTf(
  tf: Tf,
  x: Matrix,
  dY: Matrix,
  { gamma, beta, epsilon }: BatchNormParams,
  { moments = "means" }: { moments?: "means" | "tf.moments" } = {},
): Promise<BatchNormGradTf> {
  const [n, d] = checkMatrix("X", x);
  checkMatrix("dY", dY);
  const packed = tf.tidy(() => {
    const upstream = tf.tensor2d(dY.flat(), [n, d]);
    const forward = (input: TfCore.Tensor, scale: TfCore.Tensor, shift: TfCore.Tensor) => {
      const mean = moments === "tf.moments"
        ? tf.moments(input, 0, true).mean
        : tf.mean(input, 0, true);
      const variance = moments === "tf.moments"
        ? tf.moments(input, 0, true).variance
        : tf.mean(tf.square(tf.sub(input, mean)), 0, true);
      const z = tf.div(tf.sub(input, mean), tf.sqrt(tf.add(variance, epsilon)));
      return tf.add(tf.mul(scale, z), shift);
    };
    const loss = (input: TfCore.Tensor, scale: TfCore.Tensor, shift: TfCore.Tensor) =>
      tf.sum(tf.mul(upstream, forward(input, scale, shift)));
    const inputs = [tf.tensor2d(x.flat(), [n, d]), tf.tensor1d(gamma), tf.tensor1d(beta)];
    const grads = tf.grads((a, b, c) => loss(a, b, c))(inputs);
    const y = forward(inputs[0], inputs[1], inputs[2]);
    return tf.concat([tf.reshape(y, [-1]), tf.reshape(grads[0], [-1]), grads[1], grads[2]]);
  });
  let flat: Float32Array;
  try {
    flat = (await packed.data()) as Float32Array;
  } finally {
    packed.dispose();
  }
  return {
    y: rows(flat.subarray(0, n * d), n, d),
    dX: rows(flat.subarray(n * d, 2 * n * d), n, d),
    dGamma: Array.from(flat.subarray(2 * n * d, 2 * n * d + d)),
    dBeta: Array.from(flat.subarray(2 * n * d + d)),
  };
}
