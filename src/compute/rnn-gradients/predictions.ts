/**
 * The RNN page's "predict, then run" card: with γs = 2 > 1 the bound (γs)ᵗ grows, yet inputs large
 * enough to saturate tanh shrink the slopes. Does ‖∂h_T/∂h₀‖ explode or vanish? Read from the live
 * Jacobian run's last frame.
 */
import { FATES } from "./examples.js";
import type { RecurrenceParams } from "./recurrence.js";

/** Above 10^BEYOND the card calls the gradient exploded; below 10^−BEYOND, vanished. */
export const BEYOND = 3;

/** The page's controls (by their names) for a recurrence. */
export function controlsOf(p: RecurrenceParams) {
  return {
    s: p.norm,
    act: p.activation,
    T: p.steps,
    weights: p.weights,
    c: p.rest,
    a: p.drive,
    n: p.units,
    seed: p.seed,
  };
}

/** The card's setting: the page's "driven into saturation" instance (tanh, s = 2, a = 3, at rest at 0). */
export const DRIVEN_SETTING = controlsOf(FATES.driven);

export interface DrivenOutcome {
  option: "explodes" | "vanishes" | "between";
  /** log₁₀ of ‖∂h_T/∂h₀‖ and of the bound (γs)^T at the last step T. */
  log10Norm: number;
  log10Bound: number;
  steps: number;
}

/** What ‖∂h_T/∂h₀‖ did by the run's last step. */
export function drivenOutcome(
  frame: { log10Norms: readonly number[]; log10Bound: readonly number[] },
): DrivenOutcome {
  const last = frame.log10Norms.length - 1;
  const log10Norm = frame.log10Norms[last];
  const option = log10Norm > BEYOND ? "explodes" : log10Norm < -BEYOND ? "vanishes" : "between";
  return { option, log10Norm, log10Bound: frame.log10Bound[last], steps: last };
}
