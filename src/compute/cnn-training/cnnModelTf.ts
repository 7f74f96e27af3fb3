/**
 * The small CNN's forward pass in TensorFlow.js (tfjs-core ops only), for training and for
 * evaluation. The tfjs namespace is passed in: the page runs this on the reader's backend and the
 * build runs the identical code on the CPU backend in Deno.
 *
 * Layout: the convolution's output is a matrix with one row per output cell (patch rows, see
 * patches.ts) and one column per filter. Batch norm normalises each column over every row of the
 * batch: the statistics of a filter are taken over all digits and all positions, the spatial
 * batch norm of a CNN (seed 002, question 2, option A).
 *
 * Per-filter vectors are spread over the rows by a product with a column of ones rather than by
 * broadcasting: the gradient of a broadcast needs a sum over rows that the CPU backend computes
 * through a slow transpose, while the gradient of a matrix product is another fast product. Same
 * numbers, three to four times faster training on the CPU backend.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { DIGIT_CLASSES } from "../digitSet.js";
import { CNN_FEATURES, CNN_FILTERS, PATCH_SIZE, POOL_WINDOW } from "./architecture.js";
import { ROWS_PER_DIGIT } from "./patches.js";
import { BN_EPSILON } from "./settings.js";
import { type CnnWeights, type RunningStats, WEIGHT_NAMES, WEIGHT_SHAPES } from "./weights.js";

type T2 = TfCore.Tensor2D;

/** The learnable weights as tfjs variables (same names as CnnWeights). */
export type CnnVariables = Record<keyof CnnWeights, TfCore.Variable>;
export type RunningTensors = { mean: TfCore.Tensor1D; variance: TfCore.Tensor1D };

export function cnnVariables(tf: Tf, weights: CnnWeights): CnnVariables {
  return Object.fromEntries(
    WEIGHT_NAMES.map((name) => [
      name,
      // Unnamed: tfjs names must be unique, and an old run may still hold its variables.
      tf.tidy(() => tf.variable(tf.tensor(weights[name], [...WEIGHT_SHAPES[name]]))),
    ]),
  ) as CnnVariables;
}

/** The variables a run trains: with batch norm γ and β, without it the filters' biases. */
export function trainedVariables(vars: CnnVariables, batchNorm: boolean): TfCore.Variable[] {
  const { conv, convBias, gamma, beta, dense, denseBias } = vars;
  return batchNorm ? [conv, gamma, beta, dense, denseBias] : [conv, convBias, dense, denseBias];
}

export interface ForwardOptions {
  batchNorm: boolean;
  /** "train": batch statistics; "eval": the running averages in `running`. */
  mode: "train" | "eval";
  running?: RunningTensors;
  /** Inverted-dropout multipliers for the 288 features of each digit (0 or 1/(1 − rate)). */
  mask?: T2;
}

export interface ForwardResult {
  logits: T2;
  /** After batch norm (or the bias) and ReLU, before pooling: rows × 8 in patch-row order. */
  activations: T2;
  /** Training mode with batch norm: this batch's per-filter mean and (biased) variance. */
  batchMean?: TfCore.Tensor1D;
  batchVariance?: TfCore.Tensor1D;
}

/**
 * v (one value per filter) lined up with the rows. Training spreads it over every row as a
 * product with a column of ones, whose gradient is fast (see above); evaluation, which takes no
 * gradient, lets the elementwise op broadcast it. Both give the same numbers: 1 · v = v exactly.
 */
function perFilter(tf: Tf, ones: T2 | undefined, v: TfCore.Tensor): TfCore.Tensor {
  return ones ? tf.matMul(ones, tf.reshape(v, [1, CNN_FILTERS])) : tf.reshape(v, [CNN_FILTERS]);
}

/** 2×2 max pooling: rows come in four blocks, one per window position (patches.ts). */
export function poolBlocks(tf: Tf, h: T2): T2 {
  const [a, b, c, d] = tf.split(h, POOL_WINDOW, 0) as T2[];
  return tf.maximum(tf.maximum(a, b), tf.maximum(c, d));
}

export interface NormalisedFilters {
  z: TfCore.Tensor;
  /** The statistics used: the batch's (training) or the running averages (evaluation). */
  mean: TfCore.Tensor1D;
  variance: TfCore.Tensor1D;
}

/**
 * Batch norm of a layer's outputs x (rows × 8 filters), each filter over all rows:
 * z = γ(x − μ)/√(σ² + ε) + β, with μ and σ² the batch's when `running` is absent (training) and
 * the running averages otherwise (evaluation). `ones` (a column of rows ones) spreads per-filter
 * vectors for a fast gradient; without it they broadcast.
 */
export function normaliseFilters(
  tf: Tf,
  x: T2,
  gamma: TfCore.Tensor,
  beta: TfCore.Tensor,
  { running, ones }: { running?: RunningTensors; ones?: T2 },
): NormalisedFilters {
  let mean: TfCore.Tensor1D;
  let variance: TfCore.Tensor1D;
  if (running) {
    ({ mean, variance } = running);
  } else {
    // Column means of the batch: a product with a row of 1/rows.
    const average = tf.fill([1, x.shape[0]], 1 / x.shape[0]) as T2;
    mean = tf.reshape(tf.matMul(average, x), [CNN_FILTERS]);
    const meanSquare = tf.reshape(tf.matMul(average, tf.square(x)), [CNN_FILTERS]);
    // (1/m)Σ(x − μ)² written as E[x²] − μ²: the same variance with one product fewer; the
    // values are of order 1, so float32 loses nothing that matters next to ε.
    variance = tf.sub(meanSquare, tf.square(mean));
  }
  // γ(x − μ)/√(σ² + ε) + β as one scale and one shift per filter.
  const scale = tf.mul(tf.rsqrt(tf.add(variance, BN_EPSILON)), gamma);
  const shift = tf.sub(beta, tf.mul(mean, scale));
  const z = tf.add(tf.mul(x, perFilter(tf, ones, scale)), perFilter(tf, ones, shift));
  return { z, mean, variance };
}

/**
 * Logits of the digits whose patches are given ((count · 144) × 25). Call inside tf.tidy (or
 * tf.variableGrads); every returned tensor belongs to the caller's scope.
 */
export function cnnForward(
  tf: Tf,
  vars: CnnVariables,
  patches: T2,
  count: number,
  { batchNorm, mode, running, mask }: ForwardOptions,
): ForwardResult {
  const rows = count * ROWS_PER_DIGIT;
  if (patches.shape[0] !== rows || patches.shape[1] !== PATCH_SIZE) {
    throw new RangeError(
      `patches must be ${rows} × ${PATCH_SIZE} for ${count} digits; got ${patches.shape}`,
    );
  }
  if (batchNorm && mode === "eval" && !running) {
    throw new Error("evaluation with batch norm needs the running statistics");
  }
  const ones = mode === "train" ? tf.ones([rows, 1]) as T2 : undefined;
  const conv = tf.matMul(patches, vars.conv) as T2;
  let z: TfCore.Tensor;
  let batchMean: TfCore.Tensor1D | undefined;
  let batchVariance: TfCore.Tensor1D | undefined;
  if (!batchNorm) {
    z = tf.add(conv, perFilter(tf, ones, vars.convBias));
  } else {
    const bn = normaliseFilters(tf, conv, vars.gamma, vars.beta, {
      running: mode === "eval" ? running : undefined,
      ones,
    });
    z = bn.z;
    if (mode === "train") [batchMean, batchVariance] = [bn.mean, bn.variance];
  }
  const activations = tf.relu(z) as T2;
  let features = tf.reshape(poolBlocks(tf, activations), [count, CNN_FEATURES]) as T2;
  if (mask) features = tf.mul(features, mask);
  const logits = tf.add(tf.matMul(features, vars.dense), vars.denseBias) as T2;
  if (logits.shape[1] !== DIGIT_CLASSES) throw new Error("the dense layer must give 10 logits");
  return { logits, activations, batchMean, batchVariance };
}

/** Running averages as tensors (the caller disposes them). */
export function runningTensors(tf: Tf, stats: RunningStats): RunningTensors {
  return {
    mean: tf.tensor1d(stats.mean),
    variance: tf.tensor1d(stats.variance),
  };
}
