/**
 * The four normalisations of a small N × C × H × W activation in TensorFlow.js, as a network
 * library computes them: tf.moments over the method's axes (biased variance), then
 * (x − mean)/√(variance + ε). Group norm reshapes to N × G × C/G × H × W first. Each method runs
 * on the activation and on a copy whose other examples were changed, and the output's own moments
 * are measured per group. The tfjs namespace is passed in.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import {
  type ActivationShape,
  cellCount,
  checkGroups,
  checkShape,
  NORM_METHODS,
  normGroupCount,
  type NormMethod,
  REDUCED_AXES,
} from "./normAxes.js";
import { finiteVector, nonNegativeNumber } from "../validate.js";

export interface NormalisedTf {
  /** The normalised activation (NCHW). */
  output: Float32Array;
  /** The normalised activation after the other examples changed. */
  perturbedOutput: Float32Array;
  /** Mean and biased variance of each group of the input, as tf.moments gives them. */
  inputMean: Float32Array;
  inputVariance: Float32Array;
  /** Mean and variance of each group of the output: 0 and σ²/(σ² + ε). */
  outputMean: Float32Array;
  outputVariance: Float32Array;
}

/**
 * Runs all four methods on `values` and `perturbed`. Everything is made inside one tf.tidy and read
 * back with a single `await data()`, then released, so tf.memory() ends as it began.
 */
export async function normaliseAllTf(
  tf: Tf,
  values: ArrayLike<number>,
  perturbed: ArrayLike<number>,
  shape: ActivationShape,
  { groups, epsilon }: { groups: number; epsilon: number },
): Promise<Record<NormMethod, NormalisedTf>> {
  checkShape(shape);
  checkGroups(shape.c, groups);
  nonNegativeNumber("epsilon", epsilon);
  const size = cellCount(shape);
  finiteVector("values", Array.from(values), size);
  finiteVector("perturbed", Array.from(perturbed), size);
  const { n, c, h, w } = shape;

  /** (output, per-group mean, per-group variance) of one method. */
  const normalise = (x: TfCore.Tensor4D, method: NormMethod) => {
    const grouped = method === "group" ? tf.reshape(x, [n, groups, c / groups, h, w]) : x;
    const axes = method === "group" ? [2, 3, 4] : [...REDUCED_AXES[method]];
    const { mean, variance } = tf.moments(grouped, axes, true);
    const scaled = tf.div(tf.sub(grouped, mean), tf.sqrt(tf.add(variance, epsilon)));
    return {
      output: tf.reshape(scaled, [size]),
      mean: tf.reshape(mean, [-1]),
      variance: tf.reshape(variance, [-1]),
      grouped: scaled,
      axes,
    };
  };

  const packed = tf.tidy(() => {
    const x = tf.tensor4d(Float32Array.from(values), [n, c, h, w]);
    const xp = tf.tensor4d(Float32Array.from(perturbed), [n, c, h, w]);
    const parts: TfCore.Tensor[] = [];
    for (const method of NORM_METHODS) {
      const before = normalise(x, method);
      const after = normalise(xp, method);
      const out = tf.moments(before.grouped, before.axes, false);
      parts.push(
        before.output,
        after.output,
        before.mean,
        before.variance,
        tf.reshape(out.mean, [-1]),
        tf.reshape(out.variance, [-1]),
      );
    }
    return tf.concat(parts);
  });
  let flat: Float32Array;
  try {
    flat = (await packed.data()) as Float32Array;
  } finally {
    packed.dispose();
  }
  let at = 0;
  const take = (length: number) => flat.slice(at, at += length);
  const result = {} as Record<NormMethod, NormalisedTf>;
  for (const method of NORM_METHODS) {
    const count = normGroupCount(method, shape, groups);
    result[method] = {
      output: take(size),
      perturbedOutput: take(size),
      inputMean: take(count),
      inputVariance: take(count),
      outputMean: take(count),
      outputVariance: take(count),
    };
  }
  return result;
}
