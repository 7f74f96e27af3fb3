/** Seeded losses and directions shared by the weight-normalisation tests. */
import { dotProduct, type Loss } from "../../../src/compute/normalisation-geometry/weightNorm.ts";
import { createRng } from "../../../src/compute/prng.ts";

/** A logistic loss Σ log(1 + exp(−yᵢxᵢᵀw)) on seeded data: not quadratic, so nothing cancels. */
export function logisticLoss(d: number, seed: number): Loss & { xs: number[][]; ys: number[] } {
  const rng = createRng(seed);
  const xs = Array.from({ length: 12 }, () => Array.from({ length: d }, () => rng.normal()));
  const ys = xs.map(() => (rng.uniform() < 0.5 ? -1 : 1));
  return {
    xs,
    ys,
    value: (w) => xs.reduce((s, x, i) => s + Math.log1p(Math.exp(-ys[i] * dotProduct(x, w))), 0),
    gradient: (w) =>
      w.map((_, j) =>
        xs.reduce((s, x, i) => s - (ys[i] * x[j]) / (1 + Math.exp(ys[i] * dotProduct(x, w))), 0)
      ),
  };
}

export function randomDirection(d: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: d }, () => 2 * rng.normal());
}
