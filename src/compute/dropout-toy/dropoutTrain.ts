/**
 * Trains the two-weight dropout toy (see dropoutToy.ts) with minibatch SGD or Adam, in Float64
 * and plain TypeScript, so the build-time data loader can run thousands of seeded trainings fast.
 * dropoutTrainTf.ts implements the same procedure with TensorFlow.js for the live page.
 *
 * Procedure: start at w = (0, 0). Every step draws B independent dropout masks (each feature kept
 * with probability 1 − r and then scaled by 1/(1 − r)), takes the loss to be the batch mean of
 * (w·x̃ − y)², and makes one optimiser step on it. The loss recorded for a step is the one
 * evaluated before that step's update, as TensorFlow's optimizer.minimize reports it.
 */

import { createRng } from "../prng.js";
import {
  dropRate,
  finiteNumber,
  finiteVector,
  integerAtLeast,
  oneOf,
  positiveNumber,
  seedValue,
} from "../validate.js";
import { TOY } from "./dropoutToy.js";

export type DropoutOptimizer = "sgd" | "adam";

export interface DropoutTrainOptions {
  /** Drop rate r in [0, 1). */
  rate: number;
  /** Masks per step, integer ≥ 1. */
  batchSize: number;
  /** Step size, > 0. */
  learningRate: number;
  /** Number of optimiser steps, integer ≥ 1. */
  steps: number;
  optimizer: DropoutOptimizer;
  /** Seed for the masks, an integer in [0, 2³² − 1]. */
  seed: number;
  /** The single input point, two features (default TOY.x = (10, 1)). */
  x?: readonly number[];
  /** Its target (default TOY.y = 11). */
  y?: number;
}

export interface ResolvedDropoutTrainOptions extends Required<DropoutTrainOptions> {
  x: [number, number];
}

/** Adam's constants, the same as tf.train.adam's defaults except ε, which tfjs sets from float precision. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

// Upper limits only guard the browser against a typo that would allocate gigabytes or freeze the tab.
export const MAX_STEPS = 10_000_000;
export const MAX_BATCH = 1_000_000;

/** Checks every option and fills in the toy's data; shared with the TensorFlow.js trainer. */
export function resolveTrainOptions(opts: DropoutTrainOptions): ResolvedDropoutTrainOptions {
  if (opts === null || typeof opts !== "object") {
    throw new RangeError(`options must be an object; got ${String(opts)}`);
  }
  const x = finiteVector("x", (opts.x ?? TOY.x) as number[], 2);
  return {
    rate: dropRate(opts.rate),
    batchSize: integerAtLeast("batchSize", opts.batchSize, 1, MAX_BATCH),
    learningRate: positiveNumber("learningRate", opts.learningRate),
    steps: integerAtLeast("steps", opts.steps, 1, MAX_STEPS),
    optimizer: oneOf("optimizer", opts.optimizer, ["sgd", "adam"] as const),
    seed: seedValue(opts.seed),
    x: [x[0], x[1]],
    y: finiteNumber("y", opts.y ?? TOY.y),
  };
}

export interface DropoutTrainResult {
  /** Batch loss of each completed step (evaluated before that step's update). */
  losses: Float64Array;
  /** Weights after each completed step. */
  w1: Float64Array;
  w2: Float64Array;
  /** Weights after the last completed step. */
  final: [number, number];
  /**
   * Mean of the last 25% of iterates. With a constant step size the iterates keep jittering
   * around the optimum; averaging the tail (Polyak–Ruppert style) removes most of that jitter,
   * so this is the number to compare with the closed form.
   */
  tailMean: [number, number];
  /** True when the loss or weights overflowed; the arrays then stop at the last finite step. */
  diverged: boolean;
  /** 1-based number of the step whose loss or update was non-finite. */
  divergedAt?: number;
}

/** Number of iterates averaged into tailMean out of n completed steps. */
export function tailLength(n: number): number {
  return Math.max(1, Math.ceil(n / 4));
}

/**
 * Mean of the last quarter (rounded up) of a sequence of iterates: the estimate of where a
 * constant-step run settles. NaN for an empty sequence.
 */
export function tailMean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = n - tailLength(n); i < n; i++) sum += values[i];
  return sum / tailLength(n);
}

export function trainDropout(options: DropoutTrainOptions): DropoutTrainResult {
  const { rate, batchSize, learningRate: lr, steps, optimizer, seed, x, y } = resolveTrainOptions(
    options,
  );
  const rng = createRng(seed);
  const uniform = rng.uniform;
  const q = 1 - rate;
  const a1 = x[0] / q;
  const a2 = x[1] / q;
  const adam = optimizer === "adam";
  const { beta1, beta2, epsilon } = ADAM;
  const losses = new Float64Array(steps);
  const w1s = new Float64Array(steps);
  const w2s = new Float64Array(steps);
  let w1 = 0;
  let w2 = 0;
  let m1 = 0, m2 = 0, v1 = 0, v2 = 0;
  let pow1 = 1, pow2 = 1;
  const scale = 2 / batchSize;
  let done = 0;
  let divergedAt: number | undefined;
  for (let step = 0; step < steps; step++) {
    let loss = 0;
    let g1 = 0;
    let g2 = 0;
    for (let b = 0; b < batchSize; b++) {
      // u ≥ r keeps a feature with probability exactly 1 − r, and r = 0 keeps everything.
      const f1 = uniform() >= rate ? a1 : 0;
      const f2 = uniform() >= rate ? a2 : 0;
      const res = w1 * f1 + w2 * f2 - y;
      loss += res * res;
      g1 += res * f1;
      g2 += res * f2;
    }
    loss /= batchSize;
    g1 *= scale;
    g2 *= scale;
    if (adam) {
      m1 = beta1 * m1 + (1 - beta1) * g1;
      m2 = beta1 * m2 + (1 - beta1) * g2;
      v1 = beta2 * v1 + (1 - beta2) * g1 * g1;
      v2 = beta2 * v2 + (1 - beta2) * g2 * g2;
      pow1 *= beta1;
      pow2 *= beta2;
      const c1 = 1 - pow1;
      const c2 = 1 - pow2;
      w1 -= (lr * (m1 / c1)) / (Math.sqrt(v1 / c2) + epsilon);
      w2 -= (lr * (m2 / c1)) / (Math.sqrt(v2 / c2) + epsilon);
    } else {
      w1 -= lr * g1;
      w2 -= lr * g2;
    }
    if (!Number.isFinite(loss) || !Number.isFinite(w1) || !Number.isFinite(w2)) {
      divergedAt = step + 1;
      break;
    }
    losses[step] = loss;
    w1s[step] = w1;
    w2s[step] = w2;
    done = step + 1;
  }
  const kept = (a: Float64Array) => (done < steps ? a.slice(0, done) : a);
  const w1Out = kept(w1s);
  const w2Out = kept(w2s);
  // A run that overflowed on its first step never left the starting point.
  const final: [number, number] = done > 0 ? [w1s[done - 1], w2s[done - 1]] : [0, 0];
  const result: DropoutTrainResult = {
    losses: kept(losses),
    w1: w1Out,
    w2: w2Out,
    final,
    tailMean: done > 0 ? [tailMean(w1Out), tailMean(w2Out)] : final,
    diverged: divergedAt !== undefined,
  };
  if (divergedAt !== undefined) result.divergedAt = divergedAt;
  return result;
}
