/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { normalDensity } from "../../compute/normalisation-geometry/gaussianBatchNorm.js";
import {
  formatNumber,
  type PagePreview,
  type PreviewSpec,
  range,
} from "../front/previewSparkline.js";

/** A Gaussian input and the batch-norm output law N(β, γ²) it is mapped to. */
export function normalisationGeometryPreview(
  input = { mean: 1.5, variance: 0.16 },
  output = { beta: 3, gamma: 1 },
): PreviewSpec {
  const xs = range(-1, 6, 0.05);
  const before = xs.map((x) => [x, normalDensity(x, input.mean, input.variance)] as const);
  const after = xs.map((x) => [x, normalDensity(x, output.beta, output.gamma ** 2)] as const);
  const top = Math.max(...before.map(([, y]) => y), ...after.map(([, y]) => y));
  return {
    label: `Normalisation: over a large batch, batch norm maps the input N(${
      formatNumber(input.mean, 1)
    }, ${formatNumber(input.variance, 2)}) to N(β, γ²) = N(${formatNumber(output.beta, 0)}, ${
      formatNumber(output.gamma ** 2, 0)
    }), whatever the input's mean and variance.`,
    x: { domain: [-1, 6] },
    y: { domain: [0, top] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: before },
      { kind: "primary", points: after },
    ],
    key: [
      { kind: "secondary", text: "input" },
      { kind: "primary", text: "after batch norm" },
    ],
  };
}

export const preview: PagePreview = { compute: () => normalisationGeometryPreview() };
