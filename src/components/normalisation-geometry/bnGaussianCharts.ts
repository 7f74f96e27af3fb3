/** Charts for batch norm on 1-D Gaussians: the histogram against the densities, and batch noise. */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import { histogram } from "../depthRows.js";
import { logAxis } from "../logTicks.js";
import { num } from "../math.js";
import {
  normalDensity,
  pooledOutputDensity,
  pooledOutputKurtosis,
} from "../../compute/normalisation-geometry/gaussianBatchNorm.js";

export interface BnHistogramData {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  mean: number;
  variance: number;
  beta: number;
  gamma: number;
  batchSize: number;
  /** Sample mean and variance of the outputs, for the description. */
  outputMean: number;
  outputVariance: number;
}

interface BarRow {
  series: string;
  x: number;
  /** The bin's edges. */
  x1: number;
  x2: number;
  binWidth: number;
  density: number;
}

interface CurveRow {
  series: string;
  x: number;
  density: number;
}

const BINS = 44;

/** A histogram as densities (share / bin width), named `series`. */
function bars(series: string, values: ArrayLike<number>, centre: number, sd: number): BarRow[] {
  return histogram(values, centre - 5 * sd, centre + 5 * sd, BINS).map((b) => ({
    series,
    x: b.x,
    x1: b.x - b.binWidth / 2,
    x2: b.x + b.binWidth / 2,
    binWidth: b.binWidth,
    density: b.share / b.binWidth,
  }));
}

/** A density curve on `points` values spread over [lo, hi]. */
function curve(series: string, lo: number, hi: number, f: (x: number) => number): CurveRow[] {
  const points = 121;
  return Array.from({ length: points }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (points - 1);
    return { series, x, density: f(x) };
  });
}

/**
 * Inputs and batch-normalised outputs as histograms, with the input density N(μ, σ²), the
 * large-batch output N(β, γ²) and, for a finite batch, the exact density of the pooled outputs.
 */
export function bnHistogramChart(
  data: BnHistogramData,
  { width, height = 300 }: { width: number; height?: number },
): HTMLElement {
  const { mean, variance, beta, gamma, batchSize: m } = data;
  const sd = Math.sqrt(variance);
  const names = {
    input: `inputs, N(${round(mean)}, ${round(variance)})`,
    output: "outputs of batch norm",
    limit: `N(β, γ²) = N(${round(beta)}, ${round(gamma * gamma)})`,
    exact: `exact law at m = ${m}`,
  };
  const lo = Math.min(mean - 4 * sd, beta - 4 * gamma);
  const hi = Math.max(mean + 4 * sd, beta + 4 * gamma);
  // The inputs are drawn as their density only: their histogram would add nothing but work.
  const barRows = bars(names.output, data.y, beta, gamma);
  const edge = gamma * Math.sqrt(m - 1);
  const curves = [
    ...curve(names.input, mean - 4 * sd, mean + 4 * sd, (x) => normalDensity(x, mean, variance)),
    ...curve(
      names.limit,
      beta - 4 * gamma,
      beta + 4 * gamma,
      (x) => normalDensity(x, beta, gamma * gamma),
    ),
    // The exact law at m = 3 has infinite spikes at its edges: it is cut a little inside them.
    ...(m >= 3
      ? curve(
        names.exact,
        Math.max(beta - 4 * gamma, beta - 0.995 * edge),
        Math.min(beta + 4 * gamma, beta + 0.995 * edge),
        (x) => pooledOutputDensity((x - beta) / gamma, m) / gamma,
      )
      : []),
  ];
  const peak = Math.max(...barRows.map((r) => r.density), 1 / Math.sqrt(2 * Math.PI * variance));
  const domain = [
    0,
    Math.min(peak, 2.5 / Math.sqrt(2 * Math.PI * Math.min(variance, gamma * gamma))) * 1.08,
  ];
  const series = [names.input, names.output, names.limit, ...(m >= 3 ? [names.exact] : [])];
  const palette = [colors.orange, colors.blue, colors.red, colors.green];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "value", domain: [lo, hi], grid: true },
    y: { label: "density", domain, grid: true },
    color: { legend: true, domain: series, range: palette.slice(0, series.length) },
    marks: [
      Plot.rectY(barRows, {
        x1: "x1",
        x2: "x2",
        y: "density",
        fill: "series",
        fillOpacity: 0.35,
        clip: true,
      }),
      Plot.line(curves.filter((d) => d.series !== names.exact), {
        x: "x",
        y: "density",
        z: "series",
        stroke: "series",
        strokeWidth: 2,
        clip: true,
      }),
      Plot.line(curves.filter((d) => d.series === names.exact), {
        x: "x",
        y: "density",
        stroke: "series",
        strokeWidth: 2,
        strokeDasharray: "6,4",
        clip: true,
      }),
      Plot.ruleX([beta], { stroke: colors.red, strokeDasharray: "2,3" }),
      Plot.text([beta], {
        x: (d: number) => d,
        text: () => "β",
        frameAnchor: "top",
        dy: 4,
        dx: 8,
        fill: colors.red,
      }),
      Plot.ruleY([0]),
    ],
  });
  const description = `${data.x.length} values of N(${round(mean)}, ${
    round(variance)
  }), normalised in batches of ${m} with β = ${round(beta)} and γ = ${
    round(gamma)
  }, come out with mean ${num(data.outputMean, 3)} and variance ${
    num(data.outputVariance, 3)
  }: the histogram of the outputs sits on N(${round(beta)}, ${round(gamma * gamma)})${
    m === 2
      ? `, but a batch of two gives only β − γ and β + γ`
      : m < 30
      ? `, but at this batch size no output lies farther than γ√(m − 1) = ${
        edge.toPrecision(3)
      } from β, and the exact law (dashed) has lighter tails than the normal (fourth moment ${
        num(pooledOutputKurtosis(m), 3)
      } against 3)`
      : ""
  }.`;
  return chartFigure({
    name: "bn-1d",
    title: `Batch norm on N(${round(mean)}, ${round(variance)}) with β = ${round(beta)}, γ = ${
      round(gamma)
    }, batches of ${m}`,
    description,
    chart,
    columns: [
      textColumn("series", (d: BarRow | CurveRow) => d.series),
      textColumn("kind", (d: BarRow | CurveRow) => ("binWidth" in d ? "histogram bin" : "density")),
      numberColumn("value", (d: BarRow | CurveRow) => d.x),
      numberColumn("density", (d: BarRow | CurveRow) => d.density),
    ],
    rows: [...barRows, ...curves],
  });
}

function round(v: number): string {
  return String(Number(v.toPrecision(3)));
}

export interface NoiseCurveRow {
  z: number;
  m: number;
  /** sd(u | z) exact, and by the delta method. */
  exact: number;
  approx: number;
}

export interface NoiseDotRow {
  z: number;
  m: number;
  sd: number;
  /** Two standard errors of the sd either side. */
  low: number;
  high: number;
}

/** The spread of one input's output across batches against the batch size, in units of γ. */
export function batchNoiseChart(
  { curves, dots, m }: { curves: NoiseCurveRow[]; dots: NoiseDotRow[]; m: number },
  { width, height = 300 }: { width: number; height?: number },
): HTMLElement {
  const label = (z: number) => `x = μ${z === 0 ? "" : ` + ${z === 1 ? "" : z}σ`}`;
  const zs = [...new Set(curves.map((d) => d.z))];
  const names = zs.map(label);
  const palette = [colors.blue, colors.orange, colors.purple];
  const all = [...curves.map((d) => d.exact), ...dots.map((d) => d.sd)];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 56,
    x: { ...logAxis("batch size m", [2, 1024]), domain: [2, 1024] },
    y: {
      ...logAxis("spread of the output / γ", all),
      domain: [Math.min(...all) * 0.8, Math.max(...all) * 1.25],
    },
    color: { legend: true, domain: names, range: palette.slice(0, names.length) },
    marks: [
      Plot.ruleX([m], { stroke: colors.muted, strokeDasharray: "2,3" }),
      Plot.line(curves, {
        x: "m",
        y: "exact",
        z: "z",
        stroke: (d: NoiseCurveRow) => label(d.z),
        strokeWidth: 2,
      }),
      Plot.line(curves, {
        x: "m",
        y: "approx",
        z: "z",
        stroke: (d: NoiseCurveRow) => label(d.z),
        strokeDasharray: "5,4",
        strokeOpacity: 0.8,
      }),
      Plot.ruleX(dots, { x: "m", y1: "low", y2: "high", stroke: (d: NoiseDotRow) => label(d.z) }),
      Plot.dot(dots, {
        x: "m",
        y: "sd",
        fill: (d: NoiseDotRow) => label(d.z),
        r: 4,
        stroke: colors.ink,
        strokeWidth: 0.8,
      }),
    ],
  });
  const at = (z: number) => dots.find((d) => d.z === z);
  const middle = at(zs[1] ?? zs[0])!;
  return chartFigure({
    name: "batch-noise",
    title: "One input, many batches: how far its output scatters",
    description:
      `The standard deviation, over batches, of the output that one fixed input gets, divided by γ, against the batch size on log axes: exact curves for inputs at the mean and 1 and 2 standard deviations above it, the dashed approximation √((1 + z²/2)/m) beside them, and Monte-Carlo estimates at m = ${m}, where the input 1 sd above the mean scatters by ${
        middle.sd.toPrecision(3)
      }γ.`,
    chart,
    columns: [
      textColumn("input", (d: NoiseCurveRow | NoiseDotRow) => label(d.z)),
      numberColumn("batch size m", (d: NoiseCurveRow | NoiseDotRow) => d.m),
      textColumn(
        "kind",
        (d: NoiseCurveRow | NoiseDotRow) => ("exact" in d ? "exact" : "Monte Carlo"),
      ),
      numberColumn(
        "spread / γ",
        (d: NoiseCurveRow | NoiseDotRow) => ("exact" in d ? d.exact : d.sd),
      ),
      numberColumn(
        "approximation / γ",
        (d: NoiseCurveRow | NoiseDotRow) => ("approx" in d ? d.approx : undefined),
      ),
    ],
    rows: [...curves, ...dots],
  });
}
