/**
 * Exercises of the rnn-gradients page: the rewritten recurrence, the bound (γs)^T and the largest
 * λ₁(WᵀW) that guarantees vanishing, a network with γs > 1 whose gradient still vanishes, and the
 * bidirectional RNN's gradients. Answers come from recurrence.ts, jacobian.ts and brnn.ts; the
 * bidirectional RNN is scalar (one unit each way, two steps) so it can be done by hand.
 */
import { derivative } from "../activations.js";
import type { Exercise, Tolerance } from "../exercise.ts";
import {
  distinctSlips,
  factor,
  FOUR_FIGURES,
  halfPercent,
  intBetween,
  pick,
  seededExercise,
  sumText,
} from "../exerciseSeeded.js";
import type { Rng } from "../prng.js";
import {
  type Brnn,
  brnnForward,
  type BrnnPass,
  type BrnnStateGradients,
  brnnStateGradients,
  brnnWeightGradients,
} from "./brnn.js";
import { log10Bound, restingLog10Norm } from "./jacobian.js";
import {
  conventionalStates,
  hiddenStates,
  type Recurrence,
  type RnnActivation,
  slopeCeiling,
} from "./recurrence.js";
import { formatNumber } from "../exerciseFormat.js";

const PAGE = "rnn-gradients";
/** The bidirectional RNN's answers pass through several sigmoids a reader rounds by hand. */
const ONE_PERCENT: Tolerance = { relative: 0.01 };
const ONE_PERCENT_TEXT = "within 1 %";
const NUMBER_FORMAT = "a number such as 0.3187";

/** The activation in words, for "… uses σ = tanh" and "… uses σ the logistic sigmoid". */
const ACTIVATION_TEXT: Record<RnnActivation, string> = {
  tanh: "$\\sigma = \\tanh$",
  sigmoid: "$\\sigma$ the logistic sigmoid $1/(1 + e^{-x})$",
  relu: "$\\sigma = \\operatorname{ReLU}$",
};

// ---------------------------------------------------------------------------------------------
// Section 5.1: hₜ = Wσ(hₜ₋₁) + Uxₜ + b is the usual RNN written for gₜ = σ(hₜ).

interface RewriteParams {
  w: number;
  b: number;
  h0: number;
  /** Ux₁ and Ux₂. */
  inputs: [number, number];
}

/** A one-unit tanh recurrence with the given numbers, in the page's Recurrence shape. */
function scalarRecurrence({ w, b, h0, inputs }: RewriteParams): Recurrence {
  return {
    params: {
      units: 1,
      norm: Math.abs(w),
      activation: "tanh",
      weights: "orthogonal",
      rest: 0,
      drive: 0,
      steps: inputs.length,
      seed: 0,
    },
    n: 1,
    w: Float64Array.of(w),
    b: Float64Array.of(b),
    h0: Float64Array.of(h0),
    inputs: Float64Array.from(inputs),
  };
}

const SMALL = [-1.5, -1, -0.5, 0.5, 1, 1.5];

export const REWRITE = seededExercise(
  {
    id: "rnn-gradients/rewrite",
    page: PAGE,
    title: "The same RNN written two ways",
    sources: [["worked-exercises", "5.1"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng): RewriteParams => {
    for (;;) {
      const p: RewriteParams = {
        w: pick(rng, [-2, -1.5, -1, 1, 1.5, 2]),
        b: pick(rng, [-0.5, 0, 0.5]),
        h0: pick(rng, SMALL),
        inputs: [pick(rng, SMALL), pick(rng, SMALL)],
      };
      if (Math.abs(conventionalStates(scalarRecurrence(p))[2][0]) >= 0.1) return p;
    }
  },
  (p) => {
    const rec = scalarRecurrence(p);
    const h = hiddenStates(rec).map((v) => v[0]);
    const g = conventionalStates(rec).map((v) => v[0]);
    const answer = { kind: "number" as const, value: g[2], tolerance: FOUR_FIGURES };
    // Starting the usual form from h₀ instead of g₀ = tanh(h₀).
    const fromH0 = Math.tanh(p.w * Math.tanh(p.w * p.h0 + p.inputs[0] + p.b) + p.inputs[1] + p.b);
    return {
      prompt:
        `A one-unit recurrence $h_t = W\\tanh(h_{t-1}) + Ux_t + b$ has $W = ${
          formatNumber(p.w)
        }$, ` +
        `$b = ${formatNumber(p.b)}$, $h_0 = ${formatNumber(p.h0)}$, $Ux_1 = ${
          formatNumber(p.inputs[0])
        }$ and ` +
        `$Ux_2 = ${
          formatNumber(p.inputs[1])
        }$. The usual RNN $g_t = \\tanh(Wg_{t-1} + Ux_t + b)$, started ` +
        `from $g_0 = \\tanh(h_0)$, is the same network. What is $g_2$?`,
      answer,
      slips: distinctSlips(answer, [
        { value: h[2], hint: "That is $h_2$; the usual form's state is $g_2 = \\tanh(h_2)$." },
        { value: g[1], hint: "That is $g_1$; take one more step." },
        { value: fromH0, hint: "The usual form starts from $g_0 = \\tanh(h_0)$, not from $h_0$." },
      ]),
      solution: [
        `$g_t = \\tanh(h_t)$ for every $t$: if $g_{t-1} = \\tanh(h_{t-1})$, then ` +
        `$\\tanh(Wg_{t-1} + Ux_t + b) = \\tanh(W\\tanh(h_{t-1}) + Ux_t + b) = \\tanh(h_t)$.`,
        `$h_1 = ${formatNumber(p.w)}\\tanh(${formatNumber(p.h0)}) ${
          sumText([0, p.inputs[0], p.b]).slice(2)
        } = ` +
        `${formatNumber(h[1])}$ and $h_2 = ${formatNumber(p.w)}\\tanh(${formatNumber(h[1])}) ${
          sumText([0, p.inputs[1], p.b]).slice(2)
        } = ${formatNumber(h[2])}$.`,
        `$g_2 = \\tanh(${formatNumber(h[2])}) = ${
          formatNumber(g[2])
        }$ (the usual form gives the same: ` +
        `$g_1 = ${formatNumber(g[1])}$, $g_2 = \\tanh(${formatNumber(p.w)}\\cdot${factor(g[1])} ${
          sumText([0, p.inputs[1], p.b]).slice(2)
        })$).`,
      ],
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Section 5.2: ‖∂h_T/∂h₀‖ ≤ (γ‖W‖₂)^T, and the largest λ₁(WᵀW) that guarantees δ^T.

const BOUND_ACTIVATIONS: readonly RnnActivation[] = ["tanh", "sigmoid"];
/** λ₁(WᵀW) for each activation: squares of short decimals, so ‖W‖₂ is exact. */
const LAMBDAS: Record<string, number[]> = {
  tanh: [0.25, 0.36, 0.49, 0.64, 0.81, 1.21, 1.44, 2.25],
  sigmoid: [4, 6.25, 9, 12.25, 16, 20.25, 25],
};

const gammaText = (activation: RnnActivation) =>
  activation === "tanh"
    ? "$\\tanh' = 1 - \\tanh^2 \\le 1$, so $\\gamma = 1$"
    : "$\\sigma' = \\sigma(1 - \\sigma) \\le 1/4$, so $\\gamma = 1/4$";

export const GRADIENT_BOUND = seededExercise(
  {
    id: "rnn-gradients/gradient-bound",
    page: PAGE,
    title: "The bound on the gradient through time",
    sources: [["worked-exercises", "5.2"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => {
    const activation = pick(rng, BOUND_ACTIVATIONS);
    return { activation, lambda: pick(rng, LAMBDAS[activation]), steps: intBetween(rng, 3, 30) };
  },
  ({ activation, lambda, steps }) => {
    const gamma = slopeCeiling(activation);
    const s = Math.sqrt(lambda);
    const answer = {
      kind: "number" as const,
      value: 10 ** log10Bound(activation, s, steps),
      tolerance: FOUR_FIGURES,
    };
    return {
      prompt:
        `The recurrence $h_t = W\\sigma(h_{t-1}) + Ux_t + b$ uses ${
          ACTIVATION_TEXT[activation]
        }, ` +
        `and its weights have $\\lambda_1(W^\\top W) = ${
          formatNumber(lambda)
        }$. What upper bound does the ` +
        `chain rule give on $\\|\\partial h_{${steps}}/\\partial h_0\\|$ (the spectral norm), for any inputs?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: (gamma * s) ** (steps - 1),
          hint:
            `From $h_0$ to $h_{${steps}}$ the chain has ${steps} factors $W\\operatorname{diag}(\\sigma')$.`,
        },
        {
          value: s ** steps,
          hint:
            "Each factor also carries $\\operatorname{diag}(\\sigma')$, of norm at most $\\gamma$.",
        },
        {
          value: (gamma * lambda) ** steps,
          hint: "$\\|W\\| = \\sqrt{\\lambda_1(W^\\top W)}$: take the square root.",
        },
      ]),
      solution: [
        `$\\partial h_{${steps}}/\\partial h_0 = \\prod_t W\\operatorname{diag}(\\sigma'(h_{t-1}))$, and ` +
        `${gammaText(activation)}.`,
        `$\\|W\\| = \\sqrt{${formatNumber(lambda)}} = ${
          formatNumber(s)
        }$, so each factor has norm at most ` +
        `$\\gamma\\|W\\| = ${formatNumber(gamma * s)}$.`,
        `The bound is $(${formatNumber(gamma * s)})^{${steps}} = ${formatNumber(answer.value)}$.`,
      ],
    };
  },
);

const DELTAS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

export const VANISHING_THRESHOLD = seededExercise(
  {
    id: "rnn-gradients/vanishing-threshold",
    page: PAGE,
    title: "The largest weights that guarantee a vanishing gradient",
    sources: [["worked-exercises", "5.2"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => ({ activation: pick(rng, BOUND_ACTIVATIONS), delta: pick(rng, DELTAS) }),
  ({ activation, delta }) => {
    const gamma = slopeCeiling(activation);
    const answer = {
      kind: "number" as const,
      value: (delta / gamma) ** 2,
      tolerance: FOUR_FIGURES,
    };
    return {
      prompt:
        `For $h_t = W\\sigma(h_{t-1}) + Ux_t + b$ with ${ACTIVATION_TEXT[activation]}, what is ` +
        `the largest $\\lambda_1(W^\\top W)$ for which the chain rule guarantees ` +
        `$\\|\\partial h_T/\\partial h_0\\| \\le ${formatNumber(delta)}^T$ at every $T$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: delta / gamma,
          hint: "That is the largest $\\|W\\|$; $\\lambda_1(W^\\top W) = \\|W\\|^2$.",
        },
        { value: delta ** 2, hint: "Divide by $\\gamma^2$: the slopes shrink each factor too." },
        {
          value: (delta * gamma) ** 2,
          hint:
            "The condition is $\\gamma\\|W\\| \\le \\delta$, so $\\|W\\| \\le \\delta/\\gamma$.",
        },
      ]),
      solution: [
        `${
          gammaText(activation)
        }, and each factor $W\\operatorname{diag}(\\sigma')$ has norm at most ` +
        "$\\gamma\\sqrt{\\lambda_1(W^\\top W)}$.",
        `$\\gamma\\sqrt{\\lambda_1} \\le ${
          formatNumber(delta)
        }$ gives $\\lambda_1(W^\\top W) \\le (${formatNumber(delta)}/` +
        `${formatNumber(gamma)})^2 = ${formatNumber(answer.value)}$; then the bound is $${
          formatNumber(delta)
        }^T \\to 0$.`,
      ],
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Section 5.3: γ‖W‖ > 1 is needed for the gradient to explode, but does not make it explode.

const RESTING: Record<string, { norms: number[]; rests: number[] }> = {
  tanh: { norms: [1.2, 1.5, 2, 2.5, 3], rests: [0, 0.5, 1, 1.5, 2] },
  sigmoid: { norms: [5, 6, 8, 10, 12], rests: [0, 1, 2, 3] },
};

export const RESTING_GRADIENT = seededExercise(
  {
    id: "rnn-gradients/resting-gradient",
    page: PAGE,
    title: "A gradient through time when γ‖W‖ > 1",
    sources: [["worked-exercises", "5.3"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => {
    // The factor s·σ′(c) at least 5 % away from 1, so the run clearly grows or shrinks.
    for (;;) {
      const activation = pick(rng, BOUND_ACTIVATIONS);
      const p = {
        activation,
        norm: pick(rng, RESTING[activation].norms),
        rest: pick(rng, RESTING[activation].rests),
        steps: intBetween(rng, 5, 20),
      };
      if (Math.abs(Math.log(p.norm * derivative(activation, p.rest))) > Math.log(1.05)) return p;
    }
  },
  ({ activation, norm, rest, steps }) => {
    const gamma = slopeCeiling(activation);
    const slope = derivative(activation, rest);
    const value = 10 ** restingLog10Norm(activation, norm, rest, steps);
    const answer = { kind: "number" as const, value, tolerance: FOUR_FIGURES };
    const verdict = norm * slope > 1 ? "grows" : "shrinks, although $\\gamma\\|W\\| > 1$";
    return {
      prompt: `A recurrence $h_t = W\\sigma(h_{t-1}) + b$ without input uses ` +
        `${ACTIVATION_TEXT[activation]}; $W$ is ${
          formatNumber(norm)
        } times an orthogonal matrix, so $\\gamma\\|W\\| = ${formatNumber(gamma * norm)} > 1$. ` +
        `The bias holds the state at rest, $h_t = ${
          formatNumber(rest)
        }\\cdot\\mathbf{1}$ for every $t$. What is ` +
        `$\\|\\partial h_{${steps}}/\\partial h_0\\|$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: (gamma * norm) ** steps,
          hint: "That is the bound $(\\gamma\\|W\\|)^T$; at rest every slope is " +
            `$\\sigma'(${formatNumber(rest)})$, which can be far below $\\gamma$.`,
        },
        { value: (norm * slope) ** (steps - 1), hint: `There are ${steps} factors, one a step.` },
        { value: slope ** steps, hint: "Each factor is $W$ times the slopes: include $\\|W\\|$." },
      ]),
      solution: [
        `At rest every step multiplies by $W\\operatorname{diag}(\\sigma'(${
          formatNumber(rest)
        })) = ` +
        `${formatNumber(norm)}\\,\\sigma'(${formatNumber(rest)})\\,Q$ with $Q$ orthogonal, and ` +
        `$\\sigma'(${formatNumber(rest)}) = ${formatNumber(slope)}$.`,
        `So $\\|\\partial h_{${steps}}/\\partial h_0\\| = (${formatNumber(norm)}\\cdot${
          formatNumber(slope)
        })^{${steps}} = ` +
        `${formatNumber(norm * slope)}^{${steps}} = ${formatNumber(value)}$: it ${verdict}.`,
        "$\\gamma\\|W\\| > 1$ only lifts the guarantee of vanishing; whether the gradient explodes " +
        "depends on the slopes the states actually see.",
      ],
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Section 6: a scalar bidirectional sigmoid RNN over T = 2 steps, squared loss.

interface BrnnParams {
  wf: number;
  uf: number;
  vf: number;
  wb: number;
  ub: number;
  vb: number;
  x: [number, number];
  z: [number, number];
}

/** Both initial states, h₀ᶠ and h₃ᵇ: the middle of the sigmoid's range. */
const BRNN_START = 0.5;

function scalarBrnn(p: BrnnParams): Brnn {
  return {
    sizes: { inputs: 1, hidden: 1, outputs: 1, steps: 2 },
    wf: Float64Array.of(p.wf),
    uf: Float64Array.of(p.uf),
    vf: Float64Array.of(p.vf),
    wb: Float64Array.of(p.wb),
    ub: Float64Array.of(p.ub),
    vb: Float64Array.of(p.vb),
    x: p.x.map((v) => Float64Array.of(v)),
    z: p.z.map((v) => Float64Array.of(v)),
    hf0: Float64Array.of(BRNN_START),
    hbEnd: Float64Array.of(BRNN_START),
  };
}

const WEIGHTS = [-1.5, -1, -0.5, 0.5, 1, 1.5];

function drawBrnn(rng: Rng): BrnnParams {
  return {
    wf: pick(rng, WEIGHTS),
    uf: pick(rng, WEIGHTS),
    vf: pick(rng, WEIGHTS),
    wb: pick(rng, WEIGHTS),
    ub: pick(rng, WEIGHTS),
    vb: pick(rng, WEIGHTS),
    x: [pick(rng, [-2, -1, 1, 2]), pick(rng, [-2, -1, 1, 2])],
    z: [pick(rng, [-1, 0, 1, 2]), pick(rng, [-1, 0, 1, 2])],
  };
}

/** Whether a + b keeps at least 30 % of |a| + |b|: no cancellation that hand rounding could spoil. */
const noCancellation = (a: number, b: number) =>
  Math.abs(a + b) >= 0.3 * (Math.abs(a) + Math.abs(b));

/** ∂L/∂W^f term by term: h^f_t(1 − h^f_t) · ∂L/∂h^f_t · x_t for t = 1, 2. */
const inputWeightTerms = (p: BrnnParams, pass: BrnnPass, gf: readonly Float64Array[]) =>
  [1, 2].map((t) => pass.hf[t][0] * (1 - pass.hf[t][0]) * gf[t][0] * p.x[t - 1]);

/** ∂L/∂U^b term by term: h^b_t(1 − h^b_t) · ∂L/∂h^b_t · h^b_{t+1} for t = 1, 2. */
const recurrentWeightTerms = (pass: BrnnPass, gb: readonly Float64Array[]) =>
  [1, 2].map((t) => pass.hb[t][0] * (1 - pass.hb[t][0]) * gb[t][0] * pass.hb[t + 1][0]);

/**
 * A network whose weight gradient, the sum of the two terms `terms` gives, is not small and not
 * a cancellation, so a reader's rounding cannot land on another answer.
 */
function drawTwoTermBrnn(
  rng: Rng,
  terms: (p: BrnnParams, pass: BrnnPass, grads: BrnnStateGradients) => number[],
): BrnnParams {
  for (;;) {
    const p = drawBrnn(rng);
    const net = scalarBrnn(p);
    const pass = brnnForward(net);
    const [a, b] = terms(p, pass, brnnStateGradients(net, pass));
    if (Math.abs(a + b) >= 0.05 && noCancellation(a, b)) return p;
  }
}

function brnnPrompt(p: BrnnParams): string {
  return "A bidirectional RNN with one sigmoid unit each way reads $x_1, x_2$: " +
    "$h^f_t = \\sigma(W^fx_t + U^fh^f_{t-1})$, $h^b_t = \\sigma(W^bx_t + U^bh^b_{t+1})$, " +
    "$y_t = V^fh^f_t + V^bh^b_t$, and $L = \\sum_t (z_t - y_t)^2$. Here " +
    `$W^f = ${formatNumber(p.wf)}$, $U^f = ${formatNumber(p.uf)}$, $V^f = ${
      formatNumber(p.vf)
    }$, $W^b = ${formatNumber(p.wb)}$, ` +
    `$U^b = ${formatNumber(p.ub)}$, $V^b = ${formatNumber(p.vb)}$, $x = (${p.x.join(", ")})$, ` +
    `$z = (${p.z.join(", ")})$ and $h^f_0 = h^b_3 = ${formatNumber(BRNN_START)}$.`;
}

function brnnForwardSteps(p: BrnnParams): string[] {
  const pass = brnnForward(scalarBrnn(p));
  const v = (a: Float64Array) => formatNumber(a[0]);
  return [
    `Forward: $h^f_1 = ${v(pass.hf[1])}$, $h^f_2 = ${v(pass.hf[2])}$; backward: ` +
    `$h^b_2 = ${v(pass.hb[2])}$, $h^b_1 = ${v(pass.hb[1])}$; outputs $y_1 = ${v(pass.y[0])}$, ` +
    `$y_2 = ${v(pass.y[1])}$.`,
  ];
}

export const BRNN_STATE_GRADIENT = seededExercise(
  {
    id: "rnn-gradients/brnn-state-gradient",
    page: PAGE,
    title: "A bidirectional RNN's gradient for a forward state",
    sources: [["worked-exercises", "6.2"]],
    toleranceText: ONE_PERCENT_TEXT,
    answerFormat: NUMBER_FORMAT,
  },
  (rng) => {
    for (;;) {
      const p = drawBrnn(rng);
      const { localF, gf } = brnnStateGradients(scalarBrnn(p));
      const carried = gf[1][0] - localF[0][0];
      if (Math.abs(gf[1][0]) >= 0.05 && noCancellation(localF[0][0], carried)) return p;
    }
  },
  (p) => {
    const net = scalarBrnn(p);
    const pass = brnnForward(net);
    const { localF, gf } = brnnStateGradients(net, pass);
    const h1 = pass.hf[1][0], h2 = pass.hf[2][0];
    const answer = { kind: "number" as const, value: gf[1][0], tolerance: ONE_PERCENT };
    return {
      prompt: `${brnnPrompt(p)} What is $\\partial L/\\partial h^f_1$, counting every path ` +
        "through which $h^f_1$ reaches $L$?",
      answer,
      slips: distinctSlips(answer, [
        { value: localF[0][0], hint: "$h^f_1$ also reaches $L_2$ through $h^f_2$." },
        {
          value: localF[0][0] + h1 * (1 - h1) * p.uf * gf[2][0],
          hint:
            "The slope in $\\partial h^f_2/\\partial h^f_1$ is $h^f_2(1 - h^f_2)$, taken at the later state.",
        },
        { value: -gf[1][0], hint: "$\\partial(z - y)^2/\\partial y = -2(z - y)$: mind the sign." },
      ]),
      solution: [
        ...brnnForwardSteps(p),
        `$\\partial L_2/\\partial h^f_2 = -2V^f(z_2 - y_2) = ${
          formatNumber(gf[2][0])
        }$, which is all of ` +
        "$\\partial L/\\partial h^f_2$.",
        `$\\partial L/\\partial h^f_1 = -2V^f(z_1 - y_1) + h^f_2(1 - h^f_2)\\,U^f\\,\\partial L/\\partial h^f_2 = ` +
        `${formatNumber(localF[0][0])} + ${formatNumber(h2 * (1 - h2))}\\cdot${factor(p.uf)}\\cdot${
          factor(gf[2][0])
        } = ` +
        `${formatNumber(gf[1][0])}$.`,
      ],
    };
  },
);

export const BRNN_INPUT_WEIGHT_GRADIENT = seededExercise(
  {
    id: "rnn-gradients/brnn-input-weight-gradient",
    page: PAGE,
    title: "A bidirectional RNN's gradient for the forward input weight",
    sources: [["worked-exercises", "6.3"]],
    toleranceText: ONE_PERCENT_TEXT,
    answerFormat: NUMBER_FORMAT,
  },
  (rng) => drawTwoTermBrnn(rng, (p, pass, { gf }) => inputWeightTerms(p, pass, gf)),
  (p) => {
    const net = scalarBrnn(p);
    const pass = brnnForward(net);
    const { wf, states } = brnnWeightGradients(net);
    const { gf, localF } = states;
    const slope = (t: number) => pass.hf[t][0] * (1 - pass.hf[t][0]);
    const terms = inputWeightTerms(p, pass, gf);
    const answer = { kind: "number" as const, value: wf[0], tolerance: ONE_PERCENT };
    return {
      prompt: `${brnnPrompt(p)} What is $\\partial L/\\partial W^f$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: [1, 2].reduce((s, t) => s + slope(t) * localF[t - 1][0] * p.x[t - 1], 0),
          hint:
            "Use the total $\\partial L/\\partial h^f_t$, which includes the path through later states.",
        },
        {
          value: [1, 2].reduce((s, t) => s + gf[t][0] * p.x[t - 1], 0),
          hint: "Each term carries the sigmoid's slope $h^f_t(1 - h^f_t)$.",
        },
        { value: terms[1], hint: "$W^f$ is shared by both steps: sum over $t = 1, 2$." },
      ]),
      solution: [
        ...brnnForwardSteps(p),
        `$\\partial L/\\partial h^f_2 = ${
          formatNumber(gf[2][0])
        }$ and $\\partial L/\\partial h^f_1 = ${formatNumber(gf[1][0])}$ ` +
        "(the second includes the path through $h^f_2$).",
        `$\\partial L/\\partial W^f = \\sum_t h^f_t(1 - h^f_t)\\,(\\partial L/\\partial h^f_t)\\,x_t = ` +
        `${sumText(terms)} = ${formatNumber(wf[0])}$.`,
      ],
    };
  },
);

export const BRNN_RECURRENT_WEIGHT_GRADIENT = seededExercise(
  {
    id: "rnn-gradients/brnn-recurrent-weight-gradient",
    page: PAGE,
    title: "A bidirectional RNN's gradient for the backward recurrent weight",
    sources: [["worked-exercises", "6.3"]],
    toleranceText: ONE_PERCENT_TEXT,
    answerFormat: NUMBER_FORMAT,
  },
  (rng) => drawTwoTermBrnn(rng, (_, pass, { gb }) => recurrentWeightTerms(pass, gb)),
  (p) => {
    const net = scalarBrnn(p);
    const pass = brnnForward(net);
    const { ub, states } = brnnWeightGradients(net);
    const { gb, localB } = states;
    const hb = (t: number) => pass.hb[t][0];
    const slope = (t: number) => hb(t) * (1 - hb(t));
    const terms = recurrentWeightTerms(pass, gb);
    const answer = { kind: "number" as const, value: ub[0], tolerance: ONE_PERCENT };
    return {
      prompt: `${brnnPrompt(p)} What is $\\partial L/\\partial U^b$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: [1, 2].reduce((s, t) => s + slope(t) * localB[t - 1][0] * hb(t + 1), 0),
          hint:
            "Use the total $\\partial L/\\partial h^b_t$, which includes the path through $h^b_{t-1}$.",
        },
        {
          value: [1, 2].reduce((s, t) => s + slope(t) * gb[t][0] * hb(t), 0),
          hint: "$U^b$ multiplies the state it reads, $h^b_{t+1}$, not $h^b_t$.",
        },
        {
          value: [1, 2].reduce((s, t) => s + gb[t][0] * hb(t + 1), 0),
          hint: "Each term carries the sigmoid's slope $h^b_t(1 - h^b_t)$.",
        },
      ]),
      solution: [
        ...brnnForwardSteps(p),
        `The backward chain runs from $t = 1$ up: $\\partial L/\\partial h^b_1 = ${
          formatNumber(gb[1][0])
        }$ and ` +
        `$\\partial L/\\partial h^b_2 = -2V^b(z_2 - y_2) + h^b_1(1 - h^b_1)U^b\\,\\partial L/\\partial h^b_1 = ` +
        `${formatNumber(gb[2][0])}$.`,
        `$\\partial L/\\partial U^b = \\sum_t h^b_t(1 - h^b_t)\\,(\\partial L/\\partial h^b_t)\\,h^b_{t+1} = ` +
        `${sumText(terms)} = ${formatNumber(ub[0])}$.`,
      ],
    };
  },
);

export const EXERCISES: readonly Exercise[] = [
  REWRITE,
  GRADIENT_BOUND,
  VANISHING_THRESHOLD,
  RESTING_GRADIENT,
  BRNN_STATE_GRADIENT,
  BRNN_INPUT_WEIGHT_GRADIENT,
  BRNN_RECURRENT_WEIGHT_GRADIENT,
];
