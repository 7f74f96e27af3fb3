/**
 * Exercises of the initialisation page: PyTorch's default variance, Var(XY), Xavier's and He's
 * scales and uniform bounds, and the sigmoid ceiling on the gradient. Answers come from schemes.ts
 * and activations.ts, the functions the page draws with.
 */
import { MAX_SLOPE } from "../activations.js";
import type { Exercise } from "../exercise.ts";
import { formatFraction, formatNumber } from "../exerciseFormat.js";
import { FOUR_FIGURES, halfPercent, intBetween, pick, seededExercise } from "../exerciseSeeded.js";
import {
  HE,
  pytorchOutputVariance,
  pytorchVarianceRecursion,
  varianceOfProduct,
  weightBound,
  weightVariance,
  XAVIER,
} from "../schemes.js";

const NUMBER_FORMAT = "a number such as 0.0625 (or a fraction such as 1/16)";
const PAGE = "initialisation";

/** Layer widths the generators use: small enough for a hand computation. */
const SMALL_WIDTHS = [2, 3, 4, 5, 6, 8, 10, 12, 16, 20];
/** Fan-ins and fan-outs of a wide layer. */
const LAYER_WIDTHS = [50, 64, 100, 128, 200, 256, 300, 400, 512, 1000];

/** Var(y_L) as an exact fraction: (∏n + Σₖ 3ᵏ∏_{j≠k}nⱼ) / (3^L∏n). */
function pytorchVarianceFraction(fanIns: readonly number[]): string {
  const L = fanIns.length;
  const product = fanIns.reduce((p, n) => p * n, 1);
  const numerator = fanIns.reduce((s, n, k) => s + 3 ** k * (product / n), product);
  return formatFraction(numerator, 3 ** L * product);
}

export const PYTORCH_OUTPUT_VARIANCE = seededExercise(
  {
    id: "initialisation/pytorch-output-variance",
    page: PAGE,
    title: "The output variance under PyTorch's default initialisation",
    sources: [["homework-6", "2"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => {
    const L = intBetween(rng, 2, 4);
    return { fanIns: Array.from({ length: L }, () => pick(rng, SMALL_WIDTHS)) };
  },
  ({ fanIns }) => {
    const L = fanIns.length;
    const answer = pytorchOutputVariance(fanIns);
    const widths = [...fanIns, 1].map((n, l) => `$n_{${l}} = ${n}$`).join(", ");
    const steps = pytorchVarianceRecursion(fanIns);
    return {
      prompt:
        `A network of ${L} linear layers $y_\\ell = A_\\ell y_{\\ell-1} + b_\\ell$ (identity ` +
        `activations) has widths ${widths}, so $y_${L}$ is a single number. Every weight and bias ` +
        `of layer $\\ell$ is drawn by PyTorch's default for nn.Linear, uniform on ` +
        `$(-1/\\sqrt{n_{\\ell-1}}, 1/\\sqrt{n_{\\ell-1}})$, and the inputs $y_0 = x$ are ` +
        `independent with mean 0 and variance 1. What is $\\operatorname{Var}(y_${L})$?`,
      answer: { kind: "number", value: answer, tolerance: FOUR_FIGURES },
      slips: [
        {
          value: 3 ** -L,
          hint: "The biases are random too: each adds $1/(3n_{\\ell-1})$ to the variance.",
        },
        {
          value: fanIns.reduce((v, n) => v + 1 / n, 1),
          hint: "A uniform draw on $(-c, c)$ has variance $c^2/3$, not $c^2$.",
        },
        {
          value: pytorchOutputVariance([...fanIns.slice(1), 1]),
          hint: "Layer $\\ell$ draws with its fan-in $n_{\\ell-1}$ (the width it reads), " +
            "not its fan-out $n_\\ell$.",
        },
      ],
      solution: [
        `With mean-zero weights, $\\operatorname{Var}(y_\\ell) = n_{\\ell-1}\\cdot` +
        `\\tfrac{1}{3n_{\\ell-1}}\\operatorname{Var}(y_{\\ell-1}) + \\tfrac{1}{3n_{\\ell-1}} = ` +
        `\\tfrac{1}{3}\\big(\\operatorname{Var}(y_{\\ell-1}) + 1/n_{\\ell-1}\\big)$: a uniform ` +
        `draw on $(-c, c)$ has variance $c^2/3$, here $1/(3n_{\\ell-1})$ for weights and biases.`,
        ...steps.slice(1).map((v, l) =>
          `$\\operatorname{Var}(y_${l + 1}) = \\tfrac{1}{3}(${formatNumber(steps[l])} + 1/${
            fanIns[l]
          }) = ${formatNumber(v)}$.`
        ),
        `In closed form $\\operatorname{Var}(y_${L}) = 1/3^{${L}} + \\sum_{k=0}^{${L - 1}}` +
        ` 1/(3^{${L}-k} n_k) = ${pytorchVarianceFraction(fanIns)} \\approx ${
          formatNumber(answer)
        }$.`,
      ],
    };
  },
);

/** Means of X and Y: never 0, so every term of the formula counts. */
const MEANS = [-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3];
const VARIANCES = [0.25, 0.5, 1, 2, 3, 4];

export const VARIANCE_OF_PRODUCT = seededExercise(
  {
    id: "initialisation/variance-of-product",
    page: PAGE,
    title: "The variance of a product of independent variables",
    sources: [["worked-exercises", "3.1(a)"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => ({
    x: { mean: pick(rng, MEANS), variance: pick(rng, VARIANCES) },
    y: { mean: pick(rng, MEANS), variance: pick(rng, VARIANCES) },
  }),
  ({ x, y }) => {
    const answer = varianceOfProduct(x, y);
    const terms = [x.variance * y.variance, x.variance * y.mean ** 2, y.variance * x.mean ** 2];
    return {
      prompt: `$X$ and $Y$ are independent, with $\\mathbb{E}X = ${formatNumber(x.mean)}$, ` +
        `$\\operatorname{Var}X = ${formatNumber(x.variance)}$, $\\mathbb{E}Y = ${
          formatNumber(y.mean)
        }$ and ` +
        `$\\operatorname{Var}Y = ${formatNumber(y.variance)}$. What is $\\operatorname{Var}(XY)$?`,
      answer: { kind: "number", value: answer, tolerance: FOUR_FIGURES },
      slips: [
        {
          value: terms[0],
          hint: "That is the variance of the product only when both means are 0; " +
            "the means add two more terms.",
        },
        {
          value: answer + (x.mean * y.mean) ** 2,
          hint: "That is $\\mathbb{E}[(XY)^2]$; subtract $(\\mathbb{E}[XY])^2 = " +
            "(\\mathbb{E}X\\,\\mathbb{E}Y)^2$.",
        },
        {
          value: x.variance * x.mean ** 2 + y.variance * y.mean ** 2 + terms[0],
          hint: "Each variance multiplies the square of the other variable's mean.",
        },
      ],
      solution: [
        `By independence $\\mathbb{E}[(XY)^2] = \\mathbb{E}[X^2]\\,\\mathbb{E}[Y^2]$ and ` +
        `$\\mathbb{E}[XY] = \\mathbb{E}X\\,\\mathbb{E}Y$, which expand to ` +
        `$\\operatorname{Var}(XY) = \\operatorname{Var}X\\operatorname{Var}Y + ` +
        `\\operatorname{Var}X(\\mathbb{E}Y)^2 + \\operatorname{Var}Y(\\mathbb{E}X)^2$.`,
        `$= ${formatNumber(x.variance)}\\cdot${formatNumber(y.variance)} + ${
          formatNumber(x.variance)
        }\\cdot${formatNumber(y.mean ** 2)} + ${formatNumber(y.variance)}\\cdot${
          formatNumber(x.mean ** 2)
        } = ${formatNumber(terms[0])} + ${formatNumber(terms[1])} + ${formatNumber(terms[2])} = ${
          formatNumber(answer)
        }$.`,
      ],
    };
  },
);

/** Two different widths: the layer's fan-in d and its fan-out. */
function drawFans(rng: Parameters<typeof pick>[0]): { fanIn: number; fanOut: number } {
  const fanIn = pick(rng, LAYER_WIDTHS);
  let fanOut = pick(rng, LAYER_WIDTHS);
  while (fanOut === fanIn) fanOut = pick(rng, LAYER_WIDTHS);
  return { fanIn, fanOut };
}

export const XAVIER_SCALE = seededExercise(
  {
    id: "initialisation/xavier-scale",
    page: PAGE,
    title: "The weight scale that keeps the variance at 1",
    sources: [["worked-exercises", "3.1(b)"], ["worked-exercises", "3.1(c)"]],
    ...halfPercent("a number such as 0.0625"),
  },
  drawFans,
  ({ fanIn, fanOut }) => {
    const variance = weightVariance(XAVIER, fanIn);
    const answer = Math.sqrt(variance);
    return {
      prompt: `A layer $a = Wh + b$ maps $h \\in \\mathbb{R}^{${fanIn}}$ to ` +
        `$a \\in \\mathbb{R}^{${fanOut}}$. The entries of $h$ have mean 0, variance 1 and no ` +
        `correlation; $b = 0$ and the weights are drawn independently from ` +
        `$\\mathcal{N}(0, s^2)$. What standard deviation $s$ gives every $a_i$ variance 1?`,
      answer: { kind: "number", value: answer, tolerance: FOUR_FIGURES },
      slips: [
        { value: variance, hint: "That is the variance $s^2$; the question asks for $s$." },
        {
          value: Math.sqrt(weightVariance(XAVIER, fanOut)),
          hint: `Each $a_i$ sums over the ${fanIn} inputs it reads (the fan-in), not the ` +
            `${fanOut} outputs.`,
        },
        {
          value: Math.sqrt(weightVariance(HE, fanIn)),
          hint: "The factor 2 is He's, for inputs that passed a ReLU; these have variance 1.",
        },
        {
          value: Math.sqrt(2 / (fanIn + fanOut)),
          hint: "That is Glorot and Bengio's compromise between fan-in and fan-out; " +
            "variance exactly 1 going forward needs the fan-in alone.",
        },
      ],
      solution: [
        `$\\operatorname{Var}(a_i) = \\sum_{j=1}^{${fanIn}} \\operatorname{Var}(W_{ij}h_j) = ` +
        `${fanIn}\\, s^2 \\cdot 1$, since each term is $s^2\\operatorname{Var}h_j + ` +
        `s^2(\\mathbb{E}h_j)^2 + \\operatorname{Var}h_j\\cdot 0^2 = s^2$.`,
        `Setting it to 1: $s^2 = 1/${fanIn} = ${formatNumber(variance)}$, so $s = ${
          formatNumber(answer)
        }$.`,
      ],
    };
  },
);

export const HE_VARIANCE = seededExercise(
  {
    id: "initialisation/he-variance",
    page: PAGE,
    title: "He's weight variance after a ReLU",
    sources: [["worked-exercises", "3.2"]],
    ...halfPercent("a number such as 0.0625 (or a fraction such as 1/16)"),
  },
  drawFans,
  ({ fanIn, fanOut }) => {
    const answer = weightVariance(HE, fanIn);
    return {
      prompt: `The pre-activations $a^{(t-1)} \\in \\mathbb{R}^{${fanIn}}$ have mean 0, ` +
        `variance 1, a symmetric law and no correlation; $h = \\operatorname{ReLU}(a^{(t-1)})$ ` +
        `feeds a layer $a^{(t)} = Wh + b$ with ${fanOut} outputs, $b = 0$ and weights from ` +
        `$\\mathcal{N}(0, s^2)$. What variance $s^2$ gives every $a^{(t)}_i$ variance 1?`,
      answer: { kind: "number", value: answer, tolerance: FOUR_FIGURES },
      slips: [
        {
          value: weightVariance(XAVIER, fanIn),
          hint: "A ReLU keeps only half of the second moment: $\\mathbb{E}[h^2] = 1/2$.",
        },
        { value: Math.sqrt(answer), hint: "That is the standard deviation; give $s^2$." },
        {
          value: weightVariance(HE, fanOut),
          hint: `Each $a^{(t)}_i$ sums over its ${fanIn} inputs (the fan-in).`,
        },
        {
          value: 1 / (2 * fanIn),
          hint: "Halving $\\mathbb{E}[h^2]$ has to be made up by doubling the weights' " +
            "variance, not halving it.",
        },
      ],
      solution: [
        "By symmetry $a^{(t-1)}_j$ is positive half the time, so " +
        "$\\mathbb{E}[h_j^2] = \\tfrac{1}{2}\\mathbb{E}[(a^{(t-1)}_j)^2] = \\tfrac{1}{2}$.",
        `With mean-zero weights, $\\operatorname{Var}(a^{(t)}_i) = \\sum_j s^2\\,` +
        `\\mathbb{E}[h_j^2] = ${fanIn}\\cdot s^2/2$.`,
        `Setting it to 1: $s^2 = 2/${fanIn} = ${formatNumber(answer)}$ (He's initialisation).`,
      ],
    };
  },
);

export const UNIFORM_BOUND = seededExercise(
  {
    id: "initialisation/uniform-bound",
    page: PAGE,
    title: "The uniform bound of Xavier's or He's initialisation",
    sources: [["worked-exercises", "3.3"]],
    ...halfPercent("a number such as 0.0625"),
  },
  (rng) => ({ ...drawFans(rng), afterRelu: rng.uniform() < 0.5 }),
  ({ fanIn, fanOut, afterRelu }) => {
    const [scheme, other] = afterRelu ? [HE, XAVIER] : [XAVIER, HE];
    const answer = weightBound(scheme, fanIn);
    const variance = weightVariance(scheme, fanIn);
    const inputs = afterRelu
      ? "are a ReLU of pre-activations with mean 0, variance 1, a symmetric law and no " +
        "correlation"
      : "have mean 0, variance 1 and no correlation";
    return {
      prompt: `A layer $a = Wh$ reads ${fanIn} inputs and has ${fanOut} outputs. Its inputs ` +
        `${inputs}. The weights are drawn independently and uniformly on $(-c, c)$. Which ` +
        `bound $c$ gives every $a_i$ mean 0 and variance 1?`,
      answer: { kind: "number", value: answer, tolerance: FOUR_FIGURES },
      slips: [
        {
          value: weightBound(other, fanIn),
          hint: afterRelu
            ? "After a ReLU, $\\mathbb{E}[h^2] = 1/2$: the weights need twice the variance."
            : "The factor 6 is for inputs that passed a ReLU; these have variance 1.",
        },
        {
          value: Math.sqrt(variance),
          hint: "That is the standard deviation the weights need; a uniform draw on " +
            "$(-c, c)$ has standard deviation $c/\\sqrt{3}$.",
        },
        {
          value: weightBound(scheme, fanOut),
          hint: `Each $a_i$ sums over the ${fanIn} inputs it reads (the fan-in).`,
        },
        { value: 3 * variance, hint: "Take the square root: $c^2 = 3\\operatorname{Var}(W)$." },
      ],
      solution: [
        `The weights need $\\operatorname{Var}(W_{ij}) = ${afterRelu ? 2 : 1}/${fanIn} = ` +
        `${formatNumber(variance)}$${
          afterRelu ? ", twice Xavier's, since a ReLU halves $\\mathbb{E}[h^2]$" : ""
        }.`,
        `A uniform draw on $(-c, c)$ has variance $(2c)^2/12 = c^2/3$, so ` +
        `$c = \\sqrt{3\\cdot${formatNumber(variance)}} = \\sqrt{${afterRelu ? 6 : 3}/${fanIn}} = ` +
        `${formatNumber(answer)}$.`,
      ],
    };
  },
);

/** Spectral norms for the bound: short decimals around 1. */
const NORMS = [0.8, 1, 1.2, 1.5, 2, 2.5, 3, 4];

/** The ceiling γᴸ·∏‖W_ℓ‖₂ on the input gradient of a network with a unit readout. */
function slopeCeilingBound(norms: readonly number[], gamma = MAX_SLOPE.sigmoid): number {
  return norms.reduce((bound, norm) => bound * gamma * norm, 1);
}

export const SIGMOID_GRADIENT_BOUND = seededExercise(
  {
    id: "initialisation/sigmoid-gradient-bound",
    page: PAGE,
    title: "The ceiling on a deep sigmoid network's input gradient",
    sources: [["discussion-5", "1(a)"]],
    ...halfPercent("a number such as 0.03209"),
  },
  (rng) => ({ norms: Array.from({ length: intBetween(rng, 3, 7) }, () => pick(rng, NORMS)) }),
  ({ norms }) => {
    const L = norms.length;
    const answer = slopeCeilingBound(norms);
    const product = norms.reduce((p, n) => p * n, 1);
    return {
      prompt: `A network of ${L} sigmoid layers $h_\\ell = \\sigma(W_\\ell h_{\\ell-1})$ ends in ` +
        `a readout $f = v^\\top h_${L}$ with $\\|v\\| = 1$. The weight matrices have spectral ` +
        `norms ${
          norms.map((n, l) => `$\\|W_${l + 1}\\|_2 = ${formatNumber(n)}$`).join(", ")
        }. What upper ` +
        `bound on $\\|\\partial f/\\partial x\\|$, valid at every input $x$, do the sigmoid's ` +
        `slopes and these norms give?`,
      answer: { kind: "number", value: answer, tolerance: FOUR_FIGURES },
      slips: [
        {
          value: product,
          hint: "Each layer also multiplies by $\\operatorname{diag}(\\sigma')$, whose norm is " +
            "at most $1/4$.",
        },
        {
          value: answer * 4,
          hint: `There are ${L} sigmoid layers, so ${L} factors of $1/4$.`,
        },
        {
          value: slopeCeilingBound(norms.map(() => 1)),
          hint: "The weights' norms multiply the bound as well.",
        },
      ],
      solution: [
        "By the chain rule $\\partial f/\\partial x = v^\\top D_L W_L \\cdots D_1 W_1$ with " +
        "$D_\\ell = \\operatorname{diag}(\\sigma'(W_\\ell h_{\\ell-1}))$, and " +
        "$\\sigma' = \\sigma(1-\\sigma) \\le 1/4$ gives $\\|D_\\ell\\|_2 \\le 1/4$.",
        `So $\\|\\partial f/\\partial x\\| \\le (1/4)^{${L}}\\prod_\\ell \\|W_\\ell\\|_2 = ` +
        `${formatNumber(0.25 ** L)}\\cdot ${formatNumber(product)} = ${formatNumber(answer)}$.`,
      ],
    };
  },
);

export const EXERCISES: readonly Exercise[] = [
  PYTORCH_OUTPUT_VARIANCE,
  VARIANCE_OF_PRODUCT,
  XAVIER_SCALE,
  HE_VARIANCE,
  UNIFORM_BOUND,
  SIGMOID_GRADIENT_BOUND,
];
