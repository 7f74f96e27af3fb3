import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { num, sciText, significant } from "../math.js";
import { logTicks } from "../logTicks.js";

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
        num(leastSquares, 2)
      }, dropout is lowest at p = ${d.p} (${
        num(d.dropoutMean, 2)
      }) and the matched ridge at p = ${r.p} (${num(r.ridgeMean, 2)}).`,
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

export interface RidgeGridRow {
  lambda: number;
  mean: number;
  sd: number;
}

/**
 * Mean test error of the plain ridge over its own log grid of λ, with a band of one standard
 * error, beside least squares (dashed) and dropout's best (dotted): the comparison the matched
 * ridge on the keep axis cannot make, since its λ starts too large.
 */
export function ridgeGridChart(
  { rows, problems, leastSquares, dropoutBest }: {
    rows: RidgeGridRow[];
    problems: number;
    leastSquares: number;
    dropoutBest: { p: number; test: number };
  },
  { width, height = 260 }: { width: number; height?: number },
): HTMLElement {
  const se = Math.sqrt(problems);
  const best = rows.reduce((a, b) => (b.mean < a.mean ? b : a));
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    // Powers of ten written out (0.001 … 1000): Plot's default log labels read "1m" and "1k".
    x: {
      label: "ridge penalty λ",
      type: "log",
      grid: true,
      ticks: logTicks(rows.map((r) => r.lambda)),
      tickFormat: (v: number) => significant(v, 1),
    },
    y: { label: "mean test error", grid: true, nice: true },
    marks: [
      Plot.ruleY([leastSquares], { stroke: colors.muted, strokeDasharray: "4 3" }),
      Plot.ruleY([dropoutBest.test], { stroke: colors.blue, strokeDasharray: "1 3" }),
      Plot.areaY(rows, {
        x: "lambda",
        y1: (r: RidgeGridRow) => r.mean - r.sd / se,
        y2: (r: RidgeGridRow) => r.mean + r.sd / se,
        fill: colors.orange,
        fillOpacity: 0.2,
      }),
      Plot.line(rows, { x: "lambda", y: "mean", stroke: colors.orange, strokeWidth: 2 }),
      Plot.dot([best], { x: "lambda", y: "mean", fill: colors.orange, r: 4 }),
    ],
  });
  return chartFigure({
    name: "ridge-grid",
    title: `Plain ridge on its own grid of λ, over ${problems} problems`,
    description: `Mean test error of ridge (XᵀX + λI)⁻¹Xᵀy against λ from ${
      sciText(rows[0].lambda, 1)
    } to ${sciText(rows.at(-1)!.lambda, 1)}, with a band of one standard error: lowest at λ = ${
      num(best.lambda, 2)
    } (${num(best.mean, 2)}); least squares (dashed) has ${
      num(leastSquares, 2)
    } and dropout at its best p = ${dropoutBest.p} (dotted) ${num(dropoutBest.test, 2)}.`,
    chart,
    columns: [
      numberColumn("ridge penalty λ", (row: RidgeGridRow) => row.lambda),
      numberColumn("mean test error", (row: RidgeGridRow) => row.mean),
      numberColumn("sd over problems", (row: RidgeGridRow) => row.sd),
    ],
    rows,
  });
}
