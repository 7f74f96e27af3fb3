/**
 * Batch noise: one input value x, standardised z = (x − μ)/σ, joins batches of m − 1 other draws
 * from N(μ, σ²), and batch norm (ε = 0, β = 0, γ = 1) maps it to u = (x − x̄)/s, a different
 * number in every batch. As m → ∞, u → z; for finite m, u scatters around a value pulled towards 0.
 *
 * The other m − 1 values enter only through their mean a and their sum of squared deviations Q,
 * independent for Gaussian data: (x − a)/σ ~ N(z, 1/(m − 1)) and Q/σ² ~ χ²(m − 2). Adding x to
 * them gives x − x̄ = (m − 1)(x − a)/m and m·s² = Q + (m − 1)(x − a)²/m, so with
 * D = √((m − 1)/m)·(x − a)/σ ~ N(√((m − 1)/m)·z, 1/m) and q = Q/σ²,
 *
 *   u = √(m − 1) · D / √(q + D²).
 *
 * Its two conditional moments follow from 1/a = ∫₀^∞ e^(−ta) dt and a^(−1/2) = π^(−1/2) ∫₀^∞
 * t^(−1/2) e^(−ta) dt, E[e^(−tq)] = (1 + 2t)^(−(m−2)/2) and, for D ~ N(c, v) and w = 1 + 2vt,
 *   E[D e^(−tD²)]  = c·w^(−3/2)·e^(−tc²/w),
 *   E[D² e^(−tD²)] = w^(−1/2)·e^(−tc²/w)·(v/w + c²/w²),
 * which leaves one integral over t for each moment; it is taken with t = e^y and the trapezoidal
 * rule, which converges exponentially for such smooth, doubly decaying integrands.
 */
import { createRng, type Rng } from "../prng.js";
import { finiteNumber, integerAtLeast, positiveNumber } from "../validate.js";
import { MAX_BATCH } from "./gaussianBatchNorm.js";

/** The standardised inputs whose batch noise the page follows. */
export const TRACKED_INPUTS = [0, 1, 2] as const;

const Y_FROM = -75;
const Y_TO = 75;
const Y_STEP = 1 / 16;

export interface ConditionalMoments {
  /** E[u | x] for the standardised input z: the large-batch answer is z itself. */
  mean: number;
  /** Var(u | x): how much batch statistics scatter the same input's output. */
  variance: number;
}

/** E[u | z] and Var(u | z) for batches of m ≥ 2, by the integrals in this module's comment. */
export function conditionalOutputMoments(z: number, m: number): ConditionalMoments {
  finiteNumber("standardised input z", z);
  integerAtLeast("batch size m", m, 2, MAX_BATCH);
  const nu = m - 2;
  const v = 1 / m;
  const c = Math.sqrt((m - 1) / m) * z;
  let first = 0;
  let second = 0;
  for (let y = Y_FROM; y <= Y_TO + 1e-9; y += Y_STEP) {
    const t = Math.exp(y);
    const w = 1 + 2 * v * t;
    // (1 + 2t)^(−ν/2) · e^(−tc²/w), in logs so that neither factor under- or overflows alone.
    const common = Math.exp(-0.5 * nu * Math.log1p(2 * t) - (t * c * c) / w);
    first += Math.sqrt(t) * common * c * w ** -1.5;
    second += t * common * w ** -0.5 * (v / w + (c * c) / (w * w));
  }
  const mean = (Math.sqrt(m - 1) / Math.sqrt(Math.PI)) * first * Y_STEP;
  const meanSquare = (m - 1) * second * Y_STEP;
  return { mean, variance: Math.max(0, meanSquare - mean * mean) };
}

/** The delta-method approximation Var(u | z) ≈ (1 + z²/2)/m, good to O(1/m²). */
export function deltaMethodVariance(z: number, m: number): number {
  finiteNumber("standardised input z", z);
  positiveNumber("batch size m", m);
  return (1 + (z * z) / 2) / m;
}

/** A Gamma(shape, 1) draw by Marsaglia and Tsang's method (shape < 1 boosted by U^(1/shape)). */
function gammaDraw(rng: Rng, shape: number): number {
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = rng.uniform();
    return gammaDraw(rng, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base ** 3;
    const u = rng.uniform();
    if (u > 0 && Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A χ²(ν) draw: twice a Gamma(ν/2, 1); 0 when ν = 0. */
export function chiSquareDraw(rng: Rng, nu: number): number {
  integerAtLeast("degrees of freedom ν", nu, 0);
  return nu === 0 ? 0 : 2 * gammaDraw(rng, nu / 2);
}

/**
 * One batch's u for the input z, drawn through the other values' mean and sum of squares
 * (exact in distribution; the tests hold it to whole batches drawn value by value).
 */
function batchNoiseDraw(rng: Rng, z: number, m: number): number {
  const r = z - rng.normal() / Math.sqrt(m - 1);
  const q = chiSquareDraw(rng, m - 2);
  const d = Math.sqrt((m - 1) / m) * r;
  return (Math.sqrt(m - 1) * d) / Math.sqrt(q + d * d);
}

export interface BatchNoiseSample {
  z: number;
  draws: number;
  mean: number;
  meanSE: number;
  variance: number;
  varianceSE: number;
}

/** `draws` batches of size m for each standardised input in `inputs`, one seeded stream each. */
export function batchNoiseMonteCarlo(
  { inputs = TRACKED_INPUTS, m, draws, seed }: {
    inputs?: readonly number[];
    m: number;
    draws: number;
    seed: number;
  },
): BatchNoiseSample[] {
  integerAtLeast("batch size m", m, 2, MAX_BATCH);
  integerAtLeast("draws", draws, 2);
  const root = createRng(seed);
  return inputs.map((z) => {
    finiteNumber("standardised input z", z);
    const rng = root.fork();
    let sum = 0;
    const values = new Float64Array(draws);
    for (let i = 0; i < draws; i++) {
      values[i] = batchNoiseDraw(rng, z, m);
      sum += values[i];
    }
    const mean = sum / draws;
    let m2 = 0;
    let m4 = 0;
    for (const u of values) {
      const d = (u - mean) ** 2;
      m2 += d;
      m4 += d * d;
    }
    const variance = m2 / (draws - 1);
    return {
      z,
      draws,
      mean,
      meanSE: Math.sqrt(variance / draws),
      variance,
      varianceSE: Math.sqrt(Math.max(0, m4 / draws - (m2 / draws) ** 2) / draws),
    };
  });
}

/** Batch sizes from 2 to `max`, about `count` of them spread evenly on a log axis. */
export function batchSizeGrid(max = 1024, count = 40): number[] {
  integerAtLeast("largest batch size", max, 2, MAX_BATCH);
  const sizes = new Set<number>();
  for (let i = 0; i < count; i++) sizes.add(Math.round(2 * (max / 2) ** (i / (count - 1))));
  return [...sizes].sort((a, b) => a - b);
}
