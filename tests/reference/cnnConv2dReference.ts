/**
 * The cnn-training network built the textbook way from tfjs's own layers of ops, to check the
 * page's patch-matrix version against: tf.conv2d (stride 2, no padding) on 28 × 28 images,
 * tf.moments + tf.batchNorm over batch, rows and columns, tf.maxPool 2 × 2, a flatten in NHWC
 * order and a dense layer. Tests only (tf.conv2d's filter gradient is slow on the CPU backend and
 * missing on WebAssembly, which is why the page does not use it).
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../../src/compute/tf.ts";
import { BN_EPSILON } from "../../src/compute/cnn-training/settings.ts";
import type { CnnVariables, RunningTensors } from "../../src/compute/cnn-training/cnnModelTf.ts";

export function referenceLogits(
  tf: Tf,
  vars: CnnVariables,
  images: TfCore.Tensor4D,
  { batchNorm, running, mask }: {
    batchNorm: boolean;
    running?: RunningTensors;
    mask?: TfCore.Tensor2D;
  },
): TfCore.Tensor2D {
  const n = images.shape[0];
  const filter = tf.reshape(vars.conv, [5, 5, 1, 8]) as TfCore.Tensor4D;
  const conv = tf.conv2d(images, filter, 2, "valid");
  let z: TfCore.Tensor4D;
  if (!batchNorm) z = tf.add(conv, vars.convBias);
  else {
    const stats = running ?? tf.moments(conv, [0, 1, 2]);
    const [mean, variance] = [stats.mean, stats.variance] as TfCore.Tensor1D[];
    const [beta, gamma] = [vars.beta, vars.gamma] as TfCore.Tensor[] as TfCore.Tensor1D[];
    z = tf.batchNorm4d(conv, mean, variance, beta, gamma, BN_EPSILON);
  }
  const pooled = tf.maxPool(tf.relu(z), 2, 2, "valid");
  let features = tf.reshape(pooled, [n, 288]) as TfCore.Tensor2D;
  if (mask) features = tf.mul(features, mask);
  return tf.add(tf.matMul(features, vars.dense), vars.denseBias);
}
