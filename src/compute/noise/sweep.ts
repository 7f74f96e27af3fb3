/**
 * The precomputed sweep behind the dropout-noise page: for several seeded problems, the dropout
 * coefficient path next to the matched-ridge path over a grid of keep probabilities, and the test
 * error of each fit on fresh rows from the same teacher.
 *
 * A problem with n training rows and nTest test rows is generateRegression with n + nTest rows,
 * split after row n: rows are drawn in order, so the training part is exactly the problem the page
 * draws live for the same (n, d, noise, seed), and the teacher is the same.
 */
import { integerAtLeast, seedValue } from "../validate.js";
import { generateRegression, multiply, type Regression, squaredDistance } from "./regression.js";
import {
  dropoutMinimiser,
  keepProbability,
  matchedRidgeLambda,
  penalisedSolver,
  ridgeMinimiser,
} from "./tikhonov.js";

export interface SweepSpec {
  n: number;
  d: number;
  noise: number;
  /** Test rows per problem. */
  nTest: number;
  seeds: number[];
  /** Keep probabilities, increasing, each in (0, 1]. */
  keep: number[];
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
  points: SweepPoint[];
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

/** Mean squared error of weights w on a problem's rows. */
export function meanSquaredError(problem: Regression, w: ArrayLike<number>): number {
  return squaredDistance(problem.y, multiply(problem, w)) / problem.n;
}

/** One seed of the sweep: both paths and their test errors. */
export function sweepSeed(spec: SweepSpec, seed: number): SweepSeed {
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
  return { seed, points };
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
  return { config: spec, seeds, summary, best: bestKeep(summary) };
}
