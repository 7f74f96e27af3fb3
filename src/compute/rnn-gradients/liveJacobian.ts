/**
 * The Jacobian product ∂hₜ/∂h₀ as a live computation (compute/liveRun.ts): one step of
 * jacobianTracker per yield, so the driver cuts the run into slices of JACOBIAN_FRAME_MS and the
 * page draws the steps so far. Pure JavaScript in double precision; no tfjs, though the page runs
 * it in the live worker beside its tfjs check, so that it never holds the page's main thread.
 */
import type { LiveEnv, LiveStep } from "../liveRun.js";
import type { RecurrenceParams } from "./recurrence.js";
import { type JacobianStep, jacobianTracker, log10Bound, restingLog10Norm } from "./jacobian.js";

export interface JacobianFrame {
  /** t = 0 … the step reached (grows in place from one frame to the next). */
  steps: JacobianStep[];
  /** Per step: log₁₀ of ‖∂hₜ/∂h₀‖, of the bound (γs)ᵗ, of the exact value at rest (null when the
   * state is not at rest), and the mean slope σ′. */
  log10Norms: number[];
  log10Bound: number[];
  log10Exact: number[] | null;
  slopeMean: number[];
  /** False on every frame; the runner sets true on a run the reader stopped (the test hook's
   * `stopped` is false for a finished run). */
  stopped: boolean;
}

/**
 * How often the live worker sends the steps so far, ms: each frame is a redraw of two charts on
 * the page, so frames come no faster than the page draws them (the worker computes in between).
 */
export const JACOBIAN_FRAME_MS = 50;

/** Without input and with orthogonal W the state rests at c, where (s·σ′(c))ᵗ is exact. */
export const atRest = (p: Pick<RecurrenceParams, "weights" | "drive">) =>
  p.weights === "orthogonal" && p.drive === 0;

export function* liveJacobian(
  params: RecurrenceParams,
  _env: LiveEnv,
): Generator<LiveStep<JacobianFrame>, void, undefined> {
  const { activation, norm: s, rest: c } = params;
  const tracker = jacobianTracker(params);
  const exact = atRest(params);
  const frame: JacobianFrame = {
    steps: tracker.run.steps,
    log10Norms: [],
    log10Bound: [],
    log10Exact: exact ? [] : null,
    slopeMean: [],
    stopped: false,
  };
  const record = (step: JacobianStep) => {
    frame.log10Norms.push(step.log10Norm);
    frame.log10Bound.push(log10Bound(activation, s, step.t));
    frame.log10Exact?.push(restingLog10Norm(activation, s, c, step.t));
    frame.slopeMean.push(step.slopeMean);
  };
  record(tracker.run.steps[0]);
  while (!tracker.run.done) {
    record(tracker.advance());
    yield { ...frame, progress: (frame.steps.length - 1) / params.steps, done: tracker.run.done };
  }
}
