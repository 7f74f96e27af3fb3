/**
 * Exercises for double descent (homework 6, problem 5): ridge regression on random ReLU features by
 * hand on a tiny problem, in the primal form (p ≤ N_train) and the kernel form (p > N_train), and
 * what the sweep over p shows. The fit comes from factorRidge and solveBlock (ridgePath.ts), the
 * solver the page's sweep uses.
 *
 * Each exercise exports its builder (parameters → instance) so that tests can build an instance
 * and check it against an independent solve.
 */
import type { Exercise, ExerciseInstance, Slip } from "../exercise.js";
import {
  choiceInstance,
  fourFigures,
  intBetween,
  numericInstance,
  ONE_CHOICE,
  pageExercises,
  pick,
  texMatrixBareMinus,
} from "../exerciseSeeded.js";
import { createRng, type Rng } from "../prng.js";
import { factorRidge, solveBlock } from "./ridgePath.js";
import { formatNumber, texVector } from "../exerciseFormat.js";

const PAGE = "double-descent";

/** Rows times the transpose of `w`: entry (i, j) is row i of `x` dotted with row j of `w`. */
const timesTranspose = (x: readonly number[][], w: readonly number[][]) =>
  x.map((row) => w.map((wj) => row.reduce((s, v, k) => s + v * wj[k], 0)));

const relu = (m: readonly number[][]) => m.map((row) => row.map((v) => (v > 0 ? v : 0)));

/**
 * θ = (ΦᵀΦ + λI)⁻¹Φᵀy for an n × p feature matrix Φ, solved as the page's sweep does: the p × p
 * Gram matrix when p ≤ n, else the n × n kernel ΦΦᵀ with θ = Φᵀ(ΦΦᵀ + λI)⁻¹y.
 */
export function ridgeOnFeatures(phi: readonly number[][], y: readonly number[], lambda: number) {
  const n = phi.length;
  const p = phi[0].length;
  const primal = p <= n;
  const size = primal ? p : n;
  const m = new Float64Array(size * size);
  const r = new Float64Array(size);
  for (let a = 0; a < size; a++) {
    for (let b = 0; b <= a; b++) {
      m[a * size + b] = primal
        ? phi.reduce((s, row) => s + row[a] * row[b], 0)
        : phi[a].reduce((s, v, k) => s + v * phi[b][k], 0);
    }
    r[a] = primal ? phi.reduce((s, row, i) => s + row[a] * y[i], 0) : y[a];
  }
  const out = {
    w: new Float64Array(size),
    rDotW: new Float64Array(1),
    normW2: new Float64Array(1),
  };
  solveBlock(factorRidge(m, size), r, [lambda], out);
  const solved = Array.from(out.w);
  if (primal) return { theta: solved, alpha: undefined };
  const theta = Array.from(
    { length: p },
    (_, j) => phi.reduce((s, row, i) => s + row[j] * solved[i], 0),
  );
  return { theta, alpha: solved };
}

export interface FeatureProblem {
  /** Inputs, one row per training point. */
  x: number[][];
  /** Feature weights, one row per feature. */
  w: number[][];
  y: number[];
  lambda: number;
}

/** Homework 6, 5: ridge on random ReLU features, θ = (X̃ᵀX̃ + λI)⁻¹X̃ᵀY. */
export function featureRidge(problem: FeatureProblem, seed = 0): ExerciseInstance {
  const { x, w, y, lambda } = problem;
  const n = x.length;
  const p = w.length;
  const phi = relu(timesTranspose(x, w));
  const { theta, alpha } = ridgeOnFeatures(phi, y, lambda);
  const gram = p <= n
    ? phi[0].map((_, a) => phi[0].map((_, b) => phi.reduce((s, row) => s + row[a] * row[b], 0)))
    : phi.map((ra) => phi.map((rb) => ra.reduce((s, v, k) => s + v * rb[k], 0)));
  const shifted = gram.map((row, a) => row.map((v, b) => v + (a === b ? lambda : 0)));
  const slips: Slip[] = [
    {
      value: ridgeOnFeatures(timesTranspose(x, w), y, lambda).theta,
      hint: "Apply the ReLU to $XW^\\top$ first: negative entries of the features become 0.",
    },
    {
      value: ridgeOnFeatures(phi, y, 0).theta,
      hint: "That is the fit with $\\lambda = 0$; ridge adds $\\lambda$ to the diagonal.",
    },
  ];
  return numericInstance(
    seed,
    `Random-feature regression with $N_\\text{train} = ${n}$ points $X = ${
      texMatrixBareMinus(x)
    }$ ` +
      `(one per row), labels $Y = ${texVector(y)}$ and $p = ${p}$ features with weights ` +
      `$W = ${texMatrixBareMinus(w)}$ (one feature per row). The features are ` +
      `$\\tilde X = \\mathrm{ReLU}(XW^\\top)$. Give the ridge fit ` +
      `$\\theta = (\\tilde X^\\top\\tilde X + \\lambda I)^{-1}\\tilde X^\\top Y$ for ` +
      `$\\lambda = ${formatNumber(lambda)}$.`,
    "vector",
    theta,
    slips,
    [
      `$XW^\\top = ${
        texMatrixBareMinus(timesTranspose(x, w))
      }$; the ReLU zeroes its negative entries: ` +
      `$\\tilde X = ${texMatrixBareMinus(phi)}$.`,
      p <= n
        ? `$p \\le N_\\text{train}$, so solve the $${p} \\times ${p}$ system ` +
          `$(\\tilde X^\\top\\tilde X + \\lambda I)\\theta = \\tilde X^\\top Y$ with matrix ` +
          `$${texMatrixBareMinus(shifted)}$ and right side $${
            texVector(phi[0].map((_, a) => phi.reduce((s, row, i) => s + row[a] * y[i], 0)))
          }$.`
        : `$p > N_\\text{train}$, so the $${n} \\times ${n}$ kernel form is smaller: ` +
          `$\\theta = \\tilde X^\\top(\\tilde X\\tilde X^\\top + \\lambda I)^{-1}Y$ (the same ` +
          `$\\theta$), with $\\tilde X\\tilde X^\\top + \\lambda I = ${
            texMatrixBareMinus(shifted)
          }$.`,
      p <= n
        ? `Its solution is $\\theta = ${texVector(theta)}$.`
        : `$\\alpha = (\\tilde X\\tilde X^\\top + \\lambda I)^{-1}Y = ${texVector(alpha ?? [])}$ ` +
          `and $\\theta = \\tilde X^\\top\\alpha = ${texVector(theta)}$.`,
    ],
  );
}

/** The smallest eigenvalue of a symmetric 2 × 2 or the determinant's scale: a conditioning test. */
function wellConditioned(phi: readonly number[][]): boolean {
  const n = phi.length;
  const p = phi[0].length;
  const g = p <= n
    ? phi[0].map((_, a) => phi[0].map((_, b) => phi.reduce((s, row) => s + row[a] * row[b], 0)))
    : phi.map((ra) => phi.map((rb) => ra.reduce((s, v, k) => s + v * rb[k], 0)));
  // 2 × 2 in both forms here: det / trace² bounds the condition number.
  const det = g[0][0] * g[1][1] - g[0][1] * g[1][0];
  const trace = g[0][0] + g[1][1];
  return det >= 0.05 * trace * trace;
}

function drawFeatureProblem(rng: Rng, n: number, p: number): FeatureProblem {
  for (;;) {
    const x = Array.from({ length: n }, () => [intBetween(rng, -3, 3), intBetween(rng, -3, 3)]);
    const w = Array.from({ length: p }, () => [intBetween(rng, -2, 2), intBetween(rng, -2, 2)]);
    const pre = timesTranspose(x, w);
    const phi = relu(pre);
    const hasNegative = pre.some((row) => row.some((v) => v < 0));
    if (!hasNegative || !wellConditioned(phi)) continue;
    const y = Array.from({ length: n }, () => intBetween(rng, -4, 4));
    const lambda = pick(rng, [0.5, 1, 2]);
    const { theta } = ridgeOnFeatures(phi, y, lambda);
    const big = Math.max(...theta.map(Math.abs));
    if (big > 0 && Math.min(...theta.map(Math.abs)) > 0.05 * big) return { x, w, y, lambda };
  }
}

export interface SweepSetting {
  nTrain: number;
  d: number;
}

/** Homework 6, 5: with a tiny λ the test error peaks where p reaches N_train. */
export function peakLocation({ nTrain, d }: SweepSetting, seed = 0): ExerciseInstance {
  return choiceInstance(
    seed,
    createRng(seed).fork(),
    `Ridge regression with $\\lambda = 0.01$ on $p$ random ReLU features, $W_{ij} \\sim ` +
      `\\mathcal N(0, 1/p)$, of $d = ${d}$-dimensional inputs with label noise $\\sigma = 0.5$ and ` +
      `$N_\\text{train} = ${nTrain}$ training points. As $p$ grows from 1 to ` +
      `$${Math.round((10 / 3) * nTrain)}$, where does the test error peak?`,
    [
      `near $p = N_\\text{train} = ${nTrain}$`,
      `near $p = d = ${d}$`,
      `near $p = 2N_\\text{train} = ${2 * nTrain}$`,
      `nowhere: it falls steadily as $p$ grows`,
    ],
    0,
    {
      1: `$d$ is the input dimension; the peak comes where the feature matrix turns square, ` +
        `at $p = N_\\text{train}$.`,
      3: `With $\\lambda$ this small the fit interpolates the noise once $p$ reaches ` +
        `$N_\\text{train}$, and the error spikes there before falling again.`,
    },
    [
      `$\\tilde X$ is $N_\\text{train} \\times p$. Below $p = N_\\text{train}$ the fit is ` +
      `nearly least squares; above it, many $\\theta$ fit exactly and the small $\\lambda$ ` +
      `picks one close to the least-norm fit.`,
      `At $p = N_\\text{train} = ${nTrain}$ the matrix is square and nearly singular, so ` +
      `$\\theta$ grows huge to fit the noise: the test error peaks there, then falls again as ` +
      `$p$ grows (double descent).`,
    ],
  );
}

/** Homework 6, 5: tuning λ for each p on validation data removes the peak. */
export function tunedLambda({ nTrain, d }: SweepSetting, seed = 0): ExerciseInstance {
  return choiceInstance(
    seed,
    createRng(seed).fork(),
    `The same random-feature ridge regression ($d = ${d}$, $N_\\text{train} = ${nTrain}$), ` +
      `but now $\\lambda$ is chosen separately for each $p$ from $[10^{-2}, 10^{2}]$, by the ` +
      `error on 60 validation points. What happens to the test error's peak at ` +
      `$p = ${nTrain}$?`,
    [
      `it disappears: the test error no longer peaks at $p = N_\\text{train}$`,
      `it stays at $p = ${nTrain}$, only lower`,
      `it moves to $p = N_\\text{train} + 60 = ${nTrain + 60}$`,
      `it grows, because the validation points are too few`,
    ],
    0,
    {
      1: `Near $p = N_\\text{train}$ the validation error picks a large $\\lambda$, which keeps ` +
        `$\\theta$ small: the spike itself goes, not just part of it.`,
      2: `The validation points only choose $\\lambda$; they are not part of the fit, so they ` +
        `do not move the interpolation threshold.`,
    },
    [
      `The peak comes from fitting the noise with a tiny $\\lambda$ when $\\tilde X$ is ` +
      `square and nearly singular.`,
      `Validation picks a larger $\\lambda$ exactly there, so $\\theta$ stays small and the ` +
      `peak is removed.`,
    ],
  );
}

/**
 * The course's setting. Only N_train = 300 (with d = 35) is checked to peak near N_train
 * (tests/compute/double-descent), so the choices vary their order, not the setting.
 */
function drawSweep(): SweepSetting {
  return { nTrain: 300, d: 35 };
}

export const EXERCISES: readonly Exercise[] = pageExercises(PAGE, {
  "feature-ridge": {
    title: "Ridge on random ReLU features",
    sources: [["homework-6", "5"]],
    ...fourFigures("a vector such as [0.4, -1.25]"),
    generate: (seed) => featureRidge(drawFeatureProblem(createRng(seed), 3, 2), seed),
  },
  "kernel-form": {
    title: "More features than points: the kernel form",
    sources: [["homework-6", "5"]],
    ...fourFigures("a vector such as [0.4, -1.25, 0.5]"),
    generate: (seed) => featureRidge(drawFeatureProblem(createRng(seed), 2, 3), seed),
  },
  "peak-location": {
    title: "Where the test error peaks",
    sources: [["homework-6", "5"]],
    ...ONE_CHOICE,
    generate: (seed) => peakLocation(drawSweep(), seed),
  },
  "tuned-lambda": {
    title: "Tuning λ on validation data",
    sources: [["homework-6", "5"]],
    ...ONE_CHOICE,
    generate: (seed) => tunedLambda(drawSweep(), seed),
  },
});
