/**
 * The rnn-gradients page's first chart, ‖∂hₜ/∂h₀‖ against t beside its bound: the page draws it
 * with `jacobianNormChart` while its live run multiplies out the Jacobians, and the build draws its
 * first picture (no step measured yet, the bound and the exact line drawn) at PAGE_DEFAULTS into
 * the HTML (src/tasks/prerender.ts).
 */
import { PAGE_DEFAULTS } from "../../compute/rnn-gradients/examples.js";
import type { JacobianStep } from "../../compute/rnn-gradients/jacobian.js";
import { atRest } from "../../compute/rnn-gradients/liveJacobian.js";
import type { RecurrenceParams, RnnActivation } from "../../compute/rnn-gradients/recurrence.js";
import type { FirstChart } from "../firstChart.js";
import { gradientNormChart } from "./rnnCharts.js";
import { boundLineRows, exactLineRows, measuredRows } from "./rnnRows.js";
import { normDescription } from "./runText.js";

/** An activation's name as the page writes it. */
export const activationLabel = (a: RnnActivation) => a === "relu" ? "ReLU" : a;

/** The chart's series. */
export const NORM_SERIES = {
  measured: "measured ‖∂hₜ/∂h₀‖",
  bound: "bound (γs)ᵗ",
  exact: "exact at rest, (s·σ′(c))ᵗ",
} as const;

/**
 * The norms measured so far, the bound (γs)ᵗ and, when the network rests at c (orthogonal W, no
 * input), the exact (s·σ′(c))ᵗ.
 */
export function jacobianNormChart(
  params: RecurrenceParams,
  steps: readonly JacobianStep[],
  width: number,
): HTMLElement {
  const { activation, norm: s, rest: c, steps: T, weights } = params;
  const resting = atRest(params);
  return gradientNormChart({
    name: "jacobian-norm",
    title: `‖∂hₜ/∂h₀‖ with ${activationLabel(activation)}, ${
      weights === "orthogonal" ? "orthogonal" : "Gaussian"
    } W, s = ${s}`,
    description: normDescription(steps, params, resting),
    rows: [
      ...measuredRows(NORM_SERIES.measured, steps),
      ...boundLineRows(NORM_SERIES.bound, activation, s, T),
      ...(resting ? exactLineRows(NORM_SERIES.exact, activation, s, c, T) : []),
    ],
    series: [NORM_SERIES.measured, NORM_SERIES.bound, ...(resting ? [NORM_SERIES.exact] : [])],
    live: true,
    dots: T <= 30,
    width,
  });
}

export const firstChart: FirstChart = {
  name: "jacobian-norm",
  width: 704,
  draw: (width) => jacobianNormChart(PAGE_DEFAULTS, [], width),
};
