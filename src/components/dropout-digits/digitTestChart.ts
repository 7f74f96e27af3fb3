import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import { RUN_COLORS } from "./digitAccuracyChart.js";

export type BlockFill = "noise" | "honest" | "blank";

/** One seed's test accuracy with the cheating block filled one way. */
export interface TestPoint {
  run: keyof typeof RUN_COLORS;
  fill: BlockFill;
  seed: number;
  accuracy: number;
}

export const FILL_LABELS: Record<BlockFill, string> = {
  honest: "block names the label",
  blank: "block blank",
  noise: "block is noise (clean test)",
};

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/**
 * Test accuracy of every seed's network, with the block honest, blank and noise: a dot per seed
 * and a tick at the mean, the two runs side by side on each row.
 */
export function digitTestChart(
  { points }: { points: TestPoint[] },
  { width, height = 240 }: { width: number; height?: number },
): HTMLElement {
  const order = (Object.keys(FILL_LABELS) as BlockFill[]).map((f) => FILL_LABELS[f]);
  const runs = Object.keys(RUN_COLORS) as (keyof typeof RUN_COLORS)[];
  const means = runs.flatMap((run) =>
    (Object.keys(FILL_LABELS) as BlockFill[]).map((fill) => {
      const of = points.filter((p) => p.run === run && p.fill === fill);
      return { run, fill, accuracy: of.reduce((s, p) => s + p.accuracy, 0) / of.length };
    })
  ).filter((m) => Number.isFinite(m.accuracy));
  const label = (d: { fill: BlockFill }) => FILL_LABELS[d.fill];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    // Wide enough for half of the first and last tick labels ("50 %", "100 %"), which are
    // centred on the frame's edges.
    marginLeft: 24,
    marginRight: 28,
    marginTop: 20,
    x: {
      label: "test accuracy",
      domain: [0.5, 1],
      grid: true,
      tickFormat: (v: number) => `${Math.round(100 * v)} %`,
    },
    y: { domain: runs, axis: null, padding: 0.2 },
    fy: { domain: order, axis: null, padding: 0.35 },
    color: { legend: true, domain: runs, range: runs.map((r) => RUN_COLORS[r]) },
    marks: [
      Plot.frame({ stroke: colors.muted, strokeOpacity: 0.3 }),
      Plot.text(order, {
        fy: (d: string) => d,
        frameAnchor: "top-left",
        text: (d: string) => d,
        dy: -14,
        fill: colors.ink,
      }),
      Plot.tickX(means, { x: "accuracy", y: "run", fy: label, stroke: "run", strokeWidth: 2 }),
      Plot.dot(points, {
        x: "accuracy",
        y: "run",
        fy: label,
        stroke: "run",
        r: 3,
        tip: true,
        title: (p: TestPoint) =>
          `${p.run}, seed ${p.seed}\n${FILL_LABELS[p.fill]}: ${pct(p.accuracy)}`,
      }),
    ],
  });
  const mean = (run: string, fill: BlockFill) =>
    means.find((m) => m.run === run && m.fill === fill)?.accuracy ?? NaN;
  const seeds = new Set(points.map((p) => p.seed)).size;
  return chartFigure({
    name: "digit-test",
    title: "Test accuracy by what the cheating block says",
    description:
      `Test accuracy of ${seeds} seeds' networks (dots, mean as a tick): with the block naming the label ${
        pct(mean("without dropout", "honest"))
      } without dropout and ${pct(mean("with dropout", "honest"))} with it; blank ${
        pct(mean("without dropout", "blank"))
      } and ${pct(mean("with dropout", "blank"))}; noise ${
        pct(mean("without dropout", "noise"))
      } and ${pct(mean("with dropout", "noise"))}.`,
    chart,
    columns: [
      textColumn("run", (p: TestPoint) => p.run),
      textColumn("cheating block", (p: TestPoint) => FILL_LABELS[p.fill]),
      numberColumn("seed", (p: TestPoint) => p.seed),
      numberColumn("test accuracy", (p: TestPoint) => p.accuracy),
    ],
    rows: points,
  });
}
