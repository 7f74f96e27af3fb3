/**
 * Batch, layer, instance and group normalisation of a small activation in Float64: the reference
 * for the tfjs computation on the page (axesTf.ts). Also the page's random activation and the
 * change made to the other examples, both from createRng(seed).
 */
import { createRng } from "../prng.js";
import { TFJS_EPSILON } from "../epsilons.js";
import { finiteNumber, nonNegativeNumber, seedValue } from "../validate.js";
import {
  type ActivationShape,
  cellCount,
  checkShape,
  normGroupCount,
  normGroups,
  type NormMethod,
} from "./normAxes.js";

/** The activation drawn on the page: 3 examples, 4 channels of 2 × 2 maps. */
export const AXES_SHAPE: ActivationShape = { n: 3, c: 4, h: 2, w: 2 };

export interface GroupMoments {
  /** Mean of each group. */
  mean: Float64Array;
  /** Biased variance of each group: the mean squared deviation (divided by the group's size). */
  variance: Float64Array;
  /** Cells in each group. */
  size: Int32Array;
}

function checkValues(values: ArrayLike<number>, shape: ActivationShape): void {
  checkShape(shape);
  if (values.length !== cellCount(shape)) {
    throw new RangeError(
      `values must have ${
        cellCount(shape)
      } entries for shape ${shape.n}×${shape.c}×${shape.h}×${shape.w}; got ${values.length}`,
    );
  }
  for (let i = 0; i < values.length; i++) finiteNumber(`values[${i}]`, values[i]);
}

/** Mean and biased variance of each group of cells (two passes, so no cancellation). */
export function groupMoments(
  values: ArrayLike<number>,
  method: NormMethod,
  shape: ActivationShape,
  groups = 1,
): GroupMoments {
  checkValues(values, shape);
  const count = normGroupCount(method, shape, groups);
  const labels = normGroups(method, shape, groups);
  const mean = new Float64Array(count);
  const variance = new Float64Array(count);
  const size = new Int32Array(count);
  labels.forEach((g, i) => {
    mean[g] += values[i];
    size[g]++;
  });
  for (let g = 0; g < count; g++) mean[g] /= size[g];
  labels.forEach((g, i) => (variance[g] += (values[i] - mean[g]) ** 2));
  for (let g = 0; g < count; g++) variance[g] /= size[g];
  return { mean, variance, size };
}

export interface NormalisedActivation extends GroupMoments {
  /** (x − mean of its group) / √(variance of its group + ε), in NCHW order. */
  output: Float64Array;
}

/** Normalises every group to mean 0 and variance σ²/(σ² + ε) (no γ or β). */
export function normaliseActivation(
  values: ArrayLike<number>,
  method: NormMethod,
  shape: ActivationShape,
  { groups = 1, epsilon = TFJS_EPSILON }: { groups?: number; epsilon?: number } = {},
): NormalisedActivation {
  nonNegativeNumber("epsilon", epsilon);
  const moments = groupMoments(values, method, shape, groups);
  const labels = normGroups(method, shape, groups);
  const output = Float64Array.from(
    labels,
    (g, i) => (values[i] - moments.mean[g]) / Math.sqrt(moments.variance[g] + epsilon),
  );
  return { ...moments, output };
}

/**
 * The variance a normalised group ends with: σ²/(σ² + ε), 1 up to ε. (Its mean is 0 exactly.)
 */
export function normalisedVariance(variance: number, epsilon: number): number {
  nonNegativeNumber("variance", variance);
  nonNegativeNumber("epsilon", epsilon);
  return variance / (variance + epsilon);
}

/**
 * A random activation whose channels have different means and spreads (so that averaging over
 * channels and averaging over examples give visibly different answers): channel c has mean m_c
 * and scale s_c, and each cell is m_c + s_c·z with z standard normal.
 */
export function sampleActivation(shape: ActivationShape, seed: number): Float64Array {
  checkShape(shape);
  const rng = createRng(seedValue(seed)).fork();
  const channelMean = Array.from({ length: shape.c }, () => 2 * rng.normal());
  const channelScale = Array.from({ length: shape.c }, () => Math.exp(0.5 * rng.normal()));
  const plane = shape.h * shape.w;
  return Float64Array.from({ length: cellCount(shape) }, (_, i) => {
    const channel = Math.floor(i / plane) % shape.c;
    return channelMean[channel] + channelScale[channel] * rng.normal();
  });
}

/**
 * The same activation with every example except `kept` changed: each of their cells moves by
 * δ·(1 + u) with u standard normal (a shift and some noise), from the seed's second stream.
 * δ = 0 changes nothing.
 */
export function perturbOtherExamples(
  values: ArrayLike<number>,
  shape: ActivationShape,
  delta: number,
  seed: number,
  kept = 0,
): Float64Array {
  checkValues(values, shape);
  finiteNumber("delta", delta);
  const rng = createRng(seedValue(seed));
  rng.fork();
  const stream = rng.fork();
  const perExample = shape.c * shape.h * shape.w;
  return Float64Array.from(values, (v, i) => {
    const move = delta * (1 + stream.normal());
    return Math.floor(i / perExample) === kept ? v : v + move;
  });
}

export interface ExampleChange {
  /** Largest |after − before| over the example's cells. */
  maxAbs: number;
  /** Root mean square of after − before over the example's cells. */
  rms: number;
}

/** How much one example's slice of two activations differs. */
export function exampleChange(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  shape: ActivationShape,
  example: number,
): ExampleChange {
  const perExample = shape.c * shape.h * shape.w;
  let maxAbs = 0;
  let sum = 0;
  for (let k = example * perExample; k < (example + 1) * perExample; k++) {
    const d = after[k] - before[k];
    maxAbs = Math.max(maxAbs, Math.abs(d));
    sum += d * d;
  }
  return { maxAbs, rms: Math.sqrt(sum / perExample) };
}
