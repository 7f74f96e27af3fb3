import * as Plot from "@observablehq/plot";
import type { DoubleDescentData } from "./doubleDescentChart.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";
import { bandMarks, type BandPoint } from "./bandMarks.js";

/** The validation-tuned λ against p: median and interquartile band, with the search range. */
export function tunedLambdaChart(
  data: DoubleDescentData & { lambdas: number[] },
  { width, height = 240, nTrain }: { width: number; height?: number; nTrain: number },
): HTMLElement {
  const band = data.curveB.lambda;
  const rows = data.p.map((p, i) => ({
    p,
    median: band.median[i],
    q25: band.q25[i],
    q75: band.q75[i],
  }));
  const range = [data.lambdas[0], data.lambdas[data.lambdas.length - 1]];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true },
    y: { ...logAxis("tuned λ", range), domain: [range[0] / 1.5, range[1] * 1.5] },
    marks: [
      Plot.ruleY(range, { stroke: colors.muted, strokeDasharray: "2 3" }),
      Plot.ruleX([nTrain], { stroke: colors.muted, strokeDasharray: "4 3" }),
      ...bandMarks(
        rows,
        colors.blue,
        (d) =>
          `p = ${d.p}: tuned λ median ${d.median.toPrecision(3)} (IQR ${d.q25.toPrecision(3)} – ${
            d.q75.toPrecision(3)
          })`,
      ),
    ],
  });
  return chartFigure({
    name: "tuned-lambda",
    title: "The tuned λ against the number of features",
    description:
      `Median over trials of the λ chosen on validation data, with its interquartile band, against p on a log scale; the dotted lines mark the searched range ${
        range[0]
      } to ${range[1]} and the dashed line p = N_train = ${nTrain}.`,
    chart,
    columns: [
      numberColumn("p", (d: BandPoint) => d.p),
      numberColumn("median λ", (d: BandPoint) => d.median),
      numberColumn("25th percentile", (d: BandPoint) => d.q25),
      numberColumn("75th percentile", (d: BandPoint) => d.q75),
    ],
    rows,
  });
}
