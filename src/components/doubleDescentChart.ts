import * as Plot from "@observablehq/plot";
import type { Band } from "../compute/doubleDescent.js";
import { logAxis } from "./logTicks.js";
import { bandMarks, type BandPoint } from "./bandMarks.js";

export interface DoubleDescentData {
  p: number[];
  lambdaA: number;
  curveA: { test: Band; train: Band };
  curveB: { test: Band; train: Band; lambda: Band };
}

export interface BandRow extends BandPoint {
  curve: string;
}

/** Long format: one row per (p, curve), test error only. */
export function bandRows(data: DoubleDescentData): BandRow[] {
  const curves = [
    [`fixed λ = ${data.lambdaA}`, data.curveA.test],
    ["λ tuned on validation", data.curveB.test],
  ] as const;
  return curves.flatMap(([curve, band]) =>
    data.p.map((p, i) => ({
      p,
      curve,
      median: band.median[i],
      q25: band.q25[i],
      q75: band.q75[i],
    }))
  );
}

/** Test error against p for both curves: median line over the interquartile band, log y. */
export function doubleDescentChart(
  data: DoubleDescentData,
  { width, height = 340, nTrain }: { width: number; height?: number; nTrain: number },
): SVGSVGElement | HTMLElement {
  const rows = bandRows(data);
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true },
    y: logAxis("test MSE", rows.flatMap((d) => [d.q25, d.q75])),
    color: { legend: true, range: ["#d62728", "#1f77b4"] },
    marks: [
      Plot.ruleX([nTrain], { stroke: "#888", strokeDasharray: "4 3" }),
      Plot.text([nTrain], {
        x: (d: number) => d,
        frameAnchor: "top",
        dy: 6,
        dx: 4,
        textAnchor: "start",
        text: () => "p = N_train",
        fill: "#666",
      }),
      ...bandMarks(
        rows,
        "curve",
        (d) =>
          `${d.curve}\np = ${d.p}: median ${d.median.toPrecision(4)} (IQR ${
            d.q25.toPrecision(3)
          } – ${d.q75.toPrecision(3)})`,
      ),
    ],
  });
  chart.dataset.chart = "double-descent";
  return chart;
}
