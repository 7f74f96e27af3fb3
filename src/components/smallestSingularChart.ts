import * as Plot from "@observablehq/plot";
import { logAxis } from "./logTicks.js";

export interface SmallestSingularRow {
  p: number;
  /** Smallest singular value of X̃ (of min(p, N_train)). */
  sMin: number;
}

/** s_min(X̃) against p: it dips towards zero where X̃ becomes square, p = N_train. */
export function smallestSingularChart(
  data: { rows: SmallestSingularRow[]; nTrain: number; selectedP?: number; lambda: number },
  { width, height = 260 }: { width: number; height?: number },
): SVGSVGElement | HTMLElement {
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true },
    y: logAxis("smallest singular value", [
      ...data.rows.map((d) => d.sMin),
      Math.sqrt(data.lambda),
    ]),
    marks: [
      Plot.ruleX([data.nTrain], { stroke: "#888", strokeDasharray: "4 3" }),
      Plot.ruleY([Math.sqrt(data.lambda)], { stroke: "#1f77b4", strokeDasharray: "4 3" }),
      Plot.line(data.rows.filter((d) => d.sMin > 0), {
        x: "p",
        y: "sMin",
        stroke: "#444",
        marker: "dot",
      }),
      Plot.dot(data.rows.filter((d) => d.p === data.selectedP && d.sMin > 0), {
        x: "p",
        y: "sMin",
        r: 5,
        stroke: "#d62728",
        strokeWidth: 2,
      }),
    ],
  });
  chart.dataset.chart = "smallest-singular";
  return chart;
}
