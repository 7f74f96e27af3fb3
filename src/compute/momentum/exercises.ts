/**
 * Exercises of the momentum page: momentum's (α, ε) for a running average's (β, δ) and back, the
 * running average unrolled, its bias and correction, and one Adam step with its corrections.
 * Answers come from optimizers.ts and bias.ts, the functions the page runs.
 */
import type { Exercise } from "../exercise.ts";
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
import {
  ADAM_DEFAULTS,
  type AdamMoments,
  adamUpdate,
  averageFromMomentum,
  momentumFromAverage,
} from "../optimizers.js";
import type { Rng } from "../prng.js";
import { averageWeight, corrected, expectedAverage, runningAverage } from "./bias.js";
import { formatNumber } from "../exerciseFormat.js";

const PAGE = "momentum";
const NUMBER_FORMAT = "a number such as 0.0475";

const BETAS = [0.5, 0.6, 0.8, 0.9, 0.95, 0.99];
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

export const EQUIVALENT_MOMENTUM = seededExercise(
  {
    id: "momentum/equivalent-momentum",
    page: PAGE,
    title: "Momentum's step for a running average",
    sources: [["worked-exercises", "1.1"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => ({ beta: pick(rng, BETAS), delta: pick(rng, STEPS) }),
  ({ beta, delta }) => {
    const { alpha, epsilon } = momentumFromAverage(beta, delta);
    const answer = { kind: "number" as const, value: epsilon, tolerance: FOUR_FIGURES };
    return {
      prompt:
        `SGD on a running average takes $v_t = ${formatNumber(beta)}\\,v_{t-1} + ${
          formatNumber(1 - beta)
        }\\,g_t$ ` +
        `and $\\Delta\\theta_t = -${formatNumber(delta)}\\,v_t$. SGD with momentum takes ` +
        `$v_t = \\alpha v_{t-1} + \\epsilon g_t$ and $\\Delta\\theta_t = -v_t$. With $\\alpha = ${
          formatNumber(alpha)
        }$, ` +
        `which $\\epsilon$ makes the two take the same steps from $v_0 = 0$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: delta,
          hint: "The average weighs $g_t$ by $1 - \\beta$ before the step $\\delta$ applies.",
        },
        {
          value: delta / (1 - beta),
          hint:
            "That maps the other way, momentum to the average; here $\\epsilon = \\delta(1 - \\beta)$.",
        },
        {
          value: delta * beta,
          hint: "$g_t$ enters the average with weight $1 - \\beta$, not $\\beta$.",
        },
      ]),
      solution: [
        "Momentum: $\\Delta\\theta_t = \\alpha\\Delta\\theta_{t-1} - \\epsilon g_t$. The average: " +
        "$\\Delta\\theta_t = -\\delta v_t = \\beta\\Delta\\theta_{t-1} - \\delta(1 - \\beta)g_t$.",
        `The two recursions match when $\\alpha = \\beta = ${formatNumber(beta)}$ and ` +
        `$\\epsilon = \\delta(1 - \\beta) = ${formatNumber(delta)}\\cdot${
          formatNumber(1 - beta)
        } = ${formatNumber(epsilon)}$.`,
      ],
    };
  },
);

export const EQUIVALENT_AVERAGE = seededExercise(
  {
    id: "momentum/equivalent-average",
    page: PAGE,
    title: "The running average's step for momentum",
    sources: [["worked-exercises", "1.1"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => ({ alpha: pick(rng, BETAS), epsilon: pick(rng, STEPS) }),
  ({ alpha, epsilon }) => {
    const { beta, delta } = averageFromMomentum(alpha, epsilon);
    const answer = { kind: "number" as const, value: delta, tolerance: FOUR_FIGURES };
    return {
      prompt:
        `SGD with momentum takes $v_t = ${formatNumber(alpha)}\\,v_{t-1} + ${
          formatNumber(epsilon)
        }\\,g_t$ and ` +
        `$\\Delta\\theta_t = -v_t$. SGD on a running average takes $v_t = \\beta v_{t-1} + ` +
        `(1 - \\beta)g_t$ and $\\Delta\\theta_t = -\\delta v_t$. With $\\beta = ${
          formatNumber(beta)
        }$, which step ` +
        `$\\delta$ makes the two take the same steps from $v_0 = 0$?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: epsilon,
          hint: "The average shrinks $g_t$ by $1 - \\beta$; $\\delta$ must make up for it.",
        },
        {
          value: epsilon * (1 - alpha),
          hint: "That maps the other way; here $\\delta = \\epsilon/(1 - \\beta)$.",
        },
        {
          value: epsilon / alpha,
          hint: "Divide by $1 - \\beta$, the weight of $g_t$ in the average.",
        },
      ]),
      solution: [
        "The two recursions $\\Delta\\theta_t = \\alpha\\Delta\\theta_{t-1} - \\epsilon g_t$ and " +
        "$\\Delta\\theta_t = \\beta\\Delta\\theta_{t-1} - \\delta(1 - \\beta)g_t$ match when " +
        "$\\alpha = \\beta$ and $\\epsilon = \\delta(1 - \\beta)$.",
        `So $\\delta = \\epsilon/(1 - \\beta) = ${formatNumber(epsilon)}/${
          formatNumber(1 - beta)
        } = ${formatNumber(delta)}$.`,
      ],
    };
  },
);

/** Gradients for a hand computation: small integers, never all equal. */
function drawGradients(rng: Rng, count: number): number[] {
  for (;;) {
    const gs = Array.from({ length: count }, () => intBetween(rng, -3, 5));
    if (new Set(gs).size > 1) return gs;
  }
}

const AVERAGE_BETAS = [0.5, 0.6, 0.8, 0.9];

/** (1 − β)·Σᵢ βᵗ⁻ⁱgᵢ written out with this instance's numbers. */
function unrolledText(gs: readonly number[], beta: number): string {
  const t = gs.length;
  const terms = gs.map((g, i) => `${formatNumber(beta ** (t - 1 - i))}\\cdot${factor(g)}`)
    .reverse();
  return `${formatNumber(1 - beta)}\\,(${terms.join(" + ")})`;
}

/** A β and `minCount` to 4 gradients whose running average ends clear of 0 (at least 0.05). */
function drawAverage(rng: Rng, minCount: number): { beta: number; gs: number[] } {
  for (;;) {
    const p = {
      beta: pick(rng, AVERAGE_BETAS),
      gs: drawGradients(rng, intBetween(rng, minCount, 4)),
    };
    if (Math.abs(runningAverage(p.gs, p.beta)[p.gs.length - 1]) >= 0.05) return p;
  }
}

/** The running average's rule and start, as both prompts state it. */
const averageRuleText = (beta: number) =>
  `A running average $v_t = ${formatNumber(beta)}\\,v_{t-1} + ${formatNumber(1 - beta)}\\,g_t$ ` +
  "starts at $v_0 = 0$";

/** The gradients as the prompts list them: $g_1 = 2$, $g_2 = -1$. */
const gradientsText = (gs: readonly number[]) => gs.map((g, i) => `$g_${i + 1} = ${g}$`).join(", ");

export const RUNNING_AVERAGE = seededExercise(
  {
    id: "momentum/running-average",
    page: PAGE,
    title: "A running average of gradients, unrolled",
    sources: [["worked-exercises", "1.2"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => drawAverage(rng, 3),
  ({ beta, gs }) => {
    const t = gs.length;
    const v = runningAverage(gs, beta);
    const answer = { kind: "number" as const, value: v[t - 1], tolerance: FOUR_FIGURES };
    const weighted = gs.reduce((s, g, i) => s + beta ** (t - 1 - i) * g, 0);
    return {
      prompt: `${averageRuleText(beta)} and sees the gradients ${gradientsText(gs)}. ` +
        `What is $v_${t}$?`,
      answer,
      slips: distinctSlips(answer, [
        { value: weighted, hint: "Each gradient enters with weight $1 - \\beta$ as well." },
        {
          value: gs.reduce((s, g, i) => s + (1 - beta) * beta ** i * g, 0),
          hint: "The newest gradient weighs most: $g_t$ has weight $(1 - \\beta)$, $g_1$ has " +
            "$(1 - \\beta)\\beta^{t-1}$.",
        },
        {
          value: corrected(v[t - 1], beta, t),
          hint:
            "That is the corrected $\\hat v_t = v_t/(1 - \\beta^t)$; the question asks for $v_t$.",
        },
        {
          value: gs.reduce((s, g) => s + g, 0) / t,
          hint: "That is the plain mean of the gradients.",
        },
      ]),
      solution: [
        `Step by step: ${Array.from(v, (x, i) => `$v_${i + 1} = ${formatNumber(x)}$`).join(", ")}.`,
        `Unrolled, $v_${t} = (1 - \\beta)\\sum_{i=1}^{${t}} \\beta^{${t}-i}g_i = ${
          unrolledText(gs, beta)
        } = ` +
        `${formatNumber(v[t - 1])}$.`,
      ],
    };
  },
);

const MEANS = [-2, -1, 0.5, 1, 2, 3, 5];

export const EXPECTED_AVERAGE = seededExercise(
  {
    id: "momentum/expected-average",
    page: PAGE,
    title: "The bias of a running average",
    sources: [["worked-exercises", "1.3"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => ({
    beta: pick(rng, [0.8, 0.9, 0.95, 0.99]),
    t: intBetween(rng, 2, 20),
    mean: pick(rng, MEANS),
  }),
  ({ beta, t, mean }) => {
    const answer = {
      kind: "number" as const,
      value: expectedAverage(beta, t, mean),
      tolerance: FOUR_FIGURES,
    };
    return {
      prompt:
        `Gradients $g_1, g_2, \\ldots$ all have mean $\\mathbb{E}[g] = ${
          formatNumber(mean)
        }$. The running ` +
        `average $v_t = ${formatNumber(beta)}\\,v_{t-1} + ${
          formatNumber(1 - beta)
        }\\,g_t$ starts at $v_0 = 0$. What is ` +
        `$\\mathbb{E}[v_{${t}}]$?`,
      answer,
      slips: distinctSlips(answer, [
        { value: mean, hint: "The average starts at 0, so early on it is biased towards 0." },
        {
          value: (1 - beta) * mean,
          hint: "That is $\\mathbb{E}[v_1]$; the weights of $t$ gradients sum to $1 - \\beta^t$.",
        },
        { value: beta ** t * mean, hint: "The weights sum to $1 - \\beta^t$, not $\\beta^t$." },
        {
          value: expectedAverage(beta, t - 1, mean),
          hint: `After ${t} gradients the power is $\\beta^{${t}}$.`,
        },
      ]),
      solution: [
        `$v_t = (1 - \\beta)\\sum_{i=1}^t \\beta^{t-i}g_i$, so $\\mathbb{E}[v_t] = (1 - \\beta)` +
        "\\mathbb{E}[g]\\sum_{j=0}^{t-1}\\beta^j = (1 - \\beta^t)\\,\\mathbb{E}[g]$.",
        `$1 - ${formatNumber(beta)}^{${t}} = ${
          formatNumber(averageWeight(beta, t))
        }$, so $\\mathbb{E}[v_{${t}}] = ` +
        `${formatNumber(averageWeight(beta, t))}\\cdot${factor(mean)} = ${
          formatNumber(answer.value)
        }$; dividing by ` +
        `$1 - \\beta^t$ removes the bias.`,
      ],
    };
  },
);

export const BIAS_CORRECTION = seededExercise(
  {
    id: "momentum/bias-correction",
    page: PAGE,
    title: "A running average and its bias correction",
    sources: [["worked-exercises", "1.3"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => drawAverage(rng, 2),
  ({ beta, gs }) => {
    const t = gs.length;
    const v = runningAverage(gs, beta)[t - 1];
    const answer = {
      kind: "number" as const,
      value: corrected(v, beta, t),
      tolerance: FOUR_FIGURES,
    };
    return {
      prompt: `${averageRuleText(beta)} and sees ${gradientsText(gs)}. What is the ` +
        `bias-corrected average $\\hat v_${t}$?`,
      answer,
      slips: distinctSlips(answer, [
        { value: v, hint: `That is $v_${t}$; divide by $1 - \\beta^{${t}}$.` },
        { value: v / (1 - beta), hint: "Divide by $1 - \\beta^t$, not $1 - \\beta$." },
        {
          value: v * averageWeight(beta, t),
          hint: "Divide by $1 - \\beta^t$; multiplying makes the bias worse.",
        },
        {
          value: corrected(v, beta, Math.max(1, t - 1)),
          hint: `After ${t} gradients the power is $\\beta^{${t}}$.`,
        },
      ]),
      solution: [
        `$v_${t} = ${unrolledText(gs, beta)} = ${formatNumber(v)}$.`,
        `$\\hat v_${t} = v_${t}/(1 - ${formatNumber(beta)}^{${t}}) = ${formatNumber(v)}/${
          formatNumber(averageWeight(beta, t))
        } = ` +
        `${formatNumber(answer.value)}$.`,
      ],
    };
  },
);

/** Adam on one coordinate: the two steps from m₀ = s₀ = 0 with the given gradients. */
function adamSteps(
  gs: readonly number[],
  spec: { learningRate: number; beta1: number; beta2: number; epsilon: number; correct: boolean },
) {
  const moments: AdamMoments = { m: [0, 0], s: [0, 0] };
  const history: { step: number; m: number; s: number }[] = [];
  gs.forEach((g, i) => {
    const t = i + 1;
    const [step] = adamUpdate(moments, g, 0, spec, [spec.beta1 ** t, spec.beta2 ** t]);
    history.push({ step, m: moments.m[0], s: moments.s[0] });
  });
  return history;
}

export const ADAM_STEP = seededExercise(
  {
    id: "momentum/adam-step",
    page: PAGE,
    title: "Adam's second step, with its corrections",
    sources: [["worked-exercises", "1.3"]],
    ...halfPercent(NUMBER_FORMAT),
  },
  (rng) => {
    for (;;) {
      const gs = [pick(rng, [-2, -1, 1, 2, 3, 4]), pick(rng, [-2, -1, 0.5, 1, 2, 3, 4])];
      if (gs[0] !== gs[1]) {
        return {
          gs,
          learningRate: pick(rng, [0.001, 0.01, 0.1]),
          beta1: pick(rng, [0.8, 0.9]),
          beta2: pick(rng, [0.99, 0.999]),
        };
      }
    }
  },
  ({ gs, learningRate, beta1, beta2 }) => {
    const spec = { learningRate, beta1, beta2, epsilon: ADAM_DEFAULTS.epsilon, correct: true };
    const [first, second] = adamSteps(gs, spec);
    const raw = adamSteps(gs, { ...spec, correct: false })[1];
    const c1 = 1 - beta1 ** 2, c2 = 1 - beta2 ** 2;
    const answer = { kind: "number" as const, value: second.step, tolerance: FOUR_FIGURES };
    return {
      prompt:
        `Adam with step $\\eta = ${formatNumber(learningRate)}$, $\\beta_1 = ${
          formatNumber(beta1)
        }$, ` +
        `$\\beta_2 = ${
          formatNumber(beta2)
        }$ and $\\epsilon = 10^{-8}$ starts from $m_0 = s_0 = 0$ and sees the ` +
        `gradients $g_1 = ${formatNumber(gs[0])}$ and $g_2 = ${
          formatNumber(gs[1])
        }$ on one parameter. What is the step ` +
        `$\\eta\\,\\hat m_2/(\\sqrt{\\hat s_2} + \\epsilon)$ that it subtracts from the parameter at step 2?`,
      answer,
      slips: distinctSlips(answer, [
        {
          value: raw.step,
          hint: "Divide $m_2$ by $1 - \\beta_1^2$ and $s_2$ by $1 - \\beta_2^2$ before the step.",
        },
        {
          value: learningRate * (second.m / c1) / Math.sqrt(second.s),
          hint: "Correct $s_2$ as well: $\\hat s_2 = s_2/(1 - \\beta_2^2)$.",
        },
        {
          value: learningRate * (second.m / c1) / (second.s / c2),
          hint: "The step divides by the root $\\sqrt{\\hat s_2}$, not by $\\hat s_2$.",
        },
        { value: first.step, hint: "That is step 1; the question asks for step 2." },
      ]),
      solution: [
        `$m_1 = ${formatNumber(1 - beta1)}\\cdot${factor(gs[0])} = ${formatNumber(first.m)}$, ` +
        `$s_1 = ${formatNumber(1 - beta2)}\\cdot${formatNumber(gs[0] ** 2)} = ${
          formatNumber(first.s)
        }$.`,
        `$m_2 = ${formatNumber(beta1)}\\cdot${factor(first.m)} ${
          sumText([0, (1 - beta1) * gs[1]]).slice(2)
        } = ` +
        `${formatNumber(second.m)}$, $s_2 = ${formatNumber(beta2)}\\cdot${
          formatNumber(first.s)
        } + ${formatNumber((1 - beta2) * gs[1] ** 2)} = ` +
        `${formatNumber(second.s)}$.`,
        `Corrected: $\\hat m_2 = ${formatNumber(second.m)}/${formatNumber(c1)} = ${
          formatNumber(second.m / c1)
        }$ and ` +
        `$\\hat s_2 = ${formatNumber(second.s)}/${formatNumber(c2)} = ${
          formatNumber(second.s / c2)
        }$.`,
        `The step is $${formatNumber(learningRate)}\\cdot${factor(second.m / c1)}/\\sqrt{${
          formatNumber(second.s / c2)
        }} = ` +
        `${formatNumber(second.step)}$ (the $\\epsilon$ changes nothing at this precision).`,
      ],
    };
  },
);

export const EXERCISES: readonly Exercise[] = [
  EQUIVALENT_MOMENTUM,
  EQUIVALENT_AVERAGE,
  RUNNING_AVERAGE,
  EXPECTED_AVERAGE,
  BIAS_CORRECTION,
  ADAM_STEP,
];
