import * as Plot from "@observablehq/plot";
import type { Band } from "../../compute/double-descent/doubleDescent.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";
import { bandMarks, type BandPoint } from "./bandMarks.js";
import { horizontalReference } from "../referenceMarks.js";

export interface DoubleDescentData {
  p: number[];
  lambdaA: number;
  curveA: { test: Band; train: Band };
  curveB: { test: Band; train: Band; lambda: Band };
}

export interface BandRow extends BandPoint {
  curve: string;
}

type ErrorSet = "test" | "train";

/** Long format: one row per (p, curve) of the test or train error. */
function bandRows(data: DoubleDescentData, set: ErrorSet = "test"): BandRow[] {
  const curves = [
    [curveNames(data)[0], data.curveA[set]],
    [curveNames(data)[1], data.curveB[set]],
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

function curveNames(data: DoubleDescentData): [string, string] {
  return [`fixed λ = ${data.lambdaA}`, "λ tuned on validation"];
}

const bandColumns = [
  textColumn("curve", (d: BandRow) => d.curve),
  numberColumn("p", (d: BandRow) => d.p),
  numberColumn("median", (d: BandRow) => d.median),
  numberColumn("25th percentile", (d: BandRow) => d.q25),
  numberColumn("75th percentile", (d: BandRow) => d.q75),
];

/** Median lines over interquartile bands against p, log y, with p = N_train and σ² marked. */
function bandPlot(
  rows: BandRow[],
  label: string,
  { width, height, nTrain, noise, names }: {
    width: number;
    height: number;
    nTrain: number;
    noise: number;
    names: [string, string];
  },
) {
  return Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true },
    y: logAxis(label, [...rows.flatMap((d) => [d.q25, d.q75]), noise]),
    color: { legend: true, domain: names, range: [colors.red, colors.blue] },
    marks: [
      Plot.ruleX([nTrain], { stroke: colors.muted, strokeDasharray: "4 3" }),
      Plot.text([nTrain], {
        x: (d: number) => d,
        frameAnchor: "top",
        dy: 6,
        dx: 4,
        textAnchor: "start",
        text: () => "p = N_train",
        fill: colors.ink,
      }),
      ...horizontalReference(noise, "σ²", { color: colors.ink, dash: "1 3" }),
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
}

interface ErrorChartOptions {
  width: number;
  height?: number;
  nTrain: number;
  sigma: number;
}

/** What each error chart is called and how it reads, for its figure. */
const errorCharts = {
  test: {
    name: "double-descent",
    title: "Test error against the number of features",
    axis: "test MSE",
    height: 340,
    describe: (names: [string, string], nTrain: number, noise: number) =>
      `Median test error over trials with its interquartile band against p, for ${
        names[0]
      } and for ${
        names[1]
      }, on a log scale; the dashed line marks p = N_train = ${nTrain} and the dotted line the noise level σ² = ${noise}.`,
  },
  train: {
    name: "train-error",
    title: "Training error against the number of features",
    axis: "train MSE",
    height: 260,
    describe: (_names: [string, string], nTrain: number, noise: number) =>
      `Median training error over trials with its interquartile band against p, for both curves, on a log scale; with the small fixed λ it falls far below the noise level σ² = ${noise} (dotted) once p passes N_train = ${nTrain}.`,
  },
} as const;

function errorChart(data: DoubleDescentData, set: ErrorSet, options: ErrorChartOptions) {
  const spec = errorCharts[set];
  const rows = bandRows(data, set);
  const names = curveNames(data);
  const noise = options.sigma ** 2;
  const { width, height = spec.height, nTrain } = options;
  return chartFigure({
    name: spec.name,
    title: spec.title,
    description: spec.describe(names, nTrain, noise),
    chart: bandPlot(rows, spec.axis, { width, height, nTrain, noise, names }),
    columns: bandColumns,
    rows,
  });
}

/** Test error against p for both curves: median line over the interquartile band, log y. */
export function doubleDescentChart(data: DoubleDescentData, options: ErrorChartOptions) {
  return errorChart(data, "test", options);
}

/** Train error against p for both curves: it drops far below σ² once p passes N_train. */
export function trainErrorChart(data: DoubleDescentData, options: ErrorChartOptions) {
  return errorChart(data, "train", options);
}
