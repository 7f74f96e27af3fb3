/**
 * The four activations of the depth pages, their derivatives, and the Gaussian averages that the
 * mean-field theory of deep networks needs:
 *
 *   G(q) = E[φ(√q·z)²]   (what a layer hands on, given pre-activations of variance q),
 *   X(q) = E[φ'(√q·z)²]  (how much a layer scales the squared gradient passing back),
 *
 * with z ~ N(0, 1). Identity and ReLU have exact closed forms (G = q and q/2, X = 1 and 1/2); tanh
 * and sigmoid are integrated numerically (gaussianMean). No DOM, no tfjs.
 */
import { nonNegativeNumber, oneOf } from "./validate.js";

export const ACTIVATIONS = ["identity", "relu", "tanh", "sigmoid"] as const;
export type Activation = typeof ACTIVATIONS[number];

export function activationName(value: unknown, name = "activation"): Activation {
  return oneOf(name, value, ACTIVATIONS);
}

export function sigmoid(x: number): number {
  // Written so that neither branch overflows: e^{-|x|} ≤ 1.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)(1 − σ(x)); its largest value is σ'(0) = 1/4. */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

/** The largest slope of each activation, sup |φ'|: the γ of the gradient bound. */
export const MAX_SLOPE: Record<Activation, number> = {
  identity: 1,
  relu: 1,
  tanh: 1,
  sigmoid: 0.25,
};

/** φ(x). */
export function activate(activation: Activation, x: number): number {
  switch (activation) {
    case "identity":
      return x;
    case "relu":
      return x > 0 ? x : 0;
    case "tanh":
      return Math.tanh(x);
    case "sigmoid":
      return sigmoid(x);
  }
}

/** φ'(x); ReLU's is 1 for x > 0 and 0 otherwise (tfjs uses the same value at 0). */
export function derivative(activation: Activation, x: number): number {
  switch (activation) {
    case "identity":
      return 1;
    case "relu":
      return x > 0 ? 1 : 0;
    case "tanh": {
      const t = Math.tanh(x);
      return 1 - t * t;
    }
    case "sigmoid":
      return sigmoidDerivative(x);
  }
}

/** Whether φ(cx) = cφ(x) for c > 0: such a network's signal can be rescaled without changing it. */
export function isHomogeneous(activation: Activation): boolean {
  return activation === "identity" || activation === "relu";
}

/**
 * E[f(√q·z)] for z ~ N(0, 1) by the trapezoid rule on z ∈ [−12, 12]. For integrands that are
 * analytic in a strip around the real axis (tanh and sigmoid and their powers and derivatives)
 * the rule converges geometrically; the step shrinks with √q so the strip (poles of tanh at
 * ±iπ/2, scaled by 1/√q) stays wide in steps. The tail beyond |z| = 12 weighs below 10⁻³².
 */
export function gaussianMean(f: (x: number) => number, q: number): number {
  nonNegativeNumber("variance q", q);
  if (q === 0) return f(0);
  const s = Math.sqrt(q);
  const h = Math.min(0.02, 0.25 / s);
  const n = Math.ceil(12 / h);
  const step = 12 / n;
  let sum = f(0);
  for (let k = 1; k <= n; k++) {
    const z = k * step;
    const w = Math.exp(-0.5 * z * z);
    sum += w * (f(s * z) + f(-s * z));
  }
  return (sum * step) / Math.sqrt(2 * Math.PI);
}

/** G(q) = E[φ(a)²] for a ~ N(0, q): the mean square a layer hands to the next. */
export function meanSquareOut(activation: Activation, q: number): number {
  nonNegativeNumber("variance q", q);
  switch (activation) {
    case "identity":
      return q;
    case "relu":
      return q / 2;
    default:
      return gaussianMean((x) => activate(activation, x) ** 2, q);
  }
}

/** X(q) = E[φ'(a)²] for a ~ N(0, q): the factor on the squared gradient through one layer. */
export function slopeMeanSquare(activation: Activation, q: number): number {
  nonNegativeNumber("variance q", q);
  switch (activation) {
    case "identity":
      return 1;
    case "relu":
      return 0.5;
    default:
      return gaussianMean((x) => derivative(activation, x) ** 2, q);
  }
}
