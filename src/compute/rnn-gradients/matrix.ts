/**
 * The few dense products the RNN modules need, on row-major Float64Arrays (entry (i, j) of a
 * rows×cols matrix `a` is a[i * cols + j]), and the exact spectral norm ‖A‖₂ = √λ₁(AᵀA) from the
 * symmetric eigen solver.
 */
import { symmetricEigenvalues } from "../symmetricEigen.js";
import { integerAtLeast } from "../validate.js";

/** A·v for the rows×cols A. */
export function matrixTimes(
  a: Float64Array,
  v: Float64Array,
  rows: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += a[i * cols + j] * v[j];
    out[i] = sum;
  }
  return out;
}

/** Aᵀ·v for the rows×cols A. */
export function transposeTimes(
  a: Float64Array,
  v: Float64Array,
  rows: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j] += a[i * cols + j] * v[i];
  }
  return out;
}

/**
 * ‖A‖₂ for the n×n `a`: the square root of the largest eigenvalue of AᵀA. `scratch` (n² entries)
 * holds AᵀA, so a caller that takes many norms allocates it once.
 */
export function operatorNorm(a: Float64Array, n: number, scratch?: Float64Array): number {
  integerAtLeast("n", n, 1);
  if (a.length !== n * n) throw new RangeError(`operatorNorm: need n² = ${n * n} entries`);
  const gram = scratch && scratch.length >= n * n ? scratch : new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[k * n + i] * a[k * n + j];
      gram[i * n + j] = sum;
      gram[j * n + i] = sum;
    }
  }
  // Rounding can leave a zero eigenvalue slightly negative; the largest is ≥ 0.
  return Math.sqrt(Math.max(0, symmetricEigenvalues(gram, n)[n - 1]));
}
