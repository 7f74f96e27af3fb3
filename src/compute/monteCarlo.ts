/**
 * The left side of the noise identities by brute force: draw a mask or noise matrix R, evaluate
 * ‖y − (R∘X)w‖², and keep a running mean with its standard error (Welford's update, in Float64).
 *
 * Draws come from one seeded Rng, entry by entry in row-major order, so a run's numbers depend on
 * the seed only, never on how the work is sliced; the page streams the same run the tests check.
 */
import type { Rng } from "./prng.js";
import { integerAtLeast } from "./validate.js";
import { checkRegression, type Regression } from "./regression.js";
import { type MaskModel, maskMoments } from "./tikhonov.js";

/** One sample: a fresh R, then ‖y − (R∘X)w‖². */
export type LossSampler = () => number;

/**
 * A sampler for the given model. The products c_ij = X_ij w_j are formed once; a Bernoulli entry
 * multiplies by 0 or its kept value (1, or 1/p for inverted masks), a Gaussian one by μ + σz.
 */
export function lossSampler(
  problem: Regression,
  w: ArrayLike<number>,
  model: MaskModel,
  rng: Rng,
): LossSampler {
  checkRegression(problem);
  maskMoments(model);
  const { n, d, x, y } = problem;
  if (w.length !== d) throw new RangeError(`w must have d = ${d} entries; got ${w.length}`);
  const c = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) c[i * d + j] = x[i * d + j] * w[j];
  }
  if (model.kind === "bernoulli") {
    const p = model.keep;
    const kept = model.inverted ? 1 / p : 1;
    return () => {
      let loss = 0;
      for (let i = 0; i < n; i++) {
        let prediction = 0;
        for (let j = 0; j < d; j++) {
          if (rng.uniform() < p) prediction += c[i * d + j];
        }
        loss += (y[i] - kept * prediction) ** 2;
      }
      return loss;
    };
  }
  const { mean, sd } = model;
  return () => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let prediction = 0;
      for (let j = 0; j < d; j++) prediction += (mean + sd * rng.normal()) * c[i * d + j];
      loss += (y[i] - prediction) ** 2;
    }
    return loss;
  };
}

export interface RunningStats {
  count: number;
  mean: number;
  /** Sample variance of one draw (n − 1 in the denominator); NaN below two draws. */
  variance: number;
  /** Standard error of the mean, √(variance / count); NaN below two draws. */
  standardError: number;
}

/** Welford's running mean and variance. */
export class RunningMean {
  #count = 0;
  #mean = 0;
  #m2 = 0;

  add(value: number): void {
    this.#count++;
    const delta = value - this.#mean;
    this.#mean += delta / this.#count;
    this.#m2 += delta * (value - this.#mean);
  }

  get stats(): RunningStats {
    const count = this.#count;
    const variance = count > 1 ? this.#m2 / (count - 1) : NaN;
    return {
      count,
      mean: count ? this.#mean : NaN,
      variance,
      standardError: Math.sqrt(variance / count),
    };
  }
}

/** The running mean at a sample count, for the convergence chart. */
export interface Checkpoint {
  count: number;
  mean: number;
  standardError: number;
}

/** Sample counts at which the chart records the running mean: every count up to 10, then ×1.05. */
export function nextCheckpoint(count: number): number {
  return count < 10 ? count + 1 : Math.max(count + 1, Math.ceil(count * 1.05));
}

/** The largest number of draws a run accepts. */
const MAX_SAMPLES = 10_000_000;

/** Runs `samples` draws at once and returns the final statistics (tests and loaders). */
export function monteCarloMean(sampler: LossSampler, samples: number): RunningStats {
  integerAtLeast("samples", samples, 1, MAX_SAMPLES);
  const acc = new RunningMean();
  for (let k = 0; k < samples; k++) acc.add(sampler());
  return acc.stats;
}

export interface MonteCarloStep extends RunningStats {
  samples: number;
  /** The running mean at the counts nextCheckpoint picks; grows in place from step to step. */
  checkpoints: Checkpoint[];
  /** Time spent drawing so far (ms). */
  busyMs: number;
  /** count / samples, and true once every draw is in (the live-run contract's fields). */
  progress: number;
  done: boolean;
}

/**
 * The same run as monteCarloMean, `drawsPerStep` draws at a time (default 64, about a millisecond
 * at the page's largest problem), as a live computation's steps (compute/liveRun.ts): the driver,
 * not this loop, decides when the page paints. The numbers do not depend on the step size.
 */
export function* monteCarloSteps(
  sampler: LossSampler,
  samples: number,
  drawsPerStep = 64,
): Generator<MonteCarloStep, void, undefined> {
  integerAtLeast("samples", samples, 1, MAX_SAMPLES);
  integerAtLeast("drawsPerStep", drawsPerStep, 1);
  const acc = new RunningMean();
  const checkpoints: Checkpoint[] = [];
  let count = 0;
  let next = 1;
  let busyMs = 0;
  while (count < samples) {
    const started = performance.now();
    const end = Math.min(samples, count + drawsPerStep);
    while (count < end) {
      acc.add(sampler());
      count++;
      if (count === next || count === samples) {
        const { mean, standardError } = acc.stats;
        checkpoints.push({ count, mean, standardError });
        next = nextCheckpoint(count);
      }
    }
    busyMs += performance.now() - started;
    yield {
      ...acc.stats,
      samples,
      checkpoints,
      busyMs,
      progress: count / samples,
      done: count === samples,
    };
  }
}
