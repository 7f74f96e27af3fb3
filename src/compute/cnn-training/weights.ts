/**
 * The network's learnable numbers as plain arrays, and their seeded starting values. Plain arrays
 * (not tensors) so that a run can be started identically in the browser and at build time, and a
 * trained network can be shipped in JSON and drawn without TensorFlow.js.
 */
import { createRng } from "../prng.js";
import { seedValue } from "../validate.js";
import { DIGIT_CLASSES } from "../digitSet.js";
import { CNN_FEATURES, CNN_FILTERS, PATCH_SIZE } from "./architecture.js";

export interface CnnWeights {
  /** Filters as a 25 × 8 matrix, row-major: entry (5u + v)·8 + f is tap (u, v) of filter f. */
  conv: Float32Array;
  /** One bias per filter (used only without batch norm). */
  convBias: Float32Array;
  /** Batch norm's scale γ and shift β, one per filter (used only with batch norm). */
  gamma: Float32Array;
  beta: Float32Array;
  /** Dense layer, 288 × 10 row-major, and its 10 biases. */
  dense: Float32Array;
  denseBias: Float32Array;
}

/** Batch norm's running averages of the per-filter mean and variance, used for evaluation. */
export interface RunningStats {
  mean: Float32Array;
  variance: Float32Array;
}

export const WEIGHT_SHAPES = {
  conv: [PATCH_SIZE, CNN_FILTERS],
  convBias: [CNN_FILTERS],
  gamma: [CNN_FILTERS],
  beta: [CNN_FILTERS],
  dense: [CNN_FEATURES, DIGIT_CLASSES],
  denseBias: [DIGIT_CLASSES],
} as const;

export type WeightName = keyof typeof WEIGHT_SHAPES;
export const WEIGHT_NAMES = Object.keys(WEIGHT_SHAPES) as WeightName[];

function normalDraws(rng: ReturnType<typeof createRng>, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = std * rng.normal();
  return out;
}

/**
 * Starting weights for `seed`: filters N(0, 2/25) (He, for the ReLU that follows), dense weights
 * N(0, 1/288) (the variance that keeps a logit's scale that of one feature), biases 0, γ = 1, β = 0.
 */
export function initialCnnWeights(seed: number): CnnWeights {
  const rng = createRng(seedValue(seed));
  return {
    conv: normalDraws(rng, PATCH_SIZE * CNN_FILTERS, Math.sqrt(2 / PATCH_SIZE)),
    convBias: new Float32Array(CNN_FILTERS),
    gamma: new Float32Array(CNN_FILTERS).fill(1),
    beta: new Float32Array(CNN_FILTERS),
    dense: normalDraws(rng, CNN_FEATURES * DIGIT_CLASSES, Math.sqrt(1 / CNN_FEATURES)),
    denseBias: new Float32Array(DIGIT_CLASSES),
  };
}

/** Running statistics before any training: mean 0, variance 1 (PyTorch's starting values). */
export function initialRunningStats(): RunningStats {
  return {
    mean: new Float32Array(CNN_FILTERS),
    variance: new Float32Array(CNN_FILTERS).fill(1),
  };
}

/** Filter f as a 5 × 5 grid, row-major. */
export function filterTaps(weights: Pick<CnnWeights, "conv">, f: number): Float32Array {
  const out = new Float32Array(PATCH_SIZE);
  for (let t = 0; t < PATCH_SIZE; t++) out[t] = weights.conv[t * CNN_FILTERS + f];
  return out;
}
