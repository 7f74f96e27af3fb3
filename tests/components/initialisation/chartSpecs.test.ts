/**
 * The initialisation page's chart texts against golden values computed once from the page's code
 * and written out here: every activation and every scheme at least once, widths 16 to 256, and
 * rows whose values run from 10⁻¹⁸ to 10⁶ (both of sigText's notations). Rows passed in come back
 * unchanged; the recursion chart's own rows are golden too. Numbers print with 2 to 4 significant
 * digits, and the golden inputs sit where a 2 % change moves them (mutation-checked on
 * pytorchRecursionSpec's Monte Carlo value).
 */
import assert from "node:assert/strict";
import {
  activationLabel,
  backwardGradientSpec,
  firstLayerGradientSpec,
  forwardVarianceSpec,
  histogramText,
  liveGradientSpec,
  liveRaceSpec,
  liveVarianceSpec,
  MONTE_CARLO_NAME,
  pytorchRecursionSpec,
  RECURSION_NAME,
  slopeProductSpec,
} from "../../../src/components/initialisation/chartSpecs.ts";
import type { LayerRow } from "../../../src/components/depthCharts.ts";
import { schemeLabel } from "../../../src/components/depthRows.ts";
import { ACTIVATIONS } from "../../../src/compute/activations.ts";
import { pytorchVarianceRecursion } from "../../../src/compute/schemes.ts";

const SCHEMES = ["pytorch", "xavier", "he", "sigma-1.5"];

/** Rows for each series and kind over depth+1 layers, values spread over many decades. */
function rowsFor(series: string[], depth: number, scale: number, upTo = depth): LayerRow[] {
  return series.flatMap((name, i) =>
    (["theory", "measured", "bound"] as const).flatMap((kind, k) =>
      Array.from({ length: upTo + 1 }, (_, x) => {
        const y = scale * Math.exp(-(i + 1) * (k + 1) * x / 3);
        return { series: name, kind, x, y, lo: y / 2, hi: y * 2 };
      })
    )
  );
}

/** A spec without its rows, after checking that they are `rows`, passed through unchanged. */
function textOf<S extends { rows: unknown }>(spec: S, rows: unknown): Omit<S, "rows"> {
  const { rows: own, ...text } = spec;
  assert.deepEqual(own, rows);
  return text;
}

Deno.test("activationLabel(a): ReLU by its name, the others as they read", () => {
  assert.deepEqual(ACTIVATIONS.map(activationLabel), ["identity", "ReLU", "tanh", "sigmoid"]);
});

/** Fields every chart of one kind shares, whatever the setting. */
const FIXED = {
  forward: {
    name: "forward-variance",
    series: ["PyTorch default", "Xavier (σ = 1)", "He (σ = √2)", "σ = 1.5"],
    xLabel: "layer ℓ",
    yLabel: "Var(aₗ)",
    bandLabel: "10th–90th percentile",
  },
  backward: {
    name: "backward-gradient",
    series: ["PyTorch default", "Xavier (σ = 1)", "He (σ = √2)", "σ = 1.5"],
    xLabel: "layer ℓ",
    yLabel: "RMS ‖∂f/∂hₗ‖",
    bandLabel: "10th–90th percentile",
  },
  liveVariance: {
    name: "live-variance",
    title: "Your network: pre-activation variance",
    xLabel: "layer ℓ",
    yLabel: "Var(aₗ)",
    live: true,
  },
  liveGradient: {
    name: "live-gradient",
    title: "Your network: gradient norm per layer, backward",
    xLabel: "layer ℓ",
    yLabel: "RMS ‖∂f/∂hₗ‖",
    live: true,
  },
  product: {
    name: "slope-product",
    description:
      "The running product over layers of the root mean square slope √mean φ′(aₗ)² for the sigmoid and ReLU (dots: Monte Carlo; lines: theory), against the sigmoid's ceiling (1/4)ˡ (dashed); after 30 layers the measured products are 2.1 × 10⁻⁹ (ReLU) and 4.2 × 10⁻¹⁸ (sigmoid) and 8.8 × 10⁻²⁷ ((1/4)ˡ).",
    series: ["ReLU", "sigmoid", "(1/4)ˡ"],
    xLabel: "depth ℓ",
    yLabel: "∏ RMS φ′(aₖ)",
  },
  firstLayer: {
    name: "first-layer-gradient",
    description:
      "Root mean square of ‖∂f/∂x‖ for networks of depth 1 to 30 (Monte Carlo dots with 10th–90th percentile bands, theory lines) and each network's bound γᴸ∏‖Wₗ‖₂ (dashed): at depth 30 the sigmoid network passes 8.7 × 10⁻¹⁹ and the ReLU network 0.71.",
    series: ["ReLU", "sigmoid"],
    xLabel: "depth L",
    yLabel: "RMS ‖∂f/∂x‖",
    bandLabel: "10th–90th percentile",
  },
  race: {
    name: "live-first-layer-gradient",
    title: "Your weights: gradient reaching the input, sigmoid against ReLU",
    series: ["ReLU", "sigmoid"],
    xLabel: "depth L",
    yLabel: "RMS ‖∂f/∂x‖",
    live: true,
  },
};

/** Widths [3, 5]: the whole chart with a Monte Carlo value in decimals, and the text with one in powers of 10. */
const RECURSION_SMALL = [
  {
    name: "pytorch-recursion",
    title: "Var(yₗ) layer by layer at widths [3, 5]",
    description:
      "Under PyTorch's default with identity activations the recursion (line) takes the variance from 1.000 at the input to 0.2148 at the output, against 0.1111 from the input alone (dashed); the one Monte Carlo value, at the output only (dot), is 0.01230 ± 8.0 × 10⁻⁴ (two standard errors).",
    series: ["recursion with biases (computed)", "input alone, 3⁻ˡ", "Monte Carlo, output only"],
    rows: [
      { series: "recursion with biases (computed)", kind: "theory", x: 0, y: 1 },
      { series: "recursion with biases (computed)", kind: "theory", x: 1, y: 0.4444444444444444 },
      { series: "recursion with biases (computed)", kind: "theory", x: 2, y: 0.2148148148148148 },
      { series: "input alone, 3⁻ˡ", kind: "bound", x: 0, y: 1 },
      { series: "input alone, 3⁻ˡ", kind: "bound", x: 1, y: 0.3333333333333333 },
      { series: "input alone, 3⁻ˡ", kind: "bound", x: 2, y: 0.1111111111111111 },
      {
        series: "Monte Carlo, output only",
        kind: "measured",
        x: 2,
        y: 0.0123,
        lo: 0.0115,
        hi: 0.0131,
      },
    ],
    xLabel: "layer ℓ",
    yLabel: "Var(yₗ)",
    bandLabel: "± 2 standard errors",
    errorBars: true,
  },
];

const RECURSION_SMALL_DESCRIPTION = [
  "Under PyTorch's default with identity activations the recursion (line) takes the variance from 1.000 at the input to 0.2148 at the output, against 0.1111 from the input alone (dashed); the one Monte Carlo value, at the output only (dot), is 3.200 × 10⁻⁷ ± 2.0 × 10⁻⁹ (two standard errors).",
];

/** Widths [784, 512, 256, 10]: the texts. */
const RECURSION_TEXT = [
  {
    title: "Var(yₗ) layer by layer at widths [784, 512, 256, 10]",
    description:
      "Under PyTorch's default with identity activations the recursion (line) takes the variance from 1.000 at the input to 0.04620 at the output, against 0.01235 from the input alone (dashed); the one Monte Carlo value, at the output only (dot), is 0.01230 ± 8.0 × 10⁻⁴ (two standard errors).",
  },
  {
    title: "Var(yₗ) layer by layer at widths [784, 512, 256, 10]",
    description:
      "Under PyTorch's default with identity activations the recursion (line) takes the variance from 1.000 at the input to 0.04620 at the output, against 0.01235 from the input alone (dashed); the one Monte Carlo value, at the output only (dot), is 3.200 × 10⁻⁷ ± 2.0 × 10⁻⁹ (two standard errors).",
  },
];

Deno.test("pytorchRecursionSpec(fanIns, recursion, mc): golden charts", () => {
  const mcs = [
    { meanSquare: 0.0123, meanSquareSe: 0.0004 },
    { meanSquare: 3.2e-7, meanSquareSe: 1e-9 },
  ];
  mcs.forEach((mc, k) => {
    const small = pytorchRecursionSpec([3, 5], pytorchVarianceRecursion([3, 5]), mc);
    if (k === 0) assert.deepEqual(small, RECURSION_SMALL[0]);
    else assert.equal(small.description, RECURSION_SMALL_DESCRIPTION[0]);
    const fanIns = [784, 512, 256, 10];
    const recursion = pytorchVarianceRecursion(fanIns);
    const { title, description, rows } = pytorchRecursionSpec(fanIns, recursion, mc);
    assert.deepEqual({ title, description }, RECURSION_TEXT[k]);
    assert.deepEqual(
      rows.filter((d) => d.series === RECURSION_NAME).map((d) => d.y),
      Array.from(recursion),
    );
  });
  assert.equal(RECURSION_NAME, "recursion with biases (computed)");
  assert.equal(MONTE_CARLO_NAME, "Monte Carlo, output only");
});

/** Each activation with one width and one (depth, scale) of the table: 30 layers at 1, 50 at 10⁶, 5 at 10⁻³. */
const TABLE = [
  {
    activation: "identity",
    width: "16",
    depth: 30,
    scale: 1,
    forward: {
      title: "Pre-activation variance, identity, width 16",
      description:
        "Variance of each layer's pre-activations for 4 schemes with identity at width 16: the theory runs from 4.2 × 10⁻¹⁸ (σ = 1.5) to 4.5 × 10⁻⁵ (PyTorch default) at 30 layers deep, with the Monte Carlo mean over 200 networks as dots and their 10th–90th percentiles as bands.",
    },
    backward: {
      title: "Gradient norm per layer, identity, width 16",
      description:
        "Root mean square of ‖∂f/∂hₗ‖ for a unit readout f at the top of a 30-layer network, from layer 30 (where it is 1) back to the input: the theory ends from 1.0 (PyTorch default) to 1.0 (σ = 1.5) at 0, with Monte Carlo means and 10th–90th percentiles.",
    },
  },
  {
    activation: "relu",
    width: "64",
    depth: 50,
    scale: 1000000,
    forward: {
      title: "Pre-activation variance, ReLU, width 64",
      description:
        "Variance of each layer's pre-activations for 4 schemes with ReLU at width 64: the theory runs from 1.1 × 10⁻²³ (σ = 1.5) to 0.058 (PyTorch default) at 50 layers deep, with the Monte Carlo mean over 200 networks as dots and their 10th–90th percentiles as bands.",
    },
    backward: {
      title: "Gradient norm per layer, ReLU, width 64",
      description:
        "Root mean square of ‖∂f/∂hₗ‖ for a unit readout f at the top of a 50-layer network, from layer 50 (where it is 1) back to the input: the theory ends from 1.0 × 10⁻⁶ (PyTorch default) to 1.0 × 10⁻⁶ (σ = 1.5) at 0, with Monte Carlo means and 10th–90th percentiles.",
    },
  },
  {
    activation: "tanh",
    width: "256",
    depth: 5,
    scale: 0.001,
    forward: {
      title: "Pre-activation variance, tanh, width 256",
      description:
        "Variance of each layer's pre-activations for 4 schemes with tanh at width 256: the theory runs from 1.3 × 10⁻⁶ (σ = 1.5) to 1.9 × 10⁻⁴ (PyTorch default) at 5 layers deep, with the Monte Carlo mean over 200 networks as dots and their 10th–90th percentiles as bands.",
    },
    backward: {
      title: "Gradient norm per layer, tanh, width 256",
      description:
        "Root mean square of ‖∂f/∂hₗ‖ for a unit readout f at the top of a 5-layer network, from layer 5 (where it is 1) back to the input: the theory ends from 1000 (PyTorch default) to 1000 (σ = 1.5) at 0, with Monte Carlo means and 10th–90th percentiles.",
    },
  },
  {
    activation: "sigmoid",
    width: "16",
    depth: 30,
    scale: 1,
    forward: {
      title: "Pre-activation variance, sigmoid, width 16",
      description:
        "Variance of each layer's pre-activations for 4 schemes with sigmoid at width 16: the theory runs from 4.2 × 10⁻¹⁸ (σ = 1.5) to 4.5 × 10⁻⁵ (PyTorch default) at 30 layers deep, with the Monte Carlo mean over 200 networks as dots and their 10th–90th percentiles as bands.",
    },
    backward: {
      title: "Gradient norm per layer, sigmoid, width 16",
      description:
        "Root mean square of ‖∂f/∂hₗ‖ for a unit readout f at the top of a 30-layer network, from layer 30 (where it is 1) back to the input: the theory ends from 1.0 (PyTorch default) to 1.0 (σ = 1.5) at 0, with Monte Carlo means and 10th–90th percentiles.",
    },
  },
];

Deno.test("forwardVarianceSpec(choice, rows, networks) and backwardGradientSpec(choice, rows, depth): golden texts for every activation", () => {
  for (const { activation, width, depth, scale, forward, backward } of TABLE) {
    const schemes = SCHEMES.map(schemeLabel);
    const choice = { activation, width, schemes };
    const forwardRows = rowsFor(schemes, depth, scale);
    const backwardRows = rowsFor(schemes, depth, 1 / scale);
    assert.deepEqual(textOf(forwardVarianceSpec(choice, forwardRows, 200), forwardRows), {
      ...FIXED.forward,
      ...forward,
    });
    assert.deepEqual(
      textOf(backwardGradientSpec(choice, backwardRows, depth), backwardRows),
      { ...FIXED.backward, ...backward },
    );
  }
  assert.deepEqual(TABLE.map((t) => t.activation), [...ACTIVATIONS]);
});

/** Each activation with one [depth, σ, batch, width, layers done]: mid-run, at the start, and done. */
const LIVE = [
  {
    activation: "identity",
    setting: [30, 1.41, 64, 128, 30],
    variance: {
      description:
        "Measured variance of the pre-activations at 31 of 30 layers (dots) against the theory for σ = 1.41 with identity (line), which runs 9.0 × 10⁻⁵ (σ = 1.41, identity) at 30 layers deep.",
      series: ["σ = 1.41, identity"],
    },
    gradient: {
      description:
        "Root mean square over the batch of ‖∂f/∂hₗ‖ for a unit readout at layer 30, measured at 31 of 31 layers so far (dots), against the theory (line), which reaches 0.71 (σ = 1.41, identity) at 0.",
      series: ["σ = 1.41, identity"],
    },
    histogram: [
      { xLabel: "h / RMS(h)", description: "Waiting for the first layers…" },
      {
        xLabel: "h / RMS(h)",
        description:
          "Histograms of the activations hₗ at layers 0, 1, 5, 29 of your network, each divided by its layer's root mean square, 32 inputs × 128 units each.",
      },
    ],
  },
  {
    activation: "relu",
    setting: [1, 0.5, 2, 8, 0],
    variance: {
      description:
        "Measured variance of the pre-activations at 1 of 1 layers (dots) against the theory for σ = 0.5 with ReLU (line), which runs 0.25 (σ = 0.5, ReLU) at 0 layers deep.",
      series: ["σ = 0.5, ReLU"],
    },
    gradient: {
      description:
        "Root mean square over the batch of ‖∂f/∂hₗ‖ for a unit readout at layer 1, measured at 1 of 2 layers so far (dots), against the theory (line), which reaches 2.0 (σ = 0.5, ReLU) at 0.",
      series: ["σ = 0.5, ReLU"],
    },
    histogram: [
      { xLabel: "h / RMS(h)", description: "Waiting for the first layers…" },
      {
        xLabel: "h / RMS(h)",
        description:
          "Histograms of the activations hₗ at layers 0, 1, 5, 29 of your network, each divided by its layer's root mean square, 2 inputs × 8 units each.",
      },
    ],
  },
  {
    activation: "tanh",
    setting: [200, 3, 512, 1024, 57],
    variance: {
      description:
        "Measured variance of the pre-activations at 58 of 200 layers (dots) against the theory for σ = 3 with tanh (line), which runs 5.0 × 10⁻⁸ (σ = 3, tanh) at 57 layers deep.",
      series: ["σ = 3, tanh"],
    },
    gradient: {
      description:
        "Root mean square over the batch of ‖∂f/∂hₗ‖ for a unit readout at layer 200, measured at 58 of 201 layers so far (dots), against the theory (line), which reaches 0.33 (σ = 3, tanh) at 0.",
      series: ["σ = 3, tanh"],
    },
    histogram: [
      { xLabel: "h = tanh(a)", description: "Waiting for the first layers…" },
      {
        xLabel: "h = tanh(a)",
        description:
          "Histograms of the activations hₗ at layers 0, 1, 5, 29 of your network, on the tanh's own range, 32 inputs × 1024 units each.",
      },
    ],
  },
  {
    activation: "sigmoid",
    setting: [30, 1.41, 64, 128, 30],
    variance: {
      description:
        "Measured variance of the pre-activations at 31 of 30 layers (dots) against the theory for σ = 1.41 with sigmoid (line), which runs 9.0 × 10⁻⁵ (σ = 1.41, sigmoid) at 30 layers deep.",
      series: ["σ = 1.41, sigmoid"],
    },
    gradient: {
      description:
        "Root mean square over the batch of ‖∂f/∂hₗ‖ for a unit readout at layer 30, measured at 31 of 31 layers so far (dots), against the theory (line), which reaches 0.71 (σ = 1.41, sigmoid) at 0.",
      series: ["σ = 1.41, sigmoid"],
    },
    histogram: [
      { xLabel: "h = sigmoid(a)", description: "Waiting for the first layers…" },
      {
        xLabel: "h = sigmoid(a)",
        description:
          "Histograms of the activations hₗ at layers 0, 1, 5, 29 of your network, on the sigmoid's own range, 32 inputs × 128 units each.",
      },
    ],
  },
];

Deno.test("liveVarianceSpec, liveGradientSpec and histogramText(layers, settings): golden texts for every activation, mid-run and done", () => {
  for (const { activation, setting, variance, gradient, histogram } of LIVE) {
    const [depth, sigma, batch, dim, done] = setting;
    const name = `σ = ${sigma}, ${activationLabel(activation)}`;
    const varianceRows = rowsFor([name], depth, sigma ** 2, done);
    const gradRows = rowsFor([name], depth, 1 / sigma, done);
    const measured = varianceRows.filter((d) => d.kind === "measured").length;
    const network = { depth, sigma, activation, name };
    assert.deepEqual(
      textOf(liveVarianceSpec(network, varianceRows, measured), varianceRows),
      { ...FIXED.liveVariance, ...variance },
    );
    assert.deepEqual(textOf(liveGradientSpec(network, gradRows), gradRows), {
      ...FIXED.liveGradient,
      ...gradient,
    });
    const bounded = activation === "tanh" || activation === "sigmoid";
    assert.deepEqual(
      [[], [0, 0, 1, 1, 5, 5, 29]].map((layers) =>
        histogramText(layers, { activation, bounded, batch, width: dim })
      ),
      histogram,
    );
  }
  assert.deepEqual(LIVE.map((t) => t.activation), [...ACTIVATIONS]);
});

/** Each scheme with one width, 30 layers deep. */
const SLOPES = [
  {
    scheme: "pytorch",
    width: "16",
    product: { title: "Product of slopes over depth, PyTorch default, width 16" },
    firstLayer: { title: "Gradient reaching the first layer, PyTorch default, width 16" },
  },
  {
    scheme: "xavier",
    width: "64",
    product: { title: "Product of slopes over depth, Xavier (σ = 1), width 64" },
    firstLayer: { title: "Gradient reaching the first layer, Xavier (σ = 1), width 64" },
  },
  {
    scheme: "he",
    width: "256",
    product: { title: "Product of slopes over depth, He (σ = √2), width 256" },
    firstLayer: { title: "Gradient reaching the first layer, He (σ = √2), width 256" },
  },
  {
    scheme: "sigma-1.5",
    width: "16",
    product: { title: "Product of slopes over depth, σ = 1.5, width 16" },
    firstLayer: { title: "Gradient reaching the first layer, σ = 1.5, width 16" },
  },
];

/** The race at σ = 0.5 and 1.41 before any layer and at σ = 3 after 17. */
const RACE = [
  {
    sigma: 0.5,
    done: 0,
    spec: {
      description:
        "Root mean square of ‖∂f/∂x‖ for your network cut after each of its first 0 layers (dots), the theory for σ = 0.5 (lines) and the bound γᴸ∏‖Wₗ‖₂ from your weights (dashed), for the sigmoid and ReLU.",
    },
  },
  {
    sigma: 1.41,
    done: 0,
    spec: {
      description:
        "Root mean square of ‖∂f/∂x‖ for your network cut after each of its first 0 layers (dots), the theory for σ = 1.41 (lines) and the bound γᴸ∏‖Wₗ‖₂ from your weights (dashed), for the sigmoid and ReLU.",
    },
  },
  {
    sigma: 3,
    done: 17,
    spec: {
      description:
        "Root mean square of ‖∂f/∂x‖ for your network cut after each of its first 17 layers (dots), the theory for σ = 3 (lines) and the bound γᴸ∏‖Wₗ‖₂ from your weights (dashed), for the sigmoid and ReLU.",
    },
  },
];

Deno.test("slopeProductSpec, firstLayerGradientSpec and liveRaceSpec: golden texts for every scheme and σ", () => {
  const gridDepth = 30;
  for (const { scheme, width, product, firstLayer } of SLOPES) {
    const productRows = rowsFor(["ReLU", "sigmoid", "(1/4)ˡ"], gridDepth, 1);
    const inputGradRows = rowsFor(["ReLU", "sigmoid"], gridDepth, 1);
    const sigmoidAt = Array.from({ length: gridDepth }, (_, l) => 0.25 ** (l + 1));
    const reluAt = Array.from({ length: gridDepth }, (_, l) => 1 - l / 100);
    assert.deepEqual(
      textOf(slopeProductSpec(scheme, width, gridDepth, productRows), productRows),
      { ...FIXED.product, ...product },
    );
    assert.deepEqual(
      textOf(
        firstLayerGradientSpec(scheme, width, gridDepth, inputGradRows, { sigmoidAt, reluAt }),
        inputGradRows,
      ),
      { ...FIXED.firstLayer, ...firstLayer },
    );
  }
  assert.deepEqual(SLOPES.map((t) => t.scheme), SCHEMES);
  for (const { sigma, done, spec } of RACE) {
    const raceRows = rowsFor(["ReLU", "sigmoid"], 17, 1);
    assert.deepEqual(textOf(liveRaceSpec(sigma, raceRows, done), raceRows), {
      ...FIXED.race,
      ...spec,
    });
  }
});
