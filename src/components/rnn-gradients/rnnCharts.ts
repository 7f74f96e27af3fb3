/**
 * Charts of the RNN page: ‖∂hₜ/∂h₀‖ against t on a log axis (drawn on log₁₀ values, so norms of
 * 10⁻³⁸⁰ plot as well as 10¹⁸), the slopes σ′ at the state step by step, and the gap between the
 * bidirectional RNN's gradients by formula, by autodiff and by finite differences.
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import { integerTicks } from "../depthRows.js";
import { log10Ticks, type NormRow, powerOfTen, textFromLog10 } from "./rnnRows.js";

const palette = [colors.blue, colors.red, colors.green, colors.purple, colors.orange];

/** The x axis of a chart against the step t, with whole-number ticks. */
function stepAxis(ts: number[], width: number) {
  const ticks = integerTicks(ts, width < 500 ? 5 : 10);
  return { label: "step t", grid: true, ticks, tickFormat: "d" };
}

export interface NormChartSpec {
  name: string;
  title: string;
  description: string;
  rows: NormRow[];
  /** Series in legend order; colours follow it. */
  series: string[];
  live?: boolean;
  width: number;
  height?: number;
  /** Draw a dot at every measured step (a short run) or a line (a long one). */
  dots?: boolean;
}

export function gradientNormChart(spec: NormChartSpec): HTMLElement {
  const { rows, series } = spec;
  const range = series.map((_, i) => palette[i % palette.length]);
  const measured = rows.filter((d) => d.kind === "measured");
  const ticks = log10Ticks(rows.map((d) => d.log10), spec.width < 500 ? 5 : 7);
  const chart = Plot.plot({
    width: chartWidth(spec.width),
    height: spec.height ?? 300,
    marginLeft: 56,
    marginRight: 16,
    x: stepAxis(rows.map((d) => d.t), spec.width),
    y: { label: "‖∂hₜ/∂h₀‖", grid: true, ticks, tickFormat: powerOfTen },
    color: { legend: true, domain: series, range },
    marks: [
      Plot.ruleY([0], { stroke: colors.muted }),
      // Measured first: where the bound is attained, its dashes stay visible on top.
      Plot.line(measured, { x: "t", y: "log10", z: "series", stroke: "series", strokeWidth: 2 }),
      spec.dots ? Plot.dot(measured, { x: "t", y: "log10", fill: "series", r: 2.5 }) : null,
      Plot.line(rows.filter((d) => d.kind === "bound"), {
        x: "t",
        y: "log10",
        z: "series",
        stroke: "series",
        strokeWidth: 1.5,
        strokeDasharray: "6 4",
      }),
      Plot.line(rows.filter((d) => d.kind === "exact"), {
        x: "t",
        y: "log10",
        z: "series",
        stroke: "series",
        strokeWidth: 1.5,
        strokeDasharray: "2 3",
      }),
      Plot.tip(
        measured,
        Plot.pointerX({
          x: "t",
          y: "log10",
          title: (d: NormRow) => `${d.series}, t = ${d.t}: ${textFromLog10(d.log10, 3)}`,
        }),
      ),
    ],
  });
  const { name, title, description, live } = spec;
  return chartFigure({ name, title, description, live, chart, columns: normColumns, rows });
}

/** The norm chart's data table: one row per plotted point, the norm also written out. */
const normColumns = [
  textColumn("series", (d: NormRow) => d.series),
  textColumn("kind", (d: NormRow) => d.kind),
  numberColumn("step t", (d: NormRow) => d.t),
  numberColumn("log10 norm", (d: NormRow) => d.log10, 6),
  textColumn("norm", (d: NormRow) => textFromLog10(d.log10, 4)),
];

export interface StateSlopeRow {
  t: number;
  mean: number;
  min: number;
  max: number;
}

/** σ′ at the state, step by step: the mean over the units and the band from smallest to largest. */
export function stateSlopeChart(
  rows: StateSlopeRow[],
  { gamma, activation, width, live = true }: {
    gamma: number;
    activation: string;
    width: number;
    live?: boolean;
  },
): HTMLElement {
  const chart = Plot.plot({
    width: chartWidth(width),
    height: 220,
    marginLeft: 56,
    marginRight: 16,
    x: stepAxis(rows.map((d) => d.t), width),
    y: { label: "σ′(hₜ₋₁)", grid: true, domain: [0, gamma * 1.05] },
    marks: [
      Plot.areaY(rows, { x: "t", y1: "min", y2: "max", fill: colors.blue, fillOpacity: 0.2 }),
      Plot.line(rows, { x: "t", y: "mean", stroke: colors.blue, strokeWidth: 2 }),
      Plot.ruleY([gamma], { stroke: colors.red, strokeDasharray: "6 4" }),
      Plot.text([gamma], {
        y: (d: number) => d,
        x: rows.length ? rows[0].t : 1,
        text: () => `γ = ${gamma}`,
        textAnchor: "start",
        dy: -8,
        fill: colors.red,
      }),
    ],
  });
  const mean = rows.reduce((s, d) => s + d.mean, 0) / Math.max(1, rows.length);
  return chartFigure({
    name: "state-slopes",
    title: `Slopes of ${activation} where the state sits`,
    description: rows.length
      ? `The mean over the units of σ′(hₜ₋₁), the factor each step multiplies the gradient by besides W, for steps 1 to ${
        rows.at(-1)!.t
      } (line; the band runs from the smallest to the largest unit); it averages ${
        mean.toPrecision(3)
      } against the ceiling γ = ${gamma} (dashed).`
      : "Waiting for the first steps…",
    chart,
    live,
    columns: [
      numberColumn("step t", (d: StateSlopeRow) => d.t),
      numberColumn("mean σ′", (d: StateSlopeRow) => d.mean, 5),
      numberColumn("smallest σ′", (d: StateSlopeRow) => d.min, 5),
      numberColumn("largest σ′", (d: StateSlopeRow) => d.max, 5),
    ],
    rows,
  });
}

export interface GapRow {
  /** "Wᶠ" or "Uᵇ". */
  weight: string;
  /** Entry (i, j), 1-based. */
  entry: string;
  /** Position along the chart's x axis. */
  index: number;
  formula: number;
  /** The other computation, and its series name. */
  method: string;
  value: number;
}

/** |other − formula| per gradient entry, on a log axis, one series per method. */
export function gradientCheckChart(
  rows: GapRow[],
  { width, methods, description }: { width: number; methods: string[]; description: string },
): HTMLElement {
  const gaps = rows.map((d) => ({ ...d, log10: Math.log10(Math.abs(d.value - d.formula)) }));
  const drawn = gaps.filter((d) => Number.isFinite(d.log10));
  const chart = Plot.plot({
    width: chartWidth(width),
    height: 260,
    marginLeft: 56,
    marginRight: 16,
    x: { label: "gradient entry (Wᶠ, then Uᵇ)", ticks: [], grid: false },
    y: {
      label: "|difference from the formula|",
      grid: true,
      ticks: log10Ticks(drawn.map((d) => d.log10), 6),
      tickFormat: powerOfTen,
    },
    color: { legend: true, domain: methods, range: [colors.blue, colors.green] },
    marks: [
      Plot.dot(drawn, {
        x: "index",
        y: "log10",
        fill: "method",
        symbol: "method",
        r: 3,
        tip: true,
        title: (d: GapRow & { log10: number }) =>
          `${d.method}, ${d.weight} ${d.entry}: off by ${textFromLog10(d.log10, 2)}`,
      }),
    ],
  });
  return chartFigure({
    name: "brnn-gradient-check",
    title: "How far autodiff and finite differences land from the formulas",
    description,
    chart,
    live: true,
    columns: [
      textColumn("method", (d: GapRow) => d.method),
      textColumn("weight", (d: GapRow) => d.weight),
      textColumn("entry", (d: GapRow) => d.entry),
      numberColumn("formula", (d: GapRow) => d.formula, 10),
      numberColumn("value", (d: GapRow) => d.value, 10),
      numberColumn("difference", (d: GapRow) => d.value - d.formula, 3),
    ],
    rows,
  });
}
