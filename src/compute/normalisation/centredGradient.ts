/**
 * Batch norm without the division by the spread: yᵢ = γ(xᵢ − μ) + β with μ the batch mean.
 * Its gradient is ∂L/∂xᵢ = γ(∂L/∂yᵢ − (1/n)Σⱼ ∂L/∂yⱼ): γ times the upstream gradient with its
 * batch mean removed, an orthogonal projection. How much of ‖γ∂L/∂y‖² survives the projection,
 * in closed form and by Monte Carlo over seeded draws. Float64, no tfjs.
 */
import { createRng } from "../prng.js";
import { finiteNumber, finiteVector, integerAtLeast, seedValue } from "../validate.js";
import { RunningMean, type RunningStats } from "../monteCarlo.js";

/** The largest batch the page's slider reaches. */
export const MAX_BATCH = 256;

export function centredForward(x: number[], gamma: number, beta: number): number[] {
  finiteVector("x", x);
  finiteNumber("gamma", gamma);
  finiteNumber("beta", beta);
  const mu = x.reduce((s, v) => s + v, 0) / x.length;
  return x.map((v) => gamma * (v - mu) + beta);
}

/** ∂L/∂xᵢ = γ(∂L/∂yᵢ − (1/n)Σⱼ ∂L/∂yⱼ), for the upstream gradient dy = ∂L/∂y. */
export function centredBackward(dy: number[], gamma: number): number[] {
  finiteVector("dy", dy);
  finiteNumber("gamma", gamma);
  const mean = dy.reduce((s, v) => s + v, 0) / dy.length;
  return dy.map((v) => gamma * (v - mean));
}

/** ‖∂L/∂x‖², ‖γ∂L/∂y‖² and their inner product ⟨∂L/∂x, γ∂L/∂y⟩. */
function gradientProducts(dx: ArrayLike<number>, dy: ArrayLike<number>, gamma: number) {
  let kept = 0;
  let whole = 0;
  let dot = 0;
  for (let i = 0; i < dy.length; i++) {
    kept += dx[i] * dx[i];
    whole += (gamma * dy[i]) ** 2;
    dot += dx[i] * gamma * dy[i];
  }
  return { kept, whole, dot };
}

/**
 * The share of the upstream gradient that reaches x: ‖∂L/∂x‖² / ‖γ∂L/∂y‖². γ cancels, and the
 * cosine between the two vectors is the square root of this share (∂L/∂x is a projection of
 * γ∂L/∂y).
 */
export function survivingShare(
  dx: ArrayLike<number>,
  dy: ArrayLike<number>,
  gamma: number,
): number {
  const { kept, whole } = gradientProducts(dx, dy, gamma);
  if (!(whole > 0)) throw new RangeError(`γ∂L/∂y must be non-zero; its squared norm is ${whole}`);
  return kept / whole;
}

/** cos∠(∂L/∂x, γ∂L/∂y), 0 when ∂L/∂x = 0. */
export function gradientCosine(
  dx: ArrayLike<number>,
  dy: ArrayLike<number>,
  gamma: number,
): number {
  const { kept, whole, dot } = gradientProducts(dx, dy, gamma);
  return kept === 0 ? 0 : dot / Math.sqrt(kept * whole);
}

/**
 * E[‖∂L/∂x‖²] / E[‖γ∂L/∂y‖²] = (n − 1)/n for upstream gradients with independent, identically
 * distributed entries; for Gaussian ones it is also the expected share itself.
 */
export function survivingShareTheory(n: number): number {
  integerAtLeast("batch size n", n, 1);
  return (n - 1) / n;
}

/** Batch sizes on a roughly logarithmic grid from 1 to `max`, always ending at `max`. */
export function batchSizes(max: number): number[] {
  integerAtLeast("largest batch size", max, 1, MAX_BATCH);
  const grid = [
    1,
    2,
    3,
    4,
    5,
    6,
    8,
    10,
    12,
    16,
    20,
    24,
    32,
    40,
    48,
    64,
    80,
    96,
    128,
    160,
    192,
    256,
  ];
  return [...grid.filter((n) => n < max), max];
}

/** Seed of the draws for batch size n: each size has its own stream, whatever else is drawn. */
export function batchSeed(seed: number, n: number): number {
  seedValue(seed);
  integerAtLeast("batch size n", n, 1, MAX_BATCH);
  return (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(n, 0x85ebca6b)) >>> 0;
}

export interface CentredDraws {
  n: number;
  draws: number;
  /** Inputs, draw by draw (draws × n). */
  x: Float64Array;
  /** Upstream gradients ∂L/∂y, independent standard normals (draws × n). */
  dy: Float64Array;
}

/**
 * The stream of batches of size n: each call to `next(draws)` continues it, draw by draw (n inputs,
 * then n upstream gradients, all standard normal), so drawing in chunks gives the same numbers as
 * drawing all at once.
 */
export function centredSampler(seed: number, n: number): { next(draws: number): CentredDraws } {
  const rng = createRng(batchSeed(seed, n));
  return {
    next(draws) {
      integerAtLeast("draws", draws, 1, 1_000_000);
      const x = new Float64Array(draws * n);
      const dy = new Float64Array(draws * n);
      for (let k = 0; k < draws; k++) {
        for (let i = 0; i < n; i++) x[k * n + i] = rng.normal();
        for (let i = 0; i < n; i++) dy[k * n + i] = rng.normal();
      }
      return { n, draws, x, dy };
    },
  };
}

/** The first `draws` batches of size n. */
export function centredDraws(seed: number, n: number, draws: number): CentredDraws {
  return centredSampler(seed, n).next(draws);
}

/** Adds each draw's surviving share to `acc`, given each draw's ∂L/∂x. */
export function addShares(
  acc: RunningMean,
  { n, draws, dy }: CentredDraws,
  dx: ArrayLike<number>,
  gamma: number,
): void {
  for (let k = 0; k < draws; k++) {
    const slice = (a: ArrayLike<number>) => Array.prototype.slice.call(a, k * n, (k + 1) * n);
    acc.add(survivingShare(slice(dx), slice(dy), gamma));
  }
}

/** Mean and standard error of the surviving share over a set of draws, given each draw's ∂L/∂x. */
export function shareStats(
  sample: CentredDraws,
  dx: ArrayLike<number>,
  gamma: number,
): RunningStats {
  const acc = new RunningMean();
  addShares(acc, sample, dx, gamma);
  return acc.stats;
}

/** The Monte-Carlo share in Float64 with the closed-form gradient: the page's reference. */
export function survivingMonteCarlo(
  seed: number,
  n: number,
  draws: number,
  gamma = 1,
): RunningStats {
  const sample = centredDraws(seed, n, draws);
  const dx = new Float64Array(draws * n);
  for (let k = 0; k < draws; k++) {
    const g = centredBackward(Array.from(sample.dy.subarray(k * n, (k + 1) * n)), gamma);
    dx.set(g, k * n);
  }
  return shareStats(sample, dx, gamma);
}
