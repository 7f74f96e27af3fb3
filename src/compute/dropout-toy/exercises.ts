/**
 * Exercises for the dropout toy (homework 5, question 5; worked exercises, section 2.2): one
 * example x, a target y, a linear model without bias and inverted dropout at rate r. Every answer
 * comes from dropoutToy.ts (and the shared Tikhonov helpers), the functions the page draws with.
 *
 * Each exercise exports its builder (parameters → instance) so that tests can build the course's
 * own instance, x = (10, 1), y = 11, and check the course's numbers.
 */
import type { Exercise, ExerciseInstance } from "../exercise.js";
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
import { columnNorms } from "../regression.js";
import { dropoutLambda } from "../tikhonov.js";
import {
  contributions,
  expandedData,
  expectedLossMinimiser,
  limitAsRateToZero,
  maskedSecondMoment,
  olsMinNorm,
  TOY,
} from "./dropoutToy.js";
import { formatNumber, texVector } from "../exerciseFormat.js";

const PAGE = "dropout-toy";

/** One example with two or three features: small non-zero integers, not all equal. */
export interface ToyData {
  x: number[];
  y: number;
}

function drawData(rng: Rng): ToyData {
  const d = rng.uniform() < 0.75 ? 2 : 3;
  for (;;) {
    const x = Array.from(
      { length: d },
      () => intBetween(rng, 1, 12) * (rng.uniform() < 0.2 ? -1 : 1),
    );
    if (new Set(x.map(Math.abs)).size === d) return { x, y: intBetween(rng, 2, 20) };
  }
}

const RATES = [0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8] as const;
/** Keep probabilities for the ridge view (worked exercises use p for the keep probability). */
const KEEPS = [0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9] as const;

const exampleText = ({ x, y }: ToyData) =>
  `One training example $x = ${texVector(x)}$ with target $y = ${
    formatNumber(y)
  }$, a linear model ` +
  `$\\hat y = w^\\top x$ without bias and the squared loss $(y - w^\\top x)^2$.`;

const norm2 = (x: readonly number[]) => x.reduce((s, v) => s + v * v, 0);

// ---------------------------------------------------------------------------------------------

/** Homework 5, 5(a)–(b): the fit gradient descent from w = 0 reaches without dropout. */
export function minNormFit(data: ToyData, seed = 0): ExerciseInstance {
  const { x, y } = data;
  const w = olsMinNorm(x, y);
  const n2 = norm2(x);
  return numericInstance(
    seed,
    `${exampleText(data)} Every $w$ with $w^\\top x = ${
      formatNumber(y)
    }$ fits it exactly. Which one does ` +
      `plain gradient descent from $w = 0$ reach? Give $w$.`,
    "vector",
    w,
    [
      {
        value: limitAsRateToZero(x, y),
        hint: "That fit splits the target equally between the features: it is where dropout's " +
          "fit tends as the rate falls to 0, not where plain gradient descent goes.",
      },
      {
        value: x.map((v) => (v * y) / Math.sqrt(n2)),
        hint: "Divide by the squared norm $\\|x\\|^2$, not by $\\|x\\|$.",
      },
    ],
    [
      `Each gradient of $(y - w^\\top x)^2$ is a multiple of $x$, so from $w = 0$ the iterates ` +
      `stay on the line $w = t\\,x$.`,
      `An exact fit on that line needs $t\\,\\|x\\|^2 = y$, with $\\|x\\|^2 = ${
        formatNumber(n2)
      }$: ` +
      `$t = ${formatNumber(y)}/${formatNumber(n2)} = ${formatNumber(y / n2)}$.`,
      `So $w = t\\,x = ${texVector(w)}$, the exact fit of least norm.`,
    ],
  );
}

/** Homework 5, 5(c): the minimiser of the loss averaged over dropout masks. */
export function dropoutFit({ data, rate }: { data: ToyData; rate: number }, seed = 0) {
  const { x, y } = data;
  const w = expectedLossMinimiser(rate, x, y);
  const keep = 1 - rate;
  const c = rate / keep;
  const m = maskedSecondMoment(rate, x);
  const rows = expandedData(rate, x, y).rows.length;
  return numericInstance(
    seed,
    `${exampleText(data)} Train it with inverted dropout at drop rate $r = ${
      formatNumber(rate)
    }$: each ` +
      `feature is kept with probability $1 - r$ and, when kept, multiplied by $1/(1 - r)$. ` +
      `Which $w$ minimises the loss averaged over the masks?`,
    "vector",
    w,
    [
      {
        value: olsMinNorm(x, y),
        hint: "That is the fit without dropout; the masks add a penalty on every weight.",
      },
      {
        value: expectedLossMinimiser(keep, x, y),
        hint:
          "You used the keep probability as the drop rate: $r$ is the chance a feature is dropped.",
      },
      {
        value: w.map((v) => v / keep),
        hint: "That is the fit for masks that are not rescaled; inverted dropout multiplies kept " +
          "features by $1/(1 - r)$.",
      },
    ],
    [
      `Dropout trains on the ${rows} masked copies of $x$ at once, each weighted by its ` +
      `probability. Averaging the loss gives $(y - w^\\top x)^2 + c\\sum_j x_j^2 w_j^2$ with ` +
      `$c = r/(1 - r) = ${formatNumber(c)}$.`,
      `Setting its gradient to zero: $(x x^\\top + c\\,\\mathrm{diag}(x^2))\\,w = x\\,y$, where the ` +
      `matrix is $${texMatrixBareMinus(m)}$ and $x\\,y = ${texVector(x.map((v) => v * y))}$.`,
      `Its solution gives every feature the same share: $w_j = y(1 - r)/(x_j(d(1 - r) + r))$ ` +
      `with $d = ${x.length}$, so $w = ${texVector(w)}$.`,
    ],
  );
}

/** Worked exercises 2.2: dropout's minimiser is ridge with a penalty per feature. */
export function featurePenalties(
  { rows, keep }: { rows: number[][]; keep: number },
  seed = 0,
): ExerciseInstance {
  const n = rows.length;
  const d = rows[0].length;
  const norms = columnNorms({ n, d, x: Float64Array.from(rows.flat()) });
  const squared = Array.from(norms, (g) => g * g);
  const lambda = dropoutLambda(keep);
  const penalties = squared.map((s) => lambda * s);
  const rowsTex = rows.map((r) => `$${texVector(r)}$`).join(", ");
  return numericInstance(
    seed,
    `A data matrix $X$ has rows ${rowsTex}. Dropout keeps each entry with probability ` +
      `$p = ${formatNumber(keep)}$. Its rescaled minimiser $p\\check w$ is a ridge fit ` +
      `$\\min_w \\|y - Xw\\|^2 + \\sum_j c_j w_j^2$ with one penalty coefficient per feature. ` +
      `Give the vector $(c_1, \\dots, c_{${d}})$.`,
    "vector",
    penalties,
    [
      {
        value: squared.map((s) => s / lambda),
        hint: "The strength is $\\lambda = (1 - p)/p$, not $p/(1 - p)$: it vanishes as $p \\to 1$.",
      },
      {
        value: Array.from(norms, (g) => lambda * g),
        hint: "Each coefficient uses the squared column norm $(X^\\top X)_{jj}$, not the norm.",
      },
      {
        value: squared.map((s) => keep * (1 - keep) * s),
        hint:
          "$p(1 - p)$ multiplies the penalty on $\\check w$; after rescaling $w = p\\check w$ " +
          "it becomes $(1 - p)/p$.",
      },
    ],
    [
      `The minimiser is $p\\check w = (X^\\top X + \\lambda\\Gamma^2)^{-1}X^\\top y$ with ` +
      `$\\Gamma^2 = \\mathrm{diag}(X^\\top X)$ and $\\lambda = (1 - p)/p = ${
        formatNumber(lambda)
      }$.`,
      `The diagonal of $X^\\top X$ holds the squared column norms: $${texVector(squared)}$.`,
      `So $c_j = \\lambda (X^\\top X)_{jj}$ gives $${texVector(penalties)}$.`,
    ],
  );
}

/** Homework 5, 5(f): with dropout every feature supplies the same share of the prediction. */
export function equalShares({ data, rate }: { data: ToyData; rate: number }, seed = 0) {
  const { x, y } = data;
  const w = expectedLossMinimiser(rate, x, y);
  const shares = contributions(w, x);
  const d = x.length;
  const keep = 1 - rate;
  return numericInstance(
    seed,
    `${exampleText(data)} Train it with inverted dropout at drop rate $r = ${
      formatNumber(rate)
    }$ to the ` +
      `minimiser of the averaged loss. Every feature then supplies the same share $x_j w_j$ of ` +
      `the prediction on the unmasked $x$. What is that share?`,
    "number",
    shares[0],
    [
      {
        value: y / d,
        hint: "That equal split is the limit as the rate falls to 0; at this rate the penalty " +
          "also shrinks the prediction below $y$.",
      },
      {
        value: (y * rate) / (d * rate + keep),
        hint: "You swapped the drop rate and the keep probability.",
      },
    ],
    [
      `At the minimiser $w_j = y(1 - r)/(x_j(d(1 - r) + r))$, so $x_j w_j$ is the same for ` +
      `every feature.`,
      `With $d = ${d}$ and $r = ${formatNumber(rate)}$: $x_j w_j = ${formatNumber(y)} \\cdot ${
        formatNumber(keep)
      }/(${d} \\cdot ` +
      `${formatNumber(keep)} + ${formatNumber(rate)}) = ${formatNumber(shares[0])}$.`,
      `Together they predict $${
        formatNumber(shares.reduce((s, v) => s + v, 0))
      }$, less than $y$: the ` +
      `price of the penalty.`,
    ],
  );
}

/** Homework 5, 5(g): the dropout fit as the rate falls to 0. */
export function rateZeroLimit(data: ToyData, seed = 0): ExerciseInstance {
  const { x, y } = data;
  const w = limitAsRateToZero(x, y);
  const d = x.length;
  return numericInstance(
    seed,
    `${exampleText(data)} Train it with inverted dropout at drop rate $r$ and let $r$ fall ` +
      `towards 0. Which $w$ does the dropout minimiser tend to?`,
    "vector",
    w,
    [
      {
        value: olsMinNorm(x, y),
        hint: "That is the fit at exactly $r = 0$ (the least-norm exact fit); the limit from " +
          "above is a different exact fit, so the weights jump at 0.",
      },
      {
        value: x.map((v) => y / v),
        hint: "Each feature fits only its share of $y$: the $d$ features split the target.",
      },
    ],
    [
      `For $r > 0$ the minimiser is $w_j = y(1 - r)/(x_j(d(1 - r) + r))$.`,
      `Letting $r \\to 0$ gives $w_j = y/(d\\,x_j)$ with $d = ${d}$: every feature supplies ` +
      `$y/d = ${formatNumber(y / d)}$.`,
      `So the limit is $w = ${texVector(w)}$, an exact fit but not the one of least norm.`,
    ],
  );
}

/**
 * Homework 5, 5(d)–(e): no weight vector fits every mask, so with batches of one the loss keeps
 * jumping. The floor it jumps around is the averaged loss at the dropout minimiser.
 */
export function lossFloor({ data, rate }: { data: ToyData; rate: number }, seed = 0) {
  const { x, y } = data;
  const w = expectedLossMinimiser(rate, x, y);
  const expanded = expandedData(rate, x, y);
  const residuals = expanded.rows.map((row) => y - row.reduce((s, v, j) => s + v * w[j], 0));
  const floor = residuals.reduce((s, e, k) => s + expanded.weights[k] * e * e, 0);
  const allKept = residuals[0] ** 2;
  const plainFit = (y - x.reduce((s, v, j) => s + v * w[j], 0)) ** 2;
  return numericInstance(
    seed,
    `${exampleText(data)} With inverted dropout at drop rate $r = ${
      formatNumber(rate)
    }$ the minimiser of ` +
      `the averaged loss is $w = ${texVector(w)}$. Trained on batches of one, each step sees a ` +
      `single mask. What is the loss at this $w$, averaged over the masks?`,
    "number",
    floor,
    [
      {
        value: plainFit,
        hint: "That is the loss on the unmasked $x$; the masks add the variance term " +
          "$c\\sum_j x_j^2 w_j^2$.",
      },
      {
        value: allKept,
        hint: "That is the loss of the copy that keeps every feature; average over every mask, " +
          "each with its probability.",
      },
      {
        value: 0,
        hint: "No $w$ fits every masked copy at once, so the average cannot reach 0.",
      },
    ],
    [
      `The masked copies are ${expanded.rows.map((r) => `$${texVector(r)}$`).join(", ")} with ` +
      `probabilities ` +
      `$${expanded.weights.map((x) => formatNumber(x)).join(", ")}$.`,
      `Their squared errors at $w$ are $${residuals.map((e) => formatNumber(e * e)).join(", ")}$.`,
      `Weighted by the probabilities they average to $${
        formatNumber(floor)
      }$: no $w$ fits every mask, ` +
      `so single-mask steps keep jumping around this floor and only larger batches smooth it.`,
    ],
  );
}

/** Homework 5, 5(h): with dropout SGD and Adam agree; without it they do not. */
export function optimiserAgreement(
  { rate, dropout }: { rate: number; dropout: boolean },
  seed = 0,
): ExerciseInstance {
  // The options' order is drawn from its own stream, apart from the rate's.
  const rng = createRng(seed).fork();
  const { x, y } = TOY;
  const withDropout = texVector(expectedLossMinimiser(rate, x, y));
  const minNorm = texVector(olsMinNorm(x, y));
  const options = [
    `Both end near the same fit, $w = ${withDropout}$.`,
    `SGD ends near the least-norm fit $w = ${minNorm}$; Adam near equal weights $(1, 1)$.`,
    `Both end near the least-norm fit $w = ${minNorm}$.`,
    `Adam ends near $w = ${withDropout}$; SGD near the least-norm fit $w = ${minNorm}$.`,
  ];
  const correct = dropout ? 0 : 1;
  const hints: Record<number, string> = dropout
    ? {
      1: "That happens without dropout. With it the averaged loss has a single minimiser, " +
        "and both optimisers find it.",
      2: "With dropout the least-norm fit no longer minimises the loss: the masks add a penalty.",
      3: "The averaged loss has one minimiser, so SGD reaches it too.",
    }
    : {
      0: "That is the fit with dropout. Without it every exact fit has zero loss, and the " +
        "optimiser decides which one it reaches.",
      2: "Adam's per-coordinate step sizes move both weights at the same pace, so it ends near " +
        "equal weights rather than the least-norm fit.",
      3: "Without dropout neither optimiser sees a penalty, so neither reaches the dropout fit.",
    };
  return choiceInstance(
    seed,
    rng,
    `The course's example $x = ${texVector(x)}$, $y = ${
      formatNumber(y)
    }$ is trained to convergence ` +
      `with SGD and with Adam, both from $w = 0$, ` +
      (dropout
        ? `with inverted dropout at drop rate $r = ${formatNumber(rate)}$.`
        : `without dropout.`) +
      ` Where do they end?`,
    options,
    correct,
    hints,
    dropout
      ? [
        `With dropout the averaged loss adds the penalty $c\\sum_j x_j^2 w_j^2$, $c = r/(1 - r) = ` +
        `${formatNumber(rate / (1 - rate))}$, so it has exactly one minimiser.`,
        `Any optimiser that converges ends there: $w = ${withDropout}$, for SGD and Adam alike.`,
      ]
      : [
        `Without dropout every $w$ with $w^\\top x = ${
          formatNumber(y)
        }$ has zero loss: the optimiser's path ` +
        `decides which one it reaches.`,
        `SGD's steps are multiples of $x$, so it reaches the least-norm fit $${minNorm}$; Adam ` +
        `moves each weight at about the same pace and stops near $(1, 1)$.`,
      ],
  );
}

/** A two- or three-row matrix with two features on different scales, no zero column. */
function drawRows(rng: Rng): number[][] {
  const n = intBetween(rng, 2, 3);
  for (;;) {
    const rows = Array.from(
      { length: n },
      () => [intBetween(rng, -4, 4), 2 * intBetween(rng, -4, 4)],
    );
    const sums = [0, 1].map((j) => rows.reduce((s, r) => s + r[j] * r[j], 0));
    if (sums.every((s) => s > 0) && sums[0] !== sums[1]) return rows;
  }
}

export const EXERCISES: readonly Exercise[] = pageExercises(PAGE, {
  "least-norm-fit": {
    title: "The fit gradient descent finds",
    sources: [["homework-5", "5(a)"], ["homework-5", "5(b)"]],
    ...fourFigures("a vector such as [1.089, 0.1089]"),
    generate: (seed) => minNormFit(drawData(createRng(seed)), seed),
  },
  "dropout-fit": {
    title: "The dropout minimiser at a rate",
    sources: [["homework-5", "5(c)"]],
    ...fourFigures("a vector such as [0.3667, 3.667]"),
    generate: (seed) => {
      const rng = createRng(seed);
      return dropoutFit({ data: drawData(rng), rate: pick(rng, RATES) }, seed);
    },
  },
  "feature-penalties": {
    title: "Dropout as ridge with a penalty per feature",
    sources: [["worked-exercises", "2.2"]],
    ...fourFigures("a vector such as [12.5, 4]"),
    generate: (seed) => {
      const rng = createRng(seed);
      return featurePenalties({ rows: drawRows(rng), keep: pick(rng, KEEPS) }, seed);
    },
  },
  "equal-shares": {
    title: "Each feature's share of the prediction",
    sources: [["homework-5", "5(f)"]],
    ...fourFigures("a number such as 3.667"),
    generate: (seed) => {
      const rng = createRng(seed);
      return equalShares({ data: drawData(rng), rate: pick(rng, RATES) }, seed);
    },
  },
  "rate-zero-limit": {
    title: "The dropout fit as the rate falls to 0",
    sources: [["homework-5", "5(g)"]],
    ...fourFigures("a vector such as [0.55, 5.5]"),
    generate: (seed) => rateZeroLimit(drawData(createRng(seed)), seed),
  },
  "optimiser-agreement": {
    title: "SGD against Adam, with and without dropout",
    sources: [["homework-5", "5(h)"]],
    ...ONE_CHOICE,
    generate: (seed) => {
      const rng = createRng(seed);
      const rate = pick(rng, RATES);
      return optimiserAgreement({ rate, dropout: rng.uniform() < 0.5 }, seed);
    },
  },
  "loss-floor": {
    title: "The loss floor under dropout",
    sources: [["homework-5", "5(d)"], ["homework-5", "5(e)"]],
    ...fourFigures("a number such as 40.33"),
    generate: (seed) => {
      const rng = createRng(seed);
      return lossFloor({ data: drawData(rng), rate: pick(rng, RATES) }, seed);
    },
  },
});
