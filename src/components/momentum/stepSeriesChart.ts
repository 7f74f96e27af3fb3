import * as Plot from "@observablehq/plot";
import { seriesStepFigure } from "../chartFigure.js";
import { chartWidth } from "../colors.js";
import { numberColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";

/** One curve against the step: values[i] belongs to step firstStep + i. */
export interface StepSeries {
  name: string;
  values: ArrayLike<number>;
  color: string;
  /** Dashed: a closed form drawn over the measured curves. */
  dashed?: boolean;
  firstStep?: number;
}

interface StepPoint {
  series: string;
  step: number;
  value: number;
}

/** Several quantities against the step on a log axis (non-positive values are left out). */
export function stepSeriesChart(
  series: StepSeries[],
  { width, name, title, description, yLabel, height = 280, xDomain, yDomain, live = false }: {
    width: number;
    name: string;
    title: string;
    description: string;
    yLabel: string;
    height?: number;
    /** Fixed axes, so that a chart drawn step by step does not rescale as it grows. */
    xDomain?: [number, number];
    yDomain?: [number, number];
    /** Drawn from a live (tfjs) computation. */
    live?: boolean;
  },
): HTMLElement {
  const rows: StepPoint[] = series.flatMap((s) =>
    Array.from(s.values, (value, i) => ({ series: s.name, step: (s.firstStep ?? 0) + i, value }))
  );
  const drawn = rows.filter((d) => d.value > 0 && Number.isFinite(d.value));
  const dashedNames = new Set(series.filter((s) => s.dashed).map((s) => s.name));
  const line = (dashed: boolean) =>
    Plot.line(drawn.filter((d) => dashedNames.has(d.series) === dashed), {
      x: "step",
      y: "value",
      z: "series",
      stroke: "series",
      strokeWidth: dashed ? 1.5 : 2,
      ...(dashed ? { strokeDasharray: "6,4" } : {}),
    });
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 56,
    x: { label: "step t", grid: false, ...(xDomain ? { domain: xDomain } : {}) },
    y: yDomain
      ? { ...logAxis(yLabel, yDomain), domain: yDomain }
      : logAxis(yLabel, drawn.map((d) => d.value)),
    color: { legend: true, domain: series.map((s) => s.name), range: series.map((s) => s.color) },
    marks: [line(false), line(true)],
  });
  return seriesStepFigure({ name, title, description }, chart, rows, [
    numberColumn(yLabel, (d: StepPoint) => d.value),
  ], live);
}
