/**
 * The three fates of one tanh network with γs = 2 (explode at rest at 0, vanish at rest in
 * saturation, vanish when driven): the chart's rows, series and description, plain data for
 * gradientNormChart, tested word for word against the page's former inline spec.
 */
import { boundLineRows, measuredRows, type NormRow, textFromLog10 } from "./rnnRows.js";
import { type Fate, FATES } from "../../compute/rnn-gradients/examples.js";
import type { JacobianRun } from "../../compute/rnn-gradients/jacobian.js";
import { slopeCeiling } from "../../compute/rnn-gradients/recurrence.js";

const BOUND = "bound (γs)ᵗ";
const LABELS: Record<Fate, string> = {
  explodes: "at rest at 0",
  saturated: `at rest at ${FATES.saturated.rest}`,
  driven: `driven, a = ${FATES.driven.drive}`,
};

const last = (run: JacobianRun) => run.steps[run.steps.length - 1];

/** The chart of fateRuns(), without its width. */
export function threeFatesSpec(fates: Record<Fate, JacobianRun>): {
  name: string;
  title: string;
  description: string;
  rows: NormRow[];
  series: string[];
} {
  const fateT = FATES.explodes.steps;
  return {
    name: "three-fates",
    title: `One W with γs = ${slopeCeiling("tanh") * FATES.explodes.norm}: explode or vanish`,
    description:
      `‖∂hₜ/∂h₀‖ for the same tanh network with s = ${FATES.explodes.norm} over ${fateT} steps: at rest at 0 it follows the bound ${FATES.explodes.norm}ᵗ up to ${
        textFromLog10(last(fates.explodes).log10Norm, 2)
      }; at rest at ${FATES.saturated.rest} it falls to ${
        textFromLog10(last(fates.saturated).log10Norm, 2)
      }; driven by inputs of size ${FATES.driven.drive} it falls to ${
        textFromLog10(last(fates.driven).log10Norm, 2)
      }.`,
    rows: [
      ...(Object.entries(fates) as [Fate, JacobianRun][]).flatMap(([k, run]) =>
        measuredRows(LABELS[k], run.steps)
      ),
      ...boundLineRows(BOUND, "tanh", FATES.explodes.norm, fateT),
    ],
    series: [LABELS.explodes, BOUND, LABELS.saturated, LABELS.driven],
  };
}
