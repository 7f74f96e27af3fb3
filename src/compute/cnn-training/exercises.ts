/**
 * Exercises of the cnn-training page: the parameter count of a network shaped like the page's,
 * batch norm's backward pass for a small batch, and what the page measured about dropout and batch
 * norm (choice questions: those results are properties of training runs, not closed forms).
 * Counts come from parameterCounts.ts and grid.ts as in architecture.ts; the backward pass from
 * normalisation/batchNormBackward.ts, the closed form the course derives.
 */
import type { Exercise } from "../exercise.ts";
import { formatNumber, formatVector } from "../exerciseFormat.js";
import {
  distinctSlips,
  factor,
  intBetween,
  ONE_CHOICE,
  pick,
  seededExercise,
  shuffle,
} from "../exerciseSeeded.js";
import { forwardLength } from "../grid.js";
import { DIGIT_CLASSES, DIGIT_SIDE } from "../digitSet.js";
import { batchNormForward, batchNormInputGradient } from "../normalisation/batchNormBackward.js";
import { standardConvParams } from "../parameterCounts.js";
import type { Rng } from "../prng.js";
import { CNN_POOL } from "./architecture.js";
import { BATCH_NORM_EARLY_LEAD_SHARE, FRESH_DRAWS } from "./freshDraws.js";

const PAGE = "cnn-training";

// ---------------------------------------------------------------------------------------------
// Homework 5, 6: the parameters of a conv → (batch norm) → ReLU → pool → dropout → dense network.

export interface CnnShape {
  filters: number;
  kernel: number;
  stride: number;
  batchNorm: boolean;
}

/** The layers' counts, as architecture.ts makes them for the page's network. */
export function cnnShapeCounts({ filters, kernel, stride, batchNorm }: CnnShape) {
  const side = forwardLength(DIGIT_SIDE, kernel, { stride, padding: 0 });
  const pooled = side / CNN_POOL;
  const features = pooled * pooled * filters;
  const conv = standardConvParams({
    inChannels: 1,
    outChannels: filters,
    kernel,
    bias: !batchNorm,
  });
  const norm = batchNorm ? 2 * filters : 0;
  const dense = features * DIGIT_CLASSES + DIGIT_CLASSES;
  return {
    side,
    pooled,
    features,
    conv: conv.total,
    norm,
    dense,
    total: conv.total + norm + dense,
  };
}

export const PARAMETER_COUNT = seededExercise(
  {
    id: "cnn-training/parameter-count",
    page: PAGE,
    title: "The parameters of a small convolutional network",
    sources: [["homework-5", "6"]],
    toleranceText: "exact",
    answerFormat: "a whole number such as 1234",
  },
  (rng): CnnShape => {
    // Only shapes whose convolution output the 2 × 2 pool tiles exactly, as on the page.
    for (;;) {
      const shape = {
        filters: pick(rng, [4, 6, 8, 10, 12, 16]),
        kernel: pick(rng, [3, 4, 5, 6, 7]),
        stride: pick(rng, [1, 2]),
        batchNorm: rng.uniform() < 0.5,
      };
      if (cnnShapeCounts(shape).side % CNN_POOL === 0) return shape;
    }
  },
  (shape) => {
    const { filters: F, kernel: k, stride, batchNorm } = shape;
    const c = cnnShapeCounts(shape);
    const answer = { kind: "number" as const, value: c.total, tolerance: { absolute: 0.5 } };
    const normText = batchNorm
      ? "batch norm over the filters (a learned scale and shift per filter; the convolution has no bias)"
      : "a bias per filter (no batch norm)";
    return {
      prompt: `A network reads a $${DIGIT_SIDE}\\times${DIGIT_SIDE}$ grey digit. It applies ${F} ` +
        `convolution filters of size $${k}\\times${k}$ with stride ${stride} and no padding, then ${normText}, ` +
        `a ReLU, $2\\times 2$ max pooling, dropout, and a dense layer to ${DIGIT_CLASSES} logits with ` +
        `biases. How many learnable parameters does it have?`,
      answer,
      slips: distinctSlips(answer, [
        ...(batchNorm
          ? [
            {
              value: c.total + F,
              hint:
                "With batch norm the convolution needs no bias: the mean subtraction would cancel it.",
            },
            {
              value: c.total - c.norm,
              hint: "Batch norm learns a scale $\\gamma$ and a shift $\\beta$ per filter.",
            },
            {
              value: c.total + c.norm,
              hint:
                "Batch norm's running mean and variance are statistics, not learned parameters.",
            },
          ]
          : []),
        { value: c.total - DIGIT_CLASSES, hint: "The dense layer has a bias per logit." },
        {
          value: c.total + 3 * c.features * DIGIT_CLASSES,
          hint: "The dense layer reads the pooled maps: pooling halves each side.",
        },
      ]),
      solution: [
        `Each filter's output has side $\\lfloor(${DIGIT_SIDE} - ${k})/${stride}\\rfloor + 1 = ${c.side}$; ` +
        `pooling makes it ${c.pooled}, so the dense layer reads $${c.pooled}\\cdot${c.pooled}\\cdot${F} = ` +
        `${c.features}$ values.`,
        `Convolution: $${F}\\cdot 1\\cdot ${k}^2${batchNorm ? "" : ` + ${F}`} = ${c.conv}$` +
        (batchNorm ? `; batch norm: $2\\cdot${F} = ${c.norm}$` : "") +
        `; dense: $${c.features}\\cdot${DIGIT_CLASSES} + ${DIGIT_CLASSES} = ${c.dense}$.`,
        `In all ${c.total}; ReLU, pooling and dropout learn nothing.`,
      ],
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Homework 5, 6(b): batch norm's backward pass for one feature over a small batch.

interface BackwardParams {
  x: number[];
  dy: number[];
  gamma: number;
  beta: number;
}

/** The closed form with a given variance: what a reader gets who divides by n − 1 instead of n. */
function closedForm(
  p: BackwardParams,
  variance: number,
  { mean = true, spread = true } = {},
): number[] {
  const n = p.x.length;
  const mu = p.x.reduce((s, v) => s + v, 0) / n;
  const dyMean = p.dy.reduce((s, v) => s + v, 0) / n;
  const dyDev = p.dy.reduce((s, v, i) => s + v * (p.x[i] - mu), 0) / n;
  return p.x.map((x, i) =>
    (p.gamma / Math.sqrt(variance)) *
    (p.dy[i] - (mean ? dyMean : 0) - (spread ? ((x - mu) * dyDev) / variance : 0))
  );
}

const column = (v: readonly number[]) => v.map((x) => [x]);

/** ∂L/∂x by the page's closed form, ε = 0. */
function backward(p: BackwardParams): number[] {
  return batchNormInputGradient(column(p.x), column(p.dy), {
    gamma: [p.gamma],
    beta: [p.beta],
    epsilon: 0,
  })
    .map((row) => row[0]);
}

export const BATCH_NORM_BACKWARD = seededExercise(
  {
    id: "cnn-training/batch-norm-backward",
    page: PAGE,
    title: "Batch norm's backward pass for a small batch",
    sources: [["homework-5", "6(b)"]],
    toleranceText: "each entry within 0.005",
    answerFormat: "a vector such as [0.5, -1.25, 0.75]",
  },
  (rng: Rng): BackwardParams => {
    for (;;) {
      const n = intBetween(rng, 3, 4);
      const p = {
        x: Array.from({ length: n }, () => intBetween(rng, -3, 4)),
        dy: Array.from({ length: n }, () => intBetween(rng, -2, 2)),
        gamma: pick(rng, [0.5, 1, 1.5, 2]),
        beta: pick(rng, [-1, 0, 0.5, 1]),
      };
      if (new Set(p.x).size < 2) continue;
      const dx = backward(p);
      // Large enough that a 2 % change shows, small enough that 4 digits hold 0.005.
      if (Math.max(...dx.map(Math.abs)) >= 1 && dx.every((v) => Math.abs(v) < 10)) return p;
    }
  },
  (p) => {
    const n = p.x.length;
    const { mean, variance, unbiasedVariance } = batchNormForward(column(p.x), {
      gamma: [p.gamma],
      beta: [p.beta],
      epsilon: 0,
    });
    const dx = backward(p);
    const answer = { kind: "vector" as const, value: dx, tolerance: { absolute: 0.005 } };
    const mu = mean[0], s2 = variance[0];
    const dyMean = p.dy.reduce((s, v) => s + v, 0) / n;
    const dyDev = p.dy.reduce((s, v, i) => s + v * (p.x[i] - mu), 0) / n;
    return {
      prompt: `Training-time batch norm maps one feature over a batch of ${n}, ` +
        `$y_i = \\gamma(x_i - \\mu)/\\sqrt{\\sigma^2 + \\epsilon} + \\beta$ with the batch's mean $\\mu$ and ` +
        `variance $\\sigma^2$. With $x = ${formatVector(p.x)}$, $\\gamma = ${
          formatNumber(p.gamma)
        }$, ` +
        `$\\beta = ${formatNumber(p.beta)}$, $\\epsilon = 0$ and upstream gradient ` +
        `$\\partial L/\\partial y = ${formatVector(p.dy)}$, what is $\\partial L/\\partial x$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: p.dy.map((d) => (p.gamma * d) / Math.sqrt(s2)),
          hint:
            "$\\mu$ and $\\sigma^2$ depend on every $x_i$ too: two more paths carry gradient back.",
        },
        {
          value: closedForm(p, s2, { spread: false }),
          hint:
            "The path through $\\sigma^2$ adds $-(x_i - \\mu)\\,\\mathrm{mean}(dy\\,(x - \\mu))/\\sigma^2$.",
        },
        {
          value: closedForm(p, s2, { mean: false }),
          hint: "The path through $\\mu$ subtracts $\\mathrm{mean}(dy)$.",
        },
        {
          value: closedForm(p, unbiasedVariance[0]),
          hint:
            "Training-time batch norm divides by the biased variance, the sum over $n$ (not $n - 1$).",
        },
      ]),
      solution: [
        `$\\mu = ${formatNumber(mu)}$ and $\\sigma^2 = \\tfrac{1}{${n}}\\sum_i (x_i - \\mu)^2 = ${
          formatNumber(s2)
        }$, so ` +
        `$\\gamma/\\sqrt{\\sigma^2} = ${formatNumber(p.gamma / Math.sqrt(s2))}$.`,
        `$\\mathrm{mean}(dy) = ${formatNumber(dyMean)}$ and $\\mathrm{mean}(dy\\,(x - \\mu)) = ${
          formatNumber(dyDev)
        }$.`,
        "$\\partial L/\\partial x_i = \\frac{\\gamma}{\\sqrt{\\sigma^2 + \\epsilon}}\\big(dy_i - " +
        "\\mathrm{mean}(dy) - (x_i - \\mu)\\,\\mathrm{mean}(dy\\,(x - \\mu))/(\\sigma^2 + \\epsilon)\\big)$; " +
        `for $i = 1$: $${formatNumber(p.gamma / Math.sqrt(s2))}\\,(${p.dy[0]} - ${
          factor(dyMean)
        } - ${factor(p.x[0] - mu)}\\cdot${factor(dyDev)}/${formatNumber(s2)}) = ${
          formatNumber(dx[0])
        }$.`,
        `In all $\\partial L/\\partial x = ${formatVector(dx)}$; ` +
        "its entries sum to 0, since shifting every $x_i$ alike changes nothing.",
      ],
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Homework 5, 6 and 6(c): what the page measured. Options are shuffled per seed.

/** The options' indices in a seeded order; `correct` and the slips' indices follow the shuffle. */
const shuffledIndices = (rng: Rng, count: number) =>
  shuffle(rng, Array.from({ length: count }, (_, i) => i));

/** A choice's answer and slips with its options in `order`: option 0 is right, each other one a slip. */
function orderedChoice(order: readonly number[], options: readonly ChoiceOption[]) {
  return {
    answer: {
      kind: "choice" as const,
      options: order.map((i) => options[i].text),
      correct: order.indexOf(0),
    },
    slips: order.flatMap((i, position) =>
      i === 0 ? [] : [{ value: position, hint: options[i].hint as string }]
    ),
  };
}

interface ChoiceOption {
  text: string;
  hint?: string;
}

interface ChoiceParams {
  order: number[];
  batchNorm: boolean;
}

const DROPOUT_OPTIONS = [
  { text: "Dropout narrows the gap between training and validation accuracy." },
  {
    text: "Dropout raises the validation accuracy.",
    hint:
      "Not on every draw: its validation accuracy was higher on some draws and lower on others.",
  },
  {
    text: "Dropout lowers the validation accuracy.",
    hint:
      "Not on every draw: its validation accuracy was higher on some draws and lower on others.",
  },
  {
    text: "Dropout widens the gap between training and validation accuracy.",
    hint: "The other way round: on every draw it narrowed the gap.",
  },
];

export const DROPOUT_GAP = seededExercise(
  {
    id: "cnn-training/dropout-gap",
    page: PAGE,
    title: "What dropout did on every draw",
    sources: [["homework-5", "6(c)"]],
    ...ONE_CHOICE,
  },
  (rng): ChoiceParams => ({
    order: shuffledIndices(rng, DROPOUT_OPTIONS.length),
    batchNorm: rng.uniform() < 0.5,
  }),
  ({ order, batchNorm }) => ({
    prompt:
      `The page trains its small convolutional network on a few hundred digits, ${
        batchNorm ? "with" : "without"
      } batch norm, with and without dropout, on its shipped seeds and on ${FRESH_DRAWS.length} fresh ` +
      "draws of seed and digits. Which statement held at the last epoch on every one of these draws?",
    ...orderedChoice(order, DROPOUT_OPTIONS),
    solution: [
      "Dropout trains each step on a random subnetwork and acts as a regulariser: on every draw the " +
      "gap between training and validation accuracy shrank.",
      "Whether validation accuracy itself rose depended on the draw: higher on some, lower on others.",
    ],
  }),
);

const LEAD_PERCENT = formatNumber(100 * BATCH_NORM_EARLY_LEAD_SHARE);
const PAIRS = 2 * FRESH_DRAWS.length;
const EARLY_OPTIONS = [
  { text: `In at least ${LEAD_PERCENT} % of the pairs, but not in all of them.` },
  {
    text: "In every pair.",
    hint: "Not in every one: on a few draws the run without batch norm was ahead after one epoch.",
  },
  { text: "In about half of the pairs.", hint: "Batch norm was ahead far more often than chance." },
  {
    text: `In fewer than ${formatNumber(100 - 100 * BATCH_NORM_EARLY_LEAD_SHARE)} % of the pairs.`,
    hint: "Batch norm speeds up early training: it was usually ahead.",
  },
];

export const BATCH_NORM_EARLY = seededExercise(
  {
    id: "cnn-training/batch-norm-early",
    page: PAGE,
    title: "How often batch norm leads after one epoch",
    sources: [["homework-5", "6"]],
    ...ONE_CHOICE,
  },
  (rng): ChoiceParams => ({ order: shuffledIndices(rng, EARLY_OPTIONS.length), batchNorm: true }),
  ({ order }) => ({
    prompt:
      `The page trains its network with and without batch norm on ${FRESH_DRAWS.length} fresh ` +
      `draws of seed and digits, each with and without dropout: ${PAIRS} pairs of runs. In how many ` +
      "pairs does the run with batch norm have the higher validation accuracy after one epoch?",
    ...orderedChoice(order, EARLY_OPTIONS),
    solution: [
      `Measured on the page: after one epoch batch norm led in at least ${LEAD_PERCENT} % of the ` +
      `${PAIRS} pairs, though not in all; at some settings the lead reverses.`,
      "By the last epoch its mean lead had shrunk: the other runs catch up.",
    ],
  }),
);

export const EXERCISES: readonly Exercise[] = [
  PARAMETER_COUNT,
  BATCH_NORM_BACKWARD,
  DROPOUT_GAP,
  BATCH_NORM_EARLY,
];
