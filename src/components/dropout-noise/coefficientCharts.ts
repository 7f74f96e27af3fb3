/**
 * The dropout page's closed-form charts: the fitted coefficients at one keep probability, the
 * dropout and ridge coefficient paths, and the column norms before and after X̃ = XΓ⁻¹.
 */
import * as Plot from "@observablehq/plot";
import type { PathPoint } from "../../compute/tikhonov.js";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";
import { significant } from "../math.js";

/** One colour per feature (d ≤ 7), from the ordered scale. */
function featureColors(d: number): { domain: string[]; range: string[] } {
  const domain = Array.from({ length: d }, (_, j) => featureLabel(j + 1));
  const step = d > 1 ? (colors.sequence.length - 1) / (d - 1) : 0;
  return { domain, range: domain.map((_, j) => colors.sequence[Math.round(j * step)]) };
}

export function featureLabel(feature: number): string {
  return `x${String(feature).replace(/\d/g, (c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)])}`;
}

export interface CoefficientRow {
  feature: number;
  method: string;
  value: number;
}

export const METHODS = {
  teacher: "teacher w*",
  leastSquares: "least squares",
  dropout: "dropout p·w̌",
  ridge: "ridge, matched λ",
} as const;

/** The coefficients of each fit at the current keep probability, feature by feature. */
export function coefficientsChart(
  { rows, p, lambdaRidge }: { rows: CoefficientRow[]; p: number; lambdaRidge: number },
  { width, height }: { width: number; height?: number },
): HTMLElement {
  const features = [...new Set(rows.map((r) => r.feature))];
  const methods: string[] = Object.values(METHODS);
  // Features top to bottom, the fits side by side within each feature's row.
  const position = (d: CoefficientRow) => d.feature + (methods.indexOf(d.method) - 1.5) * 0.17;
  const chart = Plot.plot({
    width: chartWidth(width),
    height: height ?? 70 + 36 * features.length,
    marginLeft: 40,
    // Inset and nice: the extreme dots (radius 4.5) stay clear of the feature labels on the left.
    x: { label: "coefficient", grid: true, nice: true, inset: 12 },
    y: {
      label: null,
      domain: [features.length + 0.5, 0.5],
      ticks: features,
      tickFormat: featureLabel,
    },
    // One legend: Plot draws each symbol in its colour when both follow the same channel.
    color: { domain: methods, range: [colors.ink, colors.green, colors.blue, colors.orange] },
    symbol: { legend: true, domain: methods },
    marks: [
      Plot.ruleX([0], { stroke: colors.muted }),
      Plot.dot(rows, {
        x: "value",
        y: position,
        fill: "method",
        symbol: "method",
        r: 4.5,
        tip: true,
        title: (d: CoefficientRow) =>
          `${featureLabel(d.feature)}, ${d.method}: ${d.value.toFixed(4)}`,
      }),
    ],
  });
  const dropoutRows = rows.filter((r) => r.method === METHODS.dropout);
  const lsRows = rows.filter((r) => r.method === METHODS.leastSquares);
  const norm = (rs: CoefficientRow[]) => Math.hypot(...rs.map((r) => r.value));
  return chartFigure({
    name: "coefficients",
    title: `Fitted coefficients at keep probability p = ${p}`,
    description:
      `For each of the ${features.length} features, the teacher's coefficient, the least-squares fit, the dropout fit p·w̌ and ridge with λ = ${
        significant(lambdaRidge, 3)
      }: the dropout coefficients have norm ${significant(norm(dropoutRows), 3)} against ${
        significant(norm(lsRows), 3)
      } for least squares.`,
    chart,
    columns: [
      textColumn("feature", (d: CoefficientRow) => featureLabel(d.feature)),
      textColumn("fit", (d: CoefficientRow) => d.method),
      numberColumn("coefficient", (d: CoefficientRow) => d.value),
    ],
    rows,
  });
}

export interface PathChartData {
  rows: readonly PathPoint[];
  which: "dropout" | "ridge";
  /** Where the dashed marker starts; `figure.moveMarker(p)` moves it without a redraw. */
  p: number;
  d: number;
  /** Shared y domain so the two paths can be compared side by side. */
  yDomain: [number, number];
}

/**
 * One fit's coefficient path against the keep probability, with the current p marked. The paths
 * depend on the problem only, so the page draws them once and moves the marker with
 * `figure.moveMarker(p)`, which sets two attributes instead of redrawing the chart.
 */
export function pathChart(
  { rows, which, p, d, yDomain }: PathChartData,
  { width, height = 280 }: { width: number; height?: number },
): HTMLElement & { moveMarker(p: number): void } {
  const value = (r: PathPoint) => r[which];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "keep probability p", domain: [0, 1], grid: true },
    y: { label: which === "dropout" ? "p·w̌ⱼ" : "ridge wⱼ", domain: yDomain, grid: true },
    color: { legend: true, ...featureColors(d) },
    marks: [
      Plot.ruleY([0], { stroke: colors.muted }),
      Plot.ruleX([p], { stroke: colors.red, strokeDasharray: "4 3", className: "p-marker" }),
      Plot.line(rows, {
        x: "p",
        y: value,
        stroke: (r: PathPoint) => featureLabel(r.feature),
        strokeWidth: 1.75,
      }),
    ],
  });
  const at1 = rows.filter((r) => r.p === 1);
  const first = rows[0]?.p ?? 0;
  const atFirst = rows.filter((r) => r.p === first);
  const size = (rs: PathPoint[]) => Math.hypot(...rs.map(value));
  const title = which === "dropout"
    ? "Dropout path: p·w̌ against p"
    : "Ridge path: w against p (matched λ)";
  const figure = chartFigure({
    name: `${which}-path`,
    title,
    description: `The ${d} coefficients of the ${
      which === "dropout"
        ? "dropout fit p·w̌"
        : "ridge fit whose λ matches dropout's average penalty"
    } as the keep probability runs from ${
      first.toFixed(2)
    } to 1 (the dashed line marks the chosen p); their norm grows from ${
      significant(size(atFirst), 3)
    } to the least-squares ${significant(size(at1), 3)}.`,
    chart,
    columns: [
      numberColumn("keep probability p", (r: PathPoint) => r.p),
      textColumn("feature", (r: PathPoint) => featureLabel(r.feature)),
      numberColumn("coefficient", value),
    ],
    rows,
  });
  const x = chart.scale("x")!;
  return Object.assign(figure, {
    moveMarker(p: number) {
      const at = String(x.apply(p));
      for (const line of chart.querySelectorAll(".p-marker line")) {
        line.setAttribute("x1", at);
        line.setAttribute("x2", at);
      }
    },
  });
}

export interface NormRow {
  feature: number;
  matrix: string;
  norm: number;
}

/** Column norms of X and of X̃ = XΓ⁻¹ (all 1), on a log axis. */
export function columnNormsChart(
  { rows }: { rows: NormRow[] },
  { width, height = 260 }: { width: number; height?: number },
): HTMLElement {
  const matrices = [...new Set(rows.map((r) => r.matrix))];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: {
      label: null,
      domain: [...new Set(rows.map((r) => featureLabel(r.feature)))],
      padding: 0.3,
    },
    y: logAxis("column norm", rows.map((r) => r.norm)),
    color: {
      domain: matrices,
      range: [colors.purple, colors.green].slice(0, matrices.length),
    },
    symbol: { legend: true, domain: matrices },
    marks: [
      Plot.dot(rows, {
        x: (r: NormRow) => featureLabel(r.feature),
        y: "norm",
        fill: "matrix",
        symbol: "matrix",
        r: 5,
        tip: true,
        title: (r: NormRow) => `${featureLabel(r.feature)}, ${r.matrix}: ${significant(r.norm, 4)}`,
      }),
    ],
  });
  const before = rows.filter((r) => r.matrix === matrices[0]).map((r) => r.norm);
  const spread = Math.max(...before) / Math.min(...before);
  return chartFigure({
    name: "column-norms",
    title: "Column norms before and after the change of variables",
    description: `The columns of X have norms from ${significant(Math.min(...before), 3)} to ${
      significant(Math.max(...before), 3)
    } (a factor ${significant(spread, 3)}); every column of X̃ = XΓ⁻¹ has norm 1.`,
    chart,
    columns: [
      textColumn("feature", (r: NormRow) => featureLabel(r.feature)),
      textColumn("matrix", (r: NormRow) => r.matrix),
      numberColumn("column norm", (r: NormRow) => r.norm),
    ],
    rows,
  });
}
