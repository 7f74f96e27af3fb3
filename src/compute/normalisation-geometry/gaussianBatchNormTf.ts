/**
 * The same batch norm in TensorFlow.js: tf.moments (biased variance, like the page) per batch and
 * tf.batchNorm with an explicit ε, so the page can check its Float64 outputs against tfjs's op.
 * tf.batchNorm's own default is ε = 10⁻³; the page passes 0. The tfjs namespace is passed in.
 */
import type { Tf } from "../tf.js";
import { finiteNumber, integerAtLeast, nonNegativeNumber } from "../validate.js";

/** Batch-normalises x (whole batches of `batchSize`, in order) in float32; one `await data()`. */
export async function batchNormGaussianTf(
  tf: Tf,
  x: ArrayLike<number>,
  { batchSize, beta, gamma, epsilon = 0 }: {
    batchSize: number;
    beta: number;
    gamma: number;
    epsilon?: number;
  },
): Promise<Float32Array> {
  integerAtLeast("batch size m", batchSize, 2);
  finiteNumber("shift β", beta);
  finiteNumber("scale γ", gamma);
  nonNegativeNumber("ε", epsilon);
  const batches = Math.floor(x.length / batchSize);
  integerAtLeast("number of whole batches", batches, 1);
  const out = tf.tidy(() => {
    const values = new Float32Array(batches * batchSize);
    for (let i = 0; i < values.length; i++) values[i] = x[i];
    // tf.batchNorm broadcasts its statistics along the last axis (the channels), so each batch
    // is a column here: [batchSize, batches], moments over axis 0.
    const t = tf.transpose(tf.tensor2d(values, [batches, batchSize]));
    const { mean, variance } = tf.moments(t, 0);
    // Offset and scale must have the mean's rank.
    const normalised = tf.batchNorm(
      t,
      mean,
      variance,
      tf.tensor1d([beta]),
      tf.tensor1d([gamma]),
      epsilon,
    );
    return tf.transpose(normalised);
  });
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}
