import * as Plot from "@observablehq/plot";
import type { SummaryRow } from "../compute/summariseRuns.js";

export interface SweepData {
  closedForm: { rate: number; w1: number; w2: number }[];
  minNorm: { w1: number; w2: number };
  limitAtZero: { w1: number; w2: number };
  summary: Pick<SummaryRow, "rate" | "optimizer" | "w1Mean" | "w1Sd" | "w2Mean" | "w2Sd">[];
}

const weights = ["w1", "w2"] as const;
const weightLabel = { w1: "w₁", w2: "w₂" };

/** Long format: one row per (rate, optimiser or closed form, weight). */
export function sweepTable(data: SweepData) {
  const trained = weights.flatMap((w) =>
    data.summary.map((d) => ({
      rate: d.rate,
      optimizer: d.optimizer,
      weight: weightLabel[w],
      mean: d[`${w}Mean`],
      sd: d[`${w}Sd`],
      low: d[`${w}Mean`] - d[`${w}Sd`],
      high: d[`${w}Mean`] + d[`${w}Sd`],
    }))
  );
  const curve = weights.flatMap((w) =>
    data.closedForm.filter((d) => d.rate > 0).map((d) => ({
      rate: d.rate,
      weight: weightLabel[w],
      value: d[w],
    }))
  );
  return {
    trained,
    curve,
    atZero: weights.flatMap((w) => [
      { rate: 0, weight: weightLabel[w], value: data.minNorm[w], kind: "r = 0: minimum norm" },
      { rate: 0, weight: weightLabel[w], value: data.limitAtZero[w], kind: "r → 0+: limit" },
    ]),
  };
}

/** Trained weights (mean ± sd over seeds) against the drop rate, over the closed-form curve. */
export function sweepChart(
  data: SweepData,
  { width, height = 260 }: { width: number; height?: number },
): HTMLElement {
  const { trained, curve, atZero } = sweepTable(data);
  const offset = (d: { rate: number; optimizer: string }) =>
    d.rate + (d.optimizer === "adam" ? 0.006 : -0.006);
  const container = document.createElement("div");
  container.dataset.chart = "sweep";
  // One plot per weight: each needs its own y scale (w1 moves by 0.5, w2 by 5).
  for (const w of weights) {
    const label = weightLabel[w];
    const mine = <T extends { weight: string }>(rows: T[]) =>
      rows.filter((d) => d.weight === label);
    container.append(Plot.plot({
      width,
      height,
      marginRight: 20,
      x: { label: "drop rate r", grid: true },
      y: { label, grid: true, nice: true },
      color: { legend: w === "w1", domain: ["sgd", "adam"], range: ["#1f77b4", "#ff7f0e"] },
      marks: [
        Plot.line(mine(curve), { x: "rate", y: "value", stroke: "#444", strokeWidth: 1.5 }),
        Plot.ruleX(mine(trained), { x: offset, y1: "low", y2: "high", stroke: "optimizer" }),
        Plot.dot(mine(trained), {
          x: offset,
          y: "mean",
          fill: "optimizer",
          r: 3,
          tip: true,
          title: (d: { optimizer: string; rate: number; mean: number; sd: number }) =>
            `${d.optimizer} at r = ${d.rate}: ${d.mean.toFixed(4)} ± ${d.sd.toFixed(4)}`,
        }),
        Plot.dot(mine(atZero), {
          x: "rate",
          y: "value",
          stroke: "#444",
          strokeWidth: 1.5,
          fill: (d: { kind: string }) => (d.kind.startsWith("r = 0") ? "#444" : "white"),
          r: 5,
          title: "kind",
        }),
      ],
    }));
  }
  return container;
}
