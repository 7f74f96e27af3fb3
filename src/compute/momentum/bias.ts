/**
 * The running average vₜ = β·vₜ₋₁ + (1 − β)·gₜ from v₀ = 0, its bias and the correction.
 *
 * Unrolled, vₜ = (1 − β)·Σᵢ₌₁ᵗ βᵗ⁻ⁱ·gᵢ. The weights sum to 1 − βᵗ, so for gradients with a fixed
 * mean E[vₜ] = (1 − βᵗ)·E[g]: the average starts near 0 and only approaches E[g] as βᵗ fades.
 * Dividing by 1 − βᵗ gives v̂ₜ, whose mean is E[g] at every t. With independent gradients of
 * standard deviation σ, Var vₜ = σ²(1 − β)²·Σᵢ β²⁽ᵗ⁻ⁱ⁾ = σ²(1 − β)(1 − β²ᵗ)/(1 + β).
 */
import { createRng } from "../prng.js";
import { finiteNumber, integerAtLeast, nonNegativeNumber } from "../validate.js";
import { checkBeta } from "../optimizers.js";

/** v₁ … vₙ of the recursion for the gradients gs. */
export function runningAverage(gs: ArrayLike<number>, beta: number): Float64Array {
  checkBeta(beta);
  const out = new Float64Array(gs.length);
  let v = 0;
  for (let t = 0; t < gs.length; t++) {
    v = beta * v + (1 - beta) * gs[t];
    out[t] = v;
  }
  return out;
}

/** vₜ from the unrolled sum (1 − β)·Σᵢ₌₁ᵗ βᵗ⁻ⁱ·gᵢ, summed directly (gs[0] is g₁). */
export function unrolledAverage(gs: ArrayLike<number>, beta: number, t: number): number {
  checkBeta(beta);
  integerAtLeast("t", t, 1, gs.length);
  let sum = 0;
  for (let i = 1; i <= t; i++) sum += beta ** (t - i) * gs[i - 1];
  return (1 - beta) * sum;
}

/** 1 − βᵗ: the total weight of the average after t steps, and vₜ when every gradient is 1. */
export function averageWeight(beta: number, t: number): number {
  checkBeta(beta);
  integerAtLeast("t", t, 0);
  return 1 - beta ** t;
}

/** E[vₜ] = (1 − βᵗ)·E[g]. */
export function expectedAverage(beta: number, t: number, mean: number): number {
  return averageWeight(beta, t) * finiteNumber("mean", mean);
}

/** Standard deviation of vₜ for independent gradients of standard deviation σ. */
export function averageSd(beta: number, t: number, sigma: number): number {
  checkBeta(beta);
  integerAtLeast("t", t, 0);
  nonNegativeNumber("noise σ", sigma);
  return sigma * Math.sqrt(((1 - beta) * (1 - beta ** (2 * t))) / (1 + beta));
}

/** v̂ₜ = vₜ/(1 − βᵗ), t ≥ 1. */
export function corrected(v: number, beta: number, t: number): number {
  integerAtLeast("t", t, 1);
  return v / averageWeight(beta, t);
}

export interface BiasSample {
  /** Independent standard normals, draws × horizon, one row per draw. */
  normals: Float64Array;
  draws: number;
  horizon: number;
}

/** The Monte Carlo's randomness, drawn once: β, σ and E[g] reuse it (gₜ = E[g] + σ·ξₜ). */
export function biasSample(seed: number, draws: number, horizon: number): BiasSample {
  integerAtLeast("draws", draws, 2);
  integerAtLeast("horizon t", horizon, 1);
  const rng = createRng(seed);
  const normals = new Float64Array(draws * horizon);
  for (let i = 0; i < normals.length; i++) normals[i] = rng.normal();
  return { normals, draws, horizon };
}

export interface BiasRow {
  t: number;
  /** Mean and standard deviation over draws of the raw average vₜ. */
  rawMean: number;
  rawSd: number;
  /** The same for the corrected v̂ₜ. */
  correctedMean: number;
  correctedSd: number;
  /** The closed forms: E[vₜ] = (1 − βᵗ)E[g] and its standard deviation. */
  theory: number;
  theorySd: number;
}

/**
 * Runs the average over every draw of `sample` (first `horizon` steps) with gₜ = mean + σ·ξₜ and
 * summarises vₜ and v̂ₜ at each t over the draws.
 */
export function biasMonteCarlo(
  sample: BiasSample,
  { beta, mean, sigma, horizon = sample.horizon }: {
    beta: number;
    mean: number;
    sigma: number;
    horizon?: number;
  },
): BiasRow[] {
  checkBeta(beta);
  finiteNumber("mean", mean);
  nonNegativeNumber("noise σ", sigma);
  integerAtLeast("horizon t", horizon, 1, sample.horizon);
  const { normals, draws } = sample;
  const sum = new Float64Array(horizon);
  const sumSq = new Float64Array(horizon);
  for (let d = 0; d < draws; d++) {
    const row = d * sample.horizon;
    let v = 0;
    for (let t = 0; t < horizon; t++) {
      v = beta * v + (1 - beta) * (mean + sigma * normals[row + t]);
      sum[t] += v;
      sumSq[t] += v * v;
    }
  }
  const rows: BiasRow[] = [];
  let power = 1;
  for (let t = 1; t <= horizon; t++) {
    power *= beta;
    const weight = 1 - power;
    const m = sum[t - 1] / draws;
    const variance = Math.max(0, (sumSq[t - 1] - draws * m * m) / (draws - 1));
    const sd = Math.sqrt(variance);
    rows.push({
      t,
      rawMean: m,
      rawSd: sd,
      correctedMean: m / weight,
      correctedSd: sd / weight,
      theory: weight * mean,
      theorySd: averageSd(beta, t, sigma),
    });
  }
  return rows;
}
