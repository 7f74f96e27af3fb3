/**
 * Multiplicative noise on the inputs of a linear regression, averaged out: dropout (Bernoulli
 * masks, plain or inverted) and Gaussian noise both turn the squared error into a Tikhonov problem,
 *
 *   E‖y − (R∘X)w‖² = ‖y − μXw‖² + σ²‖Γw‖²,   Γ = diag(XᵀX)^½,
 *
 * where μ and σ² are the mean and variance of each independent entry R_ij. The cross terms vanish
 * because different entries are independent; only the diagonal of XᵀX picks up the variance.
 *
 * Mask conventions (the course documents use both):
 * - plain: R_ij ~ Bernoulli(p), kept features are not rescaled: μ = p, σ² = p(1 − p);
 * - inverted: kept features are divided by p (PyTorch's nn.Dropout, the dropout-toy page):
 *   μ = 1, σ² = (1 − p)/p.
 * Here p is always the keep probability; a drop rate r is 1 − p.
 */
import { weightedLeastSquares } from "./linalg.js";
import { finiteNumber, finiteVector, inRange, nonNegativeNumber } from "./validate.js";
import {
  checkRegression,
  columnNorms,
  multiply,
  type Regression,
  squaredDistance,
} from "./regression.js";

export type MaskModel =
  | { kind: "bernoulli"; keep: number; inverted: boolean }
  | { kind: "gaussian"; mean: number; sd: number };

/** A keep probability p in (0, 1]: p = 0 would drop every feature. */
export function keepProbability(value: unknown, name = "keep probability p"): number {
  return inRange(name, value, { min: 0, max: 1, minInclusive: false });
}

/** Mean and variance of one entry R_ij of the mask or noise matrix. */
export function maskMoments(model: MaskModel): { mean: number; variance: number } {
  if (model.kind === "bernoulli") {
    const p = keepProbability(model.keep);
    return model.inverted ? { mean: 1, variance: (1 - p) / p } : { mean: p, variance: p * (1 - p) };
  }
  if (model.kind === "gaussian") {
    const mean = finiteNumber("noise mean μ", model.mean);
    const sd = nonNegativeNumber("noise standard deviation σ", model.sd);
    return { mean, variance: sd * sd };
  }
  throw new RangeError(`unknown mask model ${JSON.stringify(model)}`);
}

/** The Gaussian noise with the same two moments as dropout at keep probability p. */
export function gaussianMatchingDropout(p: number, inverted = false): { mean: number; sd: number } {
  const { mean, variance } = maskMoments({ kind: "bernoulli", keep: p, inverted });
  return { mean, sd: Math.sqrt(variance) };
}

export interface ExpectedLoss {
  /** ‖y − μXw‖². */
  fit: number;
  /** σ²‖Γw‖². */
  penalty: number;
  /** fit + penalty = E‖y − (R∘X)w‖². */
  total: number;
  mean: number;
  variance: number;
}

function checkWeights(problem: Regression, w: ArrayLike<number>): number[] {
  return finiteVector("w", Array.from(w), problem.d);
}

/** ‖Γw‖² = Σ_j ‖x_j‖² w_j². */
export function penaltyNorm(problem: Regression, w: ArrayLike<number>): number {
  const gamma = columnNorms(problem);
  let s = 0;
  for (let j = 0; j < problem.d; j++) s += (gamma[j] * w[j]) ** 2;
  return s;
}

/** The closed form E‖y − (R∘X)w‖² = ‖y − μXw‖² + σ²‖Γw‖² for any mask or noise model. */
export function expectedLoss(
  problem: Regression,
  w: ArrayLike<number>,
  model: MaskModel,
): ExpectedLoss {
  checkRegression(problem);
  const weights = checkWeights(problem, w);
  const { mean, variance } = maskMoments(model);
  const fit = squaredDistance(problem.y, multiply(problem, weights), mean);
  const penalty = variance * penaltyNorm(problem, weights);
  return { fit, penalty, total: fit + penalty, mean, variance };
}

/** Plain masks: E‖y − (R∘X)w‖² = ‖y − pXw‖² + p(1 − p)‖Γw‖². */
export function dropoutExpectedLoss(problem: Regression, w: ArrayLike<number>, p: number) {
  return expectedLoss(problem, w, { kind: "bernoulli", keep: p, inverted: false });
}

/** Inverted masks (R/p): E‖y − (R∘X/p)w‖² = ‖y − Xw‖² + ((1 − p)/p)‖Γw‖². */
export function invertedDropoutExpectedLoss(problem: Regression, w: ArrayLike<number>, p: number) {
  return expectedLoss(problem, w, { kind: "bernoulli", keep: p, inverted: true });
}

/** Gaussian noise R_ij ~ N(μ, σ²): ‖y − μXw‖² + σ²‖Γw‖². */
export function gaussianNoiseExpectedLoss(
  problem: Regression,
  w: ArrayLike<number>,
  mean: number,
  sd: number,
) {
  return expectedLoss(problem, w, { kind: "gaussian", mean, sd });
}

/** The dropout penalty strength λ = (1 − p)/p of the rescaled problem. */
export function dropoutLambda(p: number): number {
  const keep = keepProbability(p);
  return (1 - keep) / keep;
}

/**
 * min_v ‖y − Xv‖² + λ Σ_j (g_j v_j)², by Householder QR of X stacked on the rows √λ g_j e_j (no
 * normal equations: the answer stays accurate when XᵀX is ill-conditioned). With λ = 0 and fewer
 * rows than features this is the minimum-norm least-squares fit.
 */
function penalisedLeastSquares(problem: Regression, lambda: number, g: ArrayLike<number>) {
  const { n, d, x, y } = problem;
  const rows: number[][] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(Array.from(x.subarray(i * d, (i + 1) * d)));
    targets.push(y[i]);
    weights.push(1);
  }
  for (let j = 0; j < d; j++) {
    const row = new Array<number>(d).fill(0);
    row[j] = g[j];
    rows.push(row);
    targets.push(0);
    weights.push(lambda);
  }
  return weightedLeastSquares(rows, targets, weights);
}

export interface DropoutMinimiser {
  p: number;
  /** λ = (1 − p)/p. */
  lambda: number;
  /** w̌, the weights learned with plain masks: the minimiser of E‖y − (R∘X)w̌‖². */
  wCheck: number[];
  /** p·w̌ = (XᵀX + λΓ²)⁻¹Xᵀy: the weights to use without masks (and inverted dropout's minimiser). */
  w: number[];
}

/** A solver from penalisedSolver(problem), for many fits of one problem. */
export type PenalisedSolver = (c: ArrayLike<number>) => number[];

/**
 * The minimiser of dropout's expected loss, p·w̌ = (XᵀX + ((1 − p)/p)Γ²)⁻¹Xᵀy, by QR, or by
 * `solver` (penalisedSolver of the same problem) when one is given.
 */
export function dropoutMinimiser(
  problem: Regression,
  p: number,
  solver?: PenalisedSolver,
): DropoutMinimiser {
  checkRegression(problem);
  const lambda = dropoutLambda(p);
  const gamma = columnNorms(problem);
  const w = solver
    ? solver(Array.from(gamma, (g) => lambda * g * g))
    : penalisedLeastSquares(problem, lambda, gamma);
  return { p, lambda, w, wCheck: w.map((v) => v / p) };
}

/** Plain ridge, (XᵀX + λI)⁻¹Xᵀy, for λ ≥ 0 (minimum-norm least squares at λ = 0). */
export function ridgeMinimiser(
  problem: Regression,
  lambda: number,
  solver?: PenalisedSolver,
): number[] {
  checkRegression(problem);
  nonNegativeNumber("ridge penalty λ", lambda);
  return solver
    ? solver(new Float64Array(problem.d).fill(lambda))
    : penalisedLeastSquares(problem, lambda, new Float64Array(problem.d).fill(1));
}

/**
 * The ridge λ whose uniform penalty equals dropout's per-feature penalties on average:
 * λ_ridge = ((1 − p)/p) · mean_j ‖x_j‖². Used to draw the two paths on one axis, p.
 */
export function matchedRidgeLambda(problem: Regression, p: number): number {
  const gamma = columnNorms(problem);
  let s = 0;
  for (const g of gamma) s += g * g;
  return dropoutLambda(p) * (s / problem.d);
}

export interface Rescaled {
  /** X̃ = XΓ⁻¹ (n×d row-major): every column has norm 1. */
  x: Float64Array;
  /** Column norms of X (Γ's diagonal) and of X̃. */
  normsBefore: Float64Array;
  normsAfter: Float64Array;
}

/** The change of variables X̃ = XΓ⁻¹, which gives every column unit norm. */
export function rescaleColumns(problem: Regression): Rescaled {
  checkRegression(problem);
  const { n, d, x } = problem;
  const gamma = columnNorms(problem);
  gamma.forEach((g, j) => {
    if (!(g > 0)) throw new RangeError(`column ${j + 1} of X is zero, so Γ is not invertible`);
  });
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = x[i * d + j] / gamma[j];
  }
  return { x: out, normsBefore: gamma, normsAfter: columnNorms({ n, d, x: out }) };
}

/**
 * The dropout minimiser the long way round, as the course derives it: ridge with λ = (1 − p)/p on
 * X̃ = XΓ⁻¹ gives w̃, and w = Γ⁻¹w̃ (= p·w̌).
 */
export function dropoutViaRescaledRidge(problem: Regression, p: number) {
  const rescaled = rescaleColumns(problem);
  const wTilde = ridgeMinimiser({ ...problem, x: rescaled.x }, dropoutLambda(p));
  const w = wTilde.map((v, j) => v / rescaled.normsBefore[j]);
  return { wTilde, w, rescaled };
}

/**
 * The course's Tikhonov matrix after w = p·w̌: Γ_p = √((1 − p)/p)·diag(XᵀX)^½, so that dropout's
 * loss is ‖y − Xw‖² + ‖Γ_p w‖². Then X̃ = XΓ_p⁻¹ has every column of norm c = √(p/(1 − p)) and the
 * problem is ridge with λ = 1. Infinite for p = 1 (no penalty, Γ_p = 0).
 */
export function commonColumnNorm(p: number): number {
  const keep = keepProbability(p);
  return Math.sqrt(keep / (1 - keep));
}

/** An evenly spaced grid of keep probabilities from `min` to 1. */
export function keepGrid(count = 50, min = 0.02): number[] {
  keepProbability(min, "smallest keep probability");
  // Counted down from 1, so the last point is exactly p = 1 (no penalty).
  return Array.from({ length: count }, (_, i) => 1 - ((1 - min) * (count - 1 - i)) / (count - 1));
}

/**
 * How much of each least-squares coefficient the dropout fit and the matched ridge fit keep:
 * w_j(p) / w_LS,j. With orthogonal columns dropout keeps exactly p of every coefficient, while
 * ridge keeps ‖x_j‖²/(‖x_j‖² + λ), least for the smallest columns.
 */
export function keptShares(problem: Regression, p: number, solver?: PenalisedSolver) {
  const ls = ridgeMinimiser(problem, 0, solver);
  const dropout = dropoutMinimiser(problem, p, solver).w;
  const ridge = ridgeMinimiser(problem, matchedRidgeLambda(problem, p), solver);
  return ls.map((v, j) => ({ feature: j + 1, dropout: dropout[j] / v, ridge: ridge[j] / v }));
}

/**
 * Solves many penalised fits of one problem fast: min ‖y − Xv‖² + Σ_j c_j v_j² for any c ≥ 0.
 *
 * X̃ᵀX̃ (with X̃ = XΓ⁻¹, unit columns) and X̃ᵀy are formed once; each solve is then a d×d
 * Cholesky factorisation of X̃ᵀX̃ + diag(c_j/‖x_j‖²), whose unit diagonal keeps it well
 * conditioned for the page's nearly orthogonal columns. A path of 50 keep probabilities costs
 * one pass over the data instead of 100 QR factorisations. Where the shifted matrix is not
 * safely positive definite (no penalty and fewer rows than features), it falls back to QR.
 */
export function penalisedSolver(problem: Regression): PenalisedSolver {
  checkRegression(problem);
  const { n, d, x, y } = problem;
  const gamma = columnNorms(problem);
  gamma.forEach((g, j) => {
    if (!(g > 0)) throw new RangeError(`column ${j + 1} of X is zero, so Γ is not invertible`);
  });
  const gram = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j] / gamma[j];
      rhs[j] += v * y[i];
      for (let k = 0; k <= j; k++) gram[j * d + k] += v * (x[i * d + k] / gamma[k]);
    }
  }
  const factor = new Float64Array(d * d);
  const z = new Float64Array(d);
  const qrFallback = (c: ArrayLike<number>) =>
    Array.prototype.every.call(c, (v: number) => v === 0)
      ? penalisedLeastSquares(problem, 0, new Float64Array(d).fill(1))
      : penalisedLeastSquares(problem, 1, Array.from(c, Math.sqrt));
  /** Weights v for the penalty coefficients c (one per feature). */
  return (c: ArrayLike<number>): number[] => {
    // Cholesky of the lower triangle of X̃ᵀX̃ + diag(c/Γ²), in place in `factor`.
    for (let j = 0; j < d; j++) {
      for (let k = 0; k <= j; k++) {
        let sum = gram[j * d + k] + (j === k ? c[j] / gamma[j] ** 2 : 0);
        for (let m = 0; m < k; m++) sum -= factor[j * d + m] * factor[k * d + m];
        if (j === k) {
          // A pivot this small means a (numerically) singular system: leave it to QR.
          if (!(sum > 1e-10)) return qrFallback(c);
          factor[j * d + j] = Math.sqrt(sum);
        } else factor[j * d + k] = sum / factor[k * d + k];
      }
    }
    for (let j = 0; j < d; j++) {
      let sum = rhs[j];
      for (let m = 0; m < j; m++) sum -= factor[j * d + m] * z[m];
      z[j] = sum / factor[j * d + j];
    }
    const w = new Array<number>(d);
    for (let j = d - 1; j >= 0; j--) {
      let sum = z[j];
      for (let m = j + 1; m < d; m++) sum -= factor[m * d + j] * w[m];
      w[j] = sum / factor[j * d + j];
    }
    return w.map((v, j) => v / gamma[j]);
  };
}

export interface PathPoint {
  p: number;
  feature: number;
  /** Dropout: p·w̌_j(p). */
  dropout: number;
  /** Ridge at the matched λ. */
  ridge: number;
}

/** The dropout and matched-ridge coefficient paths over a grid of keep probabilities. */
export function coefficientPaths(
  problem: Regression,
  ps: readonly number[] = keepGrid(),
  solver: PenalisedSolver = penalisedSolver(problem),
) {
  const rows: PathPoint[] = [];
  for (const p of ps) {
    const dropout = dropoutMinimiser(problem, p, solver).w;
    const ridge = ridgeMinimiser(problem, matchedRidgeLambda(problem, p), solver);
    for (let j = 0; j < problem.d; j++) {
      rows.push({ p, feature: j + 1, dropout: dropout[j], ridge: ridge[j] });
    }
  }
  return rows;
}

/** Multiplies column j of X by `factor` (a test of scale equivariance). */
export function scaleColumn(problem: Regression, j: number, factor: number): Regression {
  const x = problem.x.slice();
  for (let i = 0; i < problem.n; i++) x[i * problem.d + j] *= factor;
  return { ...problem, x };
}
