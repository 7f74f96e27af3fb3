/**
 * Charts of the initialisation page. One per-layer chart serves every curve against depth (theory
 * lines, measured dots with an optional band, bounds), plus the activation slopes and the
 * histograms of each layer's activations.
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "./chartFigure.js";
import { chartWidth, colors } from "./colors.js";
import { numberColumn, textColumn } from "./csv.js";
import { integerTicks, powerLabel } from "./depthRows.js";
import { logTicks } from "./logTicks.js";
import { sigText } from "./depthFormat.js";

export { histogram } from "./depthRows.js";

/** One plotted value: a theory line, a measured dot (with an optional band) or a bound. */
export interface LayerRow {
  series: string;
  kind: "theory" | "measured" | "bound";
  x: number;
  y: number;
  /** Band around measured values (e.g. 10th–90th percentile over networks). */
  lo?: number;
  hi?: number;
}

export interface LayerChartSpec {
  name: string;
  title: string;
  description: string;
  rows: LayerRow[];
  /** Series in legend order; colours follow this order. */
  series: string[];
  xLabel: string;
  yLabel: string;
  log?: boolean;
  /** What the band shows, for the table header (default "band"). */
  bandLabel?: string;
  /** Draw lo–hi as vertical error bars instead of a band (for a few isolated points). */
  errorBars?: boolean;
  live?: boolean;
  width: number;
  height?: number;
}

const palette = [colors.blue, colors.red, colors.green, colors.purple, colors.orange];

/** What every per-layer chart shares: its size, margins and a whole-number axis of layers. */
export function layerFrame(
  rows: readonly { x: number }[],
  width: number,
  xLabel: string,
  height = 300,
) {
  return {
    width: chartWidth(width),
    height,
    marginLeft: 56,
    marginRight: 16,
    x: {
      label: xLabel,
      grid: true,
      ticks: integerTicks(rows.map((d) => d.x), width < 500 ? 5 : 10),
      tickFormat: "d",
    },
  };
}

export function layerChart(spec: LayerChartSpec): HTMLElement {
  const { rows, series, log = true } = spec;
  const range = series.map((_, i) => palette[i % palette.length]);
  const theory = rows.filter((d) => d.kind === "theory");
  const measured = rows.filter((d) => d.kind === "measured" && Number.isFinite(d.y));
  const bounds = rows.filter((d) => d.kind === "bound");
  const banded = measured.filter((d) => d.lo !== undefined && d.hi !== undefined);
  const values = rows.flatMap((d) => [d.y, d.lo ?? d.y, d.hi ?? d.y]);
  const y = log
    ? {
      label: spec.yLabel,
      type: "log" as const,
      grid: true,
      ticks: logTicks(values, { max: 7 }),
      tickFormat: powerLabel,
    }
    : { label: spec.yLabel, grid: true, nice: true };
  const chart = Plot.plot({
    ...layerFrame(rows, spec.width, spec.xLabel, spec.height),
    y,
    color: { legend: true, domain: series, range },
    marks: [
      spec.errorBars
        ? Plot.ruleX(banded, { x: "x", y1: "lo", y2: "hi", stroke: "series", strokeWidth: 1.5 })
        : Plot.areaY(banded, {
          x: "x",
          y1: "lo",
          y2: "hi",
          z: "series",
          fill: "series",
          fillOpacity: 0.15,
        }),
      Plot.line(theory, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 1.5 }),
      Plot.line(bounds, {
        x: "x",
        y: "y",
        z: "series",
        stroke: "series",
        strokeWidth: 1.5,
        strokeDasharray: "5 4",
      }),
      Plot.dot(measured, {
        x: "x",
        y: "y",
        fill: "series",
        r: 2.5,
        tip: true,
        title: (d: LayerRow) => `${d.series}, ${spec.xLabel} ${d.x}: ${sigText(d.y, 4)}`,
      }),
    ],
  });
  return chartFigure({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    chart,
    live: spec.live,
    columns: [
      textColumn("series", (d: LayerRow) => d.series),
      textColumn("kind", (d: LayerRow) => d.kind),
      numberColumn(spec.xLabel, (d: LayerRow) => d.x),
      numberColumn(spec.yLabel, (d: LayerRow) => d.y, 5),
      numberColumn(`${spec.bandLabel ?? "band"} low`, (d: LayerRow) => d.lo, 5),
      numberColumn(`${spec.bandLabel ?? "band"} high`, (d: LayerRow) => d.hi, 5),
    ],
    rows,
  });
}

export interface SlopeRow {
  activation: string;
  x: number;
  slope: number;
}

/** φ'(x) for the sigmoid and ReLU, with the sigmoid's peak 1/4 at 0 marked. */
export function slopeChart(
  rows: SlopeRow[],
  peak: { x: number; slope: number },
  { width, height = 240 }: { width: number; height?: number },
): HTMLElement {
  const chart = Plot.plot({
    width: chartWidth(width, 640),
    height,
    marginLeft: 48,
    x: { label: "pre-activation a", grid: true },
    y: { label: "slope φ′(a)", grid: true, domain: [0, 1.05] },
    color: { legend: true, domain: ["sigmoid", "ReLU"], range: [colors.red, colors.blue] },
    marks: [
      Plot.line(rows, {
        x: "x",
        y: "slope",
        stroke: "activation",
        strokeWidth: 2,
        z: "activation",
      }),
      Plot.ruleY([peak.slope], { stroke: colors.muted, strokeDasharray: "4 3" }),
      Plot.dot([peak], { x: "x", y: "slope", r: 4, fill: colors.red }),
      Plot.text([peak], {
        x: "x",
        y: "slope",
        text: () => "max 1/4 at a = 0",
        dy: -12,
        fill: "currentColor",
      }),
    ],
  });
  const xs = rows.map((d) => d.x);
  return chartFigure({
    name: "slopes",
    title: "Slopes of the sigmoid and of ReLU",
    description: `The sigmoid's slope σ′(a) = σ(a)(1 − σ(a)) over a from ${Math.min(...xs)} to ${
      Math.max(...xs)
    } peaks at ${
      sigText(peak.slope, 2)
    } at a = ${peak.x} and falls towards 0 on both sides; ReLU's slope is 0 for a ≤ 0 and 1 for a > 0.`,
    chart,
    columns: [
      textColumn("activation", (d: SlopeRow) => d.activation),
      numberColumn("a", (d: SlopeRow) => d.x),
      numberColumn("slope", (d: SlopeRow) => d.slope),
    ],
    rows,
  });
}

export interface HistogramRow {
  layer: number;
  /** Bin centre and width. */
  x: number;
  binWidth: number;
  /** Fraction of the sampled values in the bin. */
  share: number;
}

/** One small histogram per sampled layer, stacked, on a shared x axis. */
export function histogramChart(
  rows: HistogramRow[],
  { width, xLabel, description, live = true }: {
    width: number;
    xLabel: string;
    description: string;
    live?: boolean;
  },
): HTMLElement {
  const layers = [...new Set(rows.map((d) => d.layer))];
  const chart = Plot.plot({
    width: chartWidth(width),
    height: 40 + 62 * Math.max(1, layers.length),
    marginLeft: 56,
    x: { label: xLabel, grid: true },
    y: { label: null, axis: null },
    fy: { label: "layer", domain: layers },
    marks: [
      Plot.rectY(rows, {
        x1: (d: HistogramRow) => d.x - d.binWidth / 2,
        x2: (d: HistogramRow) => d.x + d.binWidth / 2,
        y: "share",
        fy: "layer",
        fill: colors.blue,
        fillOpacity: 0.8,
      }),
      Plot.ruleY([0]),
    ],
  });
  return chartFigure({
    name: "histograms",
    title: "Activations, layer by layer",
    description,
    chart,
    live,
    columns: [
      numberColumn("layer", (d: HistogramRow) => d.layer),
      numberColumn(`bin centre (${xLabel})`, (d: HistogramRow) => d.x),
      numberColumn("share of values", (d: HistogramRow) => d.share, 4),
    ],
    rows,
  });
}
