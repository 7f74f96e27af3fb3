import * as Plot from "@observablehq/plot";
import { seriesStepFigure } from "./chartFigure.js";
import { chartWidth } from "./colors.js";
import { numberColumn } from "./csv.js";
import { logAxis } from "./logTicks.js";
import { significant, superscript } from "./math.js";

/**
 * A log axis whose labels are numbers a reader reads (0.01, 1, 100) or powers of ten with real
 * superscripts (10⁻⁶, 10¹¹), never "1e+11"; over many decades only every second or third power is
 * labelled, so the labels do not crowd.
 */
export function readableLogAxis(label: string, values: Iterable<number>) {
  const axis = logAxis(label, values);
  const stride = Math.ceil(axis.ticks.length / 9);
  const ticks = axis.ticks.filter((t) =>
    Math.round(Math.log10(t)) % stride === 0 || axis.ticks.length <= 9
  );
  return { ...axis, ticks, tickFormat: powerLabel };
}

/** 0.001 to 10⁴ as plain numbers; other powers of ten as 10ⁿ. */
export function powerLabel(value: number): string {
  const exponent = Math.log10(value);
  if (Number.isInteger(Math.round(exponent * 1e9) / 1e9) && (exponent < -3 || exponent > 4)) {
    return `10${superscript(Math.round(exponent))}`;
  }
  return significant(value, 3);
}

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
      ? { ...readableLogAxis(yLabel, yDomain), domain: yDomain }
      : readableLogAxis(yLabel, drawn.map((d) => d.value)),
    color: { legend: true, domain: series.map((s) => s.name), range: series.map((s) => s.color) },
    marks: [line(false), line(true)],
  });
  return seriesStepFigure({ name, title, description }, chart, rows, [
    numberColumn(yLabel, (d: StepPoint) => d.value),
  ], live);
}
