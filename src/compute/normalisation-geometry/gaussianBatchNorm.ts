/**
 * Batch norm applied to Gaussian data in one dimension (homework 5, question 9(a)).
 *
 * Batches of m draws from N(μ, σ²) are normalised with their own mean and biased variance,
 * yᵢ = γ(xᵢ − x̄)/√(s² + ε) + β. With ε = 0 every batch's outputs have mean exactly β and variance
 * exactly γ², whatever μ and σ² are. What the Gaussian input adds is the shape: uᵢ = (xᵢ − x̄)/s is
 * an internally studentised residual, with uᵢ² = (m − 1)·B and B ~ Beta(½, (m − 2)/2), so the
 * pooled outputs are bounded by γ√(m − 1), have density ∝ (1 − u²/(m − 1))^((m − 4)/2) and kurtosis
 * 3(m − 1)/(m + 1); as m grows they become N(β, γ²).
 */
import { createRng } from "../prng.js";
import { finiteNumber, integerAtLeast, nonNegativeNumber, positiveNumber } from "../validate.js";

/** Largest batch the page and the tests use. */
export const MAX_BATCH = 4096;

export interface Gaussian1dSpec {
  mean: number;
  variance: number;
  beta: number;
  gamma: number;
  batchSize: number;
  batches: number;
  seed: number;
  /** Added to the batch variance before the square root; 0 (the default) makes the identities exact. */
  epsilon?: number;
  /**
   * standardNormals(seed, n) for n ≥ batchSize·batches, drawn once and reused: the same numbers
   * the generator would give, so the result does not change; a page that moves μ, σ², β or γ then
   * skips the drawing.
   */
  normals?: Float64Array;
}

/** The first n standard normals of createRng(seed), the draws behind batchNormGaussian1d. */
export function standardNormals(seed: number, n: number): Float64Array {
  integerAtLeast("n", n, 1);
  const rng = createRng(seed);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = rng.normal();
  return z;
}

export interface Gaussian1dSample {
  /** The inputs, batch after batch (batches × batchSize values). */
  x: Float64Array;
  /** Their batch-normalised outputs, in the same order. */
  y: Float64Array;
  batchSize: number;
  batches: number;
}

/** Checks the parameters of one 1-D experiment; the RangeErrors name the reader's controls. */
function checkGaussian1d(spec: Gaussian1dSpec): void {
  finiteNumber("input mean μ", spec.mean);
  positiveNumber("input variance σ²", spec.variance);
  finiteNumber("shift β", spec.beta);
  positiveNumber("scale γ", spec.gamma);
  integerAtLeast("batch size m", spec.batchSize, 2, MAX_BATCH);
  integerAtLeast("number of batches", spec.batches, 1);
  nonNegativeNumber("ε", spec.epsilon ?? 0);
}

/** Draws `batches` batches of N(μ, σ²) and batch-normalises each one with its own statistics. */
export function batchNormGaussian1d(spec: Gaussian1dSpec): Gaussian1dSample {
  checkGaussian1d(spec);
  const { mean, variance, beta, gamma, batchSize: m, batches, epsilon = 0 } = spec;
  const n = m * batches;
  if (spec.normals && spec.normals.length < n) {
    throw new RangeError(`normals must hold at least ${n} draws; got ${spec.normals.length}`);
  }
  const z = spec.normals ?? standardNormals(spec.seed, n);
  const sd = Math.sqrt(variance);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let b = 0; b < batches; b++) {
    const from = b * m;
    let sum = 0;
    for (let i = from; i < from + m; i++) {
      x[i] = mean + sd * z[i];
      sum += x[i];
    }
    const batchMean = sum / m;
    let squares = 0;
    for (let i = from; i < from + m; i++) squares += (x[i] - batchMean) ** 2;
    const scale = gamma / Math.sqrt(squares / m + epsilon);
    for (let i = from; i < from + m; i++) y[i] = beta + scale * (x[i] - batchMean);
  }
  return { x, y, batchSize: m, batches };
}

/** The N(mean, variance) density at x. */
export function normalDensity(x: number, mean: number, variance: number): number {
  return Math.exp(-((x - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
}

/** Wallis's integral ∫₀^{π/2} cosⁿθ dθ, by its recursion Wₙ = (n − 1)/n · Wₙ₋₂. */
export function wallisIntegral(n: number): number {
  integerAtLeast("n", n, 0);
  let w = n % 2 === 0 ? Math.PI / 2 : 1;
  for (let k = n % 2 === 0 ? 2 : 3; k <= n; k += 2) w *= (k - 1) / k;
  return w;
}

/**
 * Density of one batch-normalised value u = (x − x̄)/s (β = 0, γ = 1) over batches of m ≥ 3
 * Gaussian draws: (1 − u²/(m − 1))^((m − 4)/2) / (2√(m − 1)·W_{m−3}) on |u| < √(m − 1), 0 outside.
 * (At m = 2 the values are ±1 exactly, two point masses, and there is no density.)
 */
export function pooledOutputDensity(u: number, m: number): number {
  integerAtLeast("batch size m", m, 3, MAX_BATCH);
  const edge = m - 1;
  const inside = 1 - (u * u) / edge;
  if (!(inside > 0)) return 0;
  return inside ** ((m - 4) / 2) / (2 * Math.sqrt(edge) * wallisIntegral(m - 3));
}

/** E[u⁴] of a batch-normalised value over batches of m Gaussian draws: 3(m − 1)/(m + 1). */
export function pooledOutputKurtosis(m: number): number {
  integerAtLeast("batch size m", m, 2, MAX_BATCH);
  return (3 * (m - 1)) / (m + 1);
}

/** The largest |u| a batch of m values allows: √(m − 1) (one value far from m − 1 equal ones). */
export function pooledOutputBound(m: number): number {
  integerAtLeast("batch size m", m, 2, MAX_BATCH);
  return Math.sqrt(m - 1);
}

/**
 * P(|u| ≤ k) for a batch-normalised value over batches of m Gaussian draws. With u = √(m − 1)·sin θ
 * the density becomes cos^(m−3)θ, so P = ∫₀^θₖ cos^(m−3)θ dθ / W_{m−3} with θₖ = asin(k/√(m − 1)),
 * integrated by Simpson's rule on 400 intervals (smooth integrand: error far below 10⁻¹⁰).
 */
export function pooledOutputWithin(k: number, m: number): number {
  nonNegativeNumber("k", k);
  integerAtLeast("batch size m", m, 2, MAX_BATCH);
  if (m === 2) return k >= 1 ? 1 : 0;
  const ratio = k / Math.sqrt(m - 1);
  if (ratio >= 1) return 1;
  const top = Math.asin(ratio);
  const n = 400;
  const h = top / n;
  const f = (theta: number) => Math.cos(theta) ** (m - 3);
  let sum = f(0) + f(top);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return Math.min(1, (sum * h) / 3 / wallisIntegral(m - 3));
}

/** P(|Z| ≤ k) for a standard normal Z, by Simpson's rule on 400 intervals (error below 10⁻¹²). */
export function normalWithin(k: number): number {
  nonNegativeNumber("k", k);
  const n = 400;
  const h = k / n;
  let sum = 1 + Math.exp(-k * k / 2);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * Math.exp(-((i * h) ** 2) / 2);
  return (2 * (sum * h)) / 3 / Math.sqrt(2 * Math.PI);
}

export interface PooledStatistics {
  /** Values summarised: whole batches only. */
  count: number;
  batches: number;
  mean: number;
  /** Biased (1/n) variance of all values. */
  variance: number;
  /** E[((y − β)/γ)⁴] over all values, and its standard error from the spread between batches. */
  kurtosis: number;
  kurtosisSE: number;
  /** Share of values within k·γ of β, k = 1 and 2, with standard errors between batches. */
  within: { k: number; share: number; standardError: number }[];
}

/**
 * Moments of batch-normalised outputs around the theory's β and γ. Values inside one batch are
 * dependent (they sum to mβ), so the standard errors come from the batch-to-batch spread of each
 * batch's own average: batches are independent.
 */
export function pooledStatistics(
  y: ArrayLike<number>,
  batchSize: number,
  beta: number,
  gamma: number,
): PooledStatistics {
  integerAtLeast("batch size m", batchSize, 1);
  positiveNumber("scale γ", gamma);
  const batches = Math.floor(y.length / batchSize);
  integerAtLeast("number of whole batches", batches, 2);
  const count = batches * batchSize;
  // Per batch: the average of u⁴ and the shares within 1 and 2 (batches are independent).
  const fourth = new Float64Array(batches);
  const within1 = new Float64Array(batches);
  const within2 = new Float64Array(batches);
  // A value on the edge (|u| = 1 exactly at m = 2) counts as inside despite rounding.
  const [edge1, edge2] = [1 + 1e-12, 2 * (1 + 1e-12)];
  let sum = 0;
  for (let b = 0; b < batches; b++) {
    let f = 0;
    let w1 = 0;
    let w2 = 0;
    for (let i = b * batchSize; i < (b + 1) * batchSize; i++) {
      const u = (y[i] - beta) / gamma;
      const a = Math.abs(u);
      const u2 = u * u;
      sum += y[i];
      f += u2 * u2;
      if (a <= edge1) w1++;
      if (a <= edge2) w2++;
    }
    fourth[b] = f / batchSize;
    within1[b] = w1 / batchSize;
    within2[b] = w2 / batchSize;
  }
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (y[i] - mean) ** 2;
  const meanAndSE = (values: Float64Array) => {
    let total = 0;
    for (const v of values) total += v;
    const avg = total / values.length;
    let spread = 0;
    for (const v of values) spread += (v - avg) ** 2;
    return { avg, se: Math.sqrt(spread / (values.length - 1) / values.length) };
  };
  const kurtosis = meanAndSE(fourth);
  return {
    count,
    batches,
    mean,
    variance: squares / count,
    kurtosis: kurtosis.avg,
    kurtosisSE: kurtosis.se,
    within: [within1, within2].map((values, j) => {
      const share = meanAndSE(values);
      return { k: j + 1, share: share.avg, standardError: share.se };
    }),
  };
}

/** Sample mean and (unbiased) variance of the inputs, with their standard errors. */
export function inputMoments(x: ArrayLike<number>): {
  mean: number;
  meanSE: number;
  variance: number;
  varianceSE: number;
} {
  const n = x.length;
  integerAtLeast("sample size", n, 2);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  // Var(s²) ≈ (μ₄ − σ⁴)/n for a sample of independent values.
  const varianceSE = Math.sqrt(Math.max(0, m4 / n - (m2 / n) ** 2) / n);
  return { mean, meanSE: Math.sqrt(variance / n), variance, varianceSE };
}
