/**
 * The normalisation page's three live computations (compute/liveRun.ts): the four methods
 * measured in TensorFlow.js on the page's activation, the share of gradient that survives the
 * centred batch norm, and batch norm's full backward pass by tf.grads against the closed form.
 * Frames are plain data: tfjs's Float32Arrays are copied into arrays.
 */
import { type LiveEnv, type LiveStep, tfOf } from "../liveRun.js";
import { TFJS_EPSILON } from "../epsilons.js";
import {
  AXES_SHAPE,
  exampleChange,
  normalisedVariance,
  perturbOtherExamples,
  sampleActivation,
} from "./normTensor.js";
import { NORM_METHODS, type NormMethod } from "./normAxes.js";
import { normaliseAllTf } from "./axesTf.js";
import { batchSizes } from "./centredGradient.js";
import { streamSurvivingShares, type SurvivingFrame } from "./survivingStream.js";
import { batchNormGradTf } from "./batchNormTf.js";
import { batchNormBackward, batchNormInputGradient, batchNormLoss } from "./batchNormBackward.js";
import type { Matrix } from "./batchNormBackward.js";
import { BETA, GAMMA, upstreamGradient } from "./backwardExample.js";
import { centralDifferenceGradient, largestDifference } from "../centralDifference.js";

type ByMethod<T> = Record<NormMethod, T>;
const byMethod = <T>(f: (m: NormMethod) => T) =>
  Object.fromEntries(NORM_METHODS.map((m) => [m, f(m)])) as ByMethod<T>;

export interface GroupMomentsTf {
  inputMean: number[];
  inputVariance: number[];
  outputMean: number[];
  outputVariance: number[];
}

export interface AxesFrame {
  /** Groups over the four methods, and the largest |mean| and |variance − σ²/(σ² + ε)|. */
  count: number;
  worstMean: number;
  worstVariance: number;
  /** Example 1's change when examples 2 and 3 move by δ, per method. */
  changes: ByMethod<ReturnType<typeof exampleChange>>;
  outputs: ByMethod<number[]>;
  moments: ByMethod<GroupMomentsTf>;
}

export async function* liveAxes(
  { seed, delta, groups }: { seed: number; delta: number; groups: number },
  env: LiveEnv,
): AsyncGenerator<LiveStep<AxesFrame>, void, undefined> {
  const shape = AXES_SHAPE;
  const activation = sampleActivation(shape, seed);
  const perturbed = perturbOtherExamples(activation, shape, delta, seed);
  const result = await normaliseAllTf(tfOf(env), activation, perturbed, shape, {
    groups,
    epsilon: TFJS_EPSILON,
  });
  let worstMean = 0, worstVariance = 0, count = 0;
  for (const m of NORM_METHODS) {
    result[m].outputMean.forEach((v, g) => {
      worstMean = Math.max(worstMean, Math.abs(v));
      worstVariance = Math.max(
        worstVariance,
        Math.abs(
          result[m].outputVariance[g] -
            normalisedVariance(result[m].inputVariance[g], TFJS_EPSILON),
        ),
      );
      count++;
    });
  }
  yield {
    count,
    worstMean,
    worstVariance,
    changes: byMethod((m) => exampleChange(result[m].output, result[m].perturbedOutput, shape, 0)),
    outputs: byMethod((m) => Array.from(result[m].output)),
    moments: byMethod((m) => ({
      inputMean: Array.from(result[m].inputMean),
      inputVariance: Array.from(result[m].inputVariance),
      outputMean: Array.from(result[m].outputMean),
      outputVariance: Array.from(result[m].outputVariance),
    })),
    progress: 1,
    done: true,
  };
}

export interface SurvivingSettings {
  batch: number;
  gamma: number;
  draws: number;
  seed: number;
}

/** The surviving-share stream, one frame per measured batch size; `total` sizes in all. */
export async function* liveSurviving(
  settings: SurvivingSettings,
  env: LiveEnv,
): AsyncGenerator<
  LiveStep<Omit<SurvivingFrame, "longestSliceMs"> & { longestChunkMs: number; total: number }>,
  void,
  undefined
> {
  const total = batchSizes(settings.batch).length;
  const stream = streamSurvivingShares(tfOf(env), { ...settings, signal: env.signal });
  for await (const { longestSliceMs, ...frame } of stream) {
    // The stream pauses between its chunks itself (a Stop is heard there); its longest chunk is
    // the longest stretch of work without a pause.
    yield { ...frame, longestChunkMs: longestSliceMs, total, progress: frame.rows.length / total };
  }
}

/** Batch norm's backward pass on a typed batch X, in double precision, with its checks. */
export function backwardCheck(x: Matrix, epsilon: number, fdStep: number) {
  const [n, d] = [x.length, x[0].length];
  const dY = upstreamGradient(n, d);
  const params = { gamma: GAMMA.slice(0, d), beta: BETA.slice(0, d), epsilon };
  const pass = batchNormBackward(x, dY, params);
  const closed = batchNormInputGradient(x, dY, params);
  const unflat = (v: number[]) => Array.from({ length: n }, (_, i) => v.slice(i * d, (i + 1) * d));
  const fd = centralDifferenceGradient(
    (v) => batchNormLoss(unflat(v), dY, params),
    x.flat(),
    fdStep,
  );
  // Errors are measured against the size of the terms, which may cancel almost entirely.
  const scale = Math.max(...pass.dXViaZ.flat().map(Math.abs)) || 1;
  const constant = pass.variance.flatMap((v, j) => (v === 0 ? [j + 1] : []));
  return {
    x,
    n,
    d,
    dY,
    params,
    pass,
    closed,
    fd,
    scale,
    constant,
    chainGap: largestDifference(closed.flat(), pass.dX.flat()) / scale,
    fdGap: largestDifference(closed.flat(), fd) / scale,
  };
}

export interface BackwardFrame {
  /** No valid batch: nothing was checked. */
  invalid?: boolean;
  x?: Matrix;
  epsilon: number;
  dX?: Matrix;
  dGamma?: number[];
  dBeta?: number[];
  /** tfjs's ∂L/∂X against the closed form relative to the largest term, and ∂L/∂γ, ∂L/∂β's gap. */
  gap?: number;
  paramGap?: number;
  fdGap?: number;
}

export async function* liveBackward(
  { x, epsilon, fdStep }: { x: Matrix | null; epsilon: number; fdStep: number },
  env: LiveEnv,
): AsyncGenerator<LiveStep<BackwardFrame>, void, undefined> {
  if (!x) {
    yield { invalid: true, epsilon, progress: 1, done: true };
    return;
  }
  const bn = backwardCheck(x, epsilon, fdStep);
  const auto = await batchNormGradTf(tfOf(env), bn.x, bn.dY, bn.params);
  const paramScale = Math.max(1, ...bn.pass.dGamma.map(Math.abs), ...bn.pass.dBeta.map(Math.abs));
  yield {
    x,
    epsilon,
    dX: auto.dX,
    dGamma: auto.dGamma,
    dBeta: auto.dBeta,
    gap: largestDifference(bn.closed.flat(), auto.dX.flat()) / bn.scale,
    paramGap: Math.max(
      largestDifference(bn.pass.dGamma, auto.dGamma),
      largestDifference(bn.pass.dBeta, auto.dBeta),
    ) / paramScale,
    fdGap: bn.fdGap,
    progress: 1,
    done: true,
  };
}
