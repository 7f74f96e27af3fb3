/** Charts for dropout and the activation: the live difference of the two orders, and the 1-D case. */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";

export interface UnitRow {
  unit: number;
  z: number;
  kept: boolean;
  difference: number;
}

const activationNames: Record<string, string> = {
  relu: "ReLU",
  "leaky-relu": "leaky ReLU",
  sigmoid: "sigmoid",
};

export function activationName(name: string): string {
  return activationNames[name] ?? name;
}

/** Each unit's difference between the two orders against its pre-activation z. */
export function orderDifferenceChart(
  { rows, activation, rate }: { rows: UnitRow[]; activation: string; rate: number },
  { width, height = 280 }: { width: number; height?: number },
): HTMLElement {
  const maxAbs = Math.max(0, ...rows.map((r) => Math.abs(r.difference)));
  const nonZero = rows.filter((r) => r.difference !== 0).length;
  const name = activationName(activation);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 55,
    x: { label: "pre-activation z", grid: true },
    y: {
      label: "dropout first − σ first",
      grid: true,
      domain: maxAbs > 0 ? undefined : [-1, 1],
      nice: true,
    },
    color: { domain: ["kept", "dropped"], range: [colors.blue, colors.orange] },
    symbol: { legend: true, domain: ["kept", "dropped"] },
    marks: [
      Plot.ruleY([0], { stroke: colors.muted }),
      Plot.dot(rows, {
        x: "z",
        y: "difference",
        stroke: (r: UnitRow) => (r.kept ? "kept" : "dropped"),
        symbol: (r: UnitRow) => (r.kept ? "kept" : "dropped"),
        r: 2.5,
      }),
    ],
  });
  return chartFigure({
    name: "order-difference",
    title: `Both orders with one shared mask: ${name}`,
    description: nonZero === 0
      ? `For all ${rows.length} units at drop rate ${rate}, linear → dropout → ${name} and linear → ${name} → dropout give identical outputs: every difference is exactly 0.`
      : `At drop rate ${rate}, the two orders differ on ${nonZero} of ${rows.length} units, by up to ${
        maxAbs.toPrecision(3)
      }; dropped units differ by σ(0) = 0.5 and kept units by σ(z/q) − σ(z)/q.`,
    chart,
    live: true,
    columns: [
      numberColumn("unit", (r: UnitRow) => r.unit),
      numberColumn("pre-activation z", (r: UnitRow) => r.z),
      textColumn("mask", (r: UnitRow) => (r.kept ? "kept" : "dropped")),
      numberColumn("difference", (r: UnitRow) => r.difference, 8),
    ],
    rows,
  });
}

export interface CounterexampleRow {
  x: number;
  activationFirst: number;
  dropoutFirst: number;
}

/** σ(ax)/q (dropout after σ) against σ(ax/q) (dropout before σ) for one kept unit. */
export function counterexampleChart(
  { rows, a, rate }: { rows: CounterexampleRow[]; a: number; rate: number },
  { width, height = 280 }: { width: number; height?: number },
): HTMLElement {
  const q = 1 - rate;
  const qText = Number(q.toFixed(4));
  const labels = {
    after: `σ(ax)/${qText}: dropout after σ`,
    before: `σ(ax/${qText}): dropout before σ`,
  };
  const long = rows.flatMap((r) => [
    { x: r.x, order: labels.after, value: r.activationFirst },
    { x: r.x, order: labels.before, value: r.dropoutFirst },
  ]);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 45,
    x: { label: "input x", grid: true },
    y: { label: "output of the kept unit", domain: [0, Math.max(1.05, 1.05 / q)], grid: true },
    color: {
      legend: true,
      domain: [labels.after, labels.before],
      range: [colors.purple, colors.green],
    },
    marks: [
      Plot.ruleY([1, 1 / q], { stroke: colors.muted, strokeDasharray: "2 3" }),
      Plot.line(long, { x: "x", y: "value", stroke: "order", strokeWidth: 2 }),
    ],
  });
  const gaps = rows.map((r) => r.activationFirst - r.dropoutFirst);
  const largest = Math.max(...gaps);
  const at = rows[gaps.indexOf(largest)];
  return chartFigure({
    name: "sigmoid-counterexample",
    title: `One kept sigmoid unit at drop rate ${rate}, weight a = ${a}`,
    description: `Over x from ${rows[0].x} to ${
      rows.at(-1)!.x
    }, σ(ax)/${qText} lies above σ(ax/${qText}) everywhere; the gap is largest, ${
      largest.toPrecision(3)
    }, at x = ${at.x.toPrecision(3)}, so the two orders are different functions.`,
    chart,
    columns: [
      numberColumn("x", (r: CounterexampleRow) => r.x),
      numberColumn("σ(ax)/q", (r: CounterexampleRow) => r.activationFirst),
      numberColumn("σ(ax/q)", (r: CounterexampleRow) => r.dropoutFirst),
    ],
    rows,
  });
}
