import * as Plot from "@observablehq/plot";
import type { BiasRow } from "../../compute/momentum/bias.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";

/**
 * The running average over many draws: the mean of vₜ and of the corrected v̂ₜ with a band of one
 * standard deviation either side, the closed form (1 − βᵗ)E[g] dashed, and E[g] as a rule.
 */
export function biasChart(
  rows: BiasRow[],
  { width, mean, description, height = 300 }: {
    width: number;
    mean: number;
    description: string;
    height?: number;
  },
): HTMLElement {
  const raw = "raw average vₜ (mean ± 1 sd)";
  const fixed = "corrected v̂ₜ = vₜ/(1 − βᵗ) (mean ± 1 sd)";
  const theory = "closed form (1 − βᵗ)·E[g]";
  const target = "E[g]";
  const lo = Math.min(
    0,
    ...rows.map((d) => Math.min(d.rawMean - d.rawSd, d.correctedMean - d.correctedSd)),
  );
  const hi = Math.max(
    mean * 1.1,
    ...rows.map((d) => Math.max(d.rawMean + d.rawSd, d.correctedMean + d.correctedSd)),
  );
  // One standard deviation either side of a mean.
  const band = (m: "rawMean" | "correctedMean", sd: "rawSd" | "correctedSd", fill: string) =>
    Plot.areaY(rows, {
      x: "t",
      y1: (d: BiasRow) => d[m] - d[sd],
      y2: (d: BiasRow) => d[m] + d[sd],
      fill,
      fillOpacity: 0.18,
    });
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "step t", domain: [0, rows.length] },
    y: { label: "value", grid: true, domain: [lo, hi] },
    color: {
      legend: true,
      domain: [raw, fixed, theory, target],
      range: [colors.blue, colors.orange, colors.ink, colors.muted],
    },
    marks: [
      band("correctedMean", "correctedSd", colors.orange),
      band("rawMean", "rawSd", colors.blue),
      Plot.ruleY([mean], { stroke: () => target, strokeDasharray: "2,3" }),
      Plot.lineY(rows, { x: "t", y: "correctedMean", stroke: () => fixed, strokeWidth: 2 }),
      Plot.lineY(rows, { x: "t", y: "rawMean", stroke: () => raw, strokeWidth: 2 }),
      Plot.lineY(rows, {
        x: "t",
        y: "theory",
        stroke: () => theory,
        strokeDasharray: "6,4",
        strokeWidth: 1.5,
      }),
    ],
  });
  return chartFigure({
    name: "bias",
    title: "The running average and its corrected twin, over many draws",
    description,
    chart,
    columns: [
      numberColumn("t", (d: BiasRow) => d.t),
      numberColumn("mean of vₜ", (d: BiasRow) => d.rawMean),
      numberColumn("sd of vₜ", (d: BiasRow) => d.rawSd),
      numberColumn("(1 − βᵗ)E[g]", (d: BiasRow) => d.theory),
      numberColumn("mean of v̂ₜ", (d: BiasRow) => d.correctedMean),
      numberColumn("sd of v̂ₜ", (d: BiasRow) => d.correctedSd),
    ],
    rows,
  });
}
