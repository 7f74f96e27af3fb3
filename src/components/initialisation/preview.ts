/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { theoryProfile, uniformWidths } from "../../compute/meanField.js";
import { HE, XAVIER } from "../../compute/schemes.js";
import {
  formatNumber,
  type PagePreview,
  type PreviewSpec,
  scientific,
} from "../front/previewSparkline.js";

/** Pre-activation variance through a deep ReLU stack: He holds it, Xavier halves it each layer. */
export function initialisationPreview(depth = 30, width = 128): PreviewSpec {
  const widths = uniformWidths(depth, width);
  const profile = (scheme: typeof HE) =>
    theoryProfile({ scheme, activation: "relu", widths }).preVariance;
  const he = profile(HE);
  const xavier = profile(XAVIER);
  const log = (values: number[]) => values.map((v, i) => [i + 1, Math.log10(v)] as const);
  const lowest = Math.log10(Math.min(...xavier));
  return {
    label:
      `Initialisation: the pre-activation variance through ${depth} ReLU layers (log scale). ` +
      `He's weights hold it at ${formatNumber(he.at(-1)!, 0)} in every layer; Xavier's halve ` +
      `it at each layer, to ${scientific(xavier.at(-1)!)} at layer ${depth}.`,
    x: { domain: [1, depth] },
    y: { domain: [lowest, Math.log10(Math.max(...he)) + 0.5] },
    lines: [
      { kind: "primary", points: log(he) },
      { kind: "secondary", points: log(xavier) },
    ],
    key: [
      { kind: "primary", text: "He" },
      { kind: "secondary", text: "Xavier" },
    ],
  };
}

export const preview: PagePreview = { compute: () => initialisationPreview() };
