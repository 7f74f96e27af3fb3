import * as Plot from "@observablehq/plot";
import type { LiveCurve } from "../compute/liveRidgeTrial.js";
import { logAxis } from "./logTicks.js";

export interface LiveCurveData {
  curve: LiveCurve;
  nTrain: number;
  lambda: number;
  /** Size of the full p grid, to show how much of it is drawn. */
  total: number;
  done: boolean;
}

export interface LivePoint {
  p: number;
  test: number;
  train: number;
  val: number;
}

export function livePoints(curve: LiveCurve): LivePoint[] {
  return curve.p.map((p, i) => ({
    p,
    test: curve.testError[i],
    train: curve.trainError[i],
    val: curve.valError[i],
  }));
}

/**
 * One trial's train and test error against p at the chosen λ. Hovering picks a p: the plot's
 * value becomes that point, which the page uses for the spectrum.
 */
export function liveCurveChart(
  data: LiveCurveData,
  { width, height = 320 }: { width: number; height?: number },
): SVGSVGElement | HTMLElement {
  const points = livePoints(data.curve);
  const long = points.flatMap((d) => [
    { p: d.p, set: "test", error: d.test },
    { p: d.p, set: "train", error: d.train },
  ]);
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true, domain: [0, Math.max(...points.map((d) => d.p), 1)] },
    y: logAxis("MSE", long.map((d) => d.error)),
    color: { legend: true, domain: ["test", "train"], range: ["#d62728", "#7f7f7f"] },
    marks: [
      Plot.ruleX([data.nTrain], { stroke: "#888", strokeDasharray: "4 3" }),
      Plot.line(long, {
        x: "p",
        y: "error",
        stroke: "set",
        strokeWidth: 2,
        marker: "dot",
      }),
      Plot.ruleX(points, Plot.pointerX({ x: "p", stroke: "#444", strokeOpacity: 0.5 })),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "p",
          y: "test",
          title: (d: LivePoint) =>
            `p = ${d.p}\ntest ${d.test.toPrecision(4)}\ntrain ${
              d.train.toPrecision(3)
            }\nvalidation ${d.val.toPrecision(4)}`,
        }),
      ),
    ],
  });
  chart.dataset.chart = "live-curve";
  chart.dataset.points = String(points.length);
  chart.dataset.done = String(data.done && points.length === data.total);
  chart.dataset.lambda = String(data.lambda);
  return chart;
}
