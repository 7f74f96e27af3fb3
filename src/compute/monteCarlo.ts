/**
 * The left side of the noise identities by brute force: draw a mask or noise matrix R, evaluate
 * ‖y − (R∘X)w‖², and keep a running mean with its standard error (Welford's update, in Float64).
 *
 * Draws come from one seeded Rng, entry by entry in row-major order, so a run's numbers depend on
 * the seed only, never on how the work is sliced; the page streams the same run the tests check.
 */
import type { Rng } from "./prng.js";
import { integerAtLeast } from "./validate.js";
import { macrotask } from "./macrotask.js";
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

export interface MonteCarloFrame extends RunningStats {
  samples: number;
  checkpoints: Checkpoint[];
  done: boolean;
  /** Time spent drawing so far (ms), excluding the pauses between slices. */
  busyMs: number;
  /** The longest single slice of work (ms): what the page was blocked for at most. */
  longestSliceMs: number;
}

export interface StreamOptions {
  /** Work per slice before a macrotask lets the page paint and answer input (default 8 ms). */
  sliceMs?: number;
  /** Least time between yielded frames (default 80 ms): each frame costs the page a redraw. */
  frameMs?: number;
  /** Draws in the first slice, so the first frame comes at once (default 64). */
  firstSlice?: number;
  signal?: AbortSignal;
  now?: () => number;
}

/** Draws between clock reads inside a slice. */
const CLOCK_EVERY = 16;

/**
 * The same run as monteCarloMean, in slices of about `sliceMs` (the clock is read every 16 draws,
 * so a slice overruns by at most 16 draws), with a macrotask between slices so the page paints and
 * answers input. The first frame comes after `firstSlice` draws, later ones at most every
 * `frameMs`; the last one has done. Aborting ends the generator quietly after the current slice.
 */
export async function* streamMonteCarlo(
  sampler: LossSampler,
  samples: number,
  { sliceMs = 8, frameMs = 80, firstSlice = 64, signal, now = () => performance.now() }:
    StreamOptions = {},
): AsyncGenerator<MonteCarloFrame, void, undefined> {
  integerAtLeast("samples", samples, 1, MAX_SAMPLES);
  const acc = new RunningMean();
  const checkpoints: Checkpoint[] = [];
  let count = 0;
  let next = 1;
  let busyMs = 0;
  let longestSliceMs = 0;
  let lastFrame = -Infinity;
  let first = true;
  while (!signal?.aborted) {
    const started = now();
    const limit = first ? Math.min(samples, count + Math.max(1, firstSlice)) : samples;
    let elapsed = 0;
    while (count < limit) {
      acc.add(sampler());
      count++;
      if (count === next || count === samples) {
        const { mean, standardError } = acc.stats;
        checkpoints.push({ count, mean, standardError });
        next = nextCheckpoint(count);
      }
      if (count % CLOCK_EVERY === 0 && !first) {
        elapsed = now() - started;
        if (elapsed >= sliceMs) break;
      }
    }
    first = false;
    elapsed = now() - started;
    busyMs += elapsed;
    longestSliceMs = Math.max(longestSliceMs, elapsed);
    const done = count >= samples;
    const time = now();
    if (done || time - lastFrame >= frameMs) {
      lastFrame = time;
      yield {
        ...acc.stats,
        samples,
        checkpoints: checkpoints.slice(),
        done,
        busyMs,
        longestSliceMs,
      };
    }
    if (done) return;
    await macrotask();
  }
}
