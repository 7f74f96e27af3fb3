import * as Plot from "@observablehq/plot";
import type { DoubleDescentData } from "./doubleDescentChart.js";
import { logAxis } from "./logTicks.js";
import { bandMarks } from "./bandMarks.js";

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
      ...bandMarks(
        rows,
        "#1f77b4",
        (d) =>
          `p = ${d.p}: tuned λ median ${d.median.toPrecision(3)} (IQR ${d.q25.toPrecision(3)} – ${
            d.q75.toPrecision(3)
          })`,
      ),
    ],
  });
  chart.dataset.chart = "tuned-lambda";
  return chart;
}
