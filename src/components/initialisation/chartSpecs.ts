/**
 * What the initialisation page's per-layer charts say: name, title, description (the chart's
 * text alternative), series and axes, built from rows the page has already computed. Plain data,
 * no DOM: the page spreads each into layerChart with the width, and the tests read every
 * description word for word against the settings the page offers.
 */
import type { LayerChartSpec, LayerRow } from "../depthCharts.js";
import { schemeLabel, spanAtEnd } from "../depthRows.js";
import { sigText } from "../depthFormat.js";

/** A layer chart without its width, which only the page knows. */
export type LayerChartText = Omit<LayerChartSpec, "width">;

/** ReLU by its name; the other activations as their identifiers read. */
export function activationLabel(a: string): string {
  return a === "relu" ? "ReLU" : a;
}

export const RECURSION_NAME = "recursion with biases (computed)";
export const MONTE_CARLO_NAME = "Monte Carlo, output only";
const INPUT_ALONE = "input alone, 3⁻ˡ";

/** The loader's PyTorch check: the output's Monte Carlo mean square and its standard error. */
export interface OutputMonteCarlo {
  meanSquare: number;
  meanSquareSe: number;
}

/** PyTorch's default with identity activations: the bias-inclusive recursion, 3⁻ˡ, and one sampled output. */
export function pytorchRecursionSpec(
  fanIns: readonly number[],
  recursion: readonly number[],
  mc: OutputMonteCarlo,
): LayerChartText {
  const L = fanIns.length;
  return {
    name: "pytorch-recursion",
    title: `Var(yₗ) layer by layer at widths [${fanIns.join(", ")}]`,
    description:
      `Under PyTorch's default with identity activations the recursion (line) takes the variance from ${
        sigText(recursion[0], 4)
      } at the input to ${sigText(recursion[L], 4)} at the output, against ${
        sigText(3 ** -L, 4)
      } from the input alone (dashed); the one Monte Carlo value, at the output only (dot), is ${
        sigText(mc.meanSquare, 4)
      } ± ${sigText(2 * mc.meanSquareSe, 2)} (two standard errors).`,
    series: [RECURSION_NAME, INPUT_ALONE, MONTE_CARLO_NAME],
    // The recursion is computed, not measured: a line. Only the output was sampled: one dot.
    rows: [
      ...recursion.map((y, l): LayerRow => ({ series: RECURSION_NAME, kind: "theory", x: l, y })),
      ...recursion.map((_, l): LayerRow => ({
        series: INPUT_ALONE,
        kind: "bound",
        x: l,
        y: 3 ** -l,
      })),
      {
        series: MONTE_CARLO_NAME,
        kind: "measured",
        x: L,
        y: mc.meanSquare,
        lo: mc.meanSquare - 2 * mc.meanSquareSe,
        hi: mc.meanSquare + 2 * mc.meanSquareSe,
      },
    ],
    xLabel: "layer ℓ",
    yLabel: "Var(yₗ)",
    bandLabel: "± 2 standard errors",
    errorBars: true,
  };
}

/** The precomputed tables' choice: activation, width, the schemes in legend order. */
export interface TableChoice {
  activation: string;
  width: string;
  schemes: string[];
}

/** Pre-activation variance per layer for every scheme at the tables' activation and width. */
export function forwardVarianceSpec(
  { activation, width, schemes }: TableChoice,
  rows: LayerRow[],
  networks: number,
): LayerChartText {
  return {
    name: "forward-variance",
    title: `Pre-activation variance, ${activationLabel(activation)}, width ${width}`,
    description: `Variance of each layer's pre-activations for ${schemes.length} schemes with ${
      activationLabel(activation)
    } at width ${width}: the theory runs ${
      spanAtEnd(rows)
    } layers deep, with the Monte Carlo mean over ${networks} networks as dots and their 10th–90th percentiles as bands.`,
    rows,
    series: schemes,
    xLabel: "layer ℓ",
    yLabel: "Var(aₗ)",
    bandLabel: "10th–90th percentile",
  };
}

/** The backward gradient per layer for every scheme, from a unit readout at the top. */
export function backwardGradientSpec(
  { activation, width, schemes }: TableChoice,
  rows: LayerRow[],
  depth: number,
): LayerChartText {
  return {
    name: "backward-gradient",
    title: `Gradient norm per layer, ${activationLabel(activation)}, width ${width}`,
    description:
      `Root mean square of ‖∂f/∂hₗ‖ for a unit readout f at the top of a ${depth}-layer network, from layer ${depth} (where it is 1) back to the input: the theory ends ${
        spanAtEnd(rows.filter((d) => d.x === 0 || d.kind !== "theory"))
      }, with Monte Carlo means and 10th–90th percentiles.`,
    rows,
    series: schemes,
    xLabel: "layer ℓ",
    yLabel: "RMS ‖∂f/∂hₗ‖",
    bandLabel: "10th–90th percentile",
  };
}

/** The reader's live network: its settings and the series name its rows carry. */
export interface LiveNetwork {
  depth: number;
  sigma: number;
  activation: string;
  name: string;
}

/** The live network's measured pre-activation variance against its theory. */
export function liveVarianceSpec(
  { depth, sigma, activation, name }: LiveNetwork,
  rows: LayerRow[],
  measuredLayers: number,
): LayerChartText {
  return {
    name: "live-variance",
    title: "Your network: pre-activation variance",
    description:
      `Measured variance of the pre-activations at ${measuredLayers} of ${depth} layers (dots) against the theory for σ = ${sigma} with ${
        activationLabel(activation)
      } (line), which runs ${spanAtEnd(rows)} layers deep.`,
    rows,
    series: [name],
    xLabel: "layer ℓ",
    yLabel: "Var(aₗ)",
    live: true,
  };
}

/** The live network's backward gradient, measured so far, against its theory. */
export function liveGradientSpec({ depth, name }: LiveNetwork, rows: LayerRow[]): LayerChartText {
  return {
    name: "live-gradient",
    title: "Your network: gradient norm per layer, backward",
    description:
      `Root mean square over the batch of ‖∂f/∂hₗ‖ for a unit readout at layer ${depth}, measured at ${
        rows.filter((d) => d.kind === "measured").length
      } of ${depth + 1} layers so far (dots), against the theory (line), which reaches ${
        spanAtEnd(rows.filter((d) => d.kind === "theory" && d.x === 0))
      }.`,
    rows,
    series: [name],
    xLabel: "layer ℓ",
    yLabel: "RMS ‖∂f/∂hₗ‖",
    live: true,
  };
}

/** The histograms' axis and description: bounded activations on their own range, the rest per RMS. */
export function histogramText(
  layers: readonly number[],
  { activation, bounded, batch, width }: {
    activation: string;
    bounded: boolean;
    batch: number;
    width: number;
  },
): { xLabel: string; description: string } {
  return {
    xLabel: bounded ? `h = ${activation}(a)` : "h / RMS(h)",
    description: layers.length
      ? `Histograms of the activations hₗ at layers ${
        [...new Set(layers)].join(", ")
      } of your network, ${
        bounded
          ? `on the ${activation}'s own range`
          : "each divided by its layer's root mean square"
      }, ${Math.min(32, batch)} inputs × ${width} units each.`
      : "Waiting for the first layers…",
  };
}

/** The running product of slopes for the sigmoid and ReLU against (1/4)ˡ. */
export function slopeProductSpec(
  scheme: string,
  width: string,
  depth: number,
  rows: LayerRow[],
): LayerChartText {
  return {
    name: "slope-product",
    title: `Product of slopes over depth, ${schemeLabel(scheme)}, width ${width}`,
    description:
      `The running product over layers of the root mean square slope √mean φ′(aₗ)² for the sigmoid and ReLU (dots: Monte Carlo; lines: theory), against the sigmoid's ceiling (1/4)ˡ (dashed); after ${depth} layers the measured products are ${
        rows.filter((d) => d.kind === "measured" && d.x === depth).map((d) =>
          `${sigText(d.y, 2)} (${d.series})`
        ).join(" and ")
      }.`,
    rows,
    series: ["ReLU", "sigmoid", "(1/4)ˡ"],
    xLabel: "depth ℓ",
    yLabel: "∏ RMS φ′(aₖ)",
  };
}

/** The gradient reaching the first layer by depth, with each network's bound; sigmoidAt, reluAt are its RMS. */
export function firstLayerGradientSpec(
  scheme: string,
  width: string,
  depth: number,
  rows: LayerRow[],
  { sigmoidAt, reluAt }: { sigmoidAt: readonly number[]; reluAt: readonly number[] },
): LayerChartText {
  return {
    name: "first-layer-gradient",
    title: `Gradient reaching the first layer, ${schemeLabel(scheme)}, width ${width}`,
    description:
      `Root mean square of ‖∂f/∂x‖ for networks of depth 1 to ${depth} (Monte Carlo dots with 10th–90th percentile bands, theory lines) and each network's bound γᴸ∏‖Wₗ‖₂ (dashed): at depth ${depth} the sigmoid network passes ${
        sigText(sigmoidAt[depth - 1], 2)
      } and the ReLU network ${sigText(reluAt[depth - 1], 2)}.`,
    rows,
    series: ["ReLU", "sigmoid"],
    xLabel: "depth L",
    yLabel: "RMS ‖∂f/∂x‖",
    bandLabel: "10th–90th percentile",
  };
}

/** The live sigmoid-against-ReLU run on the reader's weights, layersDone layers so far. */
export function liveRaceSpec(sigma: number, rows: LayerRow[], layersDone: number): LayerChartText {
  return {
    name: "live-first-layer-gradient",
    title: "Your weights: gradient reaching the input, sigmoid against ReLU",
    description:
      `Root mean square of ‖∂f/∂x‖ for your network cut after each of its first ${layersDone} layers (dots), the theory for σ = ${sigma} (lines) and the bound γᴸ∏‖Wₗ‖₂ from your weights (dashed), for the sigmoid and ReLU.`,
    rows,
    series: ["ReLU", "sigmoid"],
    xLabel: "depth L",
    yLabel: "RMS ‖∂f/∂x‖",
    live: true,
  };
}
