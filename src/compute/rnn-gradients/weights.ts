/**
 * Recurrent weight matrices with a chosen spectral norm s, in Float64 (n×n, row-major: entry (i, j)
 * of `a` is a[i * n + j]). Two kinds from one Gaussian draw G:
 *
 * - "orthogonal": s·Q with Q from the QR factorisation of G (Haar distributed, every singular
 *   value equal to s), where the gradient bound through time is nearly tight;
 * - "gaussian": s·G/‖G‖₂, whose largest singular value is s but whose powers shrink much faster,
 *   so the bound is loose.
 */
import { spectralNorm } from "../linalg.js";
import type { Rng } from "../prng.js";
import { integerAtLeast, nonNegativeNumber, oneOf } from "../validate.js";

export const WEIGHT_KINDS = ["orthogonal", "gaussian"] as const;
export type WeightKind = typeof WEIGHT_KINDS[number];

/** An n×n matrix of independent standard normals. */
export function gaussianMatrix(n: number, rng: Rng): Float64Array {
  integerAtLeast("n", n, 1);
  return Float64Array.from({ length: n * n }, () => rng.normal());
}

/**
 * Q of the QR factorisation G = QR with R's diagonal positive, by modified Gram–Schmidt applied
 * twice (orthogonal to rounding for the page's sizes). With G Gaussian, Q is Haar distributed.
 */
export function orthogonalFactor(g: Float64Array, n: number): Float64Array {
  const q = g.slice();
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i * n + k] * q[i * n + j];
        for (let i = 0; i < n; i++) q[i * n + j] -= dot * q[i * n + k];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * n + j] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) throw new RangeError("orthogonalFactor: the columns are linearly dependent");
    for (let i = 0; i < n; i++) q[i * n + j] /= norm;
  }
  return q;
}

/** s·Q (orthogonal) or s·G/‖G‖₂ (Gaussian), both from the same draw G of `rng`. */
export function recurrentMatrix(
  n: number,
  s: number,
  kind: WeightKind,
  rng: Rng,
): Float64Array {
  integerAtLeast("hidden units n", n, 1);
  nonNegativeNumber("spectral norm s", s);
  oneOf("weights", kind, WEIGHT_KINDS);
  const g = gaussianMatrix(n, rng);
  const base = kind === "orthogonal" ? orthogonalFactor(g, n) : g;
  const scale = kind === "orthogonal" ? s : s / spectralNorm({ rows: n, cols: n, data: g });
  return base.map((v) => v * scale);
}
