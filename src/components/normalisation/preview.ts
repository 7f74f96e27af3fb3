/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { survivingShareTheory } from "../../compute/normalisation/centredGradient.js";
import {
  formatNumber,
  type PagePreview,
  type PreviewSpec,
  range,
} from "../front/previewSparkline.js";

/** The share of the gradient that survives batch norm's centring, against the batch size. */
export function normalisationPreview(maxBatch = 16): PreviewSpec {
  const sizes = range(1, maxBatch);
  const share = sizes.map((n) => [n, survivingShareTheory(n)] as const);
  const percent = (v: number) => `${formatNumber(100 * v, 0)} %`;
  return {
    label: `Batch normalisation: the share of the gradient that survives the centring of a ` +
      `batch, (n − 1)/n, is ${percent(share[0][1])} for a batch of one and ${
        percent(share.at(-1)![1])
      } for a batch of ${maxBatch}.`,
    x: { domain: [1, maxBatch] },
    y: { domain: [0, 1] },
    baselines: [0],
    lines: [{ kind: "primary", points: share }],
    markers: [{ x: 1, y: 0, filled: true, kind: "primary" }],
    key: [
      { kind: "primary", text: "(n − 1)/n" },
      { kind: "filled", text: "n = 1" },
    ],
  };
}

export const preview: PagePreview = { compute: () => normalisationPreview() };
