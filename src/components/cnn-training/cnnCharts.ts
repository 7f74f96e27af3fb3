/**
 * Charts of the cnn-training page: accuracy curves with their spread over seeds, a live run's
 * training and validation curves with the gap between them shaded, and small pictures (the test
 * digit, the first layer's filters, its feature maps) drawn as cells whose opacity is the value,
 * in the page's ink, so they read the same in light and dark.
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import {
  type CellRow,
  COMBINATION_LABELS,
  type GapRow,
  largestMagnitude,
  type LiveRow,
  type SpreadRow,
} from "./cnnRows.js";

const palette = [colors.muted, colors.blue, colors.orange, colors.purple];
const epochTicks = (last: number, width: number) => {
  const step = width < 500 ? Math.max(1, Math.ceil(last / 5)) : Math.max(1, Math.ceil(last / 10));
  return Array.from({ length: Math.floor(last / step) + 1 }, (_, i) => i * step);
};

export interface SpreadChartSpec {
  name: string;
  title: string;
  description: string;
  rows: SpreadRow[];
  yLabel: string;
  width: number;
}

/** Mean curves of the four combinations over their min–max bands across seeds, against epoch. */
export function spreadChart(spec: SpreadChartSpec): HTMLElement {
  const last = Math.max(...spec.rows.map((d) => d.epoch));
  const chart = Plot.plot({
    width: chartWidth(spec.width),
    height: 300,
    marginLeft: 48,
    x: { label: "epoch", grid: true, ticks: epochTicks(last, spec.width), tickFormat: "d" },
    y: { label: spec.yLabel, grid: true, nice: true },
    color: { legend: true, domain: COMBINATION_LABELS, range: palette },
    marks: [
      Plot.areaY(spec.rows, {
        x: "epoch",
        y1: "min",
        y2: "max",
        z: "series",
        fill: "series",
        fillOpacity: 0.15,
      }),
      Plot.line(spec.rows, {
        x: "epoch",
        y: "mean",
        z: "series",
        stroke: "series",
        strokeWidth: 2,
      }),
      Plot.dot(spec.rows, {
        x: "epoch",
        y: "mean",
        fill: "series",
        r: 2.5,
        tip: true,
        title: (d: SpreadRow) =>
          `${d.series}, epoch ${d.epoch}: ${d.mean.toFixed(1)} (seeds ${d.min.toFixed(1)}–${
            d.max.toFixed(1)
          })`,
      }),
      Plot.ruleY([0], { stroke: colors.muted }),
    ],
  });
  return chartFigure({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    chart,
    columns: [
      textColumn("combination", (d: SpreadRow) => d.series),
      numberColumn("epoch", (d: SpreadRow) => d.epoch),
      numberColumn(`${spec.yLabel}, mean`, (d: SpreadRow) => d.mean, 4),
      numberColumn("lowest seed", (d: SpreadRow) => d.min, 4),
      numberColumn("highest seed", (d: SpreadRow) => d.max, 4),
    ],
    rows: spec.rows,
  });
}

export interface LiveChartSpec {
  curves: LiveRow[];
  gaps: GapRow[];
  reference: LiveRow[];
  epochs: number;
  description: string;
  width: number;
}

const LIVE_SERIES = ["training", "validation"];

/** The reader's run: training and validation accuracy with the gap shaded, and the reference. */
export function liveAccuracyChart(spec: LiveChartSpec): HTMLElement {
  const chart = Plot.plot({
    width: chartWidth(spec.width),
    height: 320,
    marginLeft: 48,
    x: {
      label: "epoch",
      grid: true,
      domain: [0, spec.epochs],
      ticks: epochTicks(spec.epochs, spec.width),
      tickFormat: "d",
    },
    y: { label: "accuracy (%)", grid: true, domain: [0, 100] },
    color: { legend: true, domain: LIVE_SERIES, range: [colors.blue, colors.red] },
    marks: [
      Plot.areaY(spec.gaps, {
        x: "epoch",
        y1: "validation",
        y2: "train",
        fill: colors.orange,
        fillOpacity: 0.25,
      }),
      // The precomputed means for the same switches, dashed, in the colours of the reader's curves.
      ...[["precomputed training", colors.blue], ["precomputed validation", colors.red]].map((
        [series, stroke],
      ) =>
        Plot.line(spec.reference.filter((d) => d.series === series), {
          x: "epoch",
          y: "accuracy",
          stroke,
          strokeWidth: 1.2,
          strokeDasharray: "4 3",
        })
      ),
      Plot.line(spec.curves, {
        x: "epoch",
        y: "accuracy",
        z: "series",
        stroke: "series",
        strokeWidth: 2,
      }),
      Plot.dot(spec.curves, {
        x: "epoch",
        y: "accuracy",
        fill: "series",
        r: 3,
        tip: true,
        title: (d: LiveRow) => `${d.series}, epoch ${d.epoch}: ${d.accuracy.toFixed(1)} %`,
      }),
      Plot.ruleY([10], { stroke: colors.muted, strokeDasharray: "2 3" }),
    ],
  });
  const rows = spec.gaps.map((g) => ({ ...g, gap: g.train - g.validation }));
  return chartFigure({
    name: "live-accuracy",
    title: "Your run: training and validation accuracy, with the gap between them",
    description: spec.description,
    chart,
    live: true,
    columns: [
      numberColumn("epoch", (d: typeof rows[number]) => d.epoch),
      numberColumn("training accuracy (%)", (d: typeof rows[number]) => d.train, 4),
      numberColumn("validation accuracy (%)", (d: typeof rows[number]) => d.validation, 4),
      numberColumn("gap (points)", (d: typeof rows[number]) => d.gap, 4),
    ],
    rows,
  });
}

export interface PictureSpec {
  name: string;
  title: string;
  description: string;
  /** Cell rows of every panel (panel numbers from 1; one panel with number 0 for a single picture). */
  cells: CellRow[];
  side: number;
  /** Panel names drawn inside each panel's frame, e.g. "filter 3". */
  panelLabel?: (panel: number) => string;
  /** Signed values: positive in blue, negative in red; otherwise the ink, by opacity. */
  signed?: boolean;
  /** Panels per row. */
  columns: number;
  /** Largest side of one panel in px; panels shrink to fit the width. */
  maxPanel: number;
  /** The container's width: the chart spans it, the panels centred in it. */
  width: number;
  live?: boolean;
  valueLabel: string;
}

/** Small pictures in a grid of panels, each cell's opacity its value over the largest one. */
export function pictureChart(spec: PictureSpec): HTMLElement {
  const scale = largestMagnitude(spec.cells);
  const panels = [...new Set(spec.cells.map((d) => d.panel))];
  const gridRows = Math.ceil(panels.length / spec.columns);
  const place = (panel: number) => panels.indexOf(panel);
  const cells = spec.cells.map((d) => ({
    ...d,
    fx: place(d.panel) % spec.columns,
    fy: Math.floor(place(d.panel) / spec.columns),
    strength: Math.abs(d.value) / scale,
  }));
  const labels = panels.map((panel) => ({
    panel,
    fx: place(panel) % spec.columns,
    fy: Math.floor(place(panel) / spec.columns),
    label: spec.panelLabel?.(panel) ?? "",
  }));
  const labelSpace = spec.panelLabel ? 16 : 0;
  const gap = 6;
  const width = chartWidth(spec.width);
  const panelSize = Math.max(8, Math.min(spec.maxPanel, Math.floor(width / spec.columns) - gap));
  // Square panels, centred: the margins take whatever the panels leave of the width.
  const side = (width - spec.columns * (panelSize + gap)) / 2 + 2;
  const chart = Plot.plot({
    width,
    height: gridRows * (panelSize + gap + labelSpace) + 4,
    marginTop: labelSpace,
    marginLeft: side,
    marginRight: side,
    marginBottom: 2,
    x: { axis: null, domain: [...Array(spec.side).keys()] },
    y: { axis: null, domain: [...Array(spec.side).keys()] },
    fx: { axis: null, padding: gap / panelSize / 2 },
    fy: { axis: null, padding: (gap + labelSpace) / panelSize / 2 },
    opacity: { domain: [0, 1], range: [0, 1] },
    marks: [
      Plot.frame({ stroke: colors.muted, strokeOpacity: 0.5 }),
      ...(spec.signed
        ? [
          Plot.cell(cells.filter((d) => d.value > 0), {
            x: "col",
            y: "row",
            fx: "fx",
            fy: "fy",
            fill: colors.blue,
            fillOpacity: "strength",
            inset: 0,
          }),
          Plot.cell(cells.filter((d) => d.value < 0), {
            x: "col",
            y: "row",
            fx: "fx",
            fy: "fy",
            fill: colors.red,
            fillOpacity: "strength",
            inset: 0,
          }),
        ]
        : [
          Plot.cell(cells, {
            x: "col",
            y: "row",
            fx: "fx",
            fy: "fy",
            fill: colors.ink,
            fillOpacity: "strength",
            inset: 0,
          }),
        ]),
      ...(spec.panelLabel
        ? [
          Plot.text(labels, {
            fx: "fx",
            fy: "fy",
            text: "label",
            frameAnchor: "top-left",
            dy: -labelSpace + 2,
            fill: colors.ink,
            fontSize: 11,
          }),
        ]
        : []),
    ],
  });
  const { name, title, description, live } = spec;
  return chartFigure({
    ...{ name, title, description, live, chart },
    columns: [
      numberColumn("panel", (d: CellRow) => d.panel),
      numberColumn("row", (d: CellRow) => d.row + 1),
      numberColumn("column", (d: CellRow) => d.col + 1),
      numberColumn(spec.valueLabel, (d: CellRow) => d.value, 5),
    ],
    rows: spec.cells,
  });
}

export interface PredictionRow {
  digit: number;
  probability: number;
  truth: boolean;
}

/** The network's probabilities for the ten classes, the true class marked. */
export function predictionChart(
  rows: PredictionRow[],
  { description, width, live }: { description: string; width: number; live?: boolean },
): HTMLElement {
  const chart = Plot.plot({
    width: chartWidth(width, 420),
    height: 200,
    marginLeft: 40,
    x: { label: "class", domain: [...Array(10).keys()], tickFormat: "d" },
    y: { label: "probability (%)", domain: [0, 100], grid: true },
    color: {
      legend: true,
      domain: ["true class", "other classes"],
      range: [colors.green, colors.muted],
    },
    marks: [
      Plot.barY(rows, {
        x: "digit",
        y: (d: PredictionRow) => 100 * d.probability,
        fill: (d: PredictionRow) => (d.truth ? "true class" : "other classes"),
        tip: true,
        title: (d: PredictionRow) => `${d.digit}: ${(100 * d.probability).toFixed(1)} %`,
      }),
      Plot.ruleY([0], { stroke: colors.muted }),
    ],
  });
  return chartFigure({
    name: "prediction",
    title: "What the network says about this digit",
    description,
    chart,
    live,
    columns: [
      numberColumn("class", (d: PredictionRow) => d.digit),
      numberColumn("probability (%)", (d: PredictionRow) => 100 * d.probability, 4),
      textColumn("true class", (d: PredictionRow) => (d.truth ? "yes" : "")),
    ],
    rows,
  });
}
