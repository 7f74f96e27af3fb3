import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import { logTicks } from "../logTicks.js";

export interface RatePoint {
  epsilon: number;
  rate: number;
}

export interface RateChartData {
  beta: number;
  /** The closed form for the reader's β, and for plain gradient descent (β = 0). */
  momentum: RatePoint[];
  gd: RatePoint[];
  /** Rates measured from simulations at some of the step sizes (reader's β). */
  measured: RatePoint[];
  /** The reader's setting (closed form). */
  current: RatePoint;
  /** The quadratic's optimal pair, shown as its own point. */
  optimal?: RatePoint & { beta: number };
}

interface Row {
  series: string;
  epsilon: number;
  rate: number;
}

/** Convergence rate against the step size: closed-form curves, measured dots, the reader's point. */
export function rateChart(
  data: RateChartData,
  { width, description, height = 280 }: { width: number; description: string; height?: number },
): HTMLElement {
  const curveName = `closed form, β = ${data.beta.toFixed(3).replace(/\.?0+$/, "")}`;
  const rows: Row[] = [
    ...data.momentum.map((d) => ({ series: curveName, ...d })),
    ...data.gd.map((d) => ({ series: "closed form, gradient descent (β = 0)", ...d })),
    ...data.measured.map((d) => ({ series: "measured from a run", ...d })),
    { series: "your setting", ...data.current },
    ...(data.optimal
      ? [{
        series: "optimal pair (β*, ε*)",
        epsilon: data.optimal.epsilon,
        rate: data.optimal.rate,
      }]
      : []),
  ];
  const names = [...new Set(rows.map((d) => d.series))];
  const palette: Record<string, string> = {
    [curveName]: colors.blue,
    "closed form, gradient descent (β = 0)": colors.muted,
    "measured from a run": colors.orange,
    "your setting": colors.red,
    "optimal pair (β*, ε*)": colors.green,
  };
  // The axis spans the rates actually drawn, up to just past 1 (runs above 1 diverge and sit on
  // the top edge): a fixed 0–1.25 axis would flatten the differences between rates near 1 (0.949
  // against 0.980 at the defaults) that the chart is there to show.
  const top = 1.05;
  const bottom = rateAxisBottom(rows.map((d) => d.rate));
  const clip = (d: Row) => ({ ...d, rate: Math.min(d.rate, top) });
  const of = (series: string) => rows.filter((d) => d.series === series).map(clip);
  const epsilons = rows.map((d) => d.epsilon);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: {
      type: "log",
      label: "step size ε",
      ticks: logTicks(epsilons),
      tickFormat: "~g",
      grid: true,
    },
    y: { label: "rate ρ (error × ρ per step)", domain: [bottom, top], grid: true },
    color: { legend: true, domain: names, range: names.map((n) => palette[n]) },
    marks: [
      Plot.ruleY([1], { stroke: colors.ink, strokeOpacity: 0.6 }),
      Plot.line(of("closed form, gradient descent (β = 0)"), {
        x: "epsilon",
        y: "rate",
        stroke: "series",
        strokeDasharray: "5,4",
      }),
      Plot.line(of(curveName), { x: "epsilon", y: "rate", stroke: "series", strokeWidth: 2 }),
      Plot.dot(of("measured from a run"), { x: "epsilon", y: "rate", stroke: "series", r: 4 }),
      Plot.dot(of("optimal pair (β*, ε*)"), {
        x: "epsilon",
        y: "rate",
        fill: "series",
        symbol: "star",
        r: 6,
      }),
      Plot.dot(of("your setting"), {
        x: "epsilon",
        y: "rate",
        stroke: "series",
        r: 8,
        strokeWidth: 2.5,
      }),
    ],
  });
  return chartFigure({
    name: "rate",
    title: "How fast the error shrinks, against the step size",
    description,
    chart,
    columns: [
      textColumn("series", (d: Row) => d.series),
      numberColumn("step size ε", (d: Row) => d.epsilon),
      numberColumn("rate ρ", (d: Row) => d.rate),
    ],
    rows,
  });
}

/**
 * The bottom of the rate axis: 0.05 below the smallest rate drawn, rounded down to a multiple of
 * 0.05, and never below 0.
 */
export function rateAxisBottom(rates: number[]): number {
  const low = Math.min(...rates.filter(Number.isFinite));
  return Math.max(0, Math.floor((low - 0.05) / 0.05) * 0.05);
}
