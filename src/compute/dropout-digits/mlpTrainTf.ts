/**
 * Trains the digit MLP in TensorFlow.js: 794 inputs (pixels and the cheating block) → `hidden`
 * ReLU units → 10 logits, mean softmax cross-entropy, Adam. Dropout is the inverted kind (a kept
 * value is divided by its keep probability, as in PyTorch), on the inputs and on the hidden units.
 *
 * The same generator runs in the page (WebGPU or WebAssembly) and in the build (the CPU backend
 * under Deno, which is deterministic): one computation, two places. The tfjs namespace is passed
 * in and must have gradients registered. Every random draw comes from createRng (mlpSetup.ts): the
 * input masks are applied in JavaScript while a batch is assembled, the hidden masks are uploaded
 * with it, so no backend's random kernel is used and a seed gives the same run everywhere up to
 * float32 rounding.
 *
 * Work is cut into slices of about `sliceMs` of main-thread time, each ended by one `await data()`
 * and a macrotask, so a page stays responsive. Aborting the signal, or leaving the loop early,
 * ends the run after the current slice; every tensor is released in `finally`.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { macrotask } from "../macrotask.js";
import { DIGIT_CLASSES } from "../digitSet.js";
import { epochBatches } from "../digitBatch.js";
import {
  accuracyOf,
  CHEAT_INPUTS,
  type CheatView,
  fillInputs,
  followedShare,
} from "./cheatingFeature.js";
import { type DigitMlpOptions, MLP_ADAM, resolveMlpOptions } from "./mlpOptions.js";
import {
  mlpInitialWeights,
  mlpStreams,
  mlpViews,
  type MlpWeights,
  nextEpochSeed,
} from "./mlpSetup.js";
import type { DigitSplits } from "../digitSet.js";

export interface EpochRecord {
  /** 0 is the untrained network. */
  epoch: number;
  /** On (up to 100 a class of) the training digits with their honest blocks, dropout off. */
  trainAccuracy: number;
  /** On the validation digits, whose blocks are noise. */
  validationAccuracy: number;
  /** Mean training loss over the epoch's steps (with dropout on); null for epoch 0. */
  meanLoss: number | null;
}

export interface TestRecord {
  /** Blocks are noise: the clean test accuracy. */
  noise: number;
  /** Blocks name the true label. */
  honest: number;
  /** Blocks are zero. */
  blank: number;
  /** Of the test digits whose noise block names a wrong class, the share classified as that class. */
  followed: number;
}

export interface DigitMlpFrame {
  stepsDone: number;
  totalSteps: number;
  /** Every epoch scored so far, from epoch 0. */
  epochs: EpochRecord[];
  /** The longest stretch of work between two yields to the browser so far, in ms. */
  longestSliceMs: number;
  /** Set on the last frame of a finished run. */
  test?: TestRecord;
  /** The trained weights, on the last frame of a finished run. */
  weights?: MlpWeights;
  done: boolean;
}

export interface DigitMlpRunOptions {
  signal?: AbortSignal;
  /** Main-thread time of one slice of training steps, in ms (default 20). */
  sliceMs?: number;
  /** Digits scored per forward pass when measuring accuracy (default 250). */
  evalRows?: number;
}

/** Training steps cut into one slice at most, whatever the time. */
const MAX_SLICE_STEPS = 64;

// The ops in the loss, each of which needs a registered gradient.
const LOSS_KERNELS = ["BatchMatMul", "Add", "Multiply"];

/** Steps of one run: every epoch covers the training digits once in batches of batchSize. */
export function mlpTotalSteps(options: DigitMlpOptions): number {
  const count = options.perClass * DIGIT_CLASSES;
  return options.epochs * Math.ceil(count / Math.min(options.batchSize, count));
}

export async function* trainDigitMlpTf(
  tf: Tf,
  splits: DigitSplits,
  options: DigitMlpOptions,
  { signal, sliceMs = 20, evalRows = 250 }: DigitMlpRunOptions = {},
): AsyncGenerator<DigitMlpFrame, void, undefined> {
  const setupStart = performance.now();
  const opts = resolveMlpOptions(options);
  const missing = LOSS_KERNELS.filter((k) => !tf.getGradient(k));
  if (missing.length > 0) {
    throw new Error(
      `trainDigitMlpTf: no gradient registered for ${missing.join(", ")}; register tfjs-core's ` +
        `gradients (or load "@tensorflow/tfjs") before training`,
    );
  }
  const { hidden, keepInput, keepHidden } = opts;
  const streams = mlpStreams(opts.seed);
  const init = mlpInitialWeights(streams.weights, hidden);
  const views = mlpViews(splits, opts, streams.noise);
  const nTrain = views.train.count;
  const batchSize = Math.min(opts.batchSize, nTrain);
  const totalSteps = mlpTotalSteps(opts);
  let longestSliceMs = 0;
  /** Ends a stretch of main-thread work that began at `start`. */
  const sliceEnds = (start: number) => {
    longestSliceMs = Math.max(longestSliceMs, performance.now() - start);
  };

  const variables: TfCore.Variable[] = [];
  const held: TfCore.Tensor[] = [];
  let optimizer: TfCore.Optimizer | undefined;
  try {
    if (signal?.aborted) return;
    const variable = (values: Float32Array, shape: number[]) => {
      const v = tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
      variables.push(v);
      return v;
    };
    const w1 = variable(init.w1, [CHEAT_INPUTS, hidden]);
    const b1 = variable(init.b1, [hidden]);
    const w2 = variable(init.w2, [hidden, DIGIT_CLASSES]);
    const b2 = variable(init.b2, [DIGIT_CLASSES]);
    optimizer = tf.train.adam(opts.learningRate, MLP_ADAM.beta1, MLP_ADAM.beta2, MLP_ADAM.epsilon);
    const optim = optimizer;

    /** One Adam step on one batch; returns its loss (before the update) as a scalar tensor. */
    const step = (batch: number[]): TfCore.Tensor => {
      const n = batch.length;
      const x = new Float32Array(n * CHEAT_INPUTS);
      fillInputs(views.train, batch, x);
      if (keepInput < 1) {
        const kept = 1 / keepInput;
        for (let k = 0; k < x.length; k++) {
          x[k] = streams.masks.uniform() < keepInput ? x[k] * kept : 0;
        }
      }
      const y = new Float32Array(n * DIGIT_CLASSES);
      batch.forEach((i, r) => (y[r * DIGIT_CLASSES + views.train.labels[i]] = 1));
      let mask: Float32Array | undefined;
      if (keepHidden < 1) {
        const kept = 1 / keepHidden;
        mask = new Float32Array(n * hidden);
        for (let k = 0; k < mask.length; k++) {
          mask[k] = streams.masks.uniform() < keepHidden ? kept : 0;
        }
      }
      return tf.tidy(() => {
        const xs = tf.tensor2d(x, [n, CHEAT_INPUTS]);
        const ys = tf.tensor2d(y, [n, DIGIT_CLASSES]);
        const ms = mask ? tf.tensor2d(mask, [n, hidden]) : undefined;
        return optim.minimize(
          () => {
            let h = tf.fused.matMul({ a: xs, b: w1, bias: b1, activation: "relu" });
            if (ms) h = tf.mul(h, ms);
            const logits = tf.add(tf.matMul(h, w2), b2);
            return tf.losses.softmaxCrossEntropy(ys, logits) as TfCore.Scalar;
          },
          true,
          [w1, b1, w2, b2],
        ) as TfCore.Scalar;
      });
    };

    /** Class predicted for every digit of a view, dropout off, in slices of evalRows. */
    const predict = async (view: CheatView): Promise<Int32Array> => {
      const out = new Int32Array(view.count);
      for (let from = 0; from < view.count; from += evalRows) {
        const start = performance.now();
        const rows = Array.from(
          { length: Math.min(evalRows, view.count - from) },
          (_, k) => from + k,
        );
        const x = new Float32Array(rows.length * CHEAT_INPUTS);
        fillInputs(view, rows, x);
        const classes = tf.tidy(() => {
          const xs = tf.tensor2d(x, [rows.length, CHEAT_INPUTS]);
          const h = tf.fused.matMul({ a: xs, b: w1, bias: b1, activation: "relu" });
          return tf.argMax(tf.add(tf.matMul(h, w2), b2), 1);
        });
        held.push(classes);
        sliceEnds(start);
        const values = await classes.data();
        tf.dispose(held.splice(0));
        out.set(values, from);
        await macrotask();
        if (signal?.aborted) return out;
      }
      return out;
    };

    const epochs: EpochRecord[] = [];
    const score = async (epoch: number, meanLoss: number | null) => {
      const trainAccuracy = accuracyOf(views.trainScored, await predict(views.trainScored));
      if (signal?.aborted) return;
      const validationAccuracy = accuracyOf(views.validation, await predict(views.validation));
      epochs.push({ epoch, trainAccuracy, validationAccuracy, meanLoss });
    };
    const frame = (stepsDone: number, extra: Partial<DigitMlpFrame> = {}): DigitMlpFrame => ({
      stepsDone,
      totalSteps,
      epochs: epochs.slice(),
      longestSliceMs,
      done: false,
      ...extra,
    });

    sliceEnds(setupStart);
    await score(0, null);
    if (signal?.aborted) return;
    yield frame(0);

    let stepsDone = 0;
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      const batches = epochBatches(nTrain, batchSize, nextEpochSeed(streams.order));
      let lossSum = 0;
      let b = 0;
      while (b < batches.length) {
        const sliceStart = performance.now();
        const losses: TfCore.Tensor[] = [];
        do {
          losses.push(step(batches[b++]));
        } while (
          b < batches.length && losses.length < MAX_SLICE_STEPS &&
          performance.now() - sliceStart < sliceMs
        );
        held.push(...losses);
        sliceEnds(sliceStart);
        // Summed here in double precision and in step order, so the slice size cannot change it.
        const packed = tf.tidy(() => tf.stack(losses));
        tf.dispose(held.splice(0));
        held.push(packed);
        for (const loss of await packed.data()) lossSum += loss;
        tf.dispose(held.splice(0));
        stepsDone += losses.length;
        if (signal?.aborted) return;
        yield frame(stepsDone);
        await macrotask();
        if (signal?.aborted) return;
      }
      await score(epoch, lossSum / batches.length);
      if (signal?.aborted) return;
      yield frame(stepsDone);
    }

    const noise = await predict(views.testNoise);
    const honest = await predict(views.testHonest);
    const blank = await predict(views.testBlank);
    if (signal?.aborted) return;
    const test: TestRecord = {
      noise: accuracyOf(views.testNoise, noise),
      honest: accuracyOf(views.testHonest, honest),
      blank: accuracyOf(views.testBlank, blank),
      followed: followedShare(views.testNoise, noise),
    };
    const [tw1, tb1, tw2, tb2] = await Promise.all(variables.map((v) => v.data()));
    const weights = { w1: tw1, b1: tb1, w2: tw2, b2: tb2 } as MlpWeights;
    yield frame(stepsDone, { test, weights, done: true });
  } finally {
    tf.dispose(held.splice(0));
    optimizer?.dispose();
    tf.dispose(variables.splice(0));
  }
}
