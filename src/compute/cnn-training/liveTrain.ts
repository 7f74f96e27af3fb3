/**
 * The cnn-training page's live computations (the contract is compute/liveRun.ts): the reader's
 * training run (trainCnnTf, one frame per slice of work) and one test digit run through a trained
 * network (digitInside). The digits and the network are loaded data, not settings: the page
 * hands them as `env.inputs` (the digit file's bytes as `digits`, compute/digitInputs.ts, and the
 * network as `network`), which reach a worker as well as a Deno test.
 */
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import type { DigitSplits } from "../digitSet.js";
import { digitSplitsOf } from "../digitInputs.js";
import { type CnnDataset, cnnDataset } from "./dataset.js";
import type { CnnSettings } from "./settings.js";
import { type EpochRecord, trainCnnTf } from "./cnnTrainTf.js";
import { digitInside } from "./insideTf.js";
import type { CnnWeights, RunningStats } from "./weights.js";

export interface CnnTrainFrame {
  /** Accuracies after every epoch so far, from epoch 0 (before training). */
  history: EpochRecord[];
  stepsDone: number;
  totalSteps: number;
  /** Wall time of each epoch's training steps, scoring excluded, ms (the trainer's measure). */
  epochMs: number[];
  /** The trainer's longest stretch of work between two pauses, ms (its own measure). */
  workSliceMs: number;
  firstStepLoss?: number;
  /** The epoch's mean loss was not finite; the run stopped there. */
  diverged?: boolean;
  /** On the last frame of a finished run: test accuracy, trained weights and statistics. */
  testAccuracy?: number;
  weights?: CnnWeights;
  running?: RunningStats;
}

/** Each digit file's training set, made once. */
const datasets = new WeakMap<DigitSplits, CnnDataset>();

async function datasetOf(env: LiveEnv): Promise<CnnDataset> {
  const splits = await digitSplitsOf(env);
  let dataset = datasets.get(splits);
  if (!dataset) datasets.set(splits, dataset = cnnDataset(splits));
  return dataset;
}

export async function* cnnTrainLive(
  settings: CnnSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<CnnTrainFrame>, void, undefined> {
  const tf = tfOf(env);
  const data = await datasetOf(env);
  for await (const state of trainCnnTf(tf, data, settings, { signal: env.signal })) {
    const { history, stepsDone, totalSteps, epochMs, firstStepLoss, diverged } = state;
    yield {
      history,
      stepsDone,
      totalSteps,
      epochMs,
      workSliceMs: state.longestSliceMs,
      ...(firstStepLoss === undefined ? {} : { firstStepLoss }),
      ...(diverged ? { diverged } : {}),
      ...(state.done && !diverged
        ? { testAccuracy: state.testAccuracy, weights: state.weights, running: state.running }
        : {}),
      progress: stepsDone / totalSteps,
      done: state.done,
    };
  }
}

/** A trained network to look into, and what the page calls it. */
export interface InsideNetwork {
  weights: CnnWeights;
  running: RunningStats;
  batchNorm: boolean;
  label: string;
}

export interface InsideFrame {
  /** The test digit, counted from 1, its label and the network's name. */
  digit: number;
  label: number;
  network: string;
  /** maps[f]: filter f's feature map, row-major; the ten logits, their softmax and its argmax. */
  maps: Float32Array[];
  logits: Float32Array;
  probabilities: number[];
  guess: number;
  /** The strongest answer over all maps. */
  maxActivation: number;
  /** The digit's grey levels in [0, 1], row-major. */
  pixels: number[];
}

/** Softmax of logits, in Float64. */
export function softmax(logits: ArrayLike<number>): number[] {
  const top = Math.max(...Array.from(logits));
  const e = Array.from(logits, (z) => Math.exp(z - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const PIXELS = 784;

/** The name under which a page hands `digitInsideLive` the network to look into. */
export const NETWORK_INPUT = "network";

export async function* digitInsideLive(
  { digit }: { digit: number },
  env: LiveEnv,
): AsyncGenerator<LiveStep<InsideFrame>, void, undefined> {
  const tf = tfOf(env);
  const network = env.inputs?.[NETWORK_INPUT] as InsideNetwork | undefined;
  if (!network) throw new Error("the inside view was started without a network");
  const { test } = await digitSplitsOf(env);
  const index = digit - 1;
  // One forward pass: once it has started, its answer is kept even if Stop comes meanwhile.
  const { maps, logits } = await digitInside(tf, network, test, index);
  const probabilities = softmax(logits);
  yield {
    digit,
    label: test.labels[index],
    network: network.label,
    maps,
    logits,
    probabilities,
    guess: probabilities.indexOf(Math.max(...probabilities)),
    maxActivation: Math.max(...maps.map((m) => Math.max(...m))),
    pixels: Array.from(
      test.pixels.subarray(index * PIXELS, (index + 1) * PIXELS),
      (p) => p / 255,
    ),
    progress: 1,
    done: true,
  };
}
