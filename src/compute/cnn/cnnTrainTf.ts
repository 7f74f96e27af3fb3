/**
 * One training run of the small CNN in TensorFlow.js: SGD with momentum on minibatches of the
 * 500 training digits, accuracy on the training and validation digits after every epoch (and
 * before the first), test accuracy at the end. The page runs it live on the reader's backend; the
 * loader runs the same function on the CPU backend in Deno for the precomputed runs.
 *
 * Reproducible: the starting weights, each epoch's batch order and every dropout mask come from
 * createRng streams derived from the seed, never from tfjs's own random ops.
 *
 * Never blocks: work is cut into slices of about `sliceMs`; after each slice the generator reads a
 * scalar back with `await data()` (so a GPU queue cannot run ahead) and waits a macrotask, then
 * yields the run's state. Every tensor made here is released in `finally`, also when the run is
 * stopped (signal aborted, or the caller leaves the loop).
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import { createRng } from "../prng.js";
import { macrotask } from "../macrotask.js";
import { integerAtLeast } from "../validate.js";
import { DIGIT_CLASSES, type DigitSet } from "../digits/digitSet.js";
import { epochBatches } from "../digits/digitBatch.js";
import { disposeOptimizer } from "../momentum/tfReference.js";
import { CNN_FEATURES, PATCH_SIZE } from "./architecture.js";
import { digitPatches, ROWS_PER_DIGIT } from "./patches.js";
import {
  cnnForward,
  type CnnVariables,
  cnnVariables,
  type RunningTensors,
  runningTensors,
  trainedVariables,
} from "./cnnModelTf.js";
import { type CnnDataset, EVAL_CHUNK, type EvalSet } from "./dataset.js";
import { BN_MOMENTUM, checkCnnSettings, CNN_MOMENTUM, type CnnSettings } from "./settings.js";
import {
  type CnnWeights,
  initialCnnWeights,
  initialRunningStats,
  type RunningStats,
  WEIGHT_NAMES,
} from "./weights.js";

type Tf = typeof TfCore;

export interface EpochRecord {
  /** 0 before training, then 1, 2, … */
  epoch: number;
  trainAccuracy: number;
  validationAccuracy: number;
  /** Mean training loss over the epoch's batches (with dropout, as trained); null at epoch 0. */
  loss: number | null;
}

export interface CnnRunState {
  settings: CnnSettings;
  stepsDone: number;
  totalSteps: number;
  history: EpochRecord[];
  /** Wall time of each epoch's training steps (scoring excluded), in ms. */
  epochMs: number[];
  /** The longest stretch of work between two pauses so far, in ms (the main thread's longest task). */
  longestSliceMs: number;
  done: boolean;
  /** The epoch's mean loss was not finite (the steps blew up); the run stops there. */
  diverged?: boolean;
  /** On the last state: accuracy on the 1,000 test digits, the trained weights and statistics. */
  testAccuracy?: number;
  weights?: CnnWeights;
  running?: RunningStats;
  elapsedMs: number;
}

export interface CnnRunOptions {
  signal?: AbortSignal;
  /** Target length of one slice of work in ms (default 25). */
  sliceMs?: number;
  /** Clock; defaults to performance.now. */
  now?: () => number;
}

const TWO_32 = 2 ** 32;

/** Three independent 32-bit seeds (weights, batch order, dropout masks) from the run's seed. */
export function runSeeds(seed: number): { weights: number; order: number; masks: number } {
  const rng = createRng(seed);
  return { weights: rng.int(TWO_32), order: rng.int(TWO_32), masks: rng.int(TWO_32) };
}

/** Steps in a run: batches per epoch times epochs. */
export function totalSteps(trainCount: number, batchSize: number, epochs: number): number {
  return Math.ceil(trainCount / integerAtLeast("batch size", batchSize, 1)) * epochs;
}

/** One-hot rows (1 at each label, 0 elsewhere) as Float32, labels.length × 10. */
export function oneHotRows(labels: ArrayLike<number>): Float32Array {
  const out = new Float32Array(labels.length * DIGIT_CLASSES);
  for (let i = 0; i < labels.length; i++) out[i * DIGIT_CLASSES + labels[i]] = 1;
  return out;
}

/** Inverted-dropout multipliers for `count` digits: 0 with probability `rate`, else 1/(1 − rate). */
export function dropoutMask(rng: ReturnType<typeof createRng>, count: number, rate: number) {
  const keep = 1 / (1 - rate);
  const mask = new Float32Array(count * CNN_FEATURES);
  for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < rate ? 0 : keep;
  return mask;
}

/** The model of one run: its variables, batch norm's running averages and the optimiser. */
interface RunModel {
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
function trainingStep(
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
function correctInChunk(tf: Tf, model: RunModel, set: EvalSet, k: number): TfCore.Tensor {
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

async function downloadWeights(
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

export async function* trainCnnTf(
  tf: Tf,
  data: CnnDataset,
  settingsIn: CnnSettings,
  { signal, sliceMs = 25, now = () => performance.now() }: CnnRunOptions = {},
): AsyncGenerator<CnnRunState, void, undefined> {
  const settings = checkCnnSettings(settingsIn);
  const { batchNorm, dropout, dropRate, batchSize, epochs } = settings;
  const trainCount = data.trainIndices.length;
  integerAtLeast("batch size", batchSize, 1, trainCount);
  const seeds = runSeeds(settings.seed);
  const masks = createRng(seeds.masks);
  const steps = totalSteps(trainCount, batchSize, epochs);
  const started = now();
  const history: EpochRecord[] = [];
  const epochMs: number[] = [];
  let stepsDone = 0;
  const state = (extra: Partial<CnnRunState> = {}): CnnRunState => ({
    settings,
    stepsDone,
    totalSteps: steps,
    history: history.slice(),
    epochMs: epochMs.slice(),
    longestSliceMs,
    done: false,
    elapsedMs: now() - started,
    ...extra,
  });

  let model: RunModel | undefined;
  /** The tensors being summed: this epoch's batch losses, or one evaluation's correct counts. */
  const held: TfCore.Tensor[] = [];
  let sliceStart = now();
  let longestSliceMs = 0;
  /** Time handed back to the page (macrotasks and the consumer's turn), not the run's own. */
  let awayMs = 0;
  /** Ends a slice if it has run long enough: syncs with the backend and lets the page breathe. */
  const pause = async (sync: TfCore.Tensor): Promise<boolean> => {
    if (now() - sliceStart < sliceMs) return false;
    await sync.data();
    const away = now();
    longestSliceMs = Math.max(longestSliceMs, away - sliceStart);
    await macrotask();
    awayMs += now() - away;
    sliceStart = now();
    return true;
  };
  /** Sums held tensors on the device, downloads the sum once, and releases them. */
  const total = async (): Promise<number> => {
    const sum = tf.tidy(() => tf.addN(held));
    tf.dispose(held.splice(0));
    try {
      return (await sum.data())[0];
    } finally {
      sum.dispose();
    }
  };

  async function* accuracy(set: EvalSet): AsyncGenerator<CnnRunState, number, undefined> {
    for (let k = 0; k < set.patches.length; k++) {
      held.push(correctInChunk(tf, model!, set, k));
      if (k + 1 < set.patches.length && (await pause(held[held.length - 1]))) {
        if (signal?.aborted) return NaN;
        yield state();
      }
    }
    return (await total()) / set.count;
  }

  async function* evaluate(epoch: number, loss: number | null) {
    const trainAccuracy = yield* accuracy(data.train);
    if (signal?.aborted) return;
    const validationAccuracy = yield* accuracy(data.validation);
    if (signal?.aborted) return;
    history.push({ epoch, trainAccuracy, validationAccuracy, loss });
    yield state();
  }

  try {
    if (signal?.aborted) return;
    yield state();
    const vars = cnnVariables(tf, initialCnnWeights(seeds.weights));
    model = {
      vars,
      running: runningTensors(tf, initialRunningStats()),
      optimizer: tf.train.momentum(settings.learningRate, CNN_MOMENTUM),
      trained: trainedVariables(vars, batchNorm),
      batchNorm,
    };
    yield* evaluate(0, null);
    for (let epoch = 1; epoch <= epochs && !signal?.aborted; epoch++) {
      const batches = epochBatches(trainCount, batchSize, (seeds.order + epoch - 1) % TWO_32);
      const epochStart = now();
      const awayBefore = awayMs;
      for (const batch of batches) {
        if (signal?.aborted) return;
        const indices = batch.map((i) => data.trainIndices[i]);
        const mask = dropout ? dropoutMask(masks, indices.length, dropRate) : undefined;
        held.push(trainingStep(tf, model, data.trainSet, indices, mask));
        stepsDone++;
        if (await pause(held[held.length - 1])) {
          if (signal?.aborted) return;
          const away = now();
          yield state();
          awayMs += now() - away;
        }
      }
      const loss = (await total()) / batches.length;
      epochMs.push(now() - epochStart - (awayMs - awayBefore));
      if (!Number.isFinite(loss)) {
        yield state({ done: true, diverged: true });
        return;
      }
      yield* evaluate(epoch, loss);
    }
    if (signal?.aborted) return;
    const testAccuracy = yield* accuracy(data.test());
    if (signal?.aborted) return;
    yield state({ done: true, testAccuracy, ...(await downloadWeights(model)) });
  } finally {
    tf.dispose(held);
    if (model) {
      disposeOptimizer(model.optimizer);
      tf.dispose([model.running.mean, model.running.variance, ...Object.values(model.vars)]);
    }
  }
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
