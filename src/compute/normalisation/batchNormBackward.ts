/**
 * Training-time batch normalisation of a batch X (n rows, one per example; d columns, one per
 * feature), forward and backward, in Float64:
 *   μⱼ = (1/n)Σᵢ Xᵢⱼ,  σⱼ² = (1/n)Σᵢ (Xᵢⱼ − μⱼ)² (biased),  Zᵢⱼ = (Xᵢⱼ − μⱼ)/√(σⱼ² + ε),
 *   Yᵢⱼ = γⱼZᵢⱼ + βⱼ.
 * The backward pass is written twice: edge by edge along the computational graph (what flows back
 * along X → μ, X → σ², X → Z, μ → Z, σ² → Z, Z → Y, γ → Y and β → Y), and as the single closed
 * form for ∂L/∂X. The loss is L = Σᵢⱼ dYᵢⱼ·Yᵢⱼ, so dY is the upstream gradient ∂L/∂Y.
 */
import { finiteNumber, nonNegativeNumber } from "../validate.js";

export type Matrix = number[][];

export interface BatchNormParams {
  /** One scale per column. */
  gamma: number[];
  /** One shift per column. */
  beta: number[];
  /** Added to the variance before the square root. */
  epsilon: number;
}

/** Checks that `m` is a non-empty rectangle of finite numbers; returns [rows, columns]. */
export function checkMatrix(name: string, m: unknown): [number, number] {
  if (!Array.isArray(m) || m.length === 0) {
    throw new RangeError(`${name} must have at least one row; got ${m === undefined ? m : "none"}`);
  }
  const columns = Array.isArray(m[0]) ? m[0].length : 0;
  if (columns === 0) throw new RangeError(`${name} must have at least one column`);
  m.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new RangeError(
        `${name} row ${i + 1} has ${
          Array.isArray(row) ? row.length : 0
        } entries; row 1 has ${columns}`,
      );
    }
    row.forEach((v, j) => finiteNumber(`${name}[${i + 1}][${j + 1}]`, v));
  });
  return [m.length, columns];
}

function checkParams(x: Matrix, { gamma, beta, epsilon }: BatchNormParams): [number, number] {
  const [n, d] = checkMatrix("X", x);
  for (const [name, v] of [["gamma", gamma], ["beta", beta]] as const) {
    if (!Array.isArray(v) || v.length !== d) {
      throw new RangeError(`${name} must have one entry per column of X (${d}); got ${v?.length}`);
    }
    v.forEach((value, j) => finiteNumber(`${name}[${j + 1}]`, value));
  }
  nonNegativeNumber("epsilon", epsilon);
  return [n, d];
}

const column = (m: Matrix, j: number) => m.map((row) => row[j]);
const sum = (v: number[]) => v.reduce((s, a) => s + a, 0);

export interface BatchNormForwardPass {
  n: number;
  d: number;
  mean: number[];
  /** The biased batch variance (divided by n), which training-time batch norm divides by. */
  variance: number[];
  /** The unbiased variance (divided by n − 1) that PyTorch folds into its running estimate; NaN for n = 1. */
  unbiasedVariance: number[];
  z: Matrix;
  y: Matrix;
}

export function batchNormForward(x: Matrix, params: BatchNormParams): BatchNormForwardPass {
  const [n, d] = checkParams(x, params);
  const { gamma, beta, epsilon } = params;
  const mean = Array.from({ length: d }, (_, j) => sum(column(x, j)) / n);
  const squares = Array.from(
    { length: d },
    (_, j) => sum(column(x, j).map((v) => (v - mean[j]) ** 2)),
  );
  const variance = squares.map((s) => s / n);
  variance.forEach((v, j) => {
    if (v + epsilon === 0) {
      throw new RangeError(
        `column ${
          j + 1
        } of X is constant (variance 0), so ε must be > 0 to divide by √(σ² + ε); got ε = 0`,
      );
    }
  });
  const unbiasedVariance = squares.map((s) => (n > 1 ? s / (n - 1) : NaN));
  const z = x.map((row) => row.map((v, j) => (v - mean[j]) / Math.sqrt(variance[j] + epsilon)));
  const y = z.map((row) => row.map((v, j) => gamma[j] * v + beta[j]));
  return { n, d, mean, variance, unbiasedVariance, z, y };
}

/** L = Σᵢⱼ dYᵢⱼ·Yᵢⱼ, whose gradient with respect to Y is dY. */
export function batchNormLoss(x: Matrix, dY: Matrix, params: BatchNormParams): number {
  const { y } = batchNormForward(x, params);
  return sum(y.map((row, i) => sum(row.map((v, j) => dY[i][j] * v))));
}

function checkUpstream(x: Matrix, dY: Matrix): void {
  const [n, d] = checkMatrix("X", x);
  const [m, e] = checkMatrix("dY", dY);
  if (m !== n || e !== d) throw new RangeError(`dY must be ${n} × ${d} like X; got ${m} × ${e}`);
}

export interface BatchNormBackwardPass extends BatchNormForwardPass {
  /** ∂L/∂Z = γ ⊙ dY, back along Z → Y. */
  dZ: Matrix;
  /** ∂L/∂γⱼ = Σᵢ dYᵢⱼZᵢⱼ, back along γ → Y. */
  dGamma: number[];
  /** ∂L/∂βⱼ = Σᵢ dYᵢⱼ, back along β → Y. */
  dBeta: number[];
  /** ∂L/∂μⱼ = −Σᵢ ∂L/∂Zᵢⱼ / √(σⱼ² + ε), back along μ → Z. */
  dMean: number[];
  /** ∂L/∂σⱼ² = −½(σⱼ² + ε)^(−3/2) Σᵢ ∂L/∂Zᵢⱼ (Xᵢⱼ − μⱼ), back along σ² → Z. */
  dVariance: number[];
  /** The part of ∂L/∂X that comes back along X → Z: ∂L/∂Zᵢⱼ / √(σⱼ² + ε). */
  dXViaZ: Matrix;
  /** Along X → μ: ∂L/∂μⱼ / n, the same for every row. */
  dXViaMean: Matrix;
  /** Along X → σ²: ∂L/∂σⱼ² · 2(Xᵢⱼ − μⱼ)/n. */
  dXViaVariance: Matrix;
  /** ∂L/∂X, the sum of the three. */
  dX: Matrix;
}

/** The backward pass edge by edge, as the chain rule runs along the computational graph. */
export function batchNormBackward(
  x: Matrix,
  dY: Matrix,
  params: BatchNormParams,
): BatchNormBackwardPass {
  checkUpstream(x, dY);
  const forward = batchNormForward(x, params);
  const { n, d, mean, variance, z } = forward;
  const { gamma, epsilon } = params;
  const root = variance.map((v) => Math.sqrt(v + epsilon));
  const dZ = dY.map((row) => row.map((v, j) => gamma[j] * v));
  const dGamma = Array.from({ length: d }, (_, j) => sum(dY.map((row, i) => row[j] * z[i][j])));
  const dBeta = Array.from({ length: d }, (_, j) => sum(column(dY, j)));
  const dMean = Array.from({ length: d }, (_, j) => -sum(column(dZ, j)) / root[j]);
  const dVariance = Array.from(
    { length: d },
    (_, j) =>
      -0.5 * (variance[j] + epsilon) ** -1.5 *
      sum(dZ.map((row, i) => row[j] * (x[i][j] - mean[j]))),
  );
  const dXViaZ = dZ.map((row) => row.map((v, j) => v / root[j]));
  const dXViaMean = x.map((row) => row.map((_, j) => dMean[j] / n));
  const dXViaVariance = x.map((row) => row.map((v, j) => (dVariance[j] * 2 * (v - mean[j])) / n));
  const dX = dXViaZ.map((row, i) => row.map((v, j) => v + dXViaMean[i][j] + dXViaVariance[i][j]));
  return {
    ...forward,
    dZ,
    dGamma,
    dBeta,
    dMean,
    dVariance,
    dXViaZ,
    dXViaMean,
    dXViaVariance,
    dX,
  };
}

/**
 * The closed form in one expression:
 * ∂L/∂Xᵢⱼ = γⱼ/√(σⱼ² + ε) · (dYᵢⱼ − (1/n)Σₖ dYₖⱼ − (1/n)(Xᵢⱼ − μⱼ)/(σⱼ² + ε) · Σₖ dYₖⱼ(Xₖⱼ − μⱼ)).
 */
export function batchNormInputGradient(x: Matrix, dY: Matrix, params: BatchNormParams): Matrix {
  checkUpstream(x, dY);
  const { n, d, mean, variance } = batchNormForward(x, params);
  const { gamma, epsilon } = params;
  const dySum = Array.from({ length: d }, (_, j) => sum(column(dY, j)));
  const dyDev = Array.from(
    { length: d },
    (_, j) => sum(dY.map((row, k) => row[j] * (x[k][j] - mean[j]))),
  );
  return x.map((row, i) =>
    row.map((v, j) => {
      const s = variance[j] + epsilon;
      return (gamma[j] / Math.sqrt(s)) *
        (dY[i][j] - dySum[j] / n - ((v - mean[j]) / (n * s)) * dyDev[j]);
    })
  );
}
