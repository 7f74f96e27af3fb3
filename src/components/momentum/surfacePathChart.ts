import * as Plot from "@observablehq/plot";
import { seriesStepFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import type { LevelCurve } from "../../compute/surfaces.js";

/** One optimiser's path over a surface, drawn as a line, a dashed line or dots. */
export interface PathSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  mark: "line" | "dash" | "dots" | "cross";
  /** The panel the path belongs to, when the chart is split into panels. */
  panel?: string;
}

export interface SurfacePathData {
  /** Contour lines: closed level curves of f (levelCurve), drawn thin and muted. */
  curves: readonly LevelCurve[];
  domain: { x: readonly [number, number]; y: readonly [number, number] };
  paths: PathSeries[];
  start: readonly [number, number];
  minimum: readonly [number, number];
  /** Panels side by side (stacked below 560 px), in this order. */
  panels?: string[];
}

interface PathPoint {
  series: string;
  panel?: string;
  step: number;
  x: number;
  y: number;
}

function points(path: PathSeries): PathPoint[] {
  const out: PathPoint[] = [];
  for (let t = 0; t < path.x.length; t++) {
    out.push({ series: path.name, panel: path.panel, step: t, x: path.x[t], y: path.y[t] });
  }
  return out;
}

/**
 * Paths over the contour lines of a 2-D loss, with the start (ring) and the minimum (cross). The
 * svg's data-x/data-y domains and margins let the page turn a pointer position into a point.
 */
export function surfacePathChart(
  data: SurfacePathData,
  { width, name, title, description, height, live = false }: {
    width: number;
    name: string;
    title: string;
    description: string;
    height?: number;
    /** Drawn from a live (tfjs) computation. */
    live?: boolean;
  },
): HTMLElement {
  const w = chartWidth(width);
  const panels = data.panels ?? [];
  const sideBySide = panels.length > 1 && w >= 560;
  const margin = { top: 20, right: 12, bottom: 36, left: 40 };
  const cellWidth = sideBySide ? (w - margin.left - margin.right) / panels.length : w - 52;
  const aspect = (data.domain.y[1] - data.domain.y[0]) / (data.domain.x[1] - data.domain.x[0]);
  const cellHeight = Math.min(
    480,
    Math.max(200, cellWidth * aspect * (panels.length > 1 ? 0.8 : 1)),
  );
  const rows = panels.length > 1 && !sideBySide ? panels.length : 1;
  const all = data.paths.flatMap(points);
  const contourPoints = data.curves.flatMap((c) =>
    Array.from(c.x, (x, i) => ({ level: c.level, x, y: c.y[i] }))
  );
  const names = [...new Set(data.paths.map((p) => p.name))];
  const colorOf = new Map(data.paths.map((p) => [p.name, p.color]));
  const byMark = (mark: PathSeries["mark"]) =>
    data.paths.filter((p) => p.mark === mark).flatMap(points);
  const facet = panels.length > 1 ? (sideBySide ? { fx: "panel" } : { fy: "panel" }) : {};
  const chart = Plot.plot({
    width: w,
    height: height ?? rows * cellHeight + margin.top + margin.bottom,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    x: { domain: data.domain.x as [number, number], label: "x", grid: false },
    y: { domain: data.domain.y as [number, number], label: "y" },
    ...(panels.length > 1 ? { [sideBySide ? "fx" : "fy"]: { domain: panels, axis: null } } : {}),
    color: { legend: true, domain: names, range: names.map((n) => colorOf.get(n)!) },
    marks: [
      Plot.line(contourPoints, {
        x: "x",
        y: "y",
        z: "level",
        stroke: colors.muted,
        strokeOpacity: 0.55,
        clip: true,
      }),
      Plot.line(byMark("dash"), {
        x: "x",
        y: "y",
        z: "series",
        stroke: "series",
        strokeDasharray: "5,4",
        strokeWidth: 1.5,
        clip: true,
        ...facet,
      }),
      Plot.line(byMark("line"), {
        x: "x",
        y: "y",
        z: "series",
        stroke: "series",
        strokeWidth: 2,
        clip: true,
        ...facet,
      }),
      Plot.dot(byMark("dots"), {
        x: "x",
        y: "y",
        stroke: "series",
        r: 3.5,
        strokeWidth: 1.2,
        clip: true,
        ...facet,
      }),
      Plot.dot(byMark("cross"), {
        x: "x",
        y: "y",
        stroke: "series",
        symbol: "times",
        r: 3,
        strokeWidth: 1.5,
        clip: true,
        ...facet,
      }),
      ...(panels.length > 1
        ? [
          Plot.text(panels, {
            [sideBySide ? "fx" : "fy"]: (d: string) => d,
            text: (d: string) => d,
            frameAnchor: "top-left",
            dx: 6,
            dy: 6,
            fill: colors.ink,
            fontWeight: "bold",
          }),
        ]
        : []),
      Plot.dot([data.start], {
        x: (d) => d[0],
        y: (d) => d[1],
        r: 7,
        stroke: colors.ink,
        strokeWidth: 2,
      }),
      Plot.dot([data.minimum], {
        x: (d) => d[0],
        y: (d) => d[1],
        symbol: "times",
        r: 6,
        stroke: colors.ink,
        strokeWidth: 2,
      }),
    ],
  });
  const figure = seriesStepFigure({ name, title, description }, chart, all, [
    numberColumn("x", (d: PathPoint) => d.x),
    numberColumn("y", (d: PathPoint) => d.y),
  ], live);
  const plotSvg = [...figure.querySelectorAll("svg")].find((s) => s.getAttribute("role") === "img");
  if (plotSvg && panels.length <= 1) {
    const x = (chart as unknown as { scale(n: string): { range: number[] } }).scale("x");
    const y = (chart as unknown as { scale(n: string): { range: number[] } }).scale("y");
    Object.assign(plotSvg.dataset, {
      xDomain: data.domain.x.join(","),
      yDomain: data.domain.y.join(","),
      xRange: x.range.join(","),
      yRange: y.range.join(","),
      width: String(w),
    });
  }
  return figure;
}

/** The data point under a pointer event on a chart drawn by surfacePathChart (single panel). */
export function pointerToData(svg: SVGSVGElement, event: PointerEvent): [number, number] | null {
  const d = svg.dataset;
  if (!d.xDomain || !d.xRange) return null;
  const [x0, x1] = d.xDomain.split(",").map(Number);
  const [y0, y1] = d.yDomain!.split(",").map(Number);
  const [rx0, rx1] = d.xRange.split(",").map(Number);
  const [ry0, ry1] = d.yRange!.split(",").map(Number);
  const box = svg.getBoundingClientRect();
  const scale = Number(d.width) / box.width;
  const px = (event.clientX - box.left) * scale;
  const py = (event.clientY - box.top) * scale;
  return [x0 + ((px - rx0) / (rx1 - rx0)) * (x1 - x0), y0 + ((py - ry0) / (ry1 - ry0)) * (y1 - y0)];
}
