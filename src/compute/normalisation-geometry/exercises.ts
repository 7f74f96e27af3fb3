/**
 * Exercises for the geometry of normalisation (homework 5, question 9; worked exercises, section
 * 4): the output law of batch norm, what it does to a 2-D Gaussian, and weight normalisation's
 * match with batch norm and its projected gradient. Answers come from gaussianBatchNorm.ts,
 * gaussian2d.ts and weightNorm.ts, the functions the page uses.
 *
 * Each exercise exports its builder (parameters → instance) so that tests can build a course
 * instance and check the course's numbers.
 */
import type { Exercise, ExerciseInstance } from "../exercise.js";
import {
  factor,
  fourFigures,
  intBetween,
  noTinyEntry,
  numericInstance,
  pageExercises,
  pick,
  texMatrixBareMinus,
  WHOLE_LENGTH_TRIPLES,
  withRandomSigns,
} from "../exerciseSeeded.js";
import { createRng, type Rng } from "../prng.js";
import { batchNormGaussian1d } from "./gaussianBatchNorm.js";
import { correlationMatrix, type Sym2 } from "./gaussian2d.js";
import { dotProduct, vectorNorm, weightFromDirection, weightNormGradient } from "./weightNorm.js";
import { formatNumber, texVector } from "../exerciseFormat.js";

const PAGE = "normalisation-geometry";

const symRows = (s: Sym2) => [[s.a, s.b], [s.b, s.c]];

// ---------------------------------------------------------------------------------------------

export interface OutputLawParams {
  mean: number;
  variance: number;
  beta: number;
  gamma: number;
}

/** The batch the answer is measured on: one large batch, batch-normalised with ε = 0. */
export const LAW_BATCH = 4096;

/**
 * Homework 5, 9(a): batch norm's output over a large batch is N(β, γ²). The answer is measured on
 * one batch from batchNormGaussian1d (with ε = 0 its mean is β and its biased variance γ², up to
 * rounding, whatever the input).
 */
export function outputLaw(params: OutputLawParams, seed = 0): ExerciseInstance {
  const { mean, variance, beta, gamma } = params;
  const { y } = batchNormGaussian1d({
    mean,
    variance,
    beta,
    gamma,
    batchSize: LAW_BATCH,
    batches: 1,
    seed,
  });
  const outMean = y.reduce((s, v) => s + v, 0) / y.length;
  const outVariance = y.reduce((s, v) => s + (v - outMean) ** 2, 0) / y.length;
  return numericInstance(
    seed,
    `Inputs to a batch-norm layer follow $\\mathcal N(${formatNumber(mean)}, ${
      formatNumber(variance)
    })$. The layer ` +
      `has shift $\\beta = ${formatNumber(beta)}$ and scale $\\gamma = ${
        formatNumber(gamma)
      }$, and the batch is very ` +
      `large. Give the mean and variance of the outputs, $(\\text{mean}, \\text{variance})$.`,
    "vector",
    [outMean, outVariance],
    [
      {
        value: [mean, variance],
        hint: "That is the input's law: batch norm first removes the batch's mean and spread.",
      },
      {
        value: [beta, gamma],
        hint: "$\\gamma$ is the standard deviation of the output, so the variance is $\\gamma^2$.",
      },
      {
        value: [mean + beta, gamma * gamma * variance],
        hint: "The input is standardised first, so its own mean and variance leave no trace.",
      },
    ],
    [
      `Over a large batch the batch mean is $${formatNumber(mean)}$ and the standard deviation ` +
      `$\\sqrt{${formatNumber(variance)}} = ${
        formatNumber(Math.sqrt(variance))
      }$, so $\\hat x = (x - ${factor(mean)})/` +
      `${formatNumber(Math.sqrt(variance))}$ follows $\\mathcal N(0, 1)$.`,
      `$y = \\gamma\\hat x + \\beta$ shifts and scales a Gaussian: it stays Gaussian with mean ` +
      `$\\beta = ${formatNumber(beta)}$ and variance $\\gamma^2 = ${formatNumber(gamma * gamma)}$.`,
      `So $(\\text{mean}, \\text{variance}) = ${texVector([beta, gamma * gamma])}$, whatever the ` +
      `input's mean and variance were.`,
    ],
  );
}

export interface CloudParams {
  /** The two standard deviations. */
  sd: [number, number];
  rho: number;
}

/** Homework 5, 9(b): batch norm on a 2-D Gaussian keeps the correlation. */
export function cloudCovariance({ sd, rho }: CloudParams, seed = 0): ExerciseInstance {
  const cov: Sym2 = { a: sd[0] ** 2, b: rho * sd[0] * sd[1], c: sd[1] ** 2 };
  const out = symRows(correlationMatrix(cov));
  return numericInstance(
    seed,
    `2-D inputs follow a Gaussian with covariance $\\Sigma = ${
      texMatrixBareMinus(symRows(cov))
    }$. ` +
      `Batch norm with $\\beta = 0$, $\\gamma = 1$ normalises each coordinate over a very ` +
      `large batch. Give the covariance matrix of the outputs.`,
    "matrix",
    out,
    [
      {
        value: [[1, 0], [0, 1]],
        hint: "Batch norm scales each axis on its own; it does not remove the correlation " +
          "between them (that would be whitening).",
      },
      {
        value: [[1, cov.b], [cov.b, 1]],
        hint: "The off-diagonal entry is divided too: by both standard deviations.",
      },
      {
        value: symRows(cov),
        hint: "Batch norm gives each axis mean 0 and variance 1.",
      },
    ],
    [
      `Each coordinate is centred and divided by its own standard deviation: ` +
      `$${formatNumber(sd[0])}$ and $${formatNumber(sd[1])}$.`,
      `The variances become 1; the covariance becomes $${formatNumber(cov.b)}/(${
        formatNumber(sd[0])
      } \\cdot ` +
      `${formatNumber(sd[1])}) = ${formatNumber(out[0][1])}$, the correlation, unchanged.`,
      `So the output covariance is $${
        texMatrixBareMinus(out)
      }$: the cloud is centred and its axes ` +
      `rescaled, but it stays tilted.`,
    ],
  );
}

export interface ProjectionParams {
  u: number[];
  gamma: number;
  beta: number;
  /** One input of a centred, whitened batch. */
  x: number[];
}

/** Worked exercises 4: on whitened inputs, batch-normalising uᵀx gives wᵀx + β. */
export function weightNormOutput(params: ProjectionParams, seed = 0): ExerciseInstance {
  const { u, gamma, beta, x } = params;
  const w = weightFromDirection(u, gamma);
  const out = dotProduct(w, x) + beta;
  const ux = dotProduct(u, x);
  const length = vectorNorm(u);
  return numericInstance(
    seed,
    `The inputs of a batch are centred and whitened: mean 0, covariance $I$. A unit computes ` +
      `$u^\\top x$ with $u = ${texVector(u)}$ and batch-normalises it with scale $\\gamma = ` +
      `${formatNumber(gamma)}$ and shift $\\beta = ${
        formatNumber(beta)
      }$. What does it output for the input ` +
      `$x = ${texVector(x)}$?`,
    "number",
    out,
    [
      {
        value: gamma * ux + beta,
        hint: "Batch norm divides by the standard deviation of $u^\\top x$ over the batch, " +
          "$\\|u\\|$.",
      },
      {
        value: (gamma * ux) / (length * length) + beta,
        hint: "Divide by the standard deviation $\\|u\\|$, not the variance $\\|u\\|^2$.",
      },
      {
        value: dotProduct(w, x),
        hint: "Add the shift $\\beta$.",
      },
    ],
    [
      `Over the batch $u^\\top x$ has mean $u^\\top 0 = 0$ and variance $u^\\top I u = ` +
      `\\|u\\|^2 = ${formatNumber(length * length)}$.`,
      `So batch norm outputs $\\gamma\\,u^\\top x/\\|u\\| + \\beta = w^\\top x + \\beta$ with ` +
      `$w = \\gamma u/\\|u\\| = ${texVector(w)}$: weight normalisation.`,
      `Here $u^\\top x = ${formatNumber(ux)}$, so the output is $${formatNumber(gamma)} \\cdot ${
        factor(ux)
      }/${formatNumber(length)} + ` +
      `${factor(beta)} = ${formatNumber(out)}$.`,
    ],
  );
}

export interface GradientParams {
  u: number[];
  gamma: number;
  gradW: number[];
}

/** Worked exercises 4: ∇ᵤL = (γ/‖u‖)(I − uuᵀ/‖u‖²)∇_wL, orthogonal to u. */
export function projectedGradient(params: GradientParams, seed = 0): ExerciseInstance {
  const { u, gamma, gradW } = params;
  const { gradU } = weightNormGradient(u, gamma, gradW);
  const length = vectorNorm(u);
  const along = dotProduct(u, gradW) / (length * length);
  const projected = gradW.map((g, i) => g - along * u[i]);
  return numericInstance(
    seed,
    `Weight normalisation writes $w = \\gamma u/\\|u\\|$. At $u = ${texVector(u)}$ with ` +
      `$\\gamma = ${formatNumber(gamma)}$ the loss has gradient $\\nabla_w L = ${
        texVector(gradW)
      }$. ` +
      `Give $\\nabla_u L$.`,
    "vector",
    gradU,
    [
      {
        value: gradW.map((g) => (gamma / length) * g),
        hint: "Project out the component along $u$: $(I - uu^\\top/\\|u\\|^2)$ multiplies " +
          "$\\nabla_w L$. Lengthening $u$ does not change $w$.",
      },
      {
        value: projected,
        hint: "Multiply the projection by $\\gamma/\\|u\\|$.",
      },
      {
        value: projected.map((g) => gamma * g),
        hint: "The factor is $\\gamma/\\|u\\|$: divide by the length of $u$ too.",
      },
    ],
    [
      `$\\partial w/\\partial u = (\\gamma/\\|u\\|)(I - uu^\\top/\\|u\\|^2)$, with ` +
      `$\\|u\\| = ${formatNumber(length)}$.`,
      `$u^\\top\\nabla_w L/\\|u\\|^2 = ${formatNumber(dotProduct(u, gradW))}/${
        formatNumber(length * length)
      } = ` +
      `${formatNumber(along)}$, so the projection is $\\nabla_w L - ${factor(along)}\\,u = ${
        texVector(projected)
      }$.`,
      `Times $\\gamma/\\|u\\| = ${formatNumber(gamma / length)}$: $\\nabla_u L = ${
        texVector(gradU)
      }$, ` +
      `orthogonal to $u$.`,
    ],
  );
}

/**
 * Integer directions with whole-number lengths, in two and three dimensions: in three, the first
 * six of the shared triples (the ones this page's instances have always been drawn from).
 */
const WHOLE_LENGTH_DIRECTIONS: readonly (readonly number[])[] = [
  [3, 4],
  [4, 3],
  [6, 8],
  [5, 12],
  [8, 6],
  ...WHOLE_LENGTH_TRIPLES.slice(0, 6),
];

function drawDirection(rng: Rng): number[] {
  return withRandomSigns(rng, pick(rng, WHOLE_LENGTH_DIRECTIONS));
}

function drawGradient(rng: Rng): GradientParams {
  for (;;) {
    const u = drawDirection(rng);
    const gradW = u.map(() => intBetween(rng, -4, 4));
    const gamma = pick(rng, [0.5, 1, 1.5, 2, 3]);
    if (noTinyEntry(weightNormGradient(u, gamma, gradW).gradU)) return { u, gamma, gradW };
  }
}

function drawProjection(rng: Rng): ProjectionParams {
  for (;;) {
    const u = drawDirection(rng);
    const x = u.map(() => intBetween(rng, -4, 4) / 2);
    const gamma = pick(rng, [0.5, 1.5, 2, 3]);
    const beta = pick(rng, [-1, -0.5, 0.5, 1, 2]);
    const out = dotProduct(weightFromDirection(u, gamma), x) + beta;
    // Away from 0 and with u·x ≠ 0, so that every slip names another number.
    if (Math.abs(out) > 0.2 && Math.abs(dotProduct(u, x)) > 0) return { u, gamma, beta, x };
  }
}

export const EXERCISES: readonly Exercise[] = pageExercises(PAGE, {
  "output-law": {
    title: "Batch norm's output law",
    sources: [["homework-5", "9(a)"]],
    ...fourFigures("a vector [mean, variance] such as [3, 1]"),
    generate: (seed) => {
      const rng = createRng(seed);
      return outputLaw({
        mean: pick(rng, [-2, -1, 0.5, 1.5, 2.5, 4]),
        variance: pick(rng, [0.16, 0.25, 0.5, 2, 4, 9]),
        beta: pick(rng, [-2, -1, -0.5, 0.5, 1, 3]),
        gamma: pick(rng, [0.5, 0.8, 1, 1.5, 2, 3]),
      }, seed);
    },
  },
  "cloud-covariance": {
    title: "Batch norm on a 2-D Gaussian",
    sources: [["homework-5", "9(b)"]],
    ...fourFigures("a matrix, row by row, such as [[1, 0.6], [0.6, 1]]"),
    generate: (seed) => {
      const rng = createRng(seed);
      const sds = [0.5, 2, 3, 0.4, 1.5];
      const first = pick(rng, sds);
      const second = pick(rng, sds.filter((s) => s !== first));
      const rho = pick(rng, [0.3, 0.5, 0.6, 0.8]) * (rng.uniform() < 0.5 ? -1 : 1);
      return cloudCovariance({ sd: [first, second], rho }, seed);
    },
  },
  "weight-norm-output": {
    title: "Weight normalisation matches batch norm",
    sources: [["worked-exercises", "4"]],
    ...fourFigures("a number such as 2.2"),
    generate: (seed) => weightNormOutput(drawProjection(createRng(seed)), seed),
  },
  "projected-gradient": {
    title: "Weight normalisation's projected gradient",
    sources: [["worked-exercises", "4"]],
    ...fourFigures("a vector such as [0.192, -0.144]"),
    generate: (seed) => projectedGradient(drawGradient(createRng(seed)), seed),
  },
});
