/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { dropoutLambda } from "../../compute/tikhonov.js";
import {
  formatNumber,
  type PagePreview,
  type PreviewSpec,
  range,
} from "../front/previewSparkline.js";

/** Dropout's penalty weight λ = (1 − p)/p against the keep probability p. */
export function dropoutNoisePreview(pMin = 0.1): PreviewSpec {
  const ps = range(pMin, 1, 0.01).map((p) => Math.min(1, p));
  const points = ps.map((p) => [p, dropoutLambda(p)] as const);
  const atHalf = dropoutLambda(0.5);
  return {
    label:
      `Dropout as a penalty: its ridge weight λ = (1 − p)/p falls from ${
        formatNumber(points[0][1], 0)
      } at keep probability p = ${formatNumber(pMin, 1)} to ${
        formatNumber(atHalf, 0)
      } at p = 0.5 ` +
      `and 0 at p = 1.`,
    x: { domain: [pMin, 1] },
    y: { domain: [0, points[0][1]] },
    baselines: [0],
    lines: [{ kind: "primary", points }],
    markers: [{ x: 0.5, y: atHalf, filled: true, kind: "primary" }],
    key: [
      { kind: "primary", text: "λ = (1 − p)/p" },
      { kind: "filled", text: "p = 0.5" },
    ],
  };
}

export const preview: PagePreview = { compute: () => dropoutNoisePreview() };
