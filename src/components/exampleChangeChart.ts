/**
 * How far example 1's normalised output moves when the other examples change by δ: a line per
 * method from the Float64 reference over a grid of δ, and TensorFlow.js's measurement at the
 * reader's δ as dots.
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "./chartFigure.js";
import { chartWidth, colors } from "./colors.js";
import { numberColumn, textColumn } from "./csv.js";
import { METHOD_NAMES } from "./normAxesDiagram.js";
import { NORM_METHODS, type NormMethod } from "../compute/normalisation/normAxes.js";

export interface ChangeRow {
  method: NormMethod;
  delta: number;
  /** Root mean square change of example 1's output. */
  rms: number;
  source: "Float64" | "TensorFlow.js";
}

const fmt = (v: number) => (v === 0 ? "0" : v.toPrecision(2));

export function exampleChangeChart(
  { rows, delta }: { rows: ChangeRow[]; delta: number },
  { width }: { width: number },
): HTMLElement {
  const names = NORM_METHODS.map((m) => METHOD_NAMES[m]);
  const palette = [colors.red, colors.blue, colors.green, colors.purple];
  const lines = rows.filter((r) => r.source === "Float64");
  const measured = rows.filter((r) => r.source === "TensorFlow.js");
  const top = Math.max(0.1, ...rows.map((r) => r.rms)) * 1.1;
  const dash = { batch: null, layer: null, instance: "6,4", group: "2,3" };
  const chart = Plot.plot({
    width: chartWidth(width),
    height: 280,
    marginLeft: 50,
    x: {
      label: "change δ made to examples 2 and 3",
      domain: [0, Math.max(...lines.map((r) => r.delta))],
    },
    y: { label: "RMS change of example 1's output", grid: true, domain: [0, top] },
    color: { legend: true, domain: names, range: palette },
    marks: [
      Plot.ruleX([delta], { stroke: colors.muted, strokeDasharray: "3,3" }),
      ...NORM_METHODS.map((method) =>
        Plot.lineY(lines.filter((r) => r.method === method), {
          x: "delta",
          y: "rms",
          stroke: () => METHOD_NAMES[method],
          strokeWidth: method === "batch" ? 2 : 2.5,
          strokeDasharray: dash[method] ?? undefined,
        })
      ),
      Plot.dot(measured, {
        x: "delta",
        y: "rms",
        r: 5,
        stroke: (d: ChangeRow) => METHOD_NAMES[d.method],
        fill: "var(--theme-background)",
        strokeWidth: 2,
      }),
    ],
  });
  const at = (method: NormMethod) => measured.find((r) => r.method === method);
  const batch = at("batch");
  const others = NORM_METHODS.filter((m) => m !== "batch").map((m) => at(m)?.rms);
  const description = batch
    ? `At δ = ${delta}, TensorFlow.js measures example 1's output moving by ${
      fmt(batch.rms)
    } (RMS) under batch norm and by ${
      others.every((v) => v === 0) ? "exactly 0" : others.map((v) => fmt(v ?? NaN)).join(", ")
    } under layer, instance and group norm; the lines are the Float64 reference for every δ.`
    : `The Float64 reference for every δ: batch norm's line rises with δ, the other three stay at 0; TensorFlow.js's measurement at δ = ${delta} is on its way.`;
  return chartFigure({
    name: "example-change",
    title: "Example 1's output when the other examples change",
    description,
    chart,
    live: true,
    columns: [
      textColumn("method", (d: ChangeRow) => METHOD_NAMES[d.method]),
      numberColumn("δ", (d: ChangeRow) => d.delta),
      numberColumn("RMS change", (d: ChangeRow) => d.rms),
      textColumn("computed by", (d: ChangeRow) => d.source),
    ],
    rows,
  });
}
