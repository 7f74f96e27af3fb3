/**
 * The fixed problems of the momentum page, shared by the page and the tests that check what its
 * prose says about them.
 */
import type { SurfaceSpec } from "../surfaces.js";

/** Adam's section: a mildly ill-conditioned noisy quadratic, 100 steps from the page's start. */
export const ADAM_PROBLEM: SurfaceSpec = { kind: "noisy", kappa: 5, noise: 0.2, seed: 1 };
export const ADAM_START = [-1.8, 2.5] as const;
export const ADAM_STEPS = 100;
/** The default Adam step of that section. */
export const ADAM_PAGE_STEP = 0.2;

/** The bias section's Monte Carlo: draws of the whole gradient sequence, and their seed. */
export const BIAS_DRAWS = 2000;
export const BIAS_SEED = 17;
export const BIAS_MAX_HORIZON = 200;
