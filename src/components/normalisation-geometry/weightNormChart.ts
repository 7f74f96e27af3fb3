/**
 * Weight normalisation in the plane: u and the two gradients as arrows, the circle of radius γ on
 * which w = γu/‖u‖ lives, and the path of u under gradient steps (with tfjs's path when it is in).
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { colors } from "../colors.js";
import { squareFrame } from "./squareFrame.js";
import { numberColumn, textColumn } from "../csv.js";

export interface WeightNormChartData {
  u: readonly (readonly number[])[];
  w: readonly (readonly number[])[];
  gamma: number;
  target: readonly number[];
  /** −η∇_wL and −η∇ᵤL at u₀, drawn from the tip of u₀. */
  descentW: readonly number[];
  descentU: readonly number[];
  /** u₁ … u_T from tfjs's autodiff, when the live run has finished. */
  tfU?: readonly (readonly number[])[];
}

interface Row {
  series: string;
  step: number;
  x: number;
  y: number;
}

interface ArrowRow {
  series: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function weightNormChart(
  data: WeightNormChartData,
  { width, description }: { width: number; description: string },
): HTMLElement {
  const names = {
    u: "u (the steps on u)",
    w: "w = γu/‖u‖",
    gradW: "−η∇_wL at u₀",
    gradU: "−η∇ᵤL at u₀ (⊥ u): the first step",
    tf: "u by tfjs autodiff",
    target: "target w*",
  };
  const [u0x, u0y] = data.u[0];
  const arrows: ArrowRow[] = [
    { series: names.u, x1: 0, y1: 0, x2: u0x, y2: u0y },
    {
      series: names.gradW,
      x1: u0x,
      y1: u0y,
      x2: u0x + data.descentW[0],
      y2: u0y + data.descentW[1],
    },
    {
      series: names.gradU,
      x1: u0x,
      y1: u0y,
      x2: u0x + data.descentU[0],
      y2: u0y + data.descentU[1],
    },
  ];
  const path: Row[] = data.u.map(([x, y], step) => ({ series: names.u, step, x, y }));
  const ws: Row[] = data.w.map(([x, y], step) => ({ series: names.w, step, x, y }));
  const tf: Row[] = (data.tfU ?? []).map(([x, y], i) => ({ series: names.tf, step: i + 1, x, y }));
  const circle = Array.from({ length: 145 }, (_, i) => {
    const a = (2 * Math.PI * i) / 144;
    return { x: data.gamma * Math.cos(a), y: data.gamma * Math.sin(a) };
  });
  const series = [
    names.u,
    names.w,
    names.gradW,
    names.gradU,
    ...(tf.length ? [names.tf] : []),
    names.target,
  ];
  const palette: Record<string, string> = {
    [names.u]: colors.blue,
    [names.w]: colors.orange,
    [names.gradW]: colors.red,
    [names.gradU]: colors.green,
    [names.tf]: colors.purple,
    [names.target]: colors.ink,
  };
  const frame = [
    ...path,
    ...arrows.map((a) => ({ x: a.x2, y: a.y2 })),
    { x: data.target[0], y: data.target[1] },
    { x: data.gamma, y: data.gamma },
    { x: -data.gamma, y: -data.gamma },
  ];
  const chart = Plot.plot({
    ...squareFrame(frame, {
      width,
      maxWidth: 520,
      labels: ["first coordinate", "second coordinate"],
    }),
    color: { legend: true, domain: series, range: series.map((s) => palette[s]) },
    marks: [
      Plot.line(circle, { x: "x", y: "y", stroke: colors.muted, strokeDasharray: "3,3" }),
      Plot.line(path, { x: "x", y: "y", stroke: "series", strokeOpacity: 0.6 }),
      Plot.dot(path, { x: "x", y: "y", fill: "series", r: 2.5 }),
      Plot.dot(ws, { x: "x", y: "y", fill: "series", r: 2.5 }),
      Plot.dot(tf, { x: "x", y: "y", stroke: "series", symbol: "times", r: 3.5 }),
      Plot.arrow(arrows, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "series",
        strokeWidth: 2.2,
      }),
      Plot.dot([data.target], {
        x: (d: readonly number[]) => d[0],
        y: (d: readonly number[]) => d[1],
        stroke: () => names.target,
        symbol: "times",
        r: 6,
        strokeWidth: 2,
      }),
    ],
  });
  return chartFigure({
    name: "weight-norm",
    title: "Weight normalisation: u, its gradient and the steps",
    description,
    chart,
    live: tf.length > 0,
    columns: [
      textColumn("series", (d: Row) => d.series),
      numberColumn("step", (d: Row) => d.step),
      numberColumn("first coordinate", (d: Row) => d.x),
      numberColumn("second coordinate", (d: Row) => d.y),
    ],
    rows: [
      ...path,
      ...ws,
      ...tf,
      ...arrows.slice(1).map((a) => ({
        series: a.series,
        step: 0,
        x: a.x2 - a.x1,
        y: a.y2 - a.y1,
      })),
    ],
  });
}
