/**
 * Ridge regression along a whole path of λ from one factorisation.
 *
 * θ(λ) minimises ½‖Xθ − y‖² + (λ/2)‖θ‖². With M = XᵀX (primal, p ≤ n) or M = XXᵀ (kernel, p > n)
 * reduced once to M = QTQᵀ with T tridiagonal, every λ needs only (T + λI)z = Qᵀr, an O(m) solve,
 * and one application of Q: θ = Qz (primal) or α = Qz, θ = Xᵀα (kernel). This is cheaper than the
 * eigenbasis UΛUᵀ, which would add the QL rotations on top of the same Householder reduction, yet
 * gives the same numbers, since Q is orthogonal exactly as U is.
 */
import {
  applyQ,
  applyQTranspose,
  solveShiftedTridiagonal,
  type Tridiagonal,
  tridiagonalEigen,
  tridiagonalize,
} from "../symmetricEigen.js";

/** M = QTQᵀ for M = XᵀX or XXᵀ, ready to solve (M + λI)w = r for many λ. */
export interface RidgeFactor {
  tri: Tridiagonal;
  /** Scratch of length ≥ 2m reused by `solveBlock`. */
  work: Float64Array;
}

/** Factors the symmetric PSD matrix m (size×size, lower triangle read, overwritten). */
export function factorRidge(m: Float64Array, size: number, scratch?: Float64Array): RidgeFactor {
  const work = scratch && scratch.length >= 2 * size ? scratch : new Float64Array(2 * size);
  return { tri: tridiagonalize(m, size, work), work };
}

export interface RidgeBlock {
  /** w(λ_l) for every λ: size×L row-major, so column l solves (M + λ_l I)w = r. */
  w: Float64Array;
  /** cᵀz(λ_l) = rᵀw(λ_l), for residuals without forming Mw. */
  rDotW: Float64Array;
  /** ‖z(λ_l)‖² = ‖w(λ_l)‖². */
  normW2: Float64Array;
}

/**
 * Solves (M + λ_l I) w_l = r for every λ_l. `r` is left untouched; `out.w` must have room for
 * size·L entries.
 */
export function solveBlock(
  f: RidgeFactor,
  r: Float64Array,
  lambdas: ArrayLike<number>,
  out: RidgeBlock,
): RidgeBlock {
  const size = f.tri.n;
  const c = f.work.subarray(0, size);
  c.set(r.subarray(0, size));
  applyQTranspose(f.tri, c, 1);
  return solveBlockInBasis(f, c, lambdas, out);
}

/**
 * As solveBlock, for a right-hand side already in the tridiagonal basis, c = Qᵀr: a caller that
 * keeps c can solve for a new λ without applying Qᵀ again. `c` must not overlap the factor's
 * second half of `work` (the pivots); it is left untouched.
 */
export function solveBlockInBasis(
  f: RidgeFactor,
  c: Float64Array,
  lambdas: ArrayLike<number>,
  out: RidgeBlock,
): RidgeBlock {
  const { tri, work } = f;
  const size = tri.n;
  const count = lambdas.length;
  const pivots = work.subarray(size, 2 * size);
  // One small buffer serves as each λ's contiguous solution and as the reflectors' scratch row.
  const column = new Float64Array(Math.max(size, count));
  const z = out.w;
  for (let l = 0; l < count; l++) {
    solveShiftedTridiagonal(tri.d, tri.e, size, lambdas[l], c, column, pivots);
    let dot = 0;
    let norm2 = 0;
    for (let i = 0; i < size; i++) {
      const zi = column[i];
      dot += c[i] * zi;
      norm2 += zi * zi;
      z[i * count + l] = zi;
    }
    out.rDotW[l] = dot;
    out.normW2[l] = norm2;
  }
  applyQ(tri, z, count, column);
  return out;
}

/** Eigenvalues of M (ascending) from its factor, without touching the factor. */
function factorEigenvalues(f: RidgeFactor): Float64Array {
  const d = f.tri.d.slice();
  const e = f.tri.e.slice();
  return tridiagonalEigen(d, e, f.tri.n);
}

/** Singular values of X (descending) from the factor of XᵀX or XXᵀ: √ of M's eigenvalues. */
export function factorSingularValues(f: RidgeFactor): Float64Array {
  const eigenvalues = factorEigenvalues(f);
  const m = eigenvalues.length;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = Math.sqrt(Math.max(0, eigenvalues[m - 1 - i]));
  return out;
}

/**
 * ‖y − Xθ‖² in the primal regime, from quantities the solve already has: ‖y‖², rᵀθ and ‖θ‖² with
 * r = Xᵀy. Expanding gives ‖y‖² − 2rᵀθ + θᵀXᵀXθ, and XᵀXθ = r − λθ leaves ‖y‖² − rᵀθ − λ‖θ‖²
 * (clamped at 0, since the difference of large terms can round below it).
 */
export function primalResidualSumOfSquares(
  yy: number,
  lambda: number,
  rDotTheta: number,
  normTheta2: number,
): number {
  return Math.max(0, yy - rDotTheta - lambda * normTheta2);
}

/** ‖y − Xθ‖² in the kernel regime: (XXᵀ + λI)α = y gives y − Xθ = y − XXᵀα = λα. */
export function kernelResidualSumOfSquares(lambda: number, normAlpha2: number): number {
  return lambda * lambda * normAlpha2;
}
