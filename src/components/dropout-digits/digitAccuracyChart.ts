import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";

/** One point of an accuracy curve: a run (or the mean of several), a set, an epoch. */
export interface AccuracyPoint {
  run: string;
  set: "training" | "validation";
  epoch: number;
  accuracy: number;
  /** The range over seeds, when the point is a mean of several runs. */
  low?: number;
  high?: number;
}

/** The two runs' colours: the run with dropout blue, the one without red, on every chart. */
export const RUN_COLORS = { "with dropout": colors.blue, "without dropout": colors.red } as const;

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/**
 * Training (dashed) and validation (solid) accuracy against the epoch for each run, with the
 * range over seeds as a band when the points carry one. The description reports the last
 * epoch's gap between the two sets for each run.
 */
export function digitAccuracyChart(
  { points, name, title, epochs, live = false, seeds }: {
    points: AccuracyPoint[];
    name: string;
    title: string;
    /** Epochs planned, so a live chart keeps its axis while it fills. */
    epochs: number;
    live?: boolean;
    /** Seeds behind each mean, when the points are means. */
    seeds?: number;
  },
  { width, height = 300 }: { width: number; height?: number },
): HTMLElement {
  const runs = [...new Set(points.map((p) => p.run))];
  const key = (p: AccuracyPoint) => `${p.run}, ${p.set}`;
  const banded = points.filter((p) => p.low !== undefined && p.high !== undefined);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 46,
    x: { label: "epoch", domain: [0, epochs], ticks: Math.min(epochs, 10), grid: true },
    y: { label: "accuracy", domain: [0, 1], grid: true, tickFormat: (v: number) => `${100 * v} %` },
    color: {
      legend: true,
      domain: Object.keys(RUN_COLORS),
      range: Object.values(RUN_COLORS),
    },
    marks: [
      Plot.areaY(banded, {
        x: "epoch",
        y1: "low",
        y2: "high",
        z: key,
        fill: "run",
        fillOpacity: 0.15,
      }),
      ...(["training", "validation"] as const).map((set) =>
        Plot.line(points.filter((p) => p.set === set), {
          x: "epoch",
          y: "accuracy",
          z: "run",
          stroke: "run",
          strokeWidth: 2,
          strokeDasharray: set === "training" ? "6 4" : undefined,
          marker: "dot",
        })
      ),
      Plot.tip(
        points,
        Plot.pointer({
          x: "epoch",
          y: "accuracy",
          title: (p: AccuracyPoint) =>
            `${p.run}, ${p.set}\nepoch ${p.epoch}: ${pct(p.accuracy)}${
              p.low === undefined ? "" : ` (seeds ${pct(p.low)} to ${pct(p.high!)})`
            }`,
        }),
      ),
    ],
  });
  const last = (run: string, set: string) =>
    points.filter((p) => p.run === run && p.set === set).at(-1);
  const gaps = runs.flatMap((run) => {
    const t = last(run, "training");
    const v = last(run, "validation");
    return t && v && t.epoch === v.epoch
      ? [`${run} ${pct(t.accuracy)} against ${pct(v.accuracy)} after epoch ${t.epoch}`]
      : [];
  });
  const figure = chartFigure({
    name,
    title,
    description: `Training accuracy (dashed) and validation accuracy (solid) per epoch${
      seeds ? `, means over ${seeds} seeds with their range shaded` : ""
    }: ${gaps.length ? gaps.join("; ") : "no epoch scored yet"}.`,
    chart,
    live,
    columns: [
      textColumn("run", (p: AccuracyPoint) => p.run),
      textColumn("set", (p: AccuracyPoint) => p.set),
      numberColumn("epoch", (p: AccuracyPoint) => p.epoch),
      numberColumn("accuracy", (p: AccuracyPoint) => p.accuracy),
      ...(banded.length
        ? [
          numberColumn("lowest seed", (p: AccuracyPoint) => p.low),
          numberColumn("highest seed", (p: AccuracyPoint) => p.high),
        ]
        : []),
    ],
    rows: points,
  });
  // Epochs scored so far, for the tests and the bench.
  figure.dataset.steps = String(new Set(points.map((p) => p.epoch)).size);
  return figure;
}
