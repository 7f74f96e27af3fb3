/**
 * The dropout toy's training loop (same procedure as dropoutTrain.ts) in TensorFlow.js, so the
 * page can run it live on whatever backend the reader's browser offers.
 *
 * The tfjs namespace is passed in rather than imported: the page decides which build and
 * backend to load, and the tests run the identical code on the CPU backend in Deno. The namespace
 * must have gradients registered (the full "@tensorflow/tfjs" bundle does; tfjs-core alone does
 * not).
 */

import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { createRng } from "../prng.js";
import { ADAM, type DropoutTrainOptions, resolveTrainOptions } from "./dropoutTrain.js";
import { integerAtLeast } from "../validate.js";
import { macrotask } from "../macrotask.js";
import { downloadChunk, leadingRows } from "../tfRead.js";

export interface DropoutTfChunk {
  /** Steps completed so far, over all chunks. */
  stepsDone: number;
  /** Batch loss of each step in this chunk (before that step's update). */
  losses: Float32Array;
  /** Weights after each step in this chunk. */
  w1: Float32Array;
  w2: Float32Array;
  /** True on the last chunk (all steps done, or diverged). */
  done: boolean;
  /** True when the loss or weights overflowed float32; this chunk then stops at the last finite step. */
  diverged: boolean;
  /** 1-based number of the step that overflowed, when diverged. */
  divergedAt?: number;
}

export interface DropoutTfRunOptions {
  /** Steps per yielded chunk (default 100). */
  chunkSteps?: number;
  /** Aborting ends the generator quietly after the current chunk; all tensors are released. */
  signal?: AbortSignal;
}

// The ops in the loss, each of which needs a registered gradient for optimizer.minimize.
const LOSS_KERNELS = ["Multiply", "Sum", "Sub", "Square", "Mean"];

/**
 * Trains with tf.train.sgd or tf.train.adam, yielding every `chunkSteps` steps.
 *
 * Each chunk's losses and weights are kept on the device as tensors and downloaded with a single
 * `await data()`, because a synchronous read per step would stall a GPU pipeline every step.
 * Every tensor created here, including the weight variable and the optimiser's slots, is
 * released in `finally`, so stopping early (break, .return(), abort) leaves tf.memory() as it was.
 */
export async function* trainDropoutTf(
  tf: Tf,
  opts: DropoutTrainOptions,
  { chunkSteps = 100, signal }: DropoutTfRunOptions = {},
): AsyncGenerator<DropoutTfChunk, void, undefined> {
  const { rate, batchSize, learningRate, steps, optimizer, seed, x, y } = resolveTrainOptions(
    opts,
  );
  integerAtLeast("chunkSteps", chunkSteps, 1);
  const missing = LOSS_KERNELS.filter((k) => !tf.getGradient(k));
  if (missing.length > 0) {
    throw new Error(
      `trainDropoutTf: no gradient registered for ${missing.join(", ")}; load "@tensorflow/tfjs" ` +
        `(or register tfjs-core's gradients) before training`,
    );
  }
  // One generator per run, read in step order, so a run is reproducible whatever the chunk size.
  const masks = createRng(seed);
  const q = 1 - rate;
  const held: TfCore.Tensor[] = [];
  let w: TfCore.Variable | undefined;
  let xs: TfCore.Tensor | undefined;
  let opt: TfCore.Optimizer | undefined;
  try {
    if (signal?.aborted) return;
    const init = tf.zeros([2]);
    try {
      w = tf.variable(init, true);
    } finally {
      // The variable holds its own reference to the buffer, so the initial tensor can go.
      init.dispose();
    }
    xs = tf.tensor1d([x[0] / q, x[1] / q]);
    opt = optimizer === "adam"
      ? tf.train.adam(learningRate, ADAM.beta1, ADAM.beta2, ADAM.epsilon)
      : tf.train.sgd(learningRate);
    const weights = w;
    const features = xs;
    const optim = opt;
    let stepsDone = 0;
    while (stepsDone < steps) {
      if (signal?.aborted) return;
      const n = Math.min(chunkSteps, steps - stepsDone);
      // Masks come from our seeded generator, not tf.randomUniform: the same seed then gives the
      // same masks on every backend and in Deno, and no backend's RNG kernel is needed.
      const keep = new Float32Array(n * batchSize * 2);
      for (let k = 0; k < keep.length; k++) keep[k] = masks.uniform() >= rate ? 1 : 0;
      const chunkMasks = tf.tensor3d(keep, [n, batchSize, 2]);
      held.push(chunkMasks);
      for (let i = 0; i < n; i++) {
        const [cost, snapshot] = tf.tidy(() => {
          const m = tf.reshape(tf.slice(chunkMasks, [i, 0, 0], [1, batchSize, 2]), [batchSize, 2]);
          // A kept feature is x / (1 − r), a dropped one 0.
          const xt = tf.mul(m, features);
          const c = optim.minimize(
            () => tf.mean(tf.square(tf.sub(tf.sum(tf.mul(xt, weights), 1), y))) as TfCore.Scalar,
            true,
            [weights],
          ) as TfCore.Scalar;
          // A copy, because the variable's buffer is replaced by the next update.
          return [c, tf.clone(weights)];
        });
        held.push(cost, snapshot);
      }
      // held[0] is the chunk's masks; then each step's cost and weights, alternating.
      const values = await downloadChunk(tf, held, (all) => {
        const steps = all.slice(1);
        const costs = steps.filter((_, i) => i % 2 === 0);
        const snaps = steps.filter((_, i) => i % 2 === 1);
        return tf.concat([tf.reshape(tf.stack(costs), [n, 1]), tf.stack(snaps)], 1);
      });
      const finite = leadingRows(values, 3, n, Number.isFinite);
      const losses = new Float32Array(n);
      const w1 = new Float32Array(n);
      const w2 = new Float32Array(n);
      for (let i = 0; i < finite; i++) {
        losses[i] = values[3 * i];
        w1[i] = values[3 * i + 1];
        w2[i] = values[3 * i + 2];
      }
      if (finite < n) {
        yield {
          stepsDone: stepsDone + finite,
          losses: losses.slice(0, finite),
          w1: w1.slice(0, finite),
          w2: w2.slice(0, finite),
          done: true,
          diverged: true,
          divergedAt: stepsDone + finite + 1,
        };
        return;
      }
      stepsDone += n;
      const done = stepsDone >= steps;
      yield { stepsDone, losses, w1, w2, done, diverged: false };
      if (!done) await macrotask();
    }
  } finally {
    tf.dispose(held.splice(0));
    opt?.dispose();
    xs?.dispose();
    w?.dispose();
  }
}
