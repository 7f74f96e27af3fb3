import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";

export interface NoiseSweepRow {
  p: number;
  dropoutMean: number;
  dropoutSd: number;
  ridgeMean: number;
  ridgeSd: number;
}

/**
 * Mean test error over the sweep's problems against the keep probability, dropout next to the
 * matched ridge, each with a band of one standard error of that mean (sd/√problems).
 */
export function noiseSweepChart(
  { summary, problems }: { summary: NoiseSweepRow[]; problems: number },
  { width, height = 300 }: { width: number; height?: number },
): HTMLElement {
  const se = Math.sqrt(problems);
  const long = summary.flatMap((r) => [
    {
      p: r.p,
      fit: "dropout",
      mean: r.dropoutMean,
      low: r.dropoutMean - r.dropoutSd / se,
      high: r.dropoutMean + r.dropoutSd / se,
    },
    {
      p: r.p,
      fit: "ridge, matched λ",
      mean: r.ridgeMean,
      low: r.ridgeMean - r.ridgeSd / se,
      high: r.ridgeMean + r.ridgeSd / se,
    },
  ]);
  const leastSquares = summary.at(-1)!.dropoutMean;
  const domain = ["dropout", "ridge, matched λ"];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "keep probability p", domain: [0, 1], grid: true },
    y: { label: "mean test error", grid: true, nice: true },
    color: { legend: true, domain, range: [colors.blue, colors.orange] },
    marks: [
      Plot.ruleY([leastSquares], { stroke: colors.muted, strokeDasharray: "4 3" }),
      Plot.areaY(long, { x: "p", y1: "low", y2: "high", fill: "fit", fillOpacity: 0.2 }),
      Plot.line(long, { x: "p", y: "mean", stroke: "fit", strokeWidth: 2 }),
    ],
  });
  const best = (key: "dropoutMean" | "ridgeMean") =>
    summary.reduce((a, b) => (b[key] < a[key] ? b : a));
  const d = best("dropoutMean");
  const r = best("ridgeMean");
  return chartFigure({
    name: "noise-sweep",
    title: `Test error over ${problems} problems: dropout against ridge`,
    description:
      `Mean test error over ${problems} seeded problems, with a band of one standard error, against the keep probability; least squares (p = 1, dashed) has ${
        leastSquares.toPrecision(4)
      }, dropout is lowest at p = ${d.p} (${
        d.dropoutMean.toPrecision(4)
      }) and the matched ridge at p = ${r.p} (${r.ridgeMean.toPrecision(4)}).`,
    chart,
    columns: [
      numberColumn("keep probability p", (row: NoiseSweepRow) => row.p),
      numberColumn("dropout mean", (row: NoiseSweepRow) => row.dropoutMean),
      numberColumn("dropout sd", (row: NoiseSweepRow) => row.dropoutSd),
      numberColumn("ridge mean", (row: NoiseSweepRow) => row.ridgeMean),
      numberColumn("ridge sd", (row: NoiseSweepRow) => row.ridgeSd),
    ],
    rows: summary,
  });
}
