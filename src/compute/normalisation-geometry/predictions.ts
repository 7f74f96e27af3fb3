/**
 * The normalisation-geometry page's "predict, then run" card: shrink the batch to m = 2 and say
 * what batch norm's outputs look like. Read from the page's own draws (batchNormGaussian1d).
 */

/** Outputs within this relative distance of a value count as that value (Float64 rounding). */
const SAME_VALUE = 1e-9;

/** The card's setting: the page's Gaussian and β, γ, seed at their defaults, with a batch of two. */
export const TWO_BATCH_SETTING = {
  mean: 1.5,
  variance: 0.16,
  beta: 3,
  gamma: 1,
  batch: 2,
  seed: 1,
} as const;

export interface OutputShape {
  /** "single": every output is β; "two": every output is β − γ or β + γ; "many": anything else. */
  option: "single" | "two" | "many";
  /** How many outputs sit at β − γ and at β + γ, and how many there are in all. */
  below: number;
  above: number;
  count: number;
}

/** What the batch-normalised outputs `y` look like against β and γ. */
export function outputShape(y: ArrayLike<number>, beta: number, gamma: number): OutputShape {
  const near = (v: number, target: number) =>
    Math.abs(v - target) <= SAME_VALUE * Math.max(1, Math.abs(target), gamma);
  let below = 0, above = 0, atBeta = 0;
  for (let i = 0; i < y.length; i++) {
    if (near(y[i], beta - gamma)) below++;
    else if (near(y[i], beta + gamma)) above++;
    else if (near(y[i], beta)) atBeta++;
  }
  const option = atBeta === y.length ? "single" : below + above === y.length ? "two" : "many";
  return { option, below, above, count: y.length };
}
