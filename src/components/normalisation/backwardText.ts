/**
 * What part 3 of the normalisation page prints for the reader's batch: the forward and backward
 * terms (named matrices rounded to three significant digits), the notes on a batch of one or a
 * constant column, and the double-precision check. Plain data and strings, no DOM (termsView.ts
 * draws the terms); tested word for word against the page's former inline code.
 */
import { num, sciText } from "../math.js";
import type { backwardCheck } from "../../compute/normalisation/liveChecks.js";

/** The check of one batch, as backwardCheck returns it. */
export type BackwardCheck = ReturnType<typeof backwardCheck>;

/** A named vector or matrix; "–" marks an entry that does not exist (÷ (n − 1) at n = 1). */
export type Term = [string, readonly (number | string)[] | readonly (readonly number[])[]];

/** Three significant digits: enough to follow the arithmetic, short enough to fit a phone. */
export function rounded(
  m: readonly number[] | readonly (readonly number[])[],
): number[] | number[][] {
  const three = (v: number) => Number(v.toPrecision(3));
  return Array.isArray(m[0])
    ? (m as number[][]).map((row) => row.map(three))
    : (m as number[]).map(three);
}

/** μ, both variances, Z and Y. */
export function forwardTerms(bn: BackwardCheck): Term[] {
  const { pass } = bn;
  return [
    ["μ", rounded(pass.mean)],
    ["σ² (biased, ÷ n)", rounded(pass.variance)],
    [
      "unbiased (÷ (n − 1))",
      bn.n > 1 ? rounded(pass.unbiasedVariance) : pass.variance.map(() => "–"),
    ],
    ["Z", rounded(pass.z)],
    ["Y", rounded(pass.y)],
  ];
}

/** The upstream gradient, every edge's gradient, the three paths into X and their closed-form sum. */
export function backwardTerms(bn: BackwardCheck): Term[] {
  const { pass } = bn;
  return [
    ["dY", bn.dY],
    ["∂L/∂Z", rounded(pass.dZ)],
    ["∂L/∂μ", rounded(pass.dMean)],
    ["∂L/∂σ²", rounded(pass.dVariance)],
    ["∂L/∂γ", rounded(pass.dGamma)],
    ["∂L/∂β", rounded(pass.dBeta)],
    ["(a)", rounded(pass.dXViaZ)],
    ["(b)", rounded(pass.dXViaMean)],
    ["(c)", rounded(pass.dXViaVariance)],
    ["∂L/∂X", rounded(bn.closed)],
  ];
}

/** What a batch of one, or a constant column, does to the pass; eps is ε as the control shows it. */
export function batchNotes(bn: BackwardCheck, eps: string): string[] {
  const epsilon = bn.params.epsilon;
  if (bn.n === 1) {
    return [
      `A batch of one: every column's variance is 0, so Z = 0/√ε = 0 and Y = β whatever X is. This is fine only because ε = ${eps} > 0 keeps the division finite, and the gradient that reaches X is exactly 0, as in part 2.`,
    ];
  }
  if (!bn.constant.length) return [];
  const times = bn.constant.map((j) =>
    `${num(bn.params.gamma[j - 1] / Math.sqrt(epsilon), 1)} times for column ${j}`
  );
  return [
    `Column ${
      bn.constant.join(" and ")
    } is constant: its variance is 0, so its Z is 0/√ε = 0 and its Y is β. Its gradient is not 0, though: nudging one entry moves it off the mean while the variance changes only to second order, so the column's ∂L/∂X is γⱼ/√ε times the centred dY, ${
      times.join(" and ")
    }.`,
  ];
}

/** The closed form against the edge-by-edge sum and against central differences of step fdStep. */
export function backwardCheckSentence(bn: BackwardCheck, fdStep: number): string {
  return `Checked in double precision: the closed form and the edge-by-edge sum (a) + (b) + (c) differ by ${
    sciText(bn.chainGap)
  }, and central differences of L (h = ${sciText(fdStep, 1)}) by ${
    sciText(bn.fdGap)
  }, relative to the largest term (a).`;
}
