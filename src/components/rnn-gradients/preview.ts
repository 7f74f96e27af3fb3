/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { jacobianNorms, log10Bound } from "../../compute/rnn-gradients/jacobian.js";
import { PAGE_DEFAULTS } from "../../compute/rnn-gradients/examples.js";
import {
  formatNumber,
  type PagePreview,
  type PreviewSpec,
  scientific,
} from "../front/previewSparkline.js";

/** The gradient norm through time at the page's defaults, against the bound (γs)ᵗ. */
export function rnnPreview(): PreviewSpec {
  const params = PAGE_DEFAULTS;
  const run = jacobianNorms(params);
  const norms = run.steps.map((step) => [step.t, step.log10Norm] as const);
  const bound = run.steps.map((step) =>
    [step.t, log10Bound(params.activation, params.norm, step.t)] as const
  );
  const [lastT, lastNorm] = norms.at(-1)!;
  const lowest = Math.min(...norms.map(([, v]) => v), ...bound.map(([, v]) => v));
  return {
    label: `Gradients through time: log₁₀ of the gradient norm ‖∂hₜ/∂h₀‖ over ${lastT} steps of ` +
      `a ${params.activation} network with ‖W‖₂ = ${formatNumber(params.norm, 1)}; it falls to ` +
      `${scientific(10 ** lastNorm)} at step ${lastT}, never above the bound ${
        formatNumber(params.norm, 1)
      }ᵗ (dashed).`,
    x: { domain: [0, lastT] },
    y: { domain: [lowest, 0] },
    baselines: [0],
    lines: [
      { kind: "primary", points: norms },
      { kind: "secondary", points: bound },
    ],
    key: [
      { kind: "primary", text: "log₁₀‖∂hₜ/∂h₀‖" },
      { kind: "secondary", text: "bound" },
    ],
  };
}

export const preview: PagePreview = { compute: rnnPreview };
