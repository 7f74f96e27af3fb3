/**
 * The centred batch norm's gradient, live: one batch's ∂L/∂x against γ∂L/∂y (tfjs autodiff as
 * dots, the closed form as a line), and the share of ‖γ∂L/∂y‖² that survives against the batch
 * size (tfjs Monte Carlo with ±2 standard errors, and (n − 1)/n).
 */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { sciText } from "../math.js";
import { numberColumn } from "../csv.js";
import type { SurvivingRow } from "../../compute/normalisation/survivingStream.js";
import { MAX_BATCH } from "../../compute/normalisation/centredGradient.js";

const short = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : "–");

export function survivingChart(
  { rows, batch, done }: { rows: SurvivingRow[]; batch: number; done: boolean },
  { width }: { width: number },
): HTMLElement {
  const theory = Array.from({ length: MAX_BATCH }, (_, i) => ({ n: i + 1, share: i / (i + 1) }));
  const current = rows.find((r) => r.n === batch);
  const band = (r: SurvivingRow) => (Number.isFinite(r.standardError) ? 2 * r.standardError : 0);
  const theoryLabel = "theory (n − 1)/n";
  const measuredLabel = "tfjs autodiff, mean ± 2 s.e.";
  const chart = Plot.plot({
    width: chartWidth(width),
    height: 300,
    marginLeft: 50,
    x: { type: "log", label: "batch size n", domain: [1, MAX_BATCH] },
    y: { label: "share of ‖γ∂L/∂y‖² that reaches x", grid: true, domain: [0, 1.05] },
    color: {
      legend: true,
      domain: [theoryLabel, measuredLabel],
      range: [colors.ink, colors.orange],
    },
    marks: [
      Plot.ruleX([batch], { stroke: colors.muted, strokeDasharray: "3,3" }),
      Plot.lineY(theory, { x: "n", y: "share", stroke: () => theoryLabel, strokeWidth: 1.5 }),
      Plot.ruleX(rows, {
        x: "n",
        y1: (r: SurvivingRow) => r.mean - band(r),
        y2: (r: SurvivingRow) => r.mean + band(r),
        stroke: () => measuredLabel,
        strokeWidth: 2,
      }),
      Plot.dot(rows, {
        x: "n",
        y: "mean",
        r: (r: SurvivingRow) => (r.n === batch ? 6 : 3.5),
        fill: () => measuredLabel,
      }),
    ],
  });
  const worst = Math.max(
    0,
    ...rows.filter((r) => r.standardError > 0).map((r) =>
      Math.abs(r.mean - r.theory) / r.standardError
    ),
  );
  const description = current
    ? `At n = ${batch}, ${current.draws} batches through tfjs autodiff keep ${
      short(current.mean)
    } ± ${short(2 * current.standardError || 0)} of ‖γ∂L/∂y‖², against (n − 1)/n = ${
      short(current.theory)
    }; over the ${rows.length} sizes measured ${done ? "" : "so far "}the largest gap is ${
      worst.toFixed(1)
    } standard errors.`
    : `The theory (n − 1)/n for n from 1 to ${MAX_BATCH}; the measurement at n = ${batch} is on its way.`;
  return chartFigure({
    name: "surviving-gradient",
    title: "How much of the gradient survives the centring, against the batch size",
    description,
    chart,
    live: true,
    columns: [
      numberColumn("n", (r: SurvivingRow) => r.n),
      numberColumn("batches", (r: SurvivingRow) => r.draws),
      numberColumn("mean share", (r: SurvivingRow) => r.mean),
      numberColumn("standard error", (r: SurvivingRow) => r.standardError),
      numberColumn("(n − 1)/n", (r: SurvivingRow) => r.theory),
    ],
    rows,
  });
}

interface BatchPoint {
  example: number;
  upstream: number;
  tfjs: number;
  closed: number;
}

export function oneBatchChart(
  { dy, dx, gamma }: { dy: number[]; dx: number[]; gamma: number },
  { width }: { width: number },
): HTMLElement {
  const n = dy.length;
  const mean = dy.reduce((s, v) => s + v, 0) / n;
  const rows: BatchPoint[] = dy.map((v, i) => ({
    example: i + 1,
    upstream: gamma * v,
    tfjs: dx[i],
    closed: gamma * (v - mean),
  }));
  const xs = rows.map((r) => r.upstream);
  const lo = Math.min(-0.5, ...xs, ...dx);
  const hi = Math.max(0.5, ...xs, ...dx);
  const shift = gamma * mean;
  const gap = Math.max(...rows.map((r) => Math.abs(r.tfjs - r.closed)));
  const lineLabel = "closed form: y = x − γ·mean(∂L/∂y)";
  const identity = "y = x (nothing removed)";
  const dots = "tfjs autodiff, one dot per example";
  const chart = Plot.plot({
    width: chartWidth(width, 520),
    height: Math.min(360, chartWidth(width, 520)),
    marginLeft: 50,
    x: { label: "γ·∂L/∂yᵢ", domain: [lo, hi] },
    y: { label: "∂L/∂xᵢ", grid: true, domain: [lo, hi] },
    color: {
      legend: true,
      domain: [dots, lineLabel, identity],
      range: [colors.blue, colors.red, colors.muted],
    },
    marks: [
      Plot.line([[lo, lo], [hi, hi]], { stroke: () => identity, strokeDasharray: "4,4" }),
      Plot.line([[lo, lo - shift], [hi, hi - shift]], {
        stroke: () => lineLabel,
        strokeWidth: 1.5,
      }),
      Plot.dot(rows, { x: "upstream", y: "tfjs", r: 3.5, fill: () => dots }),
    ],
  });
  return chartFigure({
    name: "one-batch",
    title: `One batch of ${n}: the gradient that reaches x against the one that arrives`,
    description: `All ${n} dots sit on a line of slope 1 moved down by γ·mean(∂L/∂y) = ${
      short(shift)
    }; tfjs's ∂L/∂x differs from the closed form by at most ${sciText(gap, 2)}.`,
    chart,
    live: true,
    columns: [
      numberColumn("example i", (r: BatchPoint) => r.example),
      numberColumn("γ·∂L/∂yᵢ", (r: BatchPoint) => r.upstream),
      numberColumn("∂L/∂xᵢ (tfjs)", (r: BatchPoint) => r.tfjs),
      numberColumn("∂L/∂xᵢ (closed form)", (r: BatchPoint) => r.closed),
    ],
    rows,
  });
}
