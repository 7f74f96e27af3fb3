import * as Plot from "@observablehq/plot";
import type { SummaryRow } from "../../compute/dropout-toy/summariseRuns.js";
import { expectedLossMinimiser } from "../../compute/dropout-toy/dropoutToy.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";

export interface SweepData {
  closedForm: { rate: number; w1: number; w2: number }[];
  minNorm: { w1: number; w2: number };
  limitAtZero: { w1: number; w2: number };
  summary: Pick<SummaryRow, "rate" | "optimizer" | "w1Mean" | "w1Sd" | "w2Mean" | "w2Sd">[];
}

const weights = ["w1", "w2"] as const;
const weightLabel = { w1: "w₁", w2: "w₂" };

/** Long format: one row per (rate, optimiser or closed form, weight). */
function sweepTable(data: SweepData) {
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

type Summary = SweepData["summary"][number];

/** The closed form at a rate; none at r = 0, where the loss has a whole line of minimisers. */
function closedForm(rate: number): readonly number[] {
  return rate > 0 ? expectedLossMinimiser(rate) : [NaN, NaN];
}

/** Trained weights (mean ± sd over seeds) against the drop rate, over the closed-form curve. */
export function sweepChart(
  data: SweepData,
  { width, height = 260 }: { width: number; height?: number },
): HTMLElement {
  const { trained, curve, atZero } = sweepTable(data);
  const offset = (d: { rate: number; optimizer: string }) =>
    d.rate + (d.optimizer === "adam" ? 0.006 : -0.006);
  // One plot per weight: each needs its own y scale (w1 moves by 0.5, w2 by 5).
  const plots = weights.map((w) => {
    const label = weightLabel[w];
    const mine = <T extends { weight: string }>(rows: T[]) =>
      rows.filter((d) => d.weight === label);
    return Plot.plot({
      width: chartWidth(width),
      height,
      marginRight: 20,
      x: { label: "drop rate r", grid: true },
      y: { label, grid: true, nice: true },
      color: {
        legend: w === "w1",
        domain: ["sgd", "adam"],
        range: [colors.blue, colors.orange],
        tickFormat: (d: string) => (d === "sgd" ? "SGD" : "Adam"),
      },
      marks: [
        Plot.line(mine(curve), { x: "rate", y: "value", stroke: colors.ink, strokeWidth: 1.5 }),
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
        // Filled: the r = 0 answer; hollow (page-coloured inside): the limit from the right.
        Plot.dot(mine(atZero), {
          x: "rate",
          y: "value",
          stroke: colors.ink,
          strokeWidth: 1.5,
          fill: (d: { kind: string }) =>
            d.kind.startsWith("r = 0") ? colors.ink : "var(--theme-background)",
          r: 5,
          title: "kind",
        }),
      ],
    });
  });
  const rates = [...new Set(data.summary.map((d) => d.rate))];
  return chartFigure({
    name: "sweep",
    title: "Trained weights against the drop rate",
    description: `SGD and Adam, trained from zero at ${rates.length} drop rates between ${
      Math.min(...rates)
    } and ${
      Math.max(...rates)
    }: each dot is the mean over seeds of a run's estimate (the mean of its last quarter of iterates) with one standard deviation either side, over the closed-form curve w*(r), for w₁ (top) and w₂ (bottom).`,
    chart: plots,
    columns: [
      numberColumn("drop rate r", (d: Summary) => d.rate),
      textColumn("optimiser", (d: Summary) => d.optimizer === "sgd" ? "SGD" : "Adam"),
      numberColumn("mean w₁", (d: Summary) => d.w1Mean),
      numberColumn("sd w₁", (d: Summary) => d.w1Sd),
      numberColumn("mean w₂", (d: Summary) => d.w2Mean),
      numberColumn("sd w₂", (d: Summary) => d.w2Sd),
      numberColumn("closed-form w₁", (d: Summary) => closedForm(d.rate)[0]),
      numberColumn("closed-form w₂", (d: Summary) => closedForm(d.rate)[1]),
    ],
    rows: data.summary,
  });
}
