/**
 * Exercises for dropout as noise (homework 5, questions 4 and 8; discussion 5, question 2; worked
 * exercises 2.1–2.4; homework 6, problem 1). Small integer data matrices, so every step can be done
 * by hand; every answer comes from tikhonov.ts and activation.ts, the functions the page uses.
 *
 * Each exercise exports its builder (parameters → instance) so that tests can build a course
 * instance and check the course's numbers.
 */
import type { Exercise, ExerciseInstance } from "../exercise.js";
import {
  fourFigures,
  intBetween,
  numericInstance,
  pageExercises,
  pick,
  texMatrixBareMinus,
  WHOLE_LENGTH_TRIPLES,
  withRandomSigns,
} from "../exerciseSeeded.js";
import { createRng, type Rng } from "../prng.js";
import { columnNorms, multiply, type Regression } from "../regression.js";
import {
  commonColumnNorm,
  dropoutExpectedLoss,
  dropoutLambda,
  gaussianNoiseExpectedLoss,
  invertedDropoutExpectedLoss,
  maskMoments,
  penalisedSolver,
  penaltyNorm,
  rescaleColumns,
  ridgeMinimiser,
} from "../tikhonov.js";
import { sigmoidCounterexample } from "./activation.js";
import { formatNumber, texVector } from "../exerciseFormat.js";

const PAGE = "dropout-noise";

/** A regression problem from rows of X and targets y (no teacher: only X and y matter here). */
export function problemOf(rows: readonly (readonly number[])[], y: readonly number[]): Regression {
  const n = rows.length;
  const d = rows[0].length;
  return {
    n,
    d,
    x: Float64Array.from(rows.flat()),
    y: Float64Array.from(y),
    wTrue: new Float64Array(d),
    scales: new Float64Array(d).fill(1),
  };
}

export interface SmallProblem {
  rows: number[][];
  y: number[];
  w: number[];
}

/** Three rows, two features: integers in [−3, 3], no zero column, columns of different norms. */
function drawProblem(rng: Rng): SmallProblem {
  for (;;) {
    const rows = Array.from({ length: 3 }, () => [intBetween(rng, -3, 3), intBetween(rng, -3, 3)]);
    const sq = [0, 1].map((j) => rows.reduce((s, r) => s + r[j] * r[j], 0));
    const det = sq[0] * sq[1] - rows.reduce((s, r) => s + r[0] * r[1], 0) ** 2;
    if (sq[0] === 0 || sq[1] === 0 || sq[0] === sq[1] || det < 4) continue;
    const y = Array.from({ length: 3 }, () => intBetween(rng, -5, 5));
    const w = [0, 1].map(() => intBetween(rng, -4, 4) / 2 || 1.5);
    return { rows, y, w };
  }
}

const KEEPS = [0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9] as const;

const dataText = ({ rows, y }: SmallProblem) =>
  `$X = ${texMatrixBareMinus(rows)}$, $y = ${texVector(y)}$`;

function squaredColumnNorms(rows: readonly (readonly number[])[]): number[] {
  const problem = problemOf(rows, rows.map(() => 0));
  return Array.from(columnNorms(problem), (g) => g * g);
}

// ---------------------------------------------------------------------------------------------

/** Discussion 5, 2; homework 5, 4(a); worked exercises 2.1: dropout's loss, averaged. */
export function expectedDropoutLoss(
  { data, keep }: { data: SmallProblem; keep: number },
  seed = 0,
) {
  const problem = problemOf(data.rows, data.y);
  const loss = dropoutExpectedLoss(problem, data.w, keep);
  const squares = squaredColumnNorms(data.rows);
  const predictions = Array.from(multiply(problem, data.w));
  return numericInstance(
    seed,
    `With ${dataText(data)} and weights $w = ${texVector(data.w)}$, every entry of $X$ is kept ` +
      `independently with probability $p = ${formatNumber(keep)}$ and zeroed otherwise, with no ` +
      `rescaling: $R_{ij} \\sim \\mathrm{Bernoulli}(p)$. What is $\\mathbb{E}\\|y - (R \\odot X)w\\|^2$?`,
    "number",
    loss.total,
    [
      {
        value: invertedDropoutExpectedLoss(problem, data.w, keep).total,
        hint: "That is inverted dropout, where kept entries are divided by $p$; here they are not.",
      },
      {
        value: loss.fit,
        hint:
          "That is only $\\|y - pXw\\|^2$: the masks' variance adds $p(1 - p)\\|\\Gamma w\\|^2$.",
      },
      {
        value: squaredDistance(data.y, predictions) + loss.penalty,
        hint: "The mean of $R \\odot X$ is $pX$, so the fit term is $\\|y - pXw\\|^2$.",
      },
    ],
    [
      `Each entry $R_{ij}$ has mean $p = ${formatNumber(keep)}$ and variance $p(1 - p) = ` +
      `${formatNumber(loss.variance)}$, independent of the others.`,
      `The mean part: $Xw = ${texVector(predictions)}$, so $\\|y - pXw\\|^2 = ${
        formatNumber(loss.fit)
      }$.`,
      `The variance part: $\\|\\Gamma w\\|^2 = \\sum_j \\|x_j\\|^2 w_j^2$ with squared column ` +
      `norms $${texVector(squares)}$ is $${
        formatNumber(penaltyNorm(problem, data.w))
      }$; times $p(1 - p)$ it ` +
      `is $${formatNumber(loss.penalty)}$.`,
      `Total: $${formatNumber(loss.fit)} + ${formatNumber(loss.penalty)} = ${
        formatNumber(loss.total)
      }$.`,
    ],
  );
}

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0);
}

/** Discussion 5, 2(a); homework 5, 4(b): the Tikhonov penalty after rescaling w = p·w̌. */
export function tikhonovPenalty({ data, keep }: { data: SmallProblem; keep: number }, seed = 0) {
  const problem = problemOf(data.rows, data.y);
  const plain = penaltyNorm(problem, data.w);
  const lambda = dropoutLambda(keep);
  const penalty = lambda * plain;
  const squares = squaredColumnNorms(data.rows);
  return numericInstance(
    seed,
    `Dropout with keep probability $p = ${formatNumber(keep)}$ on $X = ${
      texMatrixBareMinus(data.rows)
    }$, once its ` +
      `weights are rescaled as $w = p\\check w$, is Tikhonov regression ` +
      `$\\|y - Xw\\|^2 + \\|\\Gamma w\\|^2$. What is the penalty $\\|\\Gamma w\\|^2$ at ` +
      `$w = ${texVector(data.w)}$?`,
    "number",
    penalty,
    [
      {
        value: plain / lambda,
        hint:
          "$\\Gamma^2$ carries $(1 - p)/p$, not $p/(1 - p)$: the penalty vanishes as $p \\to 1$.",
      },
      {
        value: keep * (1 - keep) * plain,
        hint: "$p(1 - p)$ is the factor before rescaling; with $w = p\\check w$ it becomes " +
          "$(1 - p)/p$.",
      },
      {
        value: lambda * squares.reduce((s, v, j) => s + Math.sqrt(v) * data.w[j] ** 2, 0),
        hint: "$\\Gamma^2$ holds the squared column norms $(X^\\top X)_{jj}$, not the norms.",
      },
    ],
    [
      `$\\Gamma = \\sqrt{(1 - p)/p}\\,\\mathrm{diag}(X^\\top X)^{1/2}$, so ` +
      `$\\|\\Gamma w\\|^2 = \\frac{1 - p}{p}\\sum_j (X^\\top X)_{jj} w_j^2$.`,
      `The squared column norms are $${texVector(squares)}$ and $(1 - p)/p = ${
        formatNumber(lambda)
      }$.`,
      `$\\sum_j (X^\\top X)_{jj} w_j^2 = ${formatNumber(plain)}$, so the penalty is $${
        formatNumber(penalty)
      }$.`,
    ],
  );
}

/** Two different integer columns whose norms are whole numbers, so X̃ = XΓ⁻¹ has short decimals. */
function drawWholeNormColumns(rng: Rng): number[][] {
  const first = rng.int(WHOLE_LENGTH_TRIPLES.length);
  let second = rng.int(WHOLE_LENGTH_TRIPLES.length - 1);
  if (second >= first) second++;
  const columns = [first, second].map((k) => withRandomSigns(rng, WHOLE_LENGTH_TRIPLES[k]));
  return [0, 1, 2].map((i) => columns.map((c) => c[i]));
}

/** Discussion 5, 2(b); homework 5, 4(c): the data matrix of the equivalent ridge problem. */
export function rescaledData({ rows, keep }: { rows: number[][]; keep: number }, seed = 0) {
  const problem = problemOf(rows, rows.map(() => 0));
  const unit = rescaleColumns(problem);
  const c = commonColumnNorm(keep);
  const d = problem.d;
  const toRows = (x: ArrayLike<number>, scale: number) =>
    rows.map((_, i) => rows[0].map((_, j) => scale * x[i * d + j]));
  const tilde = toRows(unit.x, c);
  const gammaDiagonal = Array.from(unit.normsBefore, (g) => g / c);
  return numericInstance(
    seed,
    `Dropout with keep probability $p = ${formatNumber(keep)}$ on $X = ${
      texMatrixBareMinus(rows)
    }$ is Tikhonov ` +
      `regression with $\\Gamma = \\sqrt{(1 - p)/p}\\,\\mathrm{diag}(X^\\top X)^{1/2}$. ` +
      `Substituting $\\tilde w = \\Gamma w$ makes it ordinary ridge regression on ` +
      `$\\tilde X = X\\Gamma^{-1}$. Give $\\tilde X$.`,
    "matrix",
    tilde,
    [
      {
        value: toRows(unit.x, 1),
        hint: "Dividing by the column norms alone leaves out the factor $\\sqrt{p/(1 - p)}$.",
      },
      {
        value: toRows(unit.x, 1 / c),
        hint: "$\\Gamma^{-1}$ carries $\\sqrt{p/(1 - p)}$, the inverse of $\\Gamma$'s factor.",
      },
      {
        value: rows.map((r) => r.map((v, j) => v * gammaDiagonal[j])),
        hint: "$\\tilde X = X\\Gamma^{-1}$: divide each column by $\\Gamma_{jj}$, do not multiply.",
      },
    ],
    [
      `The column norms of $X$ are $${texVector(Array.from(unit.normsBefore))}$ and ` +
      `$\\sqrt{(1 - p)/p} = ${formatNumber(1 / c)}$, so $\\Gamma = \\mathrm{diag}${
        texVector(gammaDiagonal)
      }$.`,
      `$\\|y - Xw\\|^2 + \\|\\Gamma w\\|^2 = \\|y - X\\Gamma^{-1}\\tilde w\\|^2 + \\|\\tilde w\\|^2$ ` +
      `with $\\tilde w = \\Gamma w$: ridge with $\\lambda = 1$ on $X\\Gamma^{-1}$.`,
      `Dividing column $j$ by $\\Gamma_{jj}$: $\\tilde X = ${texMatrixBareMinus(tilde)}$.`,
    ],
  );
}

/** Discussion 5, 2(c); homework 5, 4(d): every column of X̃ has the same norm. */
export function commonNorm({ rows, keep }: { rows: number[][]; keep: number }, seed = 0) {
  const c = commonColumnNorm(keep);
  const norms = Array.from(columnNorms(problemOf(rows, rows.map(() => 0))));
  return numericInstance(
    seed,
    `Dropout with keep probability $p = ${formatNumber(keep)}$ on $X = ${
      texMatrixBareMinus(rows)
    }$ becomes ridge ` +
      `regression on $\\tilde X = X\\Gamma^{-1}$ with ` +
      `$\\Gamma = \\sqrt{(1 - p)/p}\\,\\mathrm{diag}(X^\\top X)^{1/2}$. Every column of ` +
      `$\\tilde X$ has the same norm. What is it?`,
    "number",
    c,
    [
      {
        value: 1 / c,
        hint: "Dividing by $\\Gamma$ multiplies by $\\sqrt{p/(1 - p)}$, not $\\sqrt{(1 - p)/p}$.",
      },
      {
        value: c * c,
        hint: "Take the square root: $\\Gamma$ carries $\\sqrt{(1 - p)/p}$.",
      },
      {
        value: 1,
        hint: "Dividing by the column norms alone would give 1; $\\Gamma$ also carries " +
          "$\\sqrt{(1 - p)/p}$.",
      },
    ],
    [
      `Column $j$ of $\\tilde X$ is $x_j/\\Gamma_{jj} = \\sqrt{p/(1 - p)}\\,x_j/\\|x_j\\|$.`,
      `Whatever the norms of $X$'s columns (here $${texVector(norms)}$), each becomes ` +
      `$\\sqrt{p/(1 - p)} = \\sqrt{${formatNumber(keep)}/${formatNumber(1 - keep)}} = ${
        formatNumber(c)
      }$.`,
      `Like batch norm's per-feature scaling, dropout puts every feature on the same scale.`,
    ],
  );
}

/** Worked exercises 2.3–2.4: plain ridge charges every weight alike. */
export function ridgeFit({ data, lambda }: { data: SmallProblem; lambda: number }, seed = 0) {
  const problem = problemOf(data.rows, data.y);
  const w = ridgeMinimiser(problem, lambda);
  const squares = squaredColumnNorms(data.rows);
  const solve = penalisedSolver(problem);
  const xtx = [0, 1].map((j) => [0, 1].map((k) => data.rows.reduce((s, r) => s + r[j] * r[k], 0)));
  const xty = [0, 1].map((j) => data.rows.reduce((s, r, i) => s + r[j] * data.y[i], 0));
  return numericInstance(
    seed,
    `Plain ridge regression on ${dataText(data)} with $\\lambda = ${formatNumber(lambda)}$: give ` +
      `$w = (X^\\top X + \\lambda I)^{-1}X^\\top y$.`,
    "vector",
    w,
    [
      {
        value: ridgeMinimiser(problem, 0),
        hint: "That is least squares: add $\\lambda$ to the diagonal of $X^\\top X$.",
      },
      {
        value: solve(squares.map((s) => lambda * s)),
        hint: "That charges each weight by its column's squared norm, as dropout does; plain " +
          "ridge adds the same $\\lambda$ to every diagonal entry.",
      },
    ],
    [
      `$X^\\top X = ${texMatrixBareMinus(xtx)}$ and $X^\\top y = ${texVector(xty)}$.`,
      `Adding $\\lambda = ${formatNumber(lambda)}$ to the diagonal: ` +
      `$${texMatrixBareMinus(xtx.map((r, j) => r.map((v, k) => v + (j === k ? lambda : 0))))}$.`,
      `Solving the $2 \\times 2$ system gives $w = ${texVector(w)}$. Dropout would instead add ` +
      `$\\lambda (X^\\top X)_{jj}$, here $${texVector(squares.map((s) => lambda * s))}$.`,
    ],
  );
}

/** Homework 5, 8: the Gaussian noise that matches dropout's first two moments. */
export function matchingNoise({ keep, inverted }: { keep: number; inverted: boolean }, seed = 0) {
  const { mean, variance } = maskMoments({ kind: "bernoulli", keep, inverted });
  const other = maskMoments({ kind: "bernoulli", keep, inverted: !inverted });
  return numericInstance(
    seed,
    inverted
      ? `Inverted dropout keeps each input with probability $p = ${
        formatNumber(keep)
      }$ and multiplies ` +
        `kept ones by $1/p$: $R_{ij} \\in \\{0, 1/p\\}$. Gaussian noise $R_{ij} \\sim ` +
        `\\mathcal N(\\mu, \\sigma^2)$ gives the same averaged loss when its mean and variance ` +
        `match. Give $(\\mu, \\sigma^2)$.`
      : `Dropout keeps each input with probability $p = ${
        formatNumber(keep)
      }$ without rescaling: ` +
        `$R_{ij} \\sim \\mathrm{Bernoulli}(p)$. Gaussian noise $R_{ij} \\sim ` +
        `\\mathcal N(\\mu, \\sigma^2)$ gives the same averaged loss when its mean and variance ` +
        `match. Give $(\\mu, \\sigma^2)$.`,
    "vector",
    [mean, variance],
    [
      {
        value: [mean, Math.sqrt(variance)],
        hint: "The second entry is the variance $\\sigma^2$, not the standard deviation.",
      },
      {
        value: [other.mean, other.variance],
        hint: inverted
          ? "Those are the moments of masks that are not rescaled; dividing by $p$ changes both."
          : "Those are inverted dropout's moments; these masks are not divided by $p$.",
      },
      {
        value: inverted ? [1, keep / (1 - keep)] : [1 - keep, keep * (1 - keep)],
        hint: "$p$ is the keep probability, not the drop rate.",
      },
    ],
    [
      `The averaged loss is $\\|y - \\mu Xw\\|^2 + \\sigma^2\\|\\Gamma w\\|^2$ for any noise ` +
      `with independent entries of mean $\\mu$ and variance $\\sigma^2$, so matching those two ` +
      `numbers matches the loss.`,
      inverted
        ? `$R_{ij}$ is $1/p$ with probability $p$: mean $p \\cdot 1/p = 1$, second moment ` +
          `$p/p^2 = 1/p$, variance $1/p - 1 = (1 - p)/p = ${formatNumber(variance)}$.`
        : `$R_{ij}$ is 1 with probability $p$: mean $p = ${formatNumber(mean)}$, variance ` +
          `$p(1 - p) = ${formatNumber(variance)}$.`,
      `So $(\\mu, \\sigma^2) = ${texVector([mean, variance])}$.`,
    ],
  );
}

/** Homework 5, 8: the averaged loss under Gaussian multiplicative noise. */
export function gaussianLoss(
  { data, mean, sd }: { data: SmallProblem; mean: number; sd: number },
  seed = 0,
) {
  const problem = problemOf(data.rows, data.y);
  const loss = gaussianNoiseExpectedLoss(problem, data.w, mean, sd);
  const plain = penaltyNorm(problem, data.w);
  const predictions = Array.from(multiply(problem, data.w));
  return numericInstance(
    seed,
    `With ${dataText(data)} and $w = ${texVector(data.w)}$, every entry of $X$ is multiplied by ` +
      `independent noise $R_{ij} \\sim \\mathcal N(${formatNumber(mean)}, ${
        formatNumber(sd)
      }^2)$. What is ` +
      `$\\mathbb{E}\\|y - (R \\odot X)w\\|^2$?`,
    "number",
    loss.total,
    [
      {
        value: loss.fit + sd * plain,
        hint: "The penalty is weighted by the variance $\\sigma^2$, not by $\\sigma$.",
      },
      {
        value: loss.fit,
        hint:
          "That is only $\\|y - \\mu Xw\\|^2$: the noise's variance adds $\\sigma^2\\|\\Gamma w\\|^2$.",
      },
      {
        value: squaredDistance(data.y, predictions) + loss.penalty,
        hint: "The mean of $R \\odot X$ is $\\mu X$, so the fit term is $\\|y - \\mu Xw\\|^2$.",
      },
    ],
    [
      `The mean part: $Xw = ${texVector(predictions)}$, so $\\|y - \\mu Xw\\|^2 = ${
        formatNumber(loss.fit)
      }$.`,
      `The variance part: $\\sigma^2 = ${formatNumber(loss.variance)}$ times ` +
      `$\\|\\Gamma w\\|^2 = \\sum_j \\|x_j\\|^2 w_j^2 = ${formatNumber(plain)}$ is $${
        formatNumber(loss.penalty)
      }$.`,
      `Total: $${formatNumber(loss.total)}$.`,
    ],
  );
}

/** Homework 6, 1: with a sigmoid the order of dropout and activation matters. */
export function sigmoidOrders(
  { a, x, rate }: { a: number; x: number; rate: number },
  seed = 0,
): ExerciseInstance {
  const { activationFirst, dropoutFirst } = sigmoidCounterexample(a, x, rate);
  const keep = 1 - rate;
  const other = sigmoidCounterexample(a, x, keep);
  return numericInstance(
    seed,
    `One unit with weight $a = ${formatNumber(a)}$, no bias, input $x = ${
      formatNumber(x)
    }$ and a sigmoid ` +
      `$\\sigma$. Inverted dropout at drop rate $${formatNumber(rate)}$ keeps the unit. Give the ` +
      `unit's output in the order linear, $\\sigma$, dropout and in the order linear, ` +
      `dropout, $\\sigma$, as a pair.`,
    "vector",
    [activationFirst, dropoutFirst],
    [
      {
        value: [dropoutFirst, activationFirst],
        hint: "The pair is in the wrong order: dropout after $\\sigma$ divides $\\sigma(ax)$ by " +
          "the keep probability.",
      },
      {
        value: [other.activationFirst, other.dropoutFirst],
        hint: "Divide by the keep probability $1 - r$, not by the drop rate.",
      },
    ],
    [
      `A kept unit is multiplied by $1/(1 - ${formatNumber(rate)}) = ${
        formatNumber(1 / keep)
      }$; here $ax = ${formatNumber(a * x)}$.`,
      `$\\sigma$ then dropout: $\\sigma(${formatNumber(a * x)})/${formatNumber(keep)} = ${
        formatNumber(activationFirst)
      }$.`,
      `Dropout then $\\sigma$: $\\sigma(${formatNumber(a * x)}/${formatNumber(keep)}) = ${
        formatNumber(dropoutFirst)
      }$. They ` +
      `differ because $\\sigma(cz) \\ne c\\,\\sigma(z)$; for ReLU and leaky ReLU they would agree.`,
    ],
  );
}

const RIDGE_LAMBDAS = [0.5, 1, 2, 4, 5] as const;
const NOISE_MEANS = [0.5, 0.8, 1, 1.2, 1.5] as const;
const NOISE_SDS = [0.3, 0.5, 0.6, 0.8, 1.5, 2] as const;

function drawKeepNotHalf(rng: Rng): number {
  return pick(rng, KEEPS.filter((p) => p !== 0.5));
}

export const EXERCISES: readonly Exercise[] = pageExercises(PAGE, {
  "expected-loss": {
    title: "Dropout's loss, averaged over the masks",
    sources: [["discussion-5", "2"], ["homework-5", "4(a)"], ["worked-exercises", "2.1"]],
    ...fourFigures("a number such as 12.75"),
    generate: (seed) => {
      const rng = createRng(seed);
      return expectedDropoutLoss({ data: drawProblem(rng), keep: pick(rng, KEEPS) }, seed);
    },
  },
  "tikhonov-penalty": {
    title: "The Tikhonov penalty of dropout",
    sources: [["discussion-5", "2(a)"], ["homework-5", "4(b)"]],
    ...fourFigures("a number such as 6.5"),
    generate: (seed) => {
      const rng = createRng(seed);
      return tikhonovPenalty({ data: drawProblem(rng), keep: pick(rng, KEEPS) }, seed);
    },
  },
  "rescaled-data": {
    title: "The data of the equivalent ridge problem",
    sources: [["discussion-5", "2(b)"], ["homework-5", "4(c)"]],
    ...fourFigures("a matrix, row by row, such as [[0.5, 0.25], [1, 0.75], [1, 0.5]]"),
    generate: (seed) => {
      const rng = createRng(seed);
      return rescaledData({ rows: drawWholeNormColumns(rng), keep: pick(rng, KEEPS) }, seed);
    },
  },
  "common-norm": {
    title: "The common column norm",
    sources: [["discussion-5", "2(c)"], ["homework-5", "4(d)"]],
    ...fourFigures("a number such as 1.732"),
    // p = ½ would make the answer 1, the same as a slip, so it is left out here.
    generate: (seed) => {
      const rng = createRng(seed);
      return commonNorm({ rows: drawProblem(rng).rows, keep: drawKeepNotHalf(rng) }, seed);
    },
  },
  "ridge-fit": {
    title: "Plain ridge, for comparison",
    sources: [["worked-exercises", "2.3"], ["worked-exercises", "2.4"]],
    ...fourFigures("a vector such as [0.4, -1.25]"),
    generate: (seed) => {
      const rng = createRng(seed);
      for (;;) {
        const instance = ridgeFit(
          { data: drawProblem(rng), lambda: pick(rng, RIDGE_LAMBDAS) },
          seed,
        );
        const w = instance.answer.kind === "vector" ? instance.answer.value as number[] : [];
        // Both weights well away from 0, so "within 0.5 % of each entry" asks for digits the
        // reader can see.
        if (Math.min(...w.map(Math.abs)) > 0.05 * Math.max(...w.map(Math.abs))) return instance;
      }
    },
  },
  "matching-noise": {
    title: "Gaussian noise that matches dropout",
    sources: [["homework-5", "8"]],
    ...fourFigures("a vector [μ, σ²] such as [1, 0.25]"),
    generate: (seed) => {
      const rng = createRng(seed);
      return matchingNoise({ keep: pick(rng, KEEPS), inverted: rng.uniform() < 0.5 }, seed);
    },
  },
  "gaussian-loss": {
    title: "The averaged loss under Gaussian noise",
    sources: [["homework-5", "8"]],
    ...fourFigures("a number such as 20.5"),
    generate: (seed) => {
      const rng = createRng(seed);
      return gaussianLoss(
        { data: drawProblem(rng), mean: pick(rng, NOISE_MEANS), sd: pick(rng, NOISE_SDS) },
        seed,
      );
    },
  },
  "sigmoid-orders": {
    title: "Dropout before or after a sigmoid",
    sources: [["homework-6", "1"]],
    ...fourFigures("a vector such as [0.8839, 0.7914]"),
    generate: (seed) => {
      const rng = createRng(seed);
      return sigmoidOrders({
        a: pick(rng, [-1.5, -1, -0.5, 0.5, 1, 1.5, 2]),
        x: pick(rng, [-2, -1, 1, 2, 3]),
        rate: pick(rng, [0.2, 0.25, 0.4, 0.5, 0.6]),
      }, seed);
    },
  },
});
