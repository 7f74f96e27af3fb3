/**
 * One step of the small CNN's training and one chunk of its evaluation, in TensorFlow.js: the
 * pieces trainCnnTf (cnnTrainTf.ts) strings together into a run.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { DIGIT_CLASSES, type DigitSet } from "../digitSet.js";
import { CNN_FEATURES, PATCH_SIZE } from "./architecture.js";
import { digitPatches, ROWS_PER_DIGIT } from "./patches.js";
import { cnnForward, type CnnVariables, type RunningTensors } from "./cnnModelTf.js";
import { EVAL_CHUNK, type EvalSet } from "./dataset.js";
import { BN_MOMENTUM } from "./settings.js";
import { type CnnWeights, type RunningStats, WEIGHT_NAMES } from "./weights.js";

/** One-hot rows (1 at each label, 0 elsewhere) as Float32, labels.length × 10. */
export function oneHotRows(labels: ArrayLike<number>): Float32Array {
  const out = new Float32Array(labels.length * DIGIT_CLASSES);
  for (let i = 0; i < labels.length; i++) out[i * DIGIT_CLASSES + labels[i]] = 1;
  return out;
}

/** The model of one run: its variables, batch norm's running averages and the optimiser. */
export interface RunModel {
  vars: CnnVariables;
  running: RunningTensors;
  optimizer: TfCore.Optimizer;
  trained: TfCore.Variable[];
  batchNorm: boolean;
}

/**
 * One SGD step on the digits `indices` of the training split: forward in training mode, the mean
 * cross-entropy's gradient by tf.variableGrads, the optimiser's update, and (with batch norm) the
 * running averages. Returns the batch's loss (the caller disposes it).
 */
export function trainingStep(
  tf: Tf,
  model: RunModel,
  set: DigitSet,
  indices: number[],
  mask: Float32Array | undefined,
): TfCore.Scalar {
  const n = indices.length;
  let stats: TfCore.Tensor1D[] = [];
  const loss = tf.tidy(() => {
    const patches = tf.tensor2d(digitPatches(set, indices), [n * ROWS_PER_DIGIT, PATCH_SIZE]);
    // Float32 one-hot rows, made here rather than by tf.oneHot (int32): in the browser the
    // gradient functions come from a second bundle of tfjs-core whose tensors cannot cast, so the
    // loss must not mix dtypes.
    const labels = tf.tensor2d(oneHotRows(indices.map((i) => set.labels[i])), [n, DIGIT_CLASSES]);
    const maskTensor = mask ? tf.tensor2d(mask, [n, CNN_FEATURES]) : undefined;
    const { value, grads } = tf.variableGrads(() => {
      const f = cnnForward(tf, model.vars, patches, n, {
        batchNorm: model.batchNorm,
        mode: "train",
        mask: maskTensor,
      });
      // Kept past variableGrads' own tidy, for the running averages below.
      if (f.batchMean && f.batchVariance) {
        stats = [tf.keep(f.batchMean), tf.keep(f.batchVariance)];
      }
      return tf.losses.softmaxCrossEntropy(labels, f.logits) as TfCore.Scalar;
    }, model.trained);
    model.optimizer.applyGradients(grads);
    return value;
  });
  if (stats.length === 2) {
    model.running = updateRunningStats(tf, model.running, stats, n * ROWS_PER_DIGIT);
    tf.dispose(stats);
  }
  return loss;
}

/** Correct answers (as a scalar tensor) on chunk k of an evaluation set, in evaluation mode. */
export function correctInChunk(tf: Tf, model: RunModel, set: EvalSet, k: number): TfCore.Tensor {
  return tf.tidy(() => {
    const from = k * EVAL_CHUNK;
    const n = Math.min(EVAL_CHUNK, set.count - from);
    const patches = tf.tensor2d(set.patches[k], [n * ROWS_PER_DIGIT, PATCH_SIZE]);
    const labels = tf.tensor1d(set.labels.subarray(from, from + n), "int32");
    const { logits } = cnnForward(tf, model.vars, patches, n, {
      batchNorm: model.batchNorm,
      mode: "eval",
      running: model.running,
    });
    return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), "int32"));
  });
}

export async function downloadWeights(
  model: RunModel,
): Promise<{ weights: CnnWeights; running: RunningStats }> {
  const entries = await Promise.all(
    WEIGHT_NAMES.map(async (name) => [name, (await model.vars[name].data()) as Float32Array]),
  );
  return {
    weights: Object.fromEntries(entries) as CnnWeights,
    running: {
      mean: (await model.running.mean.data()) as Float32Array,
      variance: (await model.running.variance.data()) as Float32Array,
    },
  };
}

/**
 * PyTorch's update of the running statistics: new = (1 − m)·old + m·batch, with the batch's
 * variance made unbiased (× rows/(rows − 1)). Disposes the old tensors.
 */
export function updateRunningStats(
  tf: Tf,
  old: RunningTensors,
  [mean, variance]: TfCore.Tensor1D[],
  rows: number,
): RunningTensors {
  const next = tf.tidy(() => ({
    mean: tf.add(tf.mul(old.mean, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM)) as TfCore.Tensor1D,
    variance: tf.add(
      tf.mul(old.variance, 1 - BN_MOMENTUM),
      tf.mul(variance, (BN_MOMENTUM * rows) / (rows - 1)),
    ) as TfCore.Tensor1D,
  }));
  tf.dispose([old.mean, old.variance]);
  return next;
}
