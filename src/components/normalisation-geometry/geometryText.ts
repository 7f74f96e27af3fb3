/**
 * The sentences and table rows of the normalisation-geometry page, built from numbers the page has
 * already computed: plain strings (no DOM), so that each can be tested word for word against every
 * setting the page offers. Every number goes through the site's formatters.
 */
import { num, sciText, significant } from "../math.js";
import { type TableColumn, textColumn } from "../csv.js";
import { TFJS_EPSILON, TORCH_EPSILON } from "../../compute/epsilons.js";
import { TRACKED_INPUTS } from "../../compute/normalisation-geometry/batchNoise.js";
import { SAMPLES_2D, WN_BATCH } from "../../compute/normalisation-geometry/geometryPage.js";
import { type CloudMoments } from "../../compute/normalisation-geometry/gaussian2d.js";
import {
  inputMoments,
  type PooledStatistics,
} from "../../compute/normalisation-geometry/gaussianBatchNorm.js";
import { dotProduct } from "../../compute/normalisation-geometry/weightNorm.js";

/** A table as the page draws it: columns of text, rows, and a caption that also names its scroll box. */
export interface TextTable {
  columns: TableColumn<Record<string, string>>[];
  rows: Record<string, string>[];
  caption: string;
}

/** Step sizes printed to three significant digits, as the η slider shows them. */
export const short = (v: number): string => String(Number(v.toPrecision(3)));

const table = (
  labels: Record<string, string>,
  rows: Record<string, string>[],
  caption: string,
): TextTable => ({
  columns: Object.entries(labels).map(([key, label]) =>
    textColumn(label, (r: Record<string, string>) => r[key])
  ),
  rows,
  caption,
});

/** What PyTorch's and TensorFlow.js's ε would do to the output variance at the reader's σ². */
export function epsilonSentence(variance: number): string {
  return `At your input variance σ² = ${variance} that factor is ${
    num(variance / (variance + TORCH_EPSILON), 5)
  }; with TensorFlow.js's ε it is ${num(variance / (variance + TFJS_EPSILON), 4)}.`;
}

/** The exact small-batch law at m: fourth moment, bound, shares within β ± γ, β ± 2γ and the normal's. */
export interface SmallBatchTheory {
  kurtosis: number;
  bound: number;
  within: number[];
  normal: number[];
}

/** The 1-D settings the reader chose. */
export interface Settings1d {
  mean: number;
  variance: number;
  beta: number;
  gamma: number;
  batch: number;
}

const gapInSE = (value: number, se: number, theory: number) =>
  se > 0 ? `${num((value - theory) / se, 1)} SE` : "exact";

/** The 1-D table: measured input and output moments against the exact law at m and against N(β, γ²). */
export function bn1dTable(
  { mean, variance, beta, gamma, batch }: Settings1d,
  input: ReturnType<typeof inputMoments>,
  stats: PooledStatistics,
  theory: SmallBatchTheory,
): TextTable {
  return table(
    {
      quantity: "quantity",
      measured: "measured",
      exact: `exact at m = ${batch}`,
      normal: "N(β, γ²)",
      gap: "gap",
    },
    [
      {
        quantity: "input mean, variance",
        measured: `${num(input.mean, 4)}, ${num(input.variance, 4)}`,
        exact: `${mean}, ${variance}`,
        normal: "",
        gap: `${num((input.mean - mean) / input.meanSE, 1)}, ${
          num((input.variance - variance) / input.varianceSE, 1)
        } SE`,
      },
      {
        quantity: "output mean, variance",
        measured: `${num(stats.mean, 4)}, ${num(stats.variance, 4)}`,
        exact: `${beta}, ${num(gamma ** 2, 4)}`,
        normal: `${beta}, ${num(gamma ** 2, 4)}`,
        gap: sciText(Math.max(Math.abs(stats.mean - beta), Math.abs(stats.variance - gamma ** 2))),
      },
      {
        quantity: "E[((y − β)/γ)⁴]",
        measured: num(stats.kurtosis, 3),
        exact: num(theory.kurtosis, 3),
        normal: "3",
        gap: gapInSE(stats.kurtosis, stats.kurtosisSE, theory.kurtosis),
      },
      ...stats.within.map((w, j) => ({
        quantity: `share within β ± ${w.k === 1 ? "" : w.k}γ`,
        measured: num(w.share, 4),
        exact: num(theory.within[j], 4),
        normal: num(theory.normal[j], 4),
        gap: gapInSE(w.share, w.standardError, theory.within[j]),
      })),
    ],
    `${stats.count} outputs in ${stats.batches} batches of ${batch}; gaps in standard errors between batches`,
  );
}

/** The tfjs batch-norm check's last frame. */
export interface BnTfFrame {
  stopped?: boolean;
  backend?: string;
  relativeGap?: number;
  gapDefault?: number;
  varianceDefault?: number;
}

/** What the tfjs batch-norm check found, or that it was stopped. */
export function bnTfSummary(frame: BnTfFrame, gamma: number): string {
  return frame.stopped
    ? "Stopped before tfjs finished; move a control to check again."
    : `TensorFlow.js (${frame.backend}, float32) with ε = 0: its outputs differ from the page's by at most ${
      sciText(frame.relativeGap as number)
    } of the largest |y − β|. With its default ε = ${TFJS_EPSILON}: by up to ${
      num(frame.gapDefault as number, 4)
    }, and the output variance is ${num(frame.varianceDefault as number, 4)} instead of ${
      num(gamma ** 2, 4)
    }.`;
}

/** The exact small-batch law at the reader's m, in words. */
export function smallBatchSentence(batch: number, theory: SmallBatchTheory): string {
  return `At your batch size m = ${batch} the outputs lie within ${
    num(theory.bound, 2)
  }γ of β, the exact share within β ± γ is ${num(theory.within[0], 4)} against ${
    num(theory.normal[0], 4)
  } for the normal, and the fourth moment is ${num(theory.kurtosis, 3)}.`;
}

/** Mean and variance of one tracked input's output over batches. */
export interface Moments {
  mean: number;
  variance: number;
}

/** Outputs of the tracked inputs: the large-batch limit, the exact mean and spread at m, and the Monte Carlo. */
export function batchNoiseTable(
  gamma: number,
  batch: number,
  exact: Moments[],
  mc: Moments[],
  draws: number,
): TextTable {
  return table(
    {
      input: "input",
      limit: "large-batch output",
      mean: `mean output at m = ${batch}`,
      sd: "spread (exact)",
      mc: `Monte Carlo, ${draws} batches`,
    },
    TRACKED_INPUTS.map((z, j) => ({
      input: z === 0 ? "x = μ" : `x = μ + ${z === 1 ? "" : z}σ`,
      limit: `β + ${num(z * gamma, 3)}`,
      mean: `β + ${num(gamma * exact[j].mean, 3)}`,
      sd: `${num(gamma * Math.sqrt(exact[j].variance), 4)}`,
      mc: `${num(gamma * mc[j].mean, 3)} ± ${num(gamma * Math.sqrt(mc[j].variance), 4)}`,
    })),
    `Outputs of three fixed inputs with γ = ${gamma}: mean ± spread over batches of ${batch}`,
  );
}

/** Where an input one σ above the mean lands at m, exactly and by the delta method (approxSd). */
export function batchNoiseSentence(batch: number, exact: Moments[], approxSd: number): string {
  return `At m = ${batch} an input one standard deviation above the mean comes out on average at β + ${
    num(exact[1].mean, 3)
  }γ rather than β + γ, give or take ${
    num(Math.sqrt(exact[1].variance), 3)
  }γ from batch to batch (the approximation says ${num(approxSd, 3)}γ).`;
}

/** The 2-D settings the reader chose. */
export interface Settings2d {
  mean1: number;
  mean2: number;
  var1: number;
  var2: number;
  rho: number;
}

/** The three clouds' moments side by side. */
export interface Moments2d {
  input: CloudMoments;
  bn: CloudMoments;
  white: CloudMoments;
}

/** The batch-norm cloud chart's description. */
export function bnCloudDescription(
  { mean1, mean2, var1, var2, rho }: Settings2d,
  moments: Moments2d,
): string {
  return `${SAMPLES_2D} points of a Gaussian centred at (${mean1}, ${mean2}) with variances ${var1} and ${var2} and correlation ${rho}, and the same points after batch norm: centred at the origin with unit variance on each axis, their correlation still ${
    num(moments.bn.correlation, 3)
  } (the input's sample correlation is ${
    num(moments.input.correlation, 3)
  }), so the contours stay tilted ellipses.`;
}

/** The whitened cloud chart's description. */
export function whiteCloudDescription(moments: Moments2d): string {
  return `The same ${SAMPLES_2D} points whitened with their batch covariance: their covariance is the identity (off-diagonal ${
    sciText(moments.white.cov.b)
  }), so the contours are circles, drawn beside batch norm's tilted ellipses (dashed).`;
}

/** Means, variances and correlation of the theory, the sample, and the sample after batch norm and whitening. */
export function cloudTable(
  { mean1, mean2, var1, var2, rho }: Settings2d,
  moments: Moments2d,
): TextTable {
  const pair = (a: number, b: number) => `${num(a, 3)}, ${num(b, 3)}`;
  const row = (name: string, m: CloudMoments) => ({
    name,
    means: pair(m.mean[0], m.mean[1]),
    variances: pair(m.cov.a, m.cov.c),
    corr: num(m.correlation, 3),
  });
  return table(
    { name: "points", means: "means", variances: "variances", corr: "correlation" },
    [
      {
        name: "input (theory)",
        means: pair(mean1, mean2),
        variances: pair(var1, var2),
        corr: num(rho, 3),
      },
      row("input (sample)", moments.input),
      row("after batch norm", moments.bn),
      row("after whitening", moments.white),
    ],
    `Batch statistics of ${SAMPLES_2D} points (1/n variances)`,
  );
}

/** How far batch norm's sample correlation sits from ρ, in standard errors (se). */
export function correlationSentence(rho: number, moments: Moments2d, se: number): string {
  return `The sample correlation after batch norm equals the input's to every digit, and it sits ${
    num(Math.abs(moments.bn.correlation - rho) / se, 1)
  } standard errors from the theory's ρ = ${rho}.`;
}

/** The weight-norm equivalence table: the first four white points, BN(uᵀx) against wᵀx + β. */
export function equivalenceTable(
  rows: readonly (readonly number[])[],
  bnValues: readonly number[],
  { u0, w0, wGamma, wBeta }: {
    u0: readonly number[];
    w0: readonly number[];
    wGamma: number;
    wBeta: number;
  },
): TextTable {
  return table(
    { x: "x", pre: "uᵀx", bn: "BN(uᵀx)", wx: "wᵀx + β", gap: "difference" },
    rows.slice(0, 4).map((x, i) => ({
      x: `(${num(x[0], 3)}, ${num(x[1], 3)})`,
      pre: num(dotProduct(u0, x), 5),
      bn: num(bnValues[i], 10),
      wx: num(dotProduct(w0, x) + wBeta, 10),
      gap: sciText(bnValues[i] - dotProduct(w0, x) - wBeta),
    })),
    `The first 4 of ${WN_BATCH} white points, u₀ = (${num(u0[0], 3)}, ${
      num(u0[1], 3)
    }), γ = ${wGamma}, β = ${wBeta}`,
  );
}

/** The equivalence's largest gap on the white batch against the raw cloud's. */
export function equivalenceSentence(bnGap: number, rawGap: number): string {
  return `Over all ${WN_BATCH} points the largest difference is ${
    sciText(bnGap)
  }: rounding. On the correlated, uncentred cloud of part 2 the same comparison is off by up to ${
    num(rawGap, 2)
  }: without white inputs the two are different layers.`;
}

/** The closed-form gradient against finite differences, and its angle to u₀. */
export function gradientSentence(fdError: number, orthogonality: number): string {
  return `At your u₀ the closed form and the finite differences differ by ${
    sciText(fdError)
  } relative to the gradient's size, and u₀ᵀ∇ᵤL is ${sciText(orthogonality)} of ‖u₀‖·‖∇ᵤL‖.`;
}

/** The tfjs weight-norm check's last frame. */
export interface WnTfFrame {
  stopped?: boolean;
  stepsDone?: number;
  backend?: string;
  gradError?: number;
  gammaError?: number;
  pathGap?: number;
}

/** What the tfjs autodiff check found, or how far it got before Stop. */
export function wnTfSummary(frame: WnTfFrame, steps: number): string {
  if (frame.stopped) {
    return frame.stepsDone
      ? `Stopped after ${frame.stepsDone} of ${steps} tfjs steps.`
      : "Stopped before tfjs finished; move a control to check again.";
  }
  return `TensorFlow.js (${frame.backend}, float32) differentiated L(γu/‖u‖) by itself: its ∇ᵤL at u₀ differs from the closed form by ${
    sciText(frame.gradError as number)
  } and its ∂L/∂γ by ${
    sciText(frame.gammaError as number)
  } (relative); its ${frame.stepsDone} steps stay within ${
    sciText(frame.pathGap as number)
  } (relative) of the double-precision path.`;
}

/** The weight-norm run as the page reports it. */
export interface WeightNormReport {
  u0: readonly number[];
  uLength: number;
  wGamma: number;
  eta: number;
  steps: number;
  uNorm: readonly number[];
  loss: readonly number[];
  wStep: readonly number[];
  effective: readonly number[];
  firstOrder: readonly number[];
  normGap: number;
  stepGap: number;
}

const growth = (r: WeightNormReport) => (r.uNorm.at(-1) as number) / r.uNorm[0];

/** The path chart's description; tfDone adds tfjs's crosses. */
export function pathDescription(r: WeightNormReport, tfDone: boolean): string {
  return `From u₀ = (${num(r.u0[0], 2)}, ${num(r.u0[1], 2)}) with γ = ${r.wGamma} and η = ${
    short(r.eta)
  }, the step −η∇ᵤL is perpendicular to u₀ and ${
    num(r.wGamma / r.uLength, 2)
  } times the projection of −η∇_wL; after ${r.steps} steps u has grown from length ${
    num(r.uNorm[0], 3)
  } to ${num(r.uNorm.at(-1) as number, 3)} (${
    num(growth(r), 2)
  } times), while w stays on the circle of radius γ and the loss falls from ${
    num(r.loss[0], 3)
  } to ${num(r.loss.at(-1) as number, 3)}${
    tfDone ? "; tfjs's steps (crosses) lie on the same path" : ""
  }.`;
}

/** The ‖uₜ‖ chart's description. */
export function lengthDescription(r: WeightNormReport): string {
  return `‖uₜ‖ over ${r.steps} steps rises from ${num(r.uNorm[0], 3)} to ${
    num(r.uNorm.at(-1) as number, 3)
  }; the closed form √(‖uₜ₋₁‖² + η²‖∇ᵤL‖²) (dashed) matches every step to ${
    sciText(r.normGap)
  } (relative).`;
}

/** The effective-step chart's description. */
export function effectiveStepDescription(r: WeightNormReport): string {
  return `The step on w per unit of the projected gradient falls from ${
    num(r.effective[0], 3)
  } to ${
    num(r.effective.at(-1) as number, 3)
  } over ${r.steps} steps as u grows, following the first-order rate ηγ²/‖uₜ‖² (dashed); the exact step 2γ·sin(½·atan(η‖∇ᵤL‖/‖uₜ‖)) matches the measured one to ${
    sciText(r.stepGap)
  }.`;
}

/** How much u grew and the effective step shrank over the run. */
export function stepsSentence(r: WeightNormReport): string {
  return `Over ${r.steps} steps ‖u‖ grows by a factor ${
    num(growth(r), 2)
  } and the effective step on w shrinks by a factor ${
    num(r.firstOrder[0] / (r.firstOrder.at(-1) as number), 1)
  }; the closed form for ‖uₜ₊₁‖² holds at every step to ${sciText(r.normGap)}.`;
}

/** Steps (numbered from 1) whose ‖wₜ₊₁ − wₜ‖ is longer than the one before. */
export function stepGrowths(wStep: readonly number[]): number[] {
  return wStep.flatMap((s, t) => (t > 0 && s > wStep[t - 1] ? [t + 1] : []));
}

/**
 * Whether the steps on w themselves shrank: the effective step falls at every step, but the actual
 * step also follows ‖W⊥∇_wL‖, which changes as w moves, so the page says which happened here.
 */
export function actualStepsSentence(wStep: readonly number[]): string {
  const growths = stepGrowths(wStep);
  // Significant digits, not decimals: with a small η the steps are 10⁻⁴ long and must not read 0.000.
  const first = wStep.slice(0, 3).map((s) => significant(s, 3)).join(", ") +
    (wStep.length > 3 ? ", …" : "");
  if (wStep.length < 2) {
    return `Here w takes one step, ‖w₁ − w₀‖ = ${first}: with nothing to compare it with, take more steps to see whether they shrink. Only the effective step ηγ²/‖uₜ‖² is sure to fall; the steps on w also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves.`;
  }
  return growths.length
    ? `The steps on w themselves need not shrink: here ‖wₜ₊₁ − wₜ‖ goes ${first}, and ${growths.length} of the ${
      wStep.length - 1
    } later steps are longer than the one before, because they also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves. Only the effective step ηγ²/‖uₜ‖² falls every time.`
    : `Here the steps on w, ‖wₜ₊₁ − wₜ‖ = ${first}, shrink at every step too, but that is not guaranteed: they also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves. Only the effective step ηγ²/‖uₜ‖² is sure to fall.`;
}
