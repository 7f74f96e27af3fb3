import * as Plot from "@observablehq/plot";
import type { LiveCurve } from "../../compute/double-descent/liveRidgeTrial.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";

export interface LiveCurveData {
  curve: LiveCurve;
  nTrain: number;
  lambda: number;
  /** Size of the full p grid, to show how much of it is drawn. */
  total: number;
  done: boolean;
  /** The p whose spectrum is shown, marked on the curve. */
  selectedP?: number;
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
 * One trial's train and test error against p at the chosen λ. Hovering picks a p: the figure's
 * value becomes that point and it fires "input", which the page forwards to its p selector.
 */
export function liveCurveChart(
  data: LiveCurveData,
  { width, height = 320 }: { width: number; height?: number },
): HTMLElement & { value?: LivePoint | null } {
  const points = livePoints(data.curve);
  const long = points.flatMap((d) => [
    { p: d.p, set: "test", error: d.test },
    { p: d.p, set: "train", error: d.train },
  ]);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true, domain: [0, Math.max(...points.map((d) => d.p), 1)] },
    y: logAxis("MSE", long.map((d) => d.error)),
    color: { legend: true, domain: ["test", "train"], range: [colors.red, colors.muted] },
    marks: [
      Plot.ruleX([data.nTrain], { stroke: colors.muted, strokeDasharray: "4 3" }),
      Plot.ruleX(points.filter((d) => d.p === data.selectedP), {
        x: "p",
        stroke: colors.blue,
        strokeWidth: 1.5,
      }),
      Plot.line(long, { x: "p", y: "error", stroke: "set", strokeWidth: 2, marker: "dot" }),
      Plot.ruleX(points, Plot.pointerX({ x: "p", stroke: colors.ink, strokeOpacity: 0.5 })),
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
  }) as (SVGSVGElement | HTMLElement) & { value?: LivePoint | null };
  const peak = points.reduce<LivePoint | undefined>(
    (a, d) => (!a || d.test > a.test ? d : a),
    undefined,
  );
  const figure = chartFigure({
    name: "live-curve",
    title: "Test and train error of one trial",
    description: peak
      ? `Test error (red) and train error (grey) of this trial at λ = ${
        data.lambda.toPrecision(3)
      } against p, for ${points.length} of ${data.total} values of p; the test error is largest, ${
        peak.test.toPrecision(3)
      }, at p = ${peak.p}, and the dashed line marks p = N_train = ${data.nTrain}.`
      : "Test and train error of this trial against p, drawn as the values of p are computed.",
    chart,
    live: true,
    columns: [
      numberColumn("p", (d: LivePoint) => d.p),
      numberColumn("test MSE", (d: LivePoint) => d.test),
      numberColumn("train MSE", (d: LivePoint) => d.train),
      numberColumn("validation MSE", (d: LivePoint) => d.val),
    ],
    rows: points,
  }) as HTMLElement & { value?: LivePoint | null };
  figure.value = null;
  chart.addEventListener("input", (event) => {
    if (event.target !== chart) return;
    event.stopPropagation();
    figure.value = chart.value ?? null;
    figure.dispatchEvent(new Event("input", { bubbles: true }));
  });
  figure.dataset.points = String(points.length);
  figure.dataset.done = String(data.done && points.length === data.total);
  figure.dataset.lambda = String(data.lambda);
  return figure;
}
