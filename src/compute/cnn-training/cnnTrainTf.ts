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
import type { Tf } from "../tf.js";
import { createRng } from "../prng.js";
import { macrotask } from "../macrotask.js";
import { integerAtLeast } from "../validate.js";
import { epochBatches } from "../digitBatch.js";
import { disposeOptimizer } from "../tfReference.js";
import { cnnVariables, runningTensors, trainedVariables } from "./cnnModelTf.js";
import type { CnnDataset, EvalSet } from "./dataset.js";
import { checkCnnSettings, CNN_MOMENTUM, type CnnSettings } from "./settings.js";
import {
  type CnnWeights,
  initialCnnWeights,
  initialRunningStats,
  type RunningStats,
} from "./weights.js";
import { dropoutMask, runSeeds, totalSteps, TWO_32 } from "./runPlan.js";
import { sumTensors } from "./sumTensors.js";
import { correctInChunk, downloadWeights, type RunModel, trainingStep } from "./cnnStepTf.js";

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
  /**
   * The loss of the very first batch, before any update: a forward pass only, so every backend
   * must give it to float32 rounding (the browser tests compare backends on it). Set after epoch 1.
   */
  firstStepLoss?: number;
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
  /**
   * Which epochs (0 = before training) are scored on the training and validation digits; all by
   * default. Scoring changes nothing in training (evaluation mode, no random draws), so a caller
   * that needs only some epochs (the robustness test) skips the rest and saves time.
   */
  scoreAt?: (epoch: number) => boolean;
}

export async function* trainCnnTf(
  tf: Tf,
  data: CnnDataset,
  settingsIn: CnnSettings,
  { signal, sliceMs = 25, now = () => performance.now(), scoreAt = () => true }: CnnRunOptions = {},
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
  let firstStepLoss: number | undefined;
  const state = (extra: Partial<CnnRunState> = {}): CnnRunState => ({
    settings,
    ...(firstStepLoss === undefined ? {} : { firstStepLoss }),
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
  /**
   * Sums held tensors on the device, in kernels WebGPU accepts (sumTensors.ts), downloads the sum
   * once, and releases them.
   */
  const total = async (): Promise<number> => {
    const sum = tf.tidy(() => sumTensors(tf, held));
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
    if (!scoreAt(epoch)) return;
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
      if (epoch === 1) firstStepLoss = (await held[0].data())[0];
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
