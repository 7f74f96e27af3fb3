/**
 * Exercises for normalisation (homework 5, questions 2 and 6): which cells share a mean, the
 * gradient of batch norm without the division, the training-time graph and the full backward pass.
 * Answers come from normAxes.ts, centredGradient.ts, batchNormGraph.ts and batchNormBackward.ts,
 * the functions the page uses.
 *
 * Each exercise exports its builder (parameters → instance) so that tests can build a course
 * instance and check the course's numbers.
 */
import type { Exercise, ExerciseInstance, Tolerance } from "../exercise.js";
import {
  choiceInstance,
  fourFigures,
  intBetween,
  noTinyEntry,
  numericInstance,
  ONE_CHOICE,
  pageExercises,
  pick,
  shuffle,
} from "../exerciseSeeded.js";
import { createRng, type Rng } from "../prng.js";
import { batchNormBackward, batchNormInputGradient } from "./batchNormBackward.js";
import { type GraphNode, parentsOf } from "./batchNormGraph.js";
import { centredBackward } from "./centredGradient.js";
import {
  type ActivationShape,
  cellCount,
  normGroupCount,
  type NormMethod,
  REDUCED_AXES,
} from "./normAxes.js";
import { formatNumber, texVector } from "../exerciseFormat.js";

const PAGE = "normalisation";

/** Counts are whole numbers: exact up to a typing slip far below 1, and 2 % of 8 is 0.16. */
const COUNT_TOLERANCE: Tolerance = { absolute: 0.1 };

const AXIS_NAMES = ["N", "C", "H", "W"] as const;
const axesText = (axes: readonly number[]) => axes.map((a) => `$${AXIS_NAMES[a]}$`).join(", ");
const METHOD_NAMES: Record<"batch" | "layer", string> = {
  batch: "batch norm",
  layer: "layer norm",
};

function drawShape(rng: Rng): ActivationShape {
  return {
    n: intBetween(rng, 2, 32),
    c: intBetween(rng, 2, 64),
    h: intBetween(rng, 2, 16),
    w: intBetween(rng, 2, 16),
  };
}

const shapeText = ({ n, c, h, w }: ActivationShape) =>
  `an activation of shape $N \\times C \\times H \\times W = ${n} \\times ${c} \\times ${h} ` +
  `\\times ${w}$`;

// ---------------------------------------------------------------------------------------------

/** Homework 5, 2(a): the axes batch norm and layer norm average over. */
export function normAxes(
  { method, shape }: { method: "batch" | "layer"; shape: ActivationShape },
  seed = 0,
): ExerciseInstance {
  const candidates = [
    REDUCED_AXES.batch,
    REDUCED_AXES.layer,
    REDUCED_AXES.instance,
    [0],
  ];
  const options = candidates.map((axes) => `over ${axesText(axes)}`);
  const correct = method === "batch" ? 0 : 1;
  const other = method === "batch" ? 1 : 0;
  const groups = normGroupCount(method, shape);
  return choiceInstance(
    seed,
    createRng(seed).fork(),
    `Apply ${METHOD_NAMES[method]} to ${shapeText(shape)}. Over which axes does each of its ` +
      `means (and variances) run?`,
    options,
    correct,
    {
      [other]: method === "batch"
        ? "That is layer norm: one mean per example. Batch norm shares one per channel, across " +
          "the batch."
        : "That is batch norm: one mean per channel. Layer norm shares one per example, across " +
          "its channels.",
      2: "That is instance norm: one mean per example and channel.",
      3: "Averaging over the batch alone would give one mean per channel and pixel; the " +
        "spatial positions are pooled too.",
    },
    [
      method === "batch"
        ? `Batch norm keeps one statistic per channel: it pools the ${shape.n} examples and ` +
          `all $${shape.h} \\times ${shape.w}$ positions of that channel.`
        : `Layer norm keeps one statistic per example: it pools that example's ${shape.c} ` +
          `channels and all $${shape.h} \\times ${shape.w}$ positions.`,
      `So it averages over ${axesText(REDUCED_AXES[method])}, and there are ${groups} ` +
      `separate means.`,
    ],
  );
}

/** Homework 5, 2(a): how many cells share one mean. */
export function sharedCells(
  { method, shape }: { method: "batch" | "layer"; shape: ActivationShape },
  seed = 0,
): ExerciseInstance {
  // Every group has the same size: the cells split evenly among the means.
  const groupSize = (m: NormMethod) => cellCount(shape) / normGroupCount(m, shape);
  const count = groupSize(method);
  const other: NormMethod = method === "batch" ? "layer" : "batch";
  const { n, c, h, w } = shape;
  return numericInstance(
    seed,
    `Apply ${METHOD_NAMES[method]} to ${shapeText(shape)}. How many values share one mean?`,
    "number",
    count,
    [
      {
        value: groupSize(other),
        hint: method === "batch"
          ? "That is layer norm's group, one example's values. Batch norm pools one channel " +
            "across the batch."
          : "That is batch norm's group, one channel across the batch. Layer norm pools one " +
            "example's values.",
      },
      {
        value: normGroupCount(method, shape),
        hint: "That is how many means there are, not how many values share each one.",
      },
      {
        value: cellCount(shape),
        hint: "That is every value of the activation; each mean covers only one group.",
      },
    ],
    [
      method === "batch"
        ? `Batch norm pools one channel over the batch and the positions: $N \\cdot H \\cdot W` +
          ` = ${n} \\cdot ${h} \\cdot ${w}$.`
        : `Layer norm pools one example over its channels and positions: $C \\cdot H \\cdot W` +
          ` = ${c} \\cdot ${h} \\cdot ${w}$.`,
      `That is ${count} values, and there are ${normGroupCount(method, shape)} such groups.`,
    ],
    COUNT_TOLERANCE,
  );
}

/** Homework 5, 2(b): the gradient of batch norm without the division by the spread. */
export function centredGradient(
  { dy, gamma }: { dy: number[]; gamma: number },
  seed = 0,
): ExerciseInstance {
  const dx = centredBackward(dy, gamma);
  const n = dy.length;
  const sum = dy.reduce((s, v) => s + v, 0);
  const mean = sum / n;
  return numericInstance(
    seed,
    `Batch norm without the division: $y_i = \\gamma(x_i - \\mu) + \\beta$ with $\\mu$ the mean ` +
      `of a batch of $n = ${n}$ and $\\gamma = ${formatNumber(gamma)}$. The upstream gradient is ` +
      `$\\partial L/\\partial y = ${texVector(dy)}$. Give $\\partial L/\\partial x$.`,
    "vector",
    dx,
    [
      {
        value: dy.map((v) => gamma * v),
        hint: "Each $x_j$ also moves $\\mu$, and through it every $y_i$: subtract the mean of " +
          "$\\partial L/\\partial y$.",
      },
      {
        value: dy.map((v) => v - mean),
        hint: "Multiply by $\\gamma$: $y_i$ scales $x_i - \\mu$ by it.",
      },
      {
        value: dy.map((v) => gamma * (v - sum)),
        hint: "$\\mu$ is a mean, so each $x_j$ moves it by $1/n$: subtract the mean, not the sum.",
      },
    ],
    [
      `$\\partial y_i/\\partial x_j = \\gamma(\\delta_{ij} - 1/n)$, so ` +
      `$\\partial L/\\partial x_j = \\gamma(\\partial L/\\partial y_j - \\frac1n\\sum_i ` +
      `\\partial L/\\partial y_i)$.`,
      `The mean of $\\partial L/\\partial y$ is $${formatNumber(sum)}/${n} = ${
        formatNumber(mean)
      }$.`,
      `Subtracting it and multiplying by $${formatNumber(gamma)}$: $${
        texVector(dx)
      }$. (For $n = 1$ this is ` +
      `exactly 0.)`,
    ],
  );
}

const NODE_TEX: Record<GraphNode, string> = {
  X: "X",
  gamma: "\\gamma",
  beta: "\\beta",
  mean: "\\mu",
  variance: "\\sigma^2",
  Z: "Z",
  Y: "Y",
};
const nodesText = (nodes: readonly GraphNode[]) =>
  nodes.length === 0 ? "none" : nodes.map((v) => `$${NODE_TEX[v]}$`).join(", ");

/** Parent sets offered as options: the true ones and the usual confusions. */
const PARENT_SETS: readonly (readonly GraphNode[])[] = [
  ["X"],
  ["X", "mean"],
  ["mean", "variance"],
  ["X", "mean", "variance"],
  ["Z", "gamma", "beta"],
  ["Z", "gamma"],
];

const PARENT_HINTS: Partial<Record<GraphNode, Record<string, string>>> = {
  Z: {
    "mean,variance": "$Z = (X - \\mu)/\\sqrt{\\sigma^2 + \\epsilon}$ also reads $X$ directly.",
    "X,mean": "$Z$ divides by $\\sqrt{\\sigma^2 + \\epsilon}$, so $\\sigma^2$ feeds it too.",
  },
  Y: {
    "Z,gamma": "$Y = \\gamma Z + \\beta$: the shift $\\beta$ feeds $Y$ too.",
  },
  variance: {
    "X,mean":
      "In the course's graph $\\sigma^2$ is a function of $X$ alone; $\\mu$ feeds only $Z$.",
  },
};

/** What each node is computed from, for a wrong option without a more specific hint. */
const FORMULA_HINTS: Record<"Z" | "Y" | "mean" | "variance", string> = {
  Z: "$Z = (X - \\mu)/\\sqrt{\\sigma^2 + \\epsilon}$ reads $X$, $\\mu$ and $\\sigma^2$.",
  Y: "$Y = \\gamma Z + \\beta$ reads $Z$, $\\gamma$ and $\\beta$.",
  mean: "$\\mu = \\frac1n\\sum_i X_i$ is computed from $X$ alone.",
  variance: "In the course's graph $\\sigma^2$ is computed from $X$ alone; $\\mu$ feeds only $Z$.",
};

/** Homework 5, 6(a): the parents of a node of batch norm's training-time graph. */
export function graphParents({ node }: { node: "Z" | "Y" | "mean" | "variance" }, seed = 0) {
  const rng = createRng(seed).fork();
  const parents = parentsOf(node);
  const key = (s: readonly GraphNode[]) => [...s].sort().join(",");
  const correctKey = key(parents);
  const wrong = shuffle(
    rng,
    PARENT_SETS.filter((s) => key(s) !== correctKey && !s.includes(node)),
  );
  const hinted = Object.keys(PARENT_HINTS[node] ?? {});
  // The confusions with a hint come first, then others up to three wrong options.
  const chosen = [
    ...wrong.filter((s) => hinted.includes(key(s))),
    ...wrong.filter((s) => !hinted.includes(key(s))),
  ].slice(0, 3);
  const options = [parents, ...chosen].map(nodesText);
  const hints: Record<number, string> = {};
  chosen.forEach((s, i) => {
    hints[i + 1] = PARENT_HINTS[node]?.[key(s)] ?? FORMULA_HINTS[node];
  });
  return choiceInstance(
    seed,
    rng,
    `In the computational graph of training-time batch norm (inputs $X$, $\\gamma$, $\\beta$; ` +
      `intermediate nodes $\\mu$, $\\sigma^2$, $Z$; output $Y$), which nodes feed ` +
      `$${NODE_TEX[node]}$ directly?`,
    options,
    0,
    hints,
    [
      `The forward pass: $\\mu = \\frac1n\\sum_i X_i$, $\\sigma^2 = \\frac1n\\sum_i (X_i - ` +
      `\\mu)^2$, $Z = (X - \\mu)/\\sqrt{\\sigma^2 + \\epsilon}$, $Y = \\gamma Z + \\beta$.`,
      `The graph's eight edges are $X \\to \\mu$, $X \\to \\sigma^2$, $X \\to Z$, ` +
      `$\\mu \\to Z$, $\\sigma^2 \\to Z$, $Z \\to Y$, $\\gamma \\to Y$, $\\beta \\to Y$.`,
      `So $${NODE_TEX[node]}$ is fed by ${nodesText(parents)}.`,
    ],
  );
}

/** Homework 5, 6(b): the full backward pass for one feature of a small batch. */
export function batchNormGradient(
  { x, dy, gamma }: { x: number[]; dy: number[]; gamma: number },
  seed = 0,
): ExerciseInstance {
  const params = { gamma: [gamma], beta: [0], epsilon: 0 };
  const column = (v: readonly number[]) => v.map((e) => [e]);
  const dX = batchNormInputGradient(column(x), column(dy), params).map((r) => r[0]);
  const parts = batchNormBackward(column(x), column(dy), params);
  const n = x.length;
  const mu = parts.mean[0];
  const variance = parts.variance[0];
  const unbiased = parts.unbiasedVariance[0];
  const sumDy = dy.reduce((s, v) => s + v, 0);
  const sumDyDev = dy.reduce((s, v, k) => s + v * (x[k] - mu), 0);
  const closedForm = (s: number) =>
    x.map((v, i) => (gamma / Math.sqrt(s)) * (dy[i] - sumDy / n - ((v - mu) / (n * s)) * sumDyDev));
  const viaZ = parts.dXViaZ.map((r) => r[0]);
  const viaMean = parts.dXViaMean.map((r) => r[0]);
  return numericInstance(
    seed,
    `Training-time batch norm on one feature, $\\epsilon = 0$, $\\gamma = ${
      formatNumber(gamma)
    }$: the ` +
      `batch is $x = ${texVector(x)}$ and the upstream gradient $\\partial L/\\partial y = ` +
      `${texVector(dy)}$. Give $\\partial L/\\partial x$.`,
    "vector",
    dX,
    [
      {
        value: closedForm(unbiased),
        hint: "Batch norm divides by the biased variance, $\\frac1n\\sum(x_i - \\mu)^2$, not by " +
          "$n - 1$.",
      },
      {
        value: viaZ,
        hint: "That is only the direct path $X \\to Z$; $x$ also moves $\\mu$ and $\\sigma^2$.",
      },
      {
        value: viaZ.map((v, i) => v + viaMean[i]),
        hint: "The path through $\\sigma^2$ is missing: its term is " +
          "$-(x_i - \\mu)/(n\\sigma^2)\\cdot\\sum_k dy_k(x_k - \\mu)$ inside the bracket.",
      },
    ],
    [
      `$\\mu = ${formatNumber(mu)}$ and the biased variance $\\sigma^2 = ${
        formatNumber(variance)
      }$, so ` +
      `$\\gamma/\\sigma = ${formatNumber(gamma / Math.sqrt(variance))}$.`,
      `$\\sum_k dy_k = ${formatNumber(sumDy)}$ and $\\sum_k dy_k(x_k - \\mu) = ${
        formatNumber(sumDyDev)
      }$.`,
      `$\\partial L/\\partial x_i = \\frac{\\gamma}{\\sigma}\\left(dy_i - \\frac1n\\sum_k dy_k - ` +
      `\\frac{x_i - \\mu}{n\\sigma^2}\\sum_k dy_k(x_k - \\mu)\\right)$ gives $${texVector(dX)}$.`,
    ],
  );
}

const GAMMAS = [0.5, 1.5, 2, 2.5, 3] as const;

function drawCentred(rng: Rng): { dy: number[]; gamma: number } {
  for (;;) {
    const n = intBetween(rng, 3, 5);
    const dy = Array.from({ length: n }, () => intBetween(rng, -10, 10) / 2);
    const gamma = pick(rng, GAMMAS);
    if (noTinyEntry(centredBackward(dy, gamma))) return { dy, gamma };
  }
}

function drawBatch(rng: Rng): { x: number[]; dy: number[]; gamma: number } {
  for (;;) {
    const n = intBetween(rng, 3, 4);
    const x = Array.from({ length: n }, () => intBetween(rng, -4, 4));
    const dy = Array.from({ length: n }, () => intBetween(rng, -4, 4));
    if (new Set(x).size < 2) continue;
    const gamma = pick(rng, [1, 1.5, 2, 0.5]);
    const params = { gamma: [gamma], beta: [0], epsilon: 0 };
    const dX = batchNormInputGradient(x.map((v) => [v]), dy.map((v) => [v]), params);
    if (noTinyEntry(dX.map((r) => r[0]))) return { x, dy, gamma };
  }
}

const GRAPH_NODES = ["Z", "Y", "mean", "variance"] as const;

export const EXERCISES: readonly Exercise[] = pageExercises(PAGE, {
  "norm-axes": {
    title: "Batch norm's axes against layer norm's",
    sources: [["homework-5", "2(a)"]],
    ...ONE_CHOICE,
    generate: (seed) => {
      const rng = createRng(seed);
      const method = rng.uniform() < 0.5 ? "batch" : "layer";
      return normAxes({ method, shape: drawShape(rng) }, seed);
    },
  },
  "shared-cells": {
    title: "How many values share one mean",
    sources: [["homework-5", "2(a)"]],
    toleranceText: "exactly (a whole number)",
    answerFormat: "a whole number such as 512",
    generate: (seed) => {
      const rng = createRng(seed);
      const method = rng.uniform() < 0.5 ? "batch" : "layer";
      return sharedCells({ method, shape: drawShape(rng) }, seed);
    },
  },
  "centred-gradient": {
    title: "The gradient of batch norm without the division",
    sources: [["homework-5", "2(b)"]],
    ...fourFigures("a vector such as [1.5, -0.75, -0.75]"),
    generate: (seed) => centredGradient(drawCentred(createRng(seed)), seed),
  },
  "graph-parents": {
    title: "Batch norm's computational graph",
    sources: [["homework-5", "6(a)"]],
    ...ONE_CHOICE,
    generate: (seed) => graphParents({ node: pick(createRng(seed), GRAPH_NODES) }, seed),
  },
  "batch-norm-gradient": {
    title: "Batch norm's gradient for a small batch",
    sources: [["homework-5", "6(b)"]],
    ...fourFigures("a vector such as [0.2887, -0.5774, 0.2887]"),
    generate: (seed) => batchNormGradient(drawBatch(createRng(seed)), seed),
  },
});
