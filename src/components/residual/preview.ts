/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { sigmoidDerivative } from "../../compute/activations.js";
import {
  formatNumber,
  type PagePreview,
  type PreviewSpec,
  range,
} from "../front/previewSparkline.js";

/** The sigmoid's slope, which never exceeds 1/4. */
export function residualPreview(extent = 6): PreviewSpec {
  const xs = range(-extent, extent, 0.1);
  const peak = sigmoidDerivative(0);
  return {
    label: `Residual connections: the sigmoid's slope σ′(x) from x = −${extent} to ${extent} ` +
      `peaks at ${formatNumber(peak, 2)} at x = 0: on its way back, the gradient is multiplied ` +
      `at every sigmoid layer by slopes no larger than that.`,
    x: { domain: [-extent, extent] },
    y: { domain: [0, 0.3] },
    baselines: [0],
    rules: [0],
    lines: [{ kind: "primary", points: xs.map((x) => [x, sigmoidDerivative(x)] as const) }],
    markers: [{ x: 0, y: peak, filled: true, kind: "primary" }],
    key: [
      { kind: "primary", text: "σ′(x)" },
      { kind: "filled", text: `max ${formatNumber(peak, 2)}` },
    ],
  };
}

export const preview: PagePreview = { compute: () => residualPreview() };
