/**
 * How far a training run of the dropout toy (dropoutTrain.ts) is from where it should end, and
 * why, so that the page's status line can say whether a run has converged and what would close
 * the gap.
 *
 * Two things separate a run's tail mean (the mean of its last quarter of iterates) from the
 * closed form w*(r):
 * - a transient: the run starts at w = 0 and has not arrived yet. For SGD it is known exactly: the
 *   masks do not depend on w, so the mean iterate follows gradient descent on the expected loss,
 *   E w_t − w* = (I − ηH)ᵗ (0 − w*) with H = 2 E[x̃x̃ᵀ], and its slowest mode decays with the time
 *   constant 1/(η λ_min(H)) steps. Adam has no such closed form.
 * - noise: the tail mean of a stationary run scatters from seed to seed with covariance close to
 *   H⁻¹ Σ H⁻¹ / (B K) for K averaged steps of batch B, where Σ is the covariance of one mask's
 *   gradient at w* (the Polyak–Ruppert limit). It does not depend on the step size or on a fixed
 *   preconditioner, so it serves SGD and (approximately) Adam alike.
 */
import {
  expandedData,
  expectedLossMinimiser,
  maskedSecondMoment,
  maxMeanSquareStableLearningRate,
} from "./dropoutToy.js";
import {
  type DropoutTrainOptions,
  MAX_STEPS,
  resolveTrainOptions,
  tailLength,
} from "./dropoutTrain.js";
import { eigenvalues2x2Symmetric } from "../linalg.js";
import { finiteVector } from "../validate.js";

type Pair = [number, number];

/** A run counts as landed when every weight is within 1 % of its target. */
export const CONVERGED_WITHIN = 0.01;

/** Unit eigenvectors of the symmetric 2×2 matrix [[a, b], [b, c]] for its ascending eigenvalues. */
function eigen2x2(a: number, b: number, c: number): { values: Pair; vectors: [Pair, Pair] } {
  const values = eigenvalues2x2Symmetric(a, b, c);
  if (b === 0) {
    const order: [Pair, Pair] = a <= c ? [[1, 0], [0, 1]] : [[0, 1], [1, 0]];
    return { values, vectors: order };
  }
  // For the larger eigenvalue λ both (b, λ − a) and (λ − c, b) are eigenvectors; the one whose
  // difference involves the smaller diagonal entry has no cancellation. The other eigenvector is
  // the orthogonal one.
  const unit = ([u, v]: Pair): Pair => {
    const n = Math.hypot(u, v);
    return [u / n, v / n];
  };
  const top = unit(a >= c ? [values[1] - c, b] : [b, values[1] - a]);
  return { values, vectors: [[-top[1], top[0]], top] };
}

/** Σ_{t=from}^{to} ρᵗ for ρ = 1 − h, accurate when h is tiny (no 1 − ρ cancellation). */
function geometricSum(h: number, from: number, to: number): number {
  if (h === 0) return to - from + 1;
  if (h < 1) {
    const log = Math.log1p(-h);
    return (Math.exp(from * log) * -Math.expm1((to - from + 1) * log)) / h;
  }
  const rho = 1 - h;
  return (rho ** from - rho ** (to + 1)) / h;
}

export interface SgdTailMean {
  /** E[tail mean] − w*(r) for SGD from w = 0, absolute, per weight. */
  offset: Pair;
  /**
   * Steps over which the slowest mode that the run has to travel shrinks by e, 1/(η λ) for the
   * smallest eigenvalue λ of H whose eigenvector is not orthogonal to w*.
   */
  timeConstant: number;
}

/**
 * The expected tail mean of an SGD run, from the exact mean dynamics: the deterministic part of
 * the gap between a run and the closed form, which no number of seeds averages away. At r = 0 the
 * target is the minimum-norm fit, the point SGD from 0 reaches.
 */
export function sgdExpectedTailOffset(options: DropoutTrainOptions): SgdTailMean {
  const { rate, learningRate, steps, x, y } = resolveTrainOptions(options);
  const target = expectedLossMinimiser(rate, x, y);
  const m = maskedSecondMoment(rate, x);
  const { values, vectors } = eigen2x2(m[0][0], m[0][1], m[1][1]);
  const k = tailLength(steps);
  const offset: Pair = [0, 0];
  let timeConstant = 0;
  const size = Math.hypot(target[0], target[1]);
  values.forEach((value, i) => {
    const u = vectors[i];
    const along = u[0] * target[0] + u[1] * target[1];
    // At r = 0 the target lies along x and the flat direction has nothing to travel.
    if (Math.abs(along) <= 1e-12 * size) return;
    const h = learningRate * 2 * value;
    timeConstant = Math.max(timeConstant, 1 / h);
    // Iterate t (after t updates) has mean offset −(1 − h)ᵗ along; the tail holds t = T−K+1…T.
    const mean = -along * geometricSum(h, steps - k + 1, steps) / k;
    offset[0] += mean * u[0];
    offset[1] += mean * u[1];
  });
  return { offset, timeConstant };
}

/**
 * Expected seed-to-seed standard deviation of a stationary run's tail mean, per weight (the
 * Polyak–Ruppert covariance H⁻¹ΣH⁻¹/(BK)); 0 at r = 0, where no mask is ever dropped.
 */
export function tailMeanNoise(options: DropoutTrainOptions): Pair {
  const { rate, batchSize, steps, x, y } = resolveTrainOptions(options);
  if (rate === 0) return [0, 0];
  const w = expectedLossMinimiser(rate, x, y);
  const { rows, weights } = expandedData(rate, x, y);
  // Σ = E[g gᵀ] for one mask's gradient g = 2 (x̃·w* − y) x̃, which has mean 0 at w*.
  const s = [0, 0, 0];
  rows.forEach(([a, b], i) => {
    const g = 2 * (a * w[0] + b * w[1] - y);
    s[0] += weights[i] * g * g * a * a;
    s[1] += weights[i] * g * g * a * b;
    s[2] += weights[i] * g * g * b * b;
  });
  const m = maskedSecondMoment(rate, x);
  // H⁻¹ = (2M)⁻¹ for the 2×2 M = [[p, q], [q, r]].
  const det = m[0][0] * m[1][1] - m[0][1] * m[0][1];
  const inv = [m[1][1], -m[0][1], m[0][0]].map((v) => v / (2 * det));
  const apply = (row: Pair): Pair => [
    row[0] * s[0] + row[1] * s[1],
    row[0] * s[1] + row[1] * s[2],
  ];
  const r0 = apply([inv[0], inv[1]]);
  const r1 = apply([inv[1], inv[2]]);
  const cov00 = r0[0] * inv[0] + r0[1] * inv[1];
  const cov11 = r1[0] * inv[1] + r1[1] * inv[2];
  const scale = batchSize * tailLength(steps);
  return [Math.sqrt(cov00 / scale), Math.sqrt(cov11 / scale)];
}

export type Remedy =
  | "more steps"
  | "a larger learning rate"
  | "a larger batch"
  | "a smaller learning rate";

export interface RunAssessment {
  /**
   * What the estimate is measured against. For r > 0 the expected loss has one minimiser, w*(r).
   * At r = 0 every w with w·x = y minimises it: w*(0) names the minimum-norm one, the point SGD
   * from w = 0 reaches, so SGD is measured against it; Adam settles elsewhere on that line (near
   * (1, 1)), so it is measured against the line itself and `target` is null.
   */
  reference: "closed form" | "line of minimisers";
  target: Pair | null;
  /**
   * Signed relative error per weight, (estimate − target) / |target|; against the line, both
   * entries are the relative misfit (w·x − y) / |y|.
   */
  relativeError: Pair;
  /** The largest |relativeError|: the run's distance, as a fraction. */
  relativeDistance: number;
  /** Expected seed-to-seed spread of the tail mean, relative to |target| (0 against the line). */
  relativeNoise: Pair;
  /** SGD: the exact expected offset of the tail mean, relative to |target|; null for Adam. */
  expectedOffset: Pair | null;
  /**
   * Every weight's gap is within the larger of 1 % and four standard deviations of seed noise
   * and, for SGD, the exact expected offset is below half of 1 %: what remains is luck, not a run
   * that has yet to arrive.
   */
  converged: boolean;
  /**
   * What would close the gap, best first; empty when the run is converged and within
   * CONVERGED_WITHIN. Only "a smaller learning rate" when SGD's rate is at or above the batch's
   * mean-square stability bound (the run then drifts or blows up whatever the step count).
   */
  remedies: Remedy[];
  /**
   * SGD with a transient left: the number of steps at this learning rate after which the expected
   * offset is below half the tolerance; null otherwise (and when no step count up to MAX_STEPS
   * gets there).
   */
  stepsNeeded: number | null;
  tolerance: number;
}

/**
 * Steps after which the expected SGD offset is at most `goal` (relative), by doubling and
 * bisection; null when even MAX_STEPS is not enough (or the mean dynamics diverge).
 */
function sgdStepsNeeded(options: DropoutTrainOptions, target: Pair, goal: number): number | null {
  const off = (steps: number) => {
    const o = sgdExpectedTailOffset({ ...options, steps }).offset;
    return Math.max(Math.abs(o[0] / target[0]), Math.abs(o[1] / target[1]));
  };
  let hi = options.steps;
  while (!(off(hi) <= goal)) {
    if (hi >= MAX_STEPS) return null;
    hi = Math.min(2 * hi, MAX_STEPS);
  }
  let lo = Math.max(1, Math.floor(hi / 2));
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (off(mid) > goal) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Judges a finished run from its settings and its tail-mean estimate: how far it is from the
 * closed form `target` (default expectedLossMinimiser(rate)), whether that counts as converged,
 * and what would close the gap.
 */
export function assessDropoutRun(
  settings: DropoutTrainOptions,
  estimate: readonly number[],
  target: readonly number[] = expectedLossMinimiser(settings.rate, settings.x, settings.y),
): RunAssessment {
  const options = resolveTrainOptions(settings);
  const [e1, e2] = finiteVector("estimate", estimate as number[], 2);
  const [t1, t2] = finiteVector("target", target as number[], 2);
  const { rate, optimizer, learningRate, batchSize, x, y } = options;
  const tolerance = CONVERGED_WITHIN;
  const onLine = rate === 0 && optimizer === "adam";
  const relativeError: Pair = onLine
    ? Array(2).fill((x[0] * e1 + x[1] * e2 - y) / Math.abs(y)) as Pair
    : [(e1 - t1) / Math.abs(t1), (e2 - t2) / Math.abs(t2)];
  const relativeDistance = Math.max(...relativeError.map(Math.abs));
  const noise = onLine ? [0, 0] : tailMeanNoise(options);
  const relativeNoise: Pair = onLine ? [0, 0] : [noise[0] / Math.abs(t1), noise[1] / Math.abs(t2)];
  let expectedOffset: Pair | null = null;
  let transient = false;
  if (optimizer === "sgd") {
    const { offset } = sgdExpectedTailOffset(options);
    expectedOffset = [offset[0] / Math.abs(t1), offset[1] / Math.abs(t2)];
    transient = Math.max(...expectedOffset.map(Math.abs)) > tolerance / 2;
  }
  // Four standard deviations: a gap beyond that is not the luck of one seed.
  const explained = relativeError.every((err, j) =>
    Math.abs(err) <= Math.max(tolerance, 4 * relativeNoise[j])
  );
  const converged = explained && !transient;
  const remedies: Remedy[] = [];
  let stepsNeeded: number | null = null;
  if (relativeDistance > tolerance || !converged) {
    // SGD's iterates only stay bounded below the mean-square stability bound.
    const bound = optimizer === "sgd"
      ? maxMeanSquareStableLearningRate(rate, batchSize, x)
      : Infinity;
    if (learningRate >= bound) {
      remedies.push("a smaller learning rate");
    } else if (converged) {
      remedies.push("more steps", "a larger batch");
    } else {
      remedies.push("more steps");
      if (2 * learningRate < bound) remedies.push("a larger learning rate");
      if (transient) stepsNeeded = sgdStepsNeeded(options, [t1, t2], tolerance / 2);
    }
  }
  return {
    reference: onLine ? "line of minimisers" : "closed form",
    target: onLine ? null : [t1, t2],
    relativeError,
    relativeDistance,
    relativeNoise,
    expectedOffset,
    converged,
    remedies,
    stepsNeeded,
    tolerance,
  };
}
