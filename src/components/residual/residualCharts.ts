/**
 * Charts of the residual page: the plane of X₀ coloured by the case the residual block is in, and
 * the gradient per layer of the same network with and without skips (log scale, with exact zeros
 * drawn on a line of their own below the data, since a log axis has no 0).
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import { powerLabel } from "../depthRows.js";
import { logTicks } from "../logTicks.js";
import { layerFrame } from "../depthCharts.js";
import { horizontalReference } from "../referenceMarks.js";
import { type CaseRun, caseRuns } from "./residualRows.js";
import {
  BLOCK_CASE_LABELS,
  BLOCK_CASES,
  type BlockCase,
  type CaseCell,
} from "../../compute/residual/block.js";

const caseColors: Record<BlockCase, string> = {
  "outer-off": colors.muted,
  "both-on": colors.blue,
  "inner-off": colors.green,
  mixed: colors.orange,
};

/** Share of the plane in each case, as words: "38 % outer ReLU off: 0, …". */
function caseShares(cells: readonly CaseCell[]): string {
  return BLOCK_CASES.map((c) => {
    const share = cells.filter((d) => d.case === c).length / Math.max(1, cells.length);
    return `${Math.round(100 * share)} % ${BLOCK_CASE_LABELS[c]}`;
  }).join(", ");
}

export function caseMapChart(
  cells: readonly CaseCell[],
  { point, pointCase, extent, steps, width }: {
    point: [number, number];
    pointCase: BlockCase;
    extent: number;
    steps: number;
    width: number;
  },
): HTMLElement {
  const size = (2 * extent) / steps;
  const runs = caseRuns(cells, size);
  const side = Math.min(chartWidth(width, 460), 460);
  const chart = Plot.plot({
    width: side,
    aspectRatio: 1,
    marginLeft: 44,
    x: { label: "x₁ (first entry of X₀)", domain: [-extent, extent] },
    y: { label: "x₂", domain: [-extent, extent] },
    color: {
      legend: true,
      domain: BLOCK_CASES.map((c) => BLOCK_CASE_LABELS[c]),
      range: BLOCK_CASES.map((c) => caseColors[c]),
    },
    marks: [
      Plot.rect(runs, {
        x1: "x1From",
        x2: "x1To",
        y1: (d: CaseRun) => d.x2 - size / 2,
        y2: (d: CaseRun) => d.x2 + size / 2,
        fill: (d: CaseRun) => BLOCK_CASE_LABELS[d.case],
        fillOpacity: 0.55,
        // Neighbouring rows meet without anti-aliased seams.
        shapeRendering: "crispEdges",
      }),
      Plot.ruleX([0], { stroke: "currentColor", strokeOpacity: 0.4 }),
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.4 }),
      Plot.dot([point], {
        x: (d: [number, number]) => d[0],
        y: (d: [number, number]) => d[1],
        r: 7,
        stroke: "currentColor",
        strokeWidth: 2.5,
        fill: caseColors[pointCase],
      }),
      Plot.text([point], {
        x: (d: [number, number]) => d[0],
        y: (d: [number, number]) => d[1],
        text: () => "X₀",
        dx: 14,
        textAnchor: "start",
        fill: "currentColor",
        fontWeight: "bold",
        stroke: "var(--theme-background)",
        strokeWidth: 4,
        paintOrder: "stroke",
      }),
    ],
  });
  return chartFigure({
    name: "block-cases",
    title: "Which case the block is in, over the plane of X₀",
    description:
      `For these weights, ${steps} × ${steps} points X₀ in [−${extent}, ${extent}]² split ` +
      `into ${caseShares(cells)}; your X₀ = (${point[0]}, ${point[1]}) is in the case ` +
      `"${BLOCK_CASE_LABELS[pointCase]}".`,
    chart,
    columns: [
      numberColumn("x₂ (row centre)", (d: CaseRun) => d.x2),
      numberColumn("x₁ from", (d: CaseRun) => d.x1From),
      numberColumn("x₁ to", (d: CaseRun) => d.x1To),
      textColumn("case", (d: CaseRun) => BLOCK_CASE_LABELS[d.case]),
    ],
    rows: runs,
  });
}

/** One value of the per-layer gradient chart. */
export interface GradientRow {
  series: string;
  x: number;
  y: number;
}

export interface GradientChartSpec {
  name: string;
  title: string;
  description: string;
  rows: readonly GradientRow[];
  /** Series in legend order (with skips first). */
  series: string[];
  xLabel: string;
  yLabel: string;
  /** A marked layer (the zeroed or saturated one) and its label. */
  marker?: { x: number; label: string };
  width: number;
}

/** The level at which exact zeros are drawn: a factor 30 below the smallest positive value. */
function zeroLevel(rows: readonly GradientRow[]): number {
  const positive = rows.map((d) => d.y).filter((y) => y > 0 && Number.isFinite(y));
  return positive.length ? Math.min(...positive) / 30 : 1e-3;
}

export function gradientChart(spec: GradientChartSpec): HTMLElement {
  const { rows, series } = spec;
  const range = [colors.blue, colors.red];
  const positive = rows.filter((d) => d.y > 0);
  const zeros = rows.filter((d) => d.y === 0);
  const floor = zeroLevel(rows);
  const values = [...positive.map((d) => d.y), ...(zeros.length ? [floor] : [])];
  const chart = Plot.plot({
    ...layerFrame(rows, spec.width, spec.xLabel),
    y: {
      label: spec.yLabel,
      type: "log",
      grid: true,
      ticks: logTicks(values, { max: 7 }),
      tickFormat: powerLabel,
    },
    color: { legend: true, domain: series, range },
    marks: [
      ...(zeros.length ? horizontalReference(floor, "× = exactly 0", { color: colors.muted }) : []),
      ...(spec.marker
        ? [
          Plot.ruleX([spec.marker.x], { stroke: colors.muted, strokeDasharray: "4 3" }),
          Plot.text([spec.marker.x], {
            x: (d: number) => d,
            frameAnchor: "top",
            dy: 4,
            text: () => spec.marker!.label,
            fill: "currentColor",
            textAnchor: "middle",
          }),
        ]
        : []),
      Plot.line(positive, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 1.5 }),
      Plot.dot(positive, {
        x: "x",
        y: "y",
        fill: "series",
        r: 2.5,
        tip: true,
        title: (d: GradientRow) => `${d.series}, ${spec.xLabel} ${d.x}: ${d.y.toPrecision(4)}`,
      }),
      Plot.dot(zeros, {
        x: "x",
        y: () => floor,
        stroke: "series",
        symbol: "times",
        r: 4,
        tip: true,
        title: (d: GradientRow) => `${d.series}, ${spec.xLabel} ${d.x}: exactly 0`,
      }),
    ],
  });
  return chartFigure({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    chart,
    live: true,
    columns: [
      textColumn("series", (d: GradientRow) => d.series),
      numberColumn(spec.xLabel, (d: GradientRow) => d.x),
      numberColumn(spec.yLabel, (d: GradientRow) => d.y, 6),
    ],
    rows,
  });
}
