import * as Plot from "@observablehq/plot";
import type { DoubleDescentData } from "./doubleDescentChart.js";
import { logAxis } from "./logTicks.js";

/** The validation-tuned λ against p: median and interquartile band, with the search range. */
export function tunedLambdaChart(
  data: DoubleDescentData & { lambdas: number[] },
  { width, height = 240, nTrain }: { width: number; height?: number; nTrain: number },
): SVGSVGElement | HTMLElement {
  const band = data.curveB.lambda;
  const rows = data.p.map((p, i) => ({
    p,
    median: band.median[i],
    q25: band.q25[i],
    q75: band.q75[i],
  }));
  const range = [data.lambdas[0], data.lambdas[data.lambdas.length - 1]];
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true },
    y: { ...logAxis("tuned λ", range), domain: [range[0] / 1.5, range[1] * 1.5] },
    marks: [
      Plot.ruleY(range, { stroke: "#aaa", strokeDasharray: "2 3" }),
      Plot.ruleX([nTrain], { stroke: "#888", strokeDasharray: "4 3" }),
      Plot.areaY(rows, { x: "p", y1: "q25", y2: "q75", fill: "#1f77b4", fillOpacity: 0.2 }),
      Plot.line(rows, { x: "p", y: "median", stroke: "#1f77b4", strokeWidth: 2 }),
      Plot.dot(rows, {
        x: "p",
        y: "median",
        fill: "#1f77b4",
        r: 1.8,
        tip: true,
        title: (d: { p: number; median: number; q25: number; q75: number }) =>
          `p = ${d.p}: tuned λ median ${d.median.toPrecision(3)} (IQR ${d.q25.toPrecision(3)} – ${
            d.q75.toPrecision(3)
          })`,
      }),
    ],
  });
  chart.dataset.chart = "tuned-lambda";
  return chart;
}
