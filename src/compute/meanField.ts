/**
 * What a deep fully connected network does to a signal at initialisation, in expectation over
 * weights and inputs: the variance of the pre-activations going forward and the squared gradient
 * going back.
 *
 * The network: h_0 = x with x_j i.i.d., mean 0, variance 1; for ℓ = 1…L, a_ℓ = W_ℓh_{ℓ−1} + b_ℓ
 * and h_ℓ = φ(a_ℓ); the output is f = vᵀh_L with v a unit vector. With Var(W_ij) = s²/n_{ℓ−1},
 * mean-zero weights independent of h_{ℓ−1}, and Var(b_i) = s_b²/n_{ℓ−1}:
 *
 *   forward:  q_1 = s²·E[x_j²] + s_b²/n_0,   q_ℓ = s²·G(q_{ℓ−1}) + s_b²/n_{ℓ−1},
 *   backward: r_L = ‖v‖² = 1,                r_{ℓ−1} = s²·X(q_ℓ)·r_ℓ,
 *
 * where q_ℓ = E[(a_ℓ)_i²], r_ℓ = E‖∂f/∂h_ℓ‖², G(q) = E[φ(a)²] and X(q) = E[φ'(a)²] for
 * a ~ N(0, q). The forward line is exact at every width for identity and ReLU (only the second
 * moment and the sign symmetry of a enter); for tanh and sigmoid it assumes a Gaussian a, which is
 * the infinite-width limit. The backward line treats φ'(a_ℓ) as independent of the weights it
 * multiplies, the standard mean-field step (exact for the identity).
 *
 * Note the first layer: it sees the raw input, not φ of anything, so q_1 = s². He's s² = 2 makes
 * q_1 = 2, and from then on ReLU halves and He doubles, so every later q_ℓ is 2 as well.
 */
import { type Activation, activationName, meanSquareOut, slopeMeanSquare } from "./activations.js";
import { checkScheme, type Scheme } from "./schemes.js";
import { integerAtLeast, positiveNumber } from "./validate.js";

export interface TheoryProfile {
  /** q_ℓ for ℓ = 1…L (index ℓ − 1): the pre-activation variance. */
  preVariance: number[];
  /** X(q_ℓ) for ℓ = 1…L: the mean square of φ' at layer ℓ. */
  slopeMeanSquare: number[];
  /** r_ℓ = E‖∂f/∂h_ℓ‖² for ℓ = 0…L (index ℓ), with r_L = 1. */
  gradMeanSquare: number[];
  /**
   * E‖∂f/∂x‖² for the network cut after layer ℓ (the first ℓ layers and a unit readout), for
   * ℓ = 1…L: the squared gradient that reaches the input of a depth-ℓ network.
   */
  inputGradMeanSquare: number[];
}

export interface TheoryOptions {
  scheme: Scheme;
  activation: Activation;
  /** Layer widths n_0 (the input) … n_L; the same width everywhere when given as {depth, width}. */
  widths: readonly number[];
  /** E[x_j²] of the raw input (1 by default). */
  inputMeanSquare?: number;
}

/** [width, width, …] with depth + 1 entries: n_0 … n_L. */
export function uniformWidths(depth: number, width: number): number[] {
  integerAtLeast("depth", depth, 1);
  integerAtLeast("width", width, 1);
  return Array.from({ length: depth + 1 }, () => width);
}

export function theoryProfile(
  { scheme, activation, widths, inputMeanSquare = 1 }: TheoryOptions,
): TheoryProfile {
  checkScheme(scheme);
  activationName(activation);
  checkWidths(widths);
  positiveNumber("input mean square E[x²]", inputMeanSquare);
  const L = widths.length - 1;
  const s2 = scheme.gain;
  const preVariance: number[] = [];
  const slopes: number[] = [];
  let handed = inputMeanSquare;
  for (let l = 1; l <= L; l++) {
    const q = s2 * handed + scheme.biasGain / widths[l - 1];
    preVariance.push(q);
    slopes.push(slopeMeanSquare(activation, q));
    handed = meanSquareOut(activation, q);
  }
  const gradMeanSquare = new Array<number>(L + 1);
  gradMeanSquare[L] = 1;
  for (let l = L; l >= 1; l--) gradMeanSquare[l - 1] = s2 * slopes[l - 1] * gradMeanSquare[l];
  const inputGradMeanSquare: number[] = [];
  let product = 1;
  for (let l = 1; l <= L; l++) {
    product *= s2 * slopes[l - 1];
    inputGradMeanSquare.push(product);
  }
  return { preVariance, slopeMeanSquare: slopes, gradMeanSquare, inputGradMeanSquare };
}

export function checkWidths(widths: readonly number[]): number[] {
  if (!Array.isArray(widths) || widths.length < 2) {
    throw new RangeError(
      `widths must list n_0 … n_L, at least two entries (depth ≥ 1); got ${JSON.stringify(widths)}`,
    );
  }
  widths.forEach((n, i) => integerAtLeast(`width n_${i}`, n, 1));
  return [...widths];
}
