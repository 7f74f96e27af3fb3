/**
 * The page's fixed instances of hₜ = Wσ(hₜ₋₁) + Uxₜ + b, shared with the tests: the live
 * experiment's defaults, and the instances that show that γs > 1 (the reverse of the vanishing
 * condition) is necessary for the gradient to explode but not sufficient.
 */
import { jacobianNorms, type JacobianRun } from "./jacobian.js";
import type { RecurrenceParams } from "./recurrence.js";

export const PAGE_DEFAULTS: RecurrenceParams = {
  units: 16,
  norm: 0.9,
  activation: "tanh",
  weights: "orthogonal",
  rest: 0,
  drive: 0.1,
  steps: 60,
  seed: 1,
};

/**
 * One tanh network with ‖W‖₂ = 2 (so γs = 2 > 1) in three situations: resting at 0 without input
 * (every slope is 1: the gradient grows exactly as 2ᵗ), resting at c = 1.5 without input (every
 * slope is tanh′(1.5) ≈ 0.18: it shrinks as 0.36ᵗ), and resting at 0 but driven by large inputs
 * (a = 3), which push the units into saturation.
 */
export const FATES = {
  explodes: { ...PAGE_DEFAULTS, norm: 2, rest: 0, drive: 0 },
  saturated: { ...PAGE_DEFAULTS, norm: 2, rest: 1.5, drive: 0 },
  driven: { ...PAGE_DEFAULTS, norm: 2, rest: 0, drive: 3 },
} as const satisfies Record<string, RecurrenceParams>;

export type Fate = keyof typeof FATES;

/** A ReLU network with γs = 1.2 > 1 whose gradient still vanishes: about half its units are off. */
export const RELU_HALF_OFF: RecurrenceParams = {
  ...PAGE_DEFAULTS,
  activation: "relu",
  norm: 1.2,
};

export function fateRuns(): Record<Fate, JacobianRun> {
  return {
    explodes: jacobianNorms(FATES.explodes),
    saturated: jacobianNorms(FATES.saturated),
    driven: jacobianNorms(FATES.driven),
  };
}
