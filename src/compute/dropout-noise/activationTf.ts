/**
 * The dropout-and-activation check in TensorFlow.js, as a network library runs it: one matMul for
 * the linear layer, tf.relu / tf.leakyRelu / tf.sigmoid, and the dropout mask applied as a
 * multiplication by the same tensor of factors h ∈ {0, 1/(1 − r)} in both orders (tf.dropout would
 * draw its own mask, and the orders must share one). The tfjs namespace is passed in.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { type ActivationName, ACTIVATIONS, LEAKY_SLOPE, type RandomLayer } from "./activation.js";
import { oneOf } from "../validate.js";

export interface OrderComparisonTf {
  z: Float32Array;
  dropoutFirst: Float32Array;
  activationFirst: Float32Array;
  /** dropoutFirst − activationFirst, computed in float32 by tfjs. */
  difference: Float32Array;
  maxAbsDifference: number;
  nonZero: number;
}

/**
 * Runs both orders on `layer` with its mask. Every tensor is made inside tf.tidy and the three
 * results are read with one `await data()` each, then released, so tf.memory() ends as it began.
 */
export async function compareOrdersTf(
  tf: Tf,
  layer: RandomLayer,
  name: ActivationName,
  slope = LEAKY_SLOPE,
): Promise<OrderComparisonTf> {
  oneOf("activation", name, ACTIVATIONS);
  const { batch, inputs, units } = layer;
  const kept = 1 / (1 - layer.rate);
  const factors = Float32Array.from(layer.keep, (m) => (m ? kept : 0));
  const sigma = (t: TfCore.Tensor) =>
    name === "relu" ? tf.relu(t) : name === "sigmoid" ? tf.sigmoid(t) : tf.leakyRelu(t, slope);
  const [z, dropoutFirst, activationFirst, difference] = tf.tidy(() => {
    const x = tf.tensor2d(Float32Array.from(layer.x), [batch, inputs]);
    const w = tf.tensor2d(Float32Array.from(layer.w), [units, inputs]);
    const b = tf.tensor1d(Float32Array.from(layer.b));
    const h = tf.tensor2d(factors, [batch, units]);
    const linear = tf.add(tf.matMul(x, w, false, true), b);
    const first = sigma(tf.mul(h, linear));
    const second = tf.mul(h, sigma(linear));
    return [linear, first, second, tf.sub(first, second)];
  });
  try {
    const [zs, a, c, gap] = await Promise.all(
      [z, dropoutFirst, activationFirst, difference].map((t) => t.data() as Promise<Float32Array>),
    );
    let maxAbsDifference = 0;
    let nonZero = 0;
    for (const g of gap) {
      if (g !== 0) nonZero++;
      maxAbsDifference = Math.max(maxAbsDifference, Math.abs(g));
    }
    return {
      z: zs,
      dropoutFirst: a,
      activationFirst: c,
      difference: gap,
      maxAbsDifference,
      nonZero,
    };
  } finally {
    for (const t of [z, dropoutFirst, activationFirst, difference]) t.dispose();
  }
}
