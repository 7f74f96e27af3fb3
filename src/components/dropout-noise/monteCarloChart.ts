import * as Plot from "@observablehq/plot";
import type { Checkpoint } from "../../compute/monteCarlo.js";
import { agreementText } from "./monteCarloAgreement.js";
import { significant } from "../math.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { horizontalReference } from "../referenceMarks.js";
import { logAxis } from "../logTicks.js";

export interface MonteCarloChartData {
  /** The figure's data-chart name (one per experiment on a page). */
  name: string;
  title: string;
  /** What is being averaged, for the description ("‖y − (R∘X)w‖² over plain masks"). */
  what: string;
  checkpoints: readonly Checkpoint[];
  /** The exact right side of the identity. */
  exact: number;
  samples: number;
  done: boolean;
}

interface Row extends Checkpoint {
  low: number;
  high: number;
}

/**
 * The running Monte-Carlo mean against the number of draws (log scale) with a band of two
 * standard errors either side, converging on the dashed line of the exact right side.
 */
export function monteCarloChart(
  data: MonteCarloChartData,
  { width, height = 280 }: { width: number; height?: number },
): HTMLElement {
  const rows: Row[] = data.checkpoints.map((c) => ({
    ...c,
    low: c.mean - 2 * c.standardError,
    high: c.mean + 2 * c.standardError,
  }));
  const banded = rows.filter((r) => Number.isFinite(r.standardError));
  // The first few draws can land far away; the y range follows the run from 20 draws on, so the
  // convergence stays readable (earlier points are clipped at the frame).
  const settled = banded.filter((r) => r.count >= 20);
  const spread = settled.length
    ? Math.max(
      ...settled.map((r) => Math.max(Math.abs(r.low - data.exact), Math.abs(r.high - data.exact))),
    )
    : Math.abs(data.exact) * 0.5;
  const pad = Math.max(spread, Math.abs(data.exact) * 0.01, 1e-9) * 1.1;
  const last = rows.at(-1);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 60,
    x: {
      ...logAxis("draws", [1, Math.max(10, data.samples)]),
      domain: [1, Math.max(10, data.samples)],
    },
    y: { label: "mean loss", domain: [data.exact - pad, data.exact + pad], grid: true },
    marks: [
      Plot.areaY(banded, {
        x: "count",
        y1: "low",
        y2: "high",
        fill: colors.blue,
        fillOpacity: 0.2,
        clip: true,
      }),
      Plot.line(rows, { x: "count", y: "mean", stroke: colors.blue, strokeWidth: 1.5, clip: true }),
      ...horizontalReference(data.exact, "exact", { color: colors.red }),
    ],
  });
  const description = last
    ? `The running mean of ${data.what} after each number of draws, on a log axis, with a band of two standard errors either side; ${
      agreementText(last, data.exact)
    }${last.count < data.samples ? ` (of ${data.samples})` : ""}.`
    : `The running mean of ${data.what} will be drawn here, against the exact value ${
      significant(data.exact, 5)
    }.`;
  const figure = chartFigure({
    name: data.name,
    title: data.title,
    description,
    chart,
    live: true,
    columns: [
      numberColumn("draws", (d: Row) => d.count),
      numberColumn("running mean", (d: Row) => d.mean),
      numberColumn("standard error", (d: Row) => d.standardError),
      numberColumn("exact", () => data.exact),
    ],
    rows,
  });
  figure.dataset.steps = String(last?.count ?? 0);
  figure.dataset.done = String(data.done);
  return figure;
}
