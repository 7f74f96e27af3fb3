/**
 * The RNN page's sentences about its live runs: status lines, the norm chart's description and
 * the paragraph under the charts, built from the runs' frames so a stopped run says where it
 * stopped. Pure string building (no DOM), tested in Deno.
 */
import { num } from "../math.js";
import { perStepRate, textFromLog10, zeroFrom } from "./rnnRows.js";
import { type JacobianStep, log10Bound } from "../../compute/rnn-gradients/jacobian.js";
import type { RecurrenceParams } from "../../compute/rnn-gradients/recurrence.js";
import { slopeCeiling } from "../../compute/rnn-gradients/recurrence.js";
import type { BrnnCheckFrame } from "../../compute/rnn-gradients/liveBrnnCheck.js";

type Run = Pick<RecurrenceParams, "activation" | "norm" | "steps">;

/** The Jacobian section's status line at the end of a run (finished, or stopped part-way). */
export function jacobianStatus(
  frame: { steps: readonly JacobianStep[]; done: boolean; elapsedMs: number },
  { activation, norm, steps: T }: Run,
): string {
  const end = frame.steps.at(-1);
  if (!end) return `Stopped at step 0 of ${T}.`;
  const bound = log10Bound(activation, norm, end.t);
  const what = `‖∂hₜ/∂h₀‖ = ${textFromLog10(end.log10Norm, 3)} at t = ${end.t}, bound ${
    textFromLog10(bound, 3)
  }`;
  return frame.done
    ? `Done in ${Math.round(frame.elapsedMs)} ms: ${what}.`
    : `Stopped at step ${end.t} of ${T}: ${what}.`;
}

/** The norm chart's description: where the product ends, against the bound (γs)ᵗ. */
export function normDescription(
  steps: readonly JacobianStep[],
  { activation, norm: s }: Run,
  atRest: boolean,
): string {
  const end = steps.at(-1);
  if (!end) return "Waiting for the first steps…";
  const zeroAt = zeroFrom(steps);
  return `The norm of the exact Jacobian product for t = 0 to ${end.t} (solid line) ends at ${
    textFromLog10(end.log10Norm, 2)
  }${
    zeroAt === undefined
      ? ""
      : ` (exactly 0 from step ${zeroAt}, when every unit it passes through is off)`
  }, against the bound (γs)ᵗ = (${slopeCeiling(activation)} × ${s})ᵗ (dashed), which ends at ${
    textFromLog10(log10Bound(activation, s, end.t), 2)
  }${atRest ? `; without input the exact value (s·σ′(c))ᵗ is dotted` : ""}.`;
}

/** The paragraph under the charts: the gradient at T against its bound, and why. */
export function jacobianParagraph(
  steps: readonly JacobianStep[],
  stopped: boolean,
  { activation, norm: s, steps: T }: Run,
): string {
  const end = steps.at(-1);
  if (!end || end.t !== T) {
    return stopped && end
      ? `The run was stopped at step ${end.t} of ${T}; the chart shows the steps it finished. Move a control to run it again.`
      : "The run is still going…";
  }
  const gamma = slopeCeiling(activation);
  const boundAtT = log10Bound(activation, s, T);
  const zeroAt = zeroFrom(steps);
  if (zeroAt !== undefined) {
    return `After step ${zeroAt} the product is exactly 0: at some step every unit the gradient could pass through sat where ReLU's slope is 0. The bound allows ${
      textFromLog10(boundAtT, 2)
    }.`;
  }
  const ratio = end.log10Norm - boundAtT;
  const meanSlope = steps.slice(1).reduce((acc, d) => acc + d.slopeMean, 0) / T;
  const verdict = gamma * s < 1
    ? `Since γs < 1 the gradient vanishes, as the bound promises.`
    : end.log10Norm > 0
    ? `Here γs ≥ 1 and the gradient grows.`
    : `Here γs ≥ 1, so the bound allows growth, and yet the gradient ${
      end.log10Norm < 0 ? "shrinks" : "does not grow"
    }: the slopes where the state sits average ${num(meanSlope, 3)}, well below γ = ${gamma}.`;
  return `At T = ${T} the gradient's norm is ${
    textFromLog10(end.log10Norm, 3)
  } and the bound (γs)ᵀ is ${textFromLog10(boundAtT, 3)}: ` +
    (Math.abs(ratio) < 1e-9
      ? "they are equal, the bound is attained. "
      : `the gradient is ${textFromLog10(ratio, 2)} of its ceiling. `) +
    `On average each step multiplied it by ${num(perStepRate(end), 3)}, against γs = ${
      num(gamma * s, 3)
    }. ` + verdict;
}

/** The BRNN check's status line: the autodiff gaps, or where a stopped check was left. */
export function brnnStatus(
  frame: Partial<BrnnCheckFrame> & {
    stopped?: boolean;
    backend?: string;
    elapsedMs: number;
    settings: { seed: number; steps: number };
  },
): string {
  const { seed, steps } = frame.settings;
  if (frame.stopped || !frame.tfGap) {
    return `Stopped before TensorFlow.js's gradients were read (seed ${seed}, T = ${steps}); the formulas and the finite differences below are complete.`;
  }
  const gap = (v: number) => textFromLog10(Math.log10(v), 2);
  return `Autodiff on ${frame.backend} in ${Math.round(frame.elapsedMs)} ms: ∇Wᶠ within ${
    gap(frame.tfGap.wf)
  } and ∇Uᵇ within ${
    gap(frame.tfGap.ub)
  } of the formulas (relative to each gradient's largest entry).`;
}
