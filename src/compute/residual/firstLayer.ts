/**
 * What the first layer of the residual network does to the gradient. Layer 1 has no skip
 * (y₁ = φ(A₁x + b₁)), so even when the hidden layers hand the gradient g down unchanged, the input
 * receives (g ⊙ φ′)A₁. With A₁'s entries N(0, σ²/m) and inputs x ~ N(0, I_m), each
 * pre-activation is about N(0, σ²), and for a wide layer ‖(g ⊙ φ′)A₁‖ ≈ σ·√E[φ′(z)²]·‖g‖ with
 * z ~ N(0, σ²): the factor the input loses (or gains) at any depth. For the sigmoid, φ′ ≤ 1/4,
 * so it is at most σ/4.
 */
import { derivative, gaussianMean } from "../activations.js";
import { inRange } from "../validate.js";
import { type MlpActivation, mlpActivation } from "./mlp.js";

/** σ·√E[φ′(z)²], z ~ N(0, σ²): the expected factor of the first layer, for a wide layer. */
export function firstLayerFactor(activation: MlpActivation, sigma: number): number {
  mlpActivation(activation);
  inRange("σ", sigma, { min: 0, max: Infinity });
  // ReLU's slope jumps at 0, where the trapezoid rule of gaussianMean loses accuracy; E[1[z > 0]] = 1/2.
  if (activation === "relu") return sigma / Math.SQRT2;
  return sigma * Math.sqrt(gaussianMean((z) => derivative(activation, z) ** 2, sigma * sigma));
}

/**
 * The measured split of a profile's gradY (index ℓ = 0 … L − 1): how the hidden layers change the
 * gradient from the top hidden layer L − 1 down to layer 1, and the first layer's own factor from
 * layer 1 to the input.
 */
export function gradientSplit(gradY: readonly number[]): { hidden: number; first: number } {
  const top = gradY.length - 1;
  if (top < 1) throw new RangeError("gradY needs the input and at least one hidden layer");
  return { hidden: gradY[1] / gradY[top], first: gradY[0] / gradY[1] };
}

/**
 * The claims the page makes for the sigmoid with skips, held by tests/compute/residual/
 * firstLayer.test.ts over 20 seeds and the sliders' whole range: the hidden layers keep the
 * gradient within a factor HIDDEN_BAND of its value at the top, and at width WIDE_LAYER and more
 * the first layer's factor is within FIRST_LAYER_TOLERANCE (relative) of firstLayerFactor.
 */
export const HIDDEN_BAND = 10;
export const WIDE_LAYER = 64;
export const FIRST_LAYER_TOLERANCE = 0.3;
