/**
 * The fixed problems of the momentum page, shared by the page and the tests that check what its
 * prose says about them.
 */
import type { SurfaceSpec } from "../surfaces.js";
import { ADAM_DEFAULTS, type OptimizerSpec } from "../optimizers.js";

/** Adam's section: a mildly ill-conditioned noisy quadratic, 100 steps from the page's start. */
export const ADAM_PROBLEM: SurfaceSpec = { kind: "noisy", kappa: 5, noise: 0.2, seed: 1 };
export const ADAM_START = [-1.8, 2.5] as const;
export const ADAM_STEPS = 100;
/** The default Adam step of that section. */
export const ADAM_PAGE_STEP = 0.2;

/** The controls of the Adam section. */
export interface AdamSettings {
  beta1: number;
  beta2: number;
  eta: number;
}

/**
 * The Adam section's optimiser, with or without its bias correction, as the page runs it in
 * Float64 and tfjs follows it (liveReference.ts); here, not there, so the page's main thread
 * loads no tfjs code for it.
 */
export function adamSpec({ beta1, beta2, eta }: AdamSettings, correct: boolean): OptimizerSpec {
  return { kind: "adam", learningRate: eta, beta1, beta2, epsilon: ADAM_DEFAULTS.epsilon, correct };
}

/** The bias section's Monte Carlo: draws of the whole gradient sequence, and their seed. */
export const BIAS_DRAWS = 2000;
export const BIAS_SEED = 17;
export const BIAS_MAX_HORIZON = 200;
