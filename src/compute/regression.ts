/**
 * The regression problem behind the dropout-and-noise page: n rows, d features on deliberately
 * different scales, a linear teacher and Gaussian label noise, all from createRng(seed).
 *
 * Feature j is s_j times a standard normal, with scales s_j spread evenly in log from 1/4 to 4, so
 * the column norms of X differ by up to a factor 16 and a per-feature penalty (dropout's) visibly
 * differs from a uniform one (ridge's). The teacher is w*_j = z_j / s_j with z_j ~ N(0, 1), so every
 * feature contributes a comparable amount to y whatever its scale.
 *
 * Matrices are row-major Float64Arrays: entry (i, j) of the n×d matrix X is x[i * d + j].
 */
import { createRng, type Rng } from "./prng.js";
import { integerAtLeast, nonNegativeNumber, seedValue } from "./validate.js";
import { matrixTimes } from "./linalg.js";

/** The largest problem the module accepts (the page's sliders stay well inside). */
const REGRESSION_LIMITS = { n: 100_000, d: 64 } as const;

export interface RegressionSpec {
  /** Rows (examples), an integer ≥ 1. */
  n: number;
  /** Features, an integer ≥ 1. */
  d: number;
  /** Standard deviation of the label noise, ≥ 0. */
  noise: number;
  seed: number;
}

export interface Regression {
  n: number;
  d: number;
  /** n×d row-major design matrix. */
  x: Float64Array;
  y: Float64Array;
  /** The teacher's weights. */
  wTrue: Float64Array;
  /** The scale s_j each column was drawn with. */
  scales: Float64Array;
}

/** Checks a spec and returns it with every field validated (RangeErrors name the field). */
function checkRegressionSpec(spec: RegressionSpec): RegressionSpec {
  return {
    n: integerAtLeast("n (rows)", spec.n, 1, REGRESSION_LIMITS.n),
    d: integerAtLeast("d (features)", spec.d, 1, REGRESSION_LIMITS.d),
    noise: nonNegativeNumber("noise", spec.noise),
    seed: seedValue(spec.seed),
  };
}

/** Scales evenly spaced in log from 1/4 to 4 (just 1 when d = 1). */
export function featureScales(d: number): Float64Array {
  integerAtLeast("d (features)", d, 1, REGRESSION_LIMITS.d);
  return Float64Array.from(
    { length: d },
    (_, j) => d === 1 ? 1 : 4 ** (-1 + (2 * j) / (d - 1)),
  );
}

/**
 * The independent random streams of one seed, forked in a fixed order: the data, then one stream
 * per Monte-Carlo experiment (`masks(k)` is the k-th, k ≥ 0), so a run is reproducible and two
 * experiments never share draws.
 */
export function problemStreams(seed: number): { data: Rng; masks(k: number): Rng } {
  seedValue(seed);
  return {
    data: createRng(seed).fork(),
    masks(k: number): Rng {
      integerAtLeast("stream", k, 0, 1000);
      const root = createRng(seed);
      root.fork();
      let rng = root.fork();
      for (let i = 0; i < k; i++) rng = root.fork();
      return rng;
    },
  };
}

/**
 * Draws the problem. Rows are drawn one after another, so the first n rows of a larger draw with
 * the same seed and d are the same rows (moving the n slider adds or removes rows, nothing else),
 * and the teacher does not depend on n.
 */
export function generateRegression(spec: RegressionSpec): Regression {
  const { n, d, noise, seed } = checkRegressionSpec(spec);
  const rng = problemStreams(seed).data;
  const teacher = rng.fork();
  const rows = rng.fork();
  const scales = featureScales(d);
  const wTrue = Float64Array.from(scales, (s) => teacher.normal() / s);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < d; j++) {
      const v = scales[j] * rows.normal();
      x[i * d + j] = v;
      dot += v * wTrue[j];
    }
    y[i] = dot + noise * rows.normal();
  }
  return { n, d, x, y, wTrue, scales };
}

/** Checks that a hand-made problem is consistent (sizes and finite entries). */
export function checkRegression(problem: Regression): Regression {
  const { n, d, x, y } = problem;
  integerAtLeast("n (rows)", n, 1, REGRESSION_LIMITS.n);
  integerAtLeast("d (features)", d, 1, REGRESSION_LIMITS.d);
  if (x.length !== n * d) {
    throw new RangeError(`X must have n·d = ${n * d} entries; got ${x.length}`);
  }
  if (y.length !== n) throw new RangeError(`y must have n = ${n} entries; got ${y.length}`);
  for (let k = 0; k < x.length; k++) {
    if (!Number.isFinite(x[k])) {
      throw new RangeError(`X[${Math.floor(k / d)}][${k % d}] is ${x[k]}`);
    }
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`y[${i}] is ${y[i]}`);
  }
  return problem;
}

/** Γ_jj = ‖x_j‖, the norm of column j: Γ = diag(XᵀX)^½. */
export function columnNorms(problem: Pick<Regression, "n" | "d" | "x">): Float64Array {
  const { n, d, x } = problem;
  const sums = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) sums[j] += x[i * d + j] ** 2;
  }
  return sums.map(Math.sqrt);
}

/**
 * The largest |cos θ| between two columns of X, |⟨x_i, x_j⟩|/(‖x_i‖‖x_j‖) over i ≠ j: 0 when the
 * columns are orthogonal, which is when dropout keeps exactly p of every least-squares weight.
 * 0 for a single column, and for a pair with a zero column.
 */
export function largestColumnCosine(problem: Pick<Regression, "n" | "d" | "x">): number {
  const { n, d, x } = problem;
  const norms = columnNorms(problem);
  let largest = 0;
  for (let a = 0; a < d; a++) {
    for (let b = a + 1; b < d; b++) {
      if (norms[a] === 0 || norms[b] === 0) continue;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += x[i * d + a] * x[i * d + b];
      largest = Math.max(largest, Math.abs(dot) / (norms[a] * norms[b]));
    }
  }
  return largest;
}

/** XᵀX (d×d, row-major) and Xᵀy. */
export function normalEquations(problem: Regression): { xtx: Float64Array; xty: Float64Array } {
  const { n, d, x, y } = problem;
  const xtx = new Float64Array(d * d);
  const xty = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const v = x[row + j];
      xty[j] += v * y[i];
      for (let k = j; k < d; k++) xtx[j * d + k] += v * x[row + k];
    }
  }
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < j; k++) xtx[j * d + k] = xtx[k * d + j];
  }
  return { xtx, xty };
}

/** X v for a d-vector v: the predictions of the weights v. */
export function multiply(problem: Pick<Regression, "n" | "d" | "x">, v: ArrayLike<number>) {
  return matrixTimes(problem.x, v, problem.n, problem.d);
}

/** ‖a − c·b‖² for vectors of the same length. */
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>, c = 1): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - c * b[i]) ** 2;
  return s;
}
