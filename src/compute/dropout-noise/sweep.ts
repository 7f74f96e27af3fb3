/**
 * The precomputed sweep behind the dropout-noise page: for several seeded problems, the dropout
 * coefficient path next to the matched-ridge path over a grid of keep probabilities, a plain ridge
 * over its own grid of λ (the matched λ on the keep grid starts far above the useful range: at
 * p = 0.98 it is already of order 1), and the test error of each fit on fresh rows from the same
 * teacher.
 *
 * A problem with n training rows and nTest test rows is generateRegression with n + nTest rows,
 * split after row n: rows are drawn in order, so the training part is exactly the problem the page
 * draws live for the same (n, d, noise, seed), and the teacher is the same.
 */
import { integerAtLeast, positiveNumber, seedValue } from "../validate.js";
import { generateRegression, multiply, type Regression, squaredDistance } from "../regression.js";
import {
  dropoutMinimiser,
  keepProbability,
  matchedRidgeLambda,
  penalisedSolver,
  ridgeMinimiser,
} from "../tikhonov.js";

export interface SweepSpec {
  n: number;
  d: number;
  noise: number;
  /** Test rows per problem. */
  nTest: number;
  seeds: number[];
  /** Keep probabilities, increasing, each in (0, 1]. */
  keep: number[];
  /** The plain ridge's own penalties, increasing, each > 0. */
  lambdas: number[];
}

export interface SweepPoint {
  p: number;
  /** p·w̌ and the matched-ridge weights. */
  dropout: number[];
  ridge: number[];
  /** Mean squared error on the test rows. */
  dropoutTest: number;
  ridgeTest: number;
}

export interface SweepSeed {
  seed: number;
  /** mean_j ‖x_j‖² of the training rows: the matched ridge's λ is ((1 − p)/p) times this. */
  meanSquaredColumnNorm: number;
  points: SweepPoint[];
  /** Test error of the plain ridge (XᵀX + λI)⁻¹Xᵀy at each λ of spec.lambdas. */
  ridgeGridTest: number[];
}

export function checkSweepSpec(spec: SweepSpec): SweepSpec {
  integerAtLeast("nTest", spec.nTest, 1, 1_000_000);
  if (!Array.isArray(spec.seeds) || spec.seeds.length === 0) {
    throw new RangeError("seeds must be a non-empty list of seeds");
  }
  spec.seeds.forEach((s) => seedValue(s, "each seed"));
  if (new Set(spec.seeds).size !== spec.seeds.length) throw new RangeError("seeds repeat");
  if (!Array.isArray(spec.keep) || spec.keep.length < 2) {
    throw new RangeError("keep must list at least two keep probabilities");
  }
  spec.keep.forEach((p, i) => {
    keepProbability(p, `keep[${i}]`);
    if (i > 0 && !(p > spec.keep[i - 1])) throw new RangeError("keep must be increasing");
  });
  if (!Array.isArray(spec.lambdas) || spec.lambdas.length < 2) {
    throw new RangeError("lambdas must list at least two ridge penalties");
  }
  spec.lambdas.forEach((lambda, i) => {
    positiveNumber(`lambdas[${i}]`, lambda);
    if (i > 0 && !(lambda > spec.lambdas[i - 1])) {
      throw new RangeError("lambdas must be increasing");
    }
  });
  return spec;
}

/** The training problem and the test rows of one seed. */
export function splitProblem(
  { n, d, noise, nTest }: Pick<SweepSpec, "n" | "d" | "noise" | "nTest">,
  seed: number,
): { train: Regression; test: Regression } {
  const all = generateRegression({ n: n + nTest, d, noise, seed });
  const part = (from: number, to: number): Regression => ({
    ...all,
    n: to - from,
    x: all.x.slice(from * d, to * d),
    y: all.y.slice(from, to),
  });
  return { train: part(0, n), test: part(n, n + nTest) };
}

/** `count` penalties spaced evenly in log λ from `from` to `to`, both included. */
export function lambdaGrid(from: number, to: number, count: number): number[] {
  positiveNumber("smallest λ", from);
  positiveNumber("largest λ", to);
  integerAtLeast("number of λ", count, 2, 10_000);
  if (!(to > from)) {
    throw new RangeError(`the largest λ must exceed the smallest; got ${to} ≤ ${from}`);
  }
  const step = Math.log10(to / from) / (count - 1);
  return Array.from({ length: count }, (_, i) => from * 10 ** (i * step));
}

/** Mean squared error of weights w on a problem's rows. */
function meanSquaredError(problem: Regression, w: ArrayLike<number>): number {
  return squaredDistance(problem.y, multiply(problem, w)) / problem.n;
}

/** One seed of the sweep: both paths and their test errors. */
function sweepSeed(spec: SweepSpec, seed: number): SweepSeed {
  const { train, test } = splitProblem(spec, seed);
  const solver = penalisedSolver(train);
  const points = spec.keep.map((p) => {
    const dropout = dropoutMinimiser(train, p, solver).w;
    const ridge = ridgeMinimiser(train, matchedRidgeLambda(train, p), solver);
    return {
      p,
      dropout,
      ridge,
      dropoutTest: meanSquaredError(test, dropout),
      ridgeTest: meanSquaredError(test, ridge),
    };
  });
  const ridgeGridTest = spec.lambdas.map((lambda) =>
    meanSquaredError(test, ridgeMinimiser(train, lambda, solver))
  );
  const meanSquaredColumnNorm = matchedRidgeLambda(train, 0.5);
  return { seed, meanSquaredColumnNorm, points, ridgeGridTest };
}

export interface SweepSummaryRow {
  p: number;
  dropoutMean: number;
  dropoutSd: number;
  ridgeMean: number;
  ridgeSd: number;
}

const meanSd = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.length > 1
    ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)
    : 0;
  return { mean, sd: Math.sqrt(variance) };
};

/** Per keep probability, the mean and sample standard deviation of both test errors over seeds. */
export function summariseSweep(seeds: SweepSeed[]): SweepSummaryRow[] {
  return seeds[0].points.map((point, k) => {
    const dropout = meanSd(seeds.map((s) => s.points[k].dropoutTest));
    const ridge = meanSd(seeds.map((s) => s.points[k].ridgeTest));
    return {
      p: point.p,
      dropoutMean: dropout.mean,
      dropoutSd: dropout.sd,
      ridgeMean: ridge.mean,
      ridgeSd: ridge.sd,
    };
  });
}

export interface RidgeGridRow {
  lambda: number;
  mean: number;
  sd: number;
}

/** Per λ of the plain ridge's own grid, the mean and sample sd of its test error over seeds. */
export function summariseRidgeGrid(lambdas: number[], seeds: SweepSeed[]): RidgeGridRow[] {
  return lambdas.map((lambda, k) => ({ lambda, ...meanSd(seeds.map((s) => s.ridgeGridTest[k])) }));
}

/** The λ of the plain ridge's grid with the smallest mean test error. */
export function bestLambda(rows: RidgeGridRow[]): { lambda: number; test: number } {
  const best = rows.reduce((a, b) => (b.mean < a.mean ? b : a));
  return { lambda: best.lambda, test: best.mean };
}

/** The keep probability with the smallest mean test error, for each fit. */
export function bestKeep(summary: SweepSummaryRow[]) {
  const best = (key: "dropoutMean" | "ridgeMean") =>
    summary.reduce((a, b) => (b[key] < a[key] ? b : a));
  const d = best("dropoutMean");
  const r = best("ridgeMean");
  return { dropout: { p: d.p, test: d.dropoutMean }, ridge: { p: r.p, test: r.ridgeMean } };
}

/** The whole sweep. */
export function runSweep(spec: SweepSpec) {
  checkSweepSpec(spec);
  const seeds = spec.seeds.map((seed) => sweepSeed(spec, seed));
  const summary = summariseSweep(seeds);
  const ridgeGrid = summariseRidgeGrid(spec.lambdas, seeds);
  return {
    config: spec,
    seeds,
    summary,
    ridgeGrid,
    best: { ...bestKeep(summary), ridgeGrid: bestLambda(ridgeGrid) },
  };
}

/** The parts of the loader's output that sweepFindings reads. */
export interface SweepData {
  config: { keep: number[]; lambdas: number[] };
  seeds: {
    meanSquaredColumnNorm: number;
    dropoutTest: number[];
    ridgeGridTest: number[];
  }[];
  summary: { p: number; dropoutMean: number; ridgeMean: number }[];
  ridgeGrid: RidgeGridRow[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Every number the page's sweep paragraph states: least squares' mean test error, dropout at its
 * best p and the plain ridge at its best λ (means over problems, and on how many problems each
 * beats least squares), how often dropout's best beats the ridge's best, and the matched ridge's
 * smallest nonzero λ on the keep grid (at the largest p below 1), which shows why the matched
 * ridge cannot help there.
 */
export function sweepFindings(sweep: SweepData) {
  const { keep, lambdas } = sweep.config;
  const last = keep.length - 1;
  const leastSquares = sweep.summary[last].dropoutMean;
  const kd = sweep.summary.reduce(
    (a, r, k) => (r.dropoutMean < sweep.summary[a].dropoutMean ? k : a),
    0,
  );
  const kr = sweep.ridgeGrid.reduce((a, r, k) => (r.mean < sweep.ridgeGrid[a].mean ? k : a), 0);
  const problems = sweep.seeds.length;
  const count = (test: (s: SweepData["seeds"][number]) => boolean) =>
    sweep.seeds.filter(test).length;
  const pNext = keep[last - 1];
  const matched = sweep.seeds.map((s) => ((1 - pNext) / pNext) * s.meanSquaredColumnNorm);
  return {
    problems,
    leastSquares,
    dropout: {
      p: keep[kd],
      test: sweep.summary[kd].dropoutMean,
      gain: 1 - sweep.summary[kd].dropoutMean / leastSquares,
      wins: count((s) => s.dropoutTest[kd] < s.dropoutTest[last]),
    },
    ridge: {
      lambda: lambdas[kr],
      test: sweep.ridgeGrid[kr].mean,
      gain: 1 - sweep.ridgeGrid[kr].mean / leastSquares,
      wins: count((s) => s.ridgeGridTest[kr] < s.dropoutTest[last]),
      /** The best λ is inside the grid, not at an end (else the grid would be too short). */
      interior: kr > 0 && kr < lambdas.length - 1,
    },
    dropoutBelowRidge: count((s) => s.dropoutTest[kd] < s.ridgeGridTest[kr]),
    matchedNext: {
      p: pNext,
      min: Math.min(...matched),
      median: median(matched),
      max: Math.max(...matched),
      /** The matched ridge's mean test error there. */
      test: sweep.summary[last - 1].ridgeMean,
    },
    lambdaRange: [lambdas[0], lambdas.at(-1)!] as const,
  };
}
