/**
 * Central finite differences: ∂f/∂xₖ ≈ (f(x + h·eₖ) − f(x − h·eₖ)) / 2h, an independent check on
 * hand-derived gradients. The truncation error is O(h²); rounding adds about machine ε·|f|/h.
 */
import { finiteVector, positiveNumber } from "./validate.js";

export function centralDifferenceGradient(
  f: (x: number[]) => number,
  x: number[],
  h = 1e-5,
): number[] {
  finiteVector("x", x);
  positiveNumber("h", h);
  return x.map((_, k) => {
    const plus = x.slice();
    const minus = x.slice();
    plus[k] += h;
    minus[k] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}

/** The largest |a − b| over two equally long lists. */
export function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} and ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}
