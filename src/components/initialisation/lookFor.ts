/**
 * The facts behind the initialisation page's "What to look for", computed from the loader's
 * series so that the prose can say, per activation, what is exact and what a reader sees.
 *
 * Forward, each layer multiplies the variance by q_{ℓ+1}/q_ℓ = s²·E[φ(a)²]/q_ℓ; backward, it
 * multiplies the squared gradient by r_{ℓ−1}/r_ℓ = s²·E[φ′(a)²]. For the identity both are s², for
 * ReLU both are s²/2 (past the first layer, which sees the raw input), so the two charts mirror
 * each other; for tanh and the sigmoid the two factors differ, and they do not.
 */
import type { Columns, LoaderSeries } from "../depthRows.js";

/**
 * True when, without biases, every layer past the first multiplies the forward variance by the
 * same factor as the backward squared gradient (relative tolerance `tol`, for the 5 shipped digits).
 */
export function mirrors(s: LoaderSeries, tol = 1e-3): boolean {
  const q = s.theory.pre, r = s.theory.grad;
  for (let l = 1; l < q.length; l++) {
    const forward = q[l] / q[l - 1]; // layer ℓ + 1 from layer ℓ (1-based)
    const backward = r[l] / r[l + 1]; // r_ℓ from r_{ℓ+1}: the factor of layer ℓ + 1
    if (!(Math.abs(forward / backward - 1) <= tol)) return false;
  }
  return true;
}

/** The theory at both ends: q_1, q_L and the squared gradient at the input r_0. */
export function ends(s: LoaderSeries) {
  return { first: s.theory.pre[0], last: s.theory.pre.at(-1)!, inputGrad: s.theory.grad[0] };
}

/** The first layer (1-based) from which the theory's variance stays within `tol` of its last value. */
export function settlesFrom(q: readonly number[], tol = 0.01): number {
  let from = q.length;
  while (from > 1 && Math.abs(q[from - 2] / q.at(-1)! - 1) < tol) from--;
  return from;
}

/** One layer's Monte Carlo against its line: the mean (the dot), the band and the line. */
export interface DotAgainstLine {
  layer: number;
  theory: number;
  mean: number;
  p10: number;
  p90: number;
  networks: number;
}

export function dotAgainstLine(
  s: LoaderSeries,
  quantity: "pre",
  layer: number,
): DotAgainstLine {
  const c: Columns = s[quantity];
  const i = layer - 1;
  return {
    layer,
    theory: s.theory[quantity][i],
    mean: c.mean[i],
    p10: c.p10[i],
    p90: c.p90[i],
    networks: s.networks,
  };
}

/** "below" or "above": where a measured value sits against its line. */
export const side = (measured: number, theory: number) => measured < theory ? "below" : "above";
