/**
 * The initialisation page's data, shaped for its charts: rows of the per-layer chart from the
 * loader's series, from a live snapshot and from the closed forms, and the one-sentence
 * descriptions computed from the same rows. Pure functions (no DOM), tested in Deno.
 */
import type { LayerRow } from "./depthCharts.js";
import { superscript } from "./math.js";
import { sigText } from "./depthFormat.js";

export interface Columns {
  mean: number[];
  se: number[];
  p10: number[];
  p90: number[];
}

/** One series of src/loaders/initialisation.json.ts. */
export interface LoaderSeries {
  scheme: string;
  activation: string;
  width: number;
  networks: number;
  batch: number;
  theory: { pre: number[]; grad: number[]; inputGrad: number[]; slope: number[] };
  pre: Columns;
  grad: Columns;
  slope: number[];
  inputGrad?: Columns;
  bound?: number[];
}

const SCHEME_LABELS: Record<string, string> = {
  pytorch: "PyTorch default",
  xavier: "Xavier (σ = 1)",
  he: "He (σ = √2)",
  "sigma-1.5": "σ = 1.5",
};

export const schemeLabel = (scheme: string) => SCHEME_LABELS[scheme] ?? scheme;

/** Theory line and Monte Carlo dots (mean, with the 10th–90th percentile band) per layer. */
export function loaderRows(
  series: readonly LoaderSeries[],
  quantity: "pre" | "grad" | "inputGrad",
  label: (s: LoaderSeries) => string,
  transform: (v: number) => number = (v) => v,
): LayerRow[] {
  return series.flatMap((s) => {
    const mc = s[quantity];
    const theory = s.theory[quantity];
    if (!mc) return [];
    // Forward and input-gradient columns start at layer 1; the backward one at layer 0.
    const x0 = quantity === "grad" ? 0 : 1;
    return [
      ...theory.map((y, i) => ({
        series: label(s),
        kind: "theory" as const,
        x: x0 + i,
        y: transform(y),
      })),
      ...mc.mean.map((y, i) => ({
        series: label(s),
        kind: "measured" as const,
        x: x0 + i,
        y: transform(y),
        lo: transform(mc.p10[i]),
        hi: transform(mc.p90[i]),
      })),
    ];
  });
}

/** The bound √mean(∏γ‖W‖)² per depth, as dashed rows. */
export function boundRows(
  series: readonly LoaderSeries[],
  label: (s: LoaderSeries) => string,
): LayerRow[] {
  return series.flatMap((s) =>
    (s.bound ?? []).map((y, i) => ({ series: label(s), kind: "bound" as const, x: i + 1, y }))
  );
}

/** ∏_{k≤ℓ} √(mean φ'(a_k)²): the typical size of the product of slopes along depth. */
export function slopeProductRows(
  series: readonly LoaderSeries[],
  label: (s: LoaderSeries) => string,
): LayerRow[] {
  return series.flatMap((s) => {
    let measured = 1, theory = 1;
    return s.slope.flatMap((m, i) => {
      measured *= Math.sqrt(m);
      theory *= Math.sqrt(s.theory.slope[i]);
      return [
        { series: label(s), kind: "measured" as const, x: i + 1, y: measured },
        { series: label(s), kind: "theory" as const, x: i + 1, y: theory },
      ];
    });
  });
}

/** The sigmoid's ceiling (1/4)^ℓ, as a bound row set. */
export function quarterPowerRows(depth: number, name: string): LayerRow[] {
  return Array.from({ length: depth }, (_, i) => ({
    series: name,
    kind: "bound" as const,
    x: i + 1,
    y: 0.25 ** (i + 1),
  }));
}

const fmt = (v: number) => sigText(v, 2);

/** "from 3.1 × 10⁻²⁴ (PyTorch default) to 2.0 (He)" at the last x of each series' theory. */
export function spanAtEnd(rows: readonly LayerRow[], kind: LayerRow["kind"] = "theory"): string {
  const lastX = Math.max(...rows.filter((d) => d.kind === kind).map((d) => d.x));
  const atEnd = rows.filter((d) => d.kind === kind && d.x === lastX)
    .sort((a, b) => a.y - b.y);
  if (atEnd.length === 0) return "";
  const lo = atEnd[0], hi = atEnd[atEnd.length - 1];
  return atEnd.length === 1
    ? `${fmt(lo.y)} (${lo.series}) at ${lastX}`
    : `from ${fmt(lo.y)} (${lo.series}) to ${fmt(hi.y)} (${hi.series}) at ${lastX}`;
}

/** Live rows: measured values by layer (undefined until computed) against theory. */
export function liveRows(
  name: string,
  measured: readonly (number | undefined)[],
  theory: readonly number[],
  x0: number,
  transform: (v: number) => number = (v) => v,
): LayerRow[] {
  return [
    ...theory.map((y, i) => ({
      series: name,
      kind: "theory" as const,
      x: x0 + i,
      y: transform(y),
    })),
    ...measured.flatMap((y, i) =>
      y === undefined
        ? []
        : [{ series: name, kind: "measured" as const, x: x0 + i, y: transform(y) }]
    ),
  ];
}

/** The largest factor max(m/t, t/m) between measured and theory over the layers measured so far. */
export function worstRatio(measured: readonly (number | undefined)[], theory: readonly number[]) {
  let factor = 1, at = -1;
  measured.forEach((y, i) => {
    if (y === undefined || !(y > 0)) return;
    const f = Math.max(y / theory[i], theory[i] / y);
    if (f > factor) [factor, at] = [f, i];
  });
  return { factor, at };
}

/** p90/p10 of a Monte Carlo column at index i: how far apart typical networks are. */
export function bandRatio(columns: Columns, i: number): number {
  return columns.p90[i] / columns.p10[i];
}

/** Whole-number ticks from the rows' x range, at most about `max` of them. */
export function integerTicks(xs: readonly number[], max = 10): number[] {
  if (xs.length === 0) return [];
  const lo = Math.min(...xs), hi = Math.max(...xs);
  const raw = Math.max(1, (hi - lo) / max);
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => s >= raw) ?? Math.ceil(raw);
  const ticks: number[] = [];
  for (let x = Math.ceil(lo / step) * step; x <= hi; x += step) ticks.push(x);
  return ticks;
}

/** "10⁻¹²"-style labels for powers of ten, plain numbers otherwise. */
export function powerLabel(v: number): string {
  const e = Math.log10(v);
  if (Math.abs(e - Math.round(e)) > 1e-9) return String(Number(v.toPrecision(3)));
  const r = Math.round(e);
  if (r >= 0 && r <= 3) return String(10 ** r);
  return `10${superscript(r)}`;
}

/** Bins `values` into `bins` equal bins on [lo, hi]; values outside go to the end bins. */
export function histogram(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
): { x: number; binWidth: number; share: number }[] {
  const counts = new Array<number>(bins).fill(0);
  const w = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor((values[i] - lo) / w);
    counts[Math.max(0, Math.min(bins - 1, k))]++;
  }
  const total = Math.max(1, values.length);
  return counts.map((c, k) => ({ x: lo + (k + 0.5) * w, binWidth: w, share: c / total }));
}
