/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { averageWeight } from "../../compute/momentum/bias.js";
import {
  formatNumber,
  type PagePreview,
  type PreviewSpec,
  range,
} from "../front/previewSparkline.js";

/** Momentum's running average at β = 0.9: its total weight 1 − βᵗ, and Adam's corrected 1. */
export function momentumPreview(beta = 0.9, horizon = 60): PreviewSpec {
  const steps = range(1, horizon);
  const weight = steps.map((t) => [t, averageWeight(beta, t)] as const);
  return {
    label: `Momentum: with β = ${formatNumber(beta, 1)} the running average of gradients that ` +
      `all equal 1 starts at ${formatNumber(weight[0][1], 2)} after one step and reaches ${
        formatNumber(weight.at(-1)![1], 3)
      } only at step ${horizon}, the factor 1 − βᵗ; dividing by it, as Adam does, gives 1 from ` +
      `the first step.`,
    x: { domain: [1, horizon] },
    y: { domain: [0, 1.05] },
    baselines: [0],
    lines: [
      { kind: "primary", points: weight },
      { kind: "secondary", points: [[1, 1], [horizon, 1]] },
    ],
    key: [
      { kind: "primary", text: "vₜ = 1 − βᵗ" },
      { kind: "secondary", text: "corrected" },
    ],
  };
}

export const preview: PagePreview = { compute: () => momentumPreview() };
