/**
 * How a Monte-Carlo mean compares with its exact value, in words, for the dropout-noise page's
 * status lines and chart descriptions. When every draw gives the same loss (keep probability 1, or
 * Gaussian noise with σ = 0) the standard error is 0 and "standard errors apart" would be 0/0, so
 * that case says what is true instead: the draws do not vary, and how far their value is from the
 * exact one.
 */
import { sciText, significant } from "../math.js";

export interface MonteCarloTally {
  count: number;
  mean: number;
  standardError: number;
}

/** "N draws: mean … ± … against the exact …, z standard errors apart", or the no-spread case. */
export function agreementText(
  { count, mean, standardError }: MonteCarloTally,
  exact: number,
): string {
  const draws = `${count} draw${count === 1 ? "" : "s"}`;
  if (!Number.isFinite(standardError)) {
    return `${draws}: mean ${significant(mean, 5)}, too few for a standard error`;
  }
  if (standardError > 0) {
    const z = Math.abs(mean - exact) / standardError;
    return `${draws}: mean ${significant(mean, 5)} ± ${
      significant(standardError, 2)
    } against the exact ${significant(exact, 5)}, ${z.toFixed(1)} standard errors apart`;
  }
  const gap = Math.abs(mean - exact) / Math.max(Math.abs(exact), Number.MIN_VALUE);
  return `${draws}, all the same: this noise does not vary the loss, every draw gives ${
    significant(mean, 5)
  }, and the exact value is ${significant(exact, 5)} (${
    gap === 0 ? "identical" : `relative difference ${sciText(gap, 2)}, rounding`
  })`;
}
