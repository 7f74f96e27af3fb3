import * as Plot from "@observablehq/plot";

export interface SweepData {
  closedForm: { rate: number; w1: number; w2: number }[];
  minNorm: { w1: number; w2: number };
  limitAtZero: { w1: number; w2: number };
  summary: {
    rate: number;
    optimizer: string;
    w1Mean: number;
    w1Sd: number;
    w2Mean: number;
    w2Sd: number;
  }[];
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
  { width, height = 420 }: { width: number; height?: number },
): SVGSVGElement | HTMLElement {
  const { trained, curve, atZero } = sweepTable(data);
  const chart = Plot.plot({
    width,
    height,
    marginRight: 40,
    x: { label: "drop rate r", grid: true },
    y: { label: "weight", grid: true },
    fy: { label: null },
    color: { legend: true, domain: ["sgd", "adam"], range: ["#1f77b4", "#ff7f0e"] },
    marks: [
      Plot.line(curve, { x: "rate", y: "value", fy: "weight", stroke: "#444", strokeWidth: 1.5 }),
      Plot.ruleX(trained, {
        x: (d: { rate: number; optimizer: string }) =>
          d.rate + (d.optimizer === "adam" ? 0.006 : -0.006),
        y1: "low",
        y2: "high",
        fy: "weight",
        stroke: "optimizer",
      }),
      Plot.dot(trained, {
        x: (d: { rate: number; optimizer: string }) =>
          d.rate + (d.optimizer === "adam" ? 0.006 : -0.006),
        y: "mean",
        fy: "weight",
        fill: "optimizer",
        r: 3,
        tip: true,
        title: (d: { optimizer: string; rate: number; mean: number; sd: number }) =>
          `${d.optimizer} at r = ${d.rate}: ${d.mean.toFixed(4)} ± ${d.sd.toFixed(4)}`,
      }),
      Plot.dot(atZero, {
        x: "rate",
        y: "value",
        fy: "weight",
        symbol: "kind",
        stroke: "#444",
        fill: (d: { kind: string }) => (d.kind.startsWith("r = 0") ? "#444" : "white"),
        r: 5,
      }),
    ],
    symbol: {
      legend: true,
      domain: ["r = 0: minimum norm", "r → 0+: limit"],
      range: ["circle", "circle"],
    },
  });
  chart.dataset.chart = "sweep";
  return chart;
}
