/**
 * Initialisation schemes for a fully connected layer a = W h + b with fan-in d (the width of h).
 *
 * Every scheme here draws the weights i.i.d. with mean 0 and variance s²/d, so it is described by
 * its gain s² = d·Var(W_ij), its distribution and its bias:
 *
 * - PyTorch's nn.Linear default: W_ij and b_i ~ Uniform(−1/√d, 1/√d), so s² = 1/3 and
 *   Var(b_i) = 1/(3d);
 * - "Xavier" as the course states it: Var(W_ij) = 1/d (s² = 1), biases 0 (Glorot and Bengio's own
 *   rule averages fan-in and fan-out, 2/(d_in + d_out), the same thing for equal widths);
 * - He: Var(W_ij) = 2/d (s² = 2), biases 0;
 * - the reader's "σ × 1/√d": standard deviation σ/√d (s² = σ²), biases 0; Xavier is σ = 1 and He
 *   is σ = √2.
 *
 * Only second moments enter the variance recursions, so a Uniform(−c, c) draw with c²/3 = s²/d
 * behaves like the Gaussian one: c = √(3/d) for Xavier and √(6/d) for He.
 */
import { finiteNumber, inRange, integerAtLeast, oneOf, positiveNumber } from "./validate.js";

export type WeightDistribution = "normal" | "uniform";

export interface Scheme {
  /** Short name, as in the loader's grid and the page's tables. */
  name: string;
  /** s² = d·Var(W_ij). */
  gain: number;
  distribution: WeightDistribution;
  /** Var(b_i) = biasGain / d; 0 for no bias. */
  biasGain: number;
}

export const PYTORCH: Scheme = {
  name: "pytorch",
  gain: 1 / 3,
  distribution: "uniform",
  biasGain: 1 / 3,
};
export const XAVIER: Scheme = { name: "xavier", gain: 1, distribution: "normal", biasGain: 0 };
export const HE: Scheme = { name: "he", gain: 2, distribution: "normal", biasGain: 0 };

/** Weight standard deviation σ/√d (σ the multiple of 1/√d), Gaussian, no bias. */
export function scaledScheme(sigma: number, distribution: WeightDistribution = "normal"): Scheme {
  positiveNumber("σ (weight std as a multiple of 1/√d)", sigma);
  oneOf("distribution", distribution, ["normal", "uniform"]);
  return { name: `sigma-${sigma}`, gain: sigma * sigma, distribution, biasGain: 0 };
}

/** Checks a scheme object (from a grid file or a caller) and returns it. */
export function checkScheme(scheme: Scheme, name = "scheme"): Scheme {
  if (scheme === null || typeof scheme !== "object") {
    throw new RangeError(`${name} must be an object`);
  }
  positiveNumber(`${name}.gain`, scheme.gain);
  inRange(`${name}.biasGain`, scheme.biasGain, { min: 0, max: 1e6 });
  oneOf(`${name}.distribution`, scheme.distribution, ["normal", "uniform"]);
  return scheme;
}

/**
 * Var(XY) for independent X and Y: Var X·Var Y + Var X·(E Y)² + Var Y·(E X)². With E[W] = 0 it is
 * Var(W)·E[h²], the mean square (not the variance) of what a layer receives.
 */
export function varianceOfProduct(
  x: { mean: number; variance: number },
  y: { mean: number; variance: number },
): number {
  finiteNumber("E X", x.mean);
  finiteNumber("E Y", y.mean);
  inRange("Var X", x.variance, { min: 0, max: Number.MAX_VALUE });
  inRange("Var Y", y.variance, { min: 0, max: Number.MAX_VALUE });
  return x.variance * y.variance + x.variance * y.mean ** 2 + y.variance * x.mean ** 2;
}

/** Var(U(−c, c)) = c²/3. */
export function uniformVariance(bound: number): number {
  finiteNumber("bound c", bound);
  return (bound * bound) / 3;
}

/** The c of Uniform(−c, c) with the given variance: c = √(3·variance). */
export function uniformBoundForVariance(variance: number): number {
  positiveNumber("variance", variance);
  return Math.sqrt(3 * variance);
}

/** The Uniform(−c, c) bound with the scheme's weight variance at fan-in d. */
export function weightBound(scheme: Scheme, fanIn: number): number {
  integerAtLeast("fan-in d", fanIn, 1);
  return uniformBoundForVariance(scheme.gain / fanIn);
}

/** Var(W_ij) = s²/d. */
export function weightVariance(scheme: Scheme, fanIn: number): number {
  integerAtLeast("fan-in d", fanIn, 1);
  return scheme.gain / fanIn;
}

/**
 * PyTorch's kaiming_uniform_(w, a) bound for fan-in d: gain √(2/(1 + a²)) (its leaky-ReLU gain),
 * standard deviation gain/√d, and bound √3 times that. nn.Linear calls it with a = √5, which
 * makes the gain √(1/3) and the bound exactly 1/√d.
 */
export function kaimingUniformBound(fanIn: number, a: number): number {
  integerAtLeast("fan-in d", fanIn, 1);
  finiteNumber("negative slope a", a);
  const gain = Math.sqrt(2 / (1 + a * a));
  return Math.sqrt(3) * (gain / Math.sqrt(fanIn));
}

/**
 * The course's closed form for PyTorch's default with identity activations and unit-variance
 * input: Var(y_L) = 1/3^L + Σ_{k=0}^{L−1} 1/(3^{L−k} n_k), where fanIns = [n_0, …, n_{L−1}].
 */
export function pytorchOutputVariance(fanIns: readonly number[]): number {
  checkFanIns(fanIns);
  const L = fanIns.length;
  let sum = 3 ** -L;
  for (let k = 0; k < L; k++) sum += 1 / (3 ** (L - k) * fanIns[k]);
  return sum;
}

/**
 * The same variance layer by layer: Var(y_0) = inputVariance and
 * Var(y_ℓ) = (Var(y_{ℓ−1}) + 1/n_{ℓ−1})/3. Returns [Var(y_0), …, Var(y_L)].
 */
export function pytorchVarianceRecursion(
  fanIns: readonly number[],
  inputVariance = 1,
): number[] {
  checkFanIns(fanIns);
  positiveNumber("input variance", inputVariance);
  const out = [inputVariance];
  for (const n of fanIns) out.push((out[out.length - 1] + 1 / n) / 3);
  return out;
}

function checkFanIns(fanIns: readonly number[]): void {
  if (!Array.isArray(fanIns) || fanIns.length === 0) {
    throw new RangeError(`widths must be a non-empty array of layer widths; got ${fanIns}`);
  }
  fanIns.forEach((n, i) => integerAtLeast(`width n_${i}`, n, 1));
}
