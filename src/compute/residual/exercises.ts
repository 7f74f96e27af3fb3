/**
 * Exercises of the residual page: the sigmoid's slope, the residual block's output, its Jacobian
 * and which of the course's cases applies, and the gradients of the MLP with skips (a layer's
 * Jacobian, the bias and weight gradients, and a zeroed layer). Answers come from block.ts and
 * mlp.ts; the networks use ReLU and small integers, so every answer is exact.
 */
import { sigmoid, sigmoidDerivative } from "../activations.js";
import type { Exercise, Tolerance } from "../exercise.ts";
import { formatNumber, formatVector } from "../exerciseFormat.js";
import {
  distinctSlips,
  FOUR_FIGURES,
  intBetween,
  ONE_CHOICE,
  pick,
  seededExercise,
  texColumn,
  texMatrixBareMinus,
} from "../exerciseSeeded.js";
import type { Rng } from "../prng.js";
import {
  BLOCK_CASES,
  type BlockCase,
  blockCase,
  blockJacobian,
  type BlockPass,
  type Matrix,
  residualBlock,
} from "./block.js";
import {
  type DenseLayer,
  forwardMlp,
  layerJacobian,
  outputGradients,
  type ResidualMlp,
} from "./mlp.js";

const PAGE = "residual";
/** Integer answers: anything that rounds to the right integer entry is right. */
const EXACT: Tolerance = { absolute: 0.005 };
const EXACT_TEXT = "exact (each entry within 0.005)";

const integerMatrix = (rng: Rng, rows: number, cols: number, max: number): Matrix =>
  Array.from(
    { length: rows },
    () => Array.from({ length: cols }, () => intBetween(rng, -max, max)),
  );
const integerVector = (rng: Rng, length: number, max: number) =>
  Array.from({ length }, () => intBetween(rng, -max, max));
const times = (m: Matrix, v: readonly number[]) =>
  m.map((row) => row.reduce((s, a, j) => s + a * v[j], 0));
const product = (a: Matrix, b: Matrix): Matrix =>
  a.map((row) => b[0].map((_, k) => row.reduce((s, v, j) => s + v * b[j][k], 0)));
const plusIdentity = (m: Matrix): Matrix =>
  m.map((row, i) => row.map((v, k) => v + (i === k ? 1 : 0)));
// `+ 0` turns −0 (a zero row times a negative weight) into 0, which prints without a sign.
const maskRows = (mask: readonly number[], m: Matrix): Matrix =>
  m.map((row, i) => row.map((v) => v * mask[i] + 0));
const transpose = (m: Matrix): Matrix => m[0].map((_, k) => m.map((row) => row[k]));
const relu = (v: readonly number[]) => v.map((x) => Math.max(0, x));
const texDiag = (mask: readonly number[]) => `\\operatorname{diag}(${mask.join(", ")})`;

// ---------------------------------------------------------------------------------------------
// Discussion 5, 1(a): the sigmoid's slope.

const SLOPE_POINTS = [-3, -2.5, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 2.5, 3];

export const SIGMOID_SLOPE = seededExercise(
  {
    id: "residual/sigmoid-slope",
    page: PAGE,
    title: "The sigmoid's slope, and its largest value",
    sources: [["discussion-5", "1(a)"]],
    toleranceText: "within 0.5 %",
    answerFormat: "a number such as 0.1966",
  },
  (rng) => ({ x: pick(rng, SLOPE_POINTS) }),
  ({ x }) => {
    const s = sigmoid(x);
    const answer = sigmoidDerivative(x);
    return {
      prompt: `What is the slope $\\sigma'(x)$ of the sigmoid $\\sigma(x) = 1/(1 + e^{-x})$ at ` +
        `$x = ${formatNumber(x)}$?`,
      answer: { kind: "number", value: answer, tolerance: FOUR_FIGURES },
      slips: [
        {
          value: s,
          hint: "That is $\\sigma(x)$ itself; its slope is $\\sigma(x)(1 - \\sigma(x))$.",
        },
        { value: 0.25, hint: "$1/4$ is the largest slope, reached only at $x = 0$." },
        { value: 1 - s, hint: "Multiply $1 - \\sigma(x)$ by $\\sigma(x)$." },
      ],
      solution: [
        "$\\sigma'(x) = e^{-x}/(1 + e^{-x})^2 = \\sigma(x)\\,(1 - \\sigma(x))$.",
        `$\\sigma(${formatNumber(x)}) = ${formatNumber(s)}$, so $\\sigma'(${formatNumber(x)}) = ${
          formatNumber(s)
        }\\cdot${formatNumber(1 - s)} = ` +
        `${formatNumber(answer)}$.`,
        "Since $\\sigma \\in (0, 1)$, $\\sigma(1 - \\sigma)$ peaks at $\\sigma = 1/2$, i.e. $x = 0$, " +
        "where it is $1/4$: a sigmoid layer can only shrink a gradient, while ReLU's slope is 1 " +
        "wherever the unit is on.",
      ],
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Discussion 5, 1(b)–(c): the residual block X₁ = ReLU(W₂ReLU(W₁X₀) + X₀).

interface BlockParams {
  w1: Matrix;
  w2: Matrix;
  x0: number[];
}

/**
 * Integer weights and input with no pre-activation at exactly 0, where ReLU's slope is a
 * convention (a unit whose pre-activation is 0 is neither plainly on nor plainly off): the first
 * such draw whose forward pass `accept`s.
 */
function drawBlock(
  rng: Rng,
  accept: (pass: BlockPass, x0: readonly number[]) => boolean,
): BlockParams {
  for (;;) {
    const p = {
      w1: integerMatrix(rng, 2, 2, 2),
      w2: integerMatrix(rng, 2, 2, 2),
      x0: integerVector(rng, 2, 3),
    };
    const pass = residualBlock(p.w1, p.w2, p.x0);
    if ([...pass.innerPre, ...pass.outerPre].every((v) => v !== 0) && accept(pass, p.x0)) return p;
  }
}

const blockData = ({ w1, w2, x0 }: BlockParams) =>
  `$W_1 = ${texMatrixBareMinus(w1)}$, $W_2 = ${texMatrixBareMinus(w2)}$ and $X_0 = ${
    texColumn(x0)
  }$`;

function blockSteps({ w1, w2, x0 }: BlockParams): string[] {
  const pass = residualBlock(w1, w2, x0);
  return [
    `$W_1X_0 = ${texColumn(pass.innerPre)}$, so $\\operatorname{ReLU}(W_1X_0) = ` +
    `${texColumn(pass.inner)}$ and $D_1 = ${texDiag(pass.innerMask)}$.`,
    `$W_2\\operatorname{ReLU}(W_1X_0) + X_0 = ${texColumn(times(w2, pass.inner))} + ` +
    `${texColumn(x0)} = ${texColumn(pass.outerPre)}$, so $D_2 = ${texDiag(pass.outerMask)}$.`,
  ];
}

export const BLOCK_OUTPUT = seededExercise(
  {
    id: "residual/block-output",
    page: PAGE,
    title: "The output of a residual block",
    sources: [["discussion-5", "1(b)"]],
    toleranceText: EXACT_TEXT,
    answerFormat: "a vector such as [2, 0]",
  },
  (rng) => drawBlock(rng, (pass) => pass.out.some((v) => v >= 1)),
  (p) => {
    const { w1, w2, x0 } = p;
    const pass = residualBlock(w1, w2, x0);
    const answer = { kind: "vector" as const, value: pass.out, tolerance: EXACT };
    const noSkip = relu(times(w2, pass.inner));
    return {
      prompt: `A residual block with zero biases maps $X_0$ to ` +
        `$X_1 = \\operatorname{ReLU}(W_2\\operatorname{ReLU}(W_1X_0) + X_0)$. With ` +
        `${blockData(p)}, what is $X_1$?`,
      answer,
      slips: distinctSlips(answer, [
        { value: noSkip, hint: "The skip adds $X_0$ before the outer ReLU." },
        {
          value: relu(times(product(w2, w1), x0).map((v, i) => v + x0[i])),
          hint: "Apply the inner ReLU to $W_1X_0$ before multiplying by $W_2$.",
        },
        {
          value: noSkip.map((v, i) => v + x0[i]),
          hint: "The skip joins before the outer ReLU, not after it.",
        },
      ]),
      solution: [
        ...blockSteps(p),
        `$X_1 = \\operatorname{ReLU}(${texColumn(pass.outerPre)}) = ${texColumn(pass.out)}$, ` +
        `typed ${formatVector(pass.out)}.`,
      ],
    };
  },
);

/** The options of the case question, in BLOCK_CASES order. */
const CASE_OPTIONS: Record<BlockCase, string> = {
  "outer-off": "$0$: the outer ReLU is off in every unit",
  "both-on": "$W_2W_1 + I$: both ReLUs are on in every unit",
  "inner-off": "$I$: the inner ReLU is off in every unit and $X_0 > 0$",
  mixed: "None of these three: units are mixed, so only $D_2(W_2D_1W_1 + I)$ applies",
};

export const BLOCK_CASE = seededExercise(
  {
    id: "residual/block-case",
    page: PAGE,
    title: "Which case of the residual block's Jacobian applies",
    sources: [["discussion-5", "1(c)"]],
    ...ONE_CHOICE,
  },
  (rng) => {
    // Each case equally often: draw a target, then blocks until one lands in it.
    const target = pick(rng, BLOCK_CASES);
    return drawBlock(rng, (pass, x0) => blockCase(pass, x0) === target);
  },
  (p) => {
    const { w1, w2, x0 } = p;
    const pass = residualBlock(w1, w2, x0);
    const found = blockCase(pass, x0);
    const inner = texColumn(pass.innerPre), outer = texColumn(pass.outerPre);
    const hints: Record<BlockCase, string> = {
      "outer-off": `The outer pre-activation is $${outer}$: not every entry is negative.`,
      "both-on": `Not every unit is on: $W_1X_0 = ${inner}$ and the outer pre-activation is ` +
        `$${outer}$.`,
      "inner-off": `The identity case needs $W_1X_0 < 0$ in every entry and $X_0 > 0$; here ` +
        `$W_1X_0 = ${inner}$ and $X_0 = ${texColumn(x0)}$.`,
      mixed: "The general form always holds, but here it reduces to one of the three closed " +
        "forms: look at $D_1$ and $D_2$.",
    };
    return {
      prompt:
        `For the residual block $X_1 = \\operatorname{ReLU}(W_2\\operatorname{ReLU}(W_1X_0) + ` +
        `X_0)$ with ${
          blockData(p)
        }, which form does the Jacobian $\\partial X_1/\\partial X_0$ take?`,
      answer: {
        kind: "choice",
        options: BLOCK_CASES.map((c) => CASE_OPTIONS[c]),
        correct: BLOCK_CASES.indexOf(found),
      },
      slips: BLOCK_CASES.filter((c) => c !== found).map((c) => ({
        value: BLOCK_CASES.indexOf(c),
        hint: hints[c],
      })),
      solution: [
        ...blockSteps(p),
        "The chain rule gives $\\partial X_1/\\partial X_0 = D_2(W_2D_1W_1 + I)$: $0$ when " +
        "$D_2 = 0$, $W_2W_1 + I$ when $D_1 = D_2 = I$, and $I$ when $D_1 = 0$ and $X_0 > 0$ " +
        "(then the outer pre-activation is $X_0$ itself).",
        `So the right option is: ${CASE_OPTIONS[found]}.`,
      ],
    };
  },
);

export const BLOCK_JACOBIAN = seededExercise(
  {
    id: "residual/block-jacobian",
    page: PAGE,
    title: "The Jacobian of a residual block",
    sources: [["discussion-5", "1(c)"]],
    toleranceText: EXACT_TEXT,
    answerFormat: "a matrix, row by row, such as [[1, 0], [2, 1]]",
  },
  (rng) => {
    // Some unit of the outer ReLU on, so the answer is not the zero matrix.
    return drawBlock(rng, (pass) => pass.outerMask.some((m) => m === 1));
  },
  (p) => {
    const { w1, w2, x0 } = p;
    const pass = residualBlock(w1, w2, x0);
    const jacobian = blockJacobian(w1, w2, x0);
    const middle = product(w2, maskRows(pass.innerMask, w1));
    const answer = { kind: "matrix" as const, value: jacobian, tolerance: EXACT };
    return {
      prompt:
        `For the residual block $X_1 = \\operatorname{ReLU}(W_2\\operatorname{ReLU}(W_1X_0) + ` +
        `X_0)$ with ${blockData(p)}, what is the Jacobian $\\partial X_1/\\partial X_0$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: maskRows(pass.outerMask, middle),
          hint: "The skip contributes an identity: $D_2(W_2D_1W_1 + I)$.",
        },
        {
          value: plusIdentity(middle),
          hint: "Rows where the outer ReLU is off are zero: multiply by $D_2$.",
        },
        {
          value: maskRows(pass.outerMask, plusIdentity(product(w2, w1))),
          hint: "Units of the inner ReLU that are off pass no gradient: keep $D_1$.",
        },
        {
          value: maskRows(pass.outerMask, plusIdentity(product(w1, maskRows(pass.innerMask, w2)))),
          hint: "The order is $W_2D_1W_1$: $W_1$ acts first, so it stands on the right.",
        },
      ]),
      solution: [
        ...blockSteps(p),
        `$W_2D_1W_1 = ${texMatrixBareMinus(middle)}$, so $D_2(W_2D_1W_1 + I) = ${
          texMatrixBareMinus(jacobian)
        }$.`,
      ],
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Homework 6, problem 3: the ReLU MLP with skips, y_ℓ = ReLU(A_ℓy_{ℓ−1} + b_ℓ) + y_{ℓ−1}.

interface NetParams {
  /** Layers 1 … L as integer matrices and biases; the last is the 1 × 2 top. */
  layers: { a: Matrix; b: number[] }[];
  x: number[];
}

function toNet({ layers }: NetParams): ResidualMlp {
  const dense = layers.map(({ a, b }): DenseLayer => ({
    rows: a.length,
    cols: a[0].length,
    a: Float64Array.from(a.flat()),
    b: Float64Array.from(b),
  }));
  return { activation: "relu", skips: true, layers: dense };
}

/**
 * A net of `depth` layers on x ∈ ℝ²: hidden layers 2 × 2, a 1 × 2 top; zeroLayer's A is 0. No
 * pre-activation sits at ReLU's kink, and `ok` holds of the pass.
 */
function drawNet(
  rng: Rng,
  depth: number,
  ok: (net: ResidualMlp, p: NetParams) => boolean,
  zeroLayer?: number,
): NetParams {
  for (;;) {
    const layers = Array.from({ length: depth }, (_, l) => ({
      a: l + 1 === zeroLayer ? [[0, 0], [0, 0]] : integerMatrix(rng, l === depth - 1 ? 1 : 2, 2, 2),
      b: integerVector(rng, l === depth - 1 ? 1 : 2, 1),
    }));
    const p = { layers, x: integerVector(rng, 2, 2) };
    const net = toNet(p);
    const pass = forwardMlp(net, p.x);
    if (pass.pres.every((z) => z.every((v) => v !== 0)) && ok(net, p)) return p;
  }
}

const netPrompt = ({ layers, x }: NetParams) => {
  const L = layers.length;
  const hidden = layers.slice(1, -1).map((_, k) => k + 2);
  return `An MLP with skips on $x \\in \\mathbb{R}^2$ computes $y_1 = \\operatorname{ReLU}(A_1x + b_1)$, ` +
    hidden.map((l) => `$y_${l} = \\operatorname{ReLU}(A_${l}y_${l - 1} + b_${l}) + y_${l - 1}$`)
      .join(", ") +
    ` and $y_${L} = A_${L}y_${L - 1} + b_${L}$, with ` +
    layers.map(({ a, b }, l) =>
      `$A_${l + 1} = ${texMatrixBareMinus(a)}$, $b_${l + 1} = ${texColumn(b)}$`
    )
      .join(", ") +
    ` and $x = ${texColumn(x)}$.`;
};

/** The forward pass in words: each y_ℓ and its slopes D_ℓ. */
function netSteps(p: NetParams): string[] {
  const pass = forwardMlp(toNet(p), p.x);
  return pass.pres.map((z, k) =>
    `$A_${k + 1}${k === 0 ? "x" : `y_${k}`} + b_${k + 1} = ${texColumn([...z])}$, so ` +
    `$D_${k + 1} = ${texDiag([...pass.slopes[k]])}$ and $y_${k + 1} = ${
      texColumn([...pass.ys[k + 1]])
    }$.`
  );
}

const rowsOf = (flat: ArrayLike<number>, cols: number): Matrix =>
  Array.from(
    { length: flat.length / cols },
    (_, i) => Array.from(flat).slice(i * cols, (i + 1) * cols),
  );

export const LAYER_JACOBIAN = seededExercise(
  {
    id: "residual/layer-jacobian",
    page: PAGE,
    title: "The Jacobian of a layer with a skip",
    sources: [["homework-6", "3(i)"]],
    toleranceText: EXACT_TEXT,
    answerFormat: "a matrix, row by row, such as [[1, 0], [2, 1]]",
  },
  (rng) =>
    drawNet(rng, 3, (net, p) => {
      const slopes = forwardMlp(net, p.x).slopes[1];
      return slopes.some((s) => s === 0) && slopes.some((s) => s === 1);
    }),
  (p) => {
    const net = toNet(p);
    const pass = forwardMlp(net, p.x);
    const a2 = p.layers[1].a;
    const d2 = [...pass.slopes[1]];
    const answer = {
      kind: "matrix" as const,
      value: layerJacobian(net, pass, 2),
      tolerance: EXACT,
    };
    return {
      prompt: `${netPrompt(p)} What is $\\partial y_2/\\partial y_1$?`,
      answer,
      slips: distinctSlips(answer, [
        { value: maskRows(d2, a2), hint: "The skip $+\\,y_1$ adds the identity." },
        {
          value: plusIdentity(a2),
          hint: "Rows of units that are off carry $\\sigma' = 0$: keep $D_2$.",
        },
        {
          value: plusIdentity(transpose(maskRows(d2, a2))),
          hint: "Row $i$ is unit $i$'s gradient: $D_2A_2$, not its transpose.",
        },
      ]),
      solution: [
        ...netSteps(p).slice(0, 2),
        `$\\partial y_2/\\partial y_1 = D_2A_2 + I = ${texMatrixBareMinus(answer.value)}$.`,
      ],
    };
  },
);

export const BIAS_GRADIENT = seededExercise(
  {
    id: "residual/bias-gradient",
    page: PAGE,
    title: "The gradient for an early bias in an MLP with skips",
    sources: [["homework-6", "3(ii)"]],
    toleranceText: EXACT_TEXT,
    answerFormat: "a row vector such as [2, 0]",
  },
  (rng) =>
    drawNet(rng, 3, (net, p) => {
      const pass = forwardMlp(net, p.x);
      return outputGradients(net, p.x).db[0].some((v) => Math.abs(v) >= 1) &&
        pass.slopes[1].some((s) => s === 0);
    }),
  (p) => {
    const net = toNet(p);
    const grads = outputGradients(net, p.x);
    const d1 = [...grads.pass.slopes[0]], d2 = [...grads.pass.slopes[1]];
    const a2 = p.layers[1].a, a3 = p.layers[2].a[0];
    const dy1 = [...grads.dy[1]];
    const answer = { kind: "vector" as const, value: [...grads.db[0]], tolerance: EXACT };
    const withoutSkip = transpose(maskRows(d2, a2)).map((col) =>
      col.reduce((s, v, i) => s + v * a3[i], 0)
    );
    return {
      prompt: `${netPrompt(p)} What is $\\partial y_3/\\partial b_1$ (a row vector)?`,
      answer,
      slips: distinctSlips(answer, [
        { value: dy1, hint: "That is $\\partial y_3/\\partial y_1$; multiply by $D_1$ for $b_1$." },
        {
          value: withoutSkip.map((v, i) => v * d1[i]),
          hint: "Layer 2 has a skip: $\\partial y_2/\\partial y_1 = D_2A_2 + I$.",
        },
        {
          value: a3.map((v, i) => v * d1[i]),
          hint: "The gradient also flows through $D_2A_2$, not only the skip.",
        },
      ]),
      solution: [
        ...netSteps(p),
        `$\\partial y_3/\\partial y_1 = A_3(D_2A_2 + I) = ${formatVector(dy1)}$.`,
        `$\\partial y_3/\\partial b_1 = (\\partial y_3/\\partial y_1)D_1 = ${
          formatVector(answer.value)
        }$.`,
      ],
    };
  },
);

export const WEIGHT_GRADIENT = seededExercise(
  {
    id: "residual/weight-gradient",
    page: PAGE,
    title: "The gradient for a hidden weight matrix",
    sources: [["homework-6", "3(ii)"]],
    toleranceText: EXACT_TEXT,
    answerFormat: "a matrix, row by row, such as [[1, 0], [2, 1]]",
  },
  (rng) =>
    drawNet(rng, 3, (net, p) => {
      const g = outputGradients(net, p.x);
      // A unit of layer 2 off (so D₂ matters) and y₁ without zeros (so the other row is full).
      return g.dA[1].some((v) => Math.abs(v) >= 1) && g.pass.slopes[1].some((s) => s === 0) &&
        g.pass.ys[1].every((v) => v !== 0);
    }),
  (p) => {
    const net = toNet(p);
    const grads = outputGradients(net, p.x);
    const d2 = [...grads.pass.slopes[1]];
    const a3 = p.layers[2].a[0];
    const [y0, y1, y2] = grads.pass.ys.map((y) => [...y]);
    const outer = (u: number[], v: number[]) => u.map((a) => v.map((b) => a * b + 0));
    const delta = a3.map((v, i) => v * d2[i]);
    const answer = { kind: "matrix" as const, value: rowsOf(grads.dA[1], 2), tolerance: EXACT };
    return {
      prompt: `${netPrompt(p)} What is $\\partial y_3/\\partial A_2$, as a matrix with entry ` +
        `$(i, j)$ equal to $\\partial y_3/\\partial (A_2)_{ij}$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: outer(a3, y1),
          hint: "Units of layer 2 that are off pass nothing: multiply by $D_2$.",
        },
        {
          value: outer(delta, y2),
          hint: "$A_2$ multiplies the layer's input $y_1$, not its output $y_2$.",
        },
        { value: outer(delta, y0), hint: "$A_2$ multiplies $y_1$, not $x$." },
        {
          value: transpose(outer(delta, y1)),
          hint: "Row $i$ belongs to unit $i$: $D_2(\\partial y_3/\\partial y_2)^\\top y_1^\\top$.",
        },
      ]),
      solution: [
        ...netSteps(p),
        `$\\partial y_3/\\partial y_2 = A_3 = ${formatVector(a3)}$, and $D_2(A_3)^\\top = ${
          texColumn(delta)
        }$.`,
        `$\\partial y_3/\\partial A_2 = D_2(\\partial y_3/\\partial y_2)^\\top y_1^\\top = ` +
        `${texColumn(delta)}${texMatrixBareMinus([y1])} = ${texMatrixBareMinus(answer.value)}$.`,
      ],
    };
  },
);

export const ZEROED_LAYER = seededExercise(
  {
    id: "residual/zeroed-layer",
    page: PAGE,
    title: "The gradient through a zeroed layer",
    sources: [["homework-6", "3(iii)"]],
    toleranceText: EXACT_TEXT,
    answerFormat: "a row vector such as [2, 0]",
  },
  (rng) =>
    drawNet(rng, 4, (net, p) => outputGradients(net, p.x).db[0].some((v) => Math.abs(v) >= 1), 3),
  (p) => {
    const net = toNet(p);
    const grads = outputGradients(net, p.x);
    const d1 = [...grads.pass.slopes[0]];
    const a4 = p.layers[3].a[0];
    const answer = { kind: "vector" as const, value: [...grads.db[0]], tolerance: EXACT };
    return {
      prompt:
        `${netPrompt(p)} Layer 3 is zeroed ($A_3 = 0$). What is $\\partial y_4/\\partial b_1$ ` +
        `(a row vector)?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: [0, 0],
          hint: "Without skips a zeroed layer would stop the gradient; its skip carries it past.",
        },
        {
          value: [...grads.dy[1]],
          hint: "That is $\\partial y_4/\\partial y_1$; multiply by $D_1$ for $b_1$.",
        },
        {
          value: a4.map((v, i) => v * d1[i]),
          hint: "Layer 2 is not zeroed: its $D_2A_2$ term adds to the skip.",
        },
      ]),
      solution: [
        ...netSteps(p),
        `$\\partial y_4/\\partial y_3 = A_4 = ${
          formatVector(a4)
        }$; layer 3 gives $D_3\\cdot 0 + I = I$, so ` +
        `$\\partial y_4/\\partial y_2 = ${formatVector([...grads.dy[2]])}$.`,
        `$\\partial y_4/\\partial y_1 = (\\partial y_4/\\partial y_2)(D_2A_2 + I) = ${
          formatVector([...grads.dy[1]])
        }$, ` +
        `and $\\partial y_4/\\partial b_1 = (\\partial y_4/\\partial y_1)D_1 = ${
          formatVector(answer.value)
        }$: ` +
        "the identity term carries the gradient past the zeroed layer.",
      ],
    };
  },
);

export const EXERCISES: readonly Exercise[] = [
  SIGMOID_SLOPE,
  BLOCK_OUTPUT,
  BLOCK_CASE,
  BLOCK_JACOBIAN,
  LAYER_JACOBIAN,
  BIAS_GRADIENT,
  WEIGHT_GRADIENT,
  ZEROED_LAYER,
];
