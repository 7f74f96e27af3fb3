/**
 * Front-page previews of the pages whose numbers come from closed forms or small exact
 * computations: each is computed at build time, by the page loader (src/index.md.ts), with the
 * same src/compute function its page uses, and written into the page as a static SVG (no script,
 * no data file to fetch). Every label states its setting and its numbers, computed here.
 */
import { averageWeight } from "../../compute/momentum/bias.js";
import { jacobianNorms, log10Bound } from "../../compute/rnn-gradients/jacobian.js";
import { PAGE_DEFAULTS } from "../../compute/rnn-gradients/examples.js";
import { theoryProfile, uniformWidths } from "../../compute/meanField.js";
import { HE, XAVIER } from "../../compute/schemes.js";
import { sigmoidDerivative } from "../../compute/activations.js";
import { survivingShareTheory } from "../../compute/normalisation/centredGradient.js";
import { normalDensity } from "../../compute/normalisation-geometry/gaussianBatchNorm.js";
import { dropoutLambda } from "../../compute/tikhonov.js";
import { FILTER_RECOVERY } from "../../compute/convolution/seeds.js";
import { correlateValid, solveFilter } from "../../compute/convolution/filterRecovery.js";
import { formatNumber, type PreviewSpec } from "./previewSparkline.js";

const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** At most two decimals, trailing zeros dropped: 11, 0.5, −2.25. */
function shortNumber(value: number): string {
  return String(Number(value.toFixed(2))).replace("-", "−");
}

/** A positive number as m × 10ⁿ with one decimal in m: 1.9 × 10⁻⁹. */
function scientific(value: number): string {
  const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  let exponent = Math.floor(Math.log10(value));
  let mantissa = Number((value / 10 ** exponent).toFixed(1));
  if (mantissa >= 10) [mantissa, exponent] = [1, exponent + 1];
  const power = [...String(exponent)].map((c) => (c === "-" ? "⁻" : digits[Number(c)])).join("");
  return `${mantissa.toFixed(1)} × 10${power}`;
}

/** Momentum's running average at β = 0.9: its total weight 1 − βᵗ, and Adam's corrected 1. */
export function momentumPreview(beta = 0.9, horizon = 60): PreviewSpec {
  const steps = range(1, horizon);
  const weight = steps.map((t) => [t, averageWeight(beta, t)] as const);
  return {
    label: `Momentum: with β = ${formatNumber(beta, 1)} the running average of gradients that ` +
      `all equal 1 starts at ${formatNumber(weight[0][1], 2)} after one step and reaches ${
        formatNumber(weight.at(-1)![1], 3)
      } only at step ${horizon}, the factor 1 − βᵗ; dividing by it, as Adam does, gives 1 from ` +
      `the first step.`,
    x: { domain: [1, horizon] },
    y: { domain: [0, 1.05] },
    baselines: [0],
    lines: [
      { kind: "primary", points: weight },
      { kind: "secondary", points: [[1, 1], [horizon, 1]] },
    ],
    key: [
      { kind: "primary", text: "vₜ = 1 − βᵗ" },
      { kind: "secondary", text: "corrected" },
    ],
  };
}

/** The gradient norm through time at the page's defaults, against the bound (γs)ᵗ. */
export function rnnPreview(): PreviewSpec {
  const params = PAGE_DEFAULTS;
  const run = jacobianNorms(params);
  const norms = run.steps.map((step) => [step.t, step.log10Norm] as const);
  const bound = run.steps.map((step) =>
    [step.t, log10Bound(params.activation, params.norm, step.t)] as const
  );
  const [lastT, lastNorm] = norms.at(-1)!;
  const lowest = Math.min(...norms.map(([, v]) => v), ...bound.map(([, v]) => v));
  return {
    label: `Gradients through time: log₁₀ of the gradient norm ‖∂hₜ/∂h₀‖ over ${lastT} steps of ` +
      `a ${params.activation} network with ‖W‖₂ = ${formatNumber(params.norm, 1)}; it falls to ` +
      `${scientific(10 ** lastNorm)} at step ${lastT}, never above the bound ${
        formatNumber(params.norm, 1)
      }ᵗ (dashed).`,
    x: { domain: [0, lastT] },
    y: { domain: [lowest, 0] },
    baselines: [0],
    lines: [
      { kind: "primary", points: norms },
      { kind: "secondary", points: bound },
    ],
    key: [
      { kind: "primary", text: "log₁₀‖∂hₜ/∂h₀‖" },
      { kind: "secondary", text: "bound" },
    ],
  };
}

/** Pre-activation variance through a deep ReLU stack: He holds it, Xavier halves it each layer. */
export function initialisationPreview(depth = 30, width = 128): PreviewSpec {
  const widths = uniformWidths(depth, width);
  const profile = (scheme: typeof HE) =>
    theoryProfile({ scheme, activation: "relu", widths }).preVariance;
  const he = profile(HE);
  const xavier = profile(XAVIER);
  const log = (values: number[]) => values.map((v, i) => [i + 1, Math.log10(v)] as const);
  const lowest = Math.log10(Math.min(...xavier));
  return {
    label:
      `Initialisation: the pre-activation variance through ${depth} ReLU layers (log scale). ` +
      `He's weights hold it at ${formatNumber(he.at(-1)!, 0)} in every layer; Xavier's halve ` +
      `it at each layer, to ${scientific(xavier.at(-1)!)} at layer ${depth}.`,
    x: { domain: [1, depth] },
    y: { domain: [lowest, Math.log10(Math.max(...he)) + 0.5] },
    lines: [
      { kind: "primary", points: log(he) },
      { kind: "secondary", points: log(xavier) },
    ],
    key: [
      { kind: "primary", text: "He" },
      { kind: "secondary", text: "Xavier" },
    ],
  };
}

/** The sigmoid's slope, which never exceeds 1/4. */
export function residualPreview(extent = 6): PreviewSpec {
  const xs = range(-extent, extent, 0.1);
  const peak = sigmoidDerivative(0);
  return {
    label: `Residual connections: the sigmoid's slope σ′(x) from x = −${extent} to ${extent} ` +
      `peaks at ${formatNumber(peak, 2)} at x = 0: on its way back, the gradient is multiplied ` +
      `at every sigmoid layer by slopes no larger than that.`,
    x: { domain: [-extent, extent] },
    y: { domain: [0, 0.3] },
    baselines: [0],
    rules: [0],
    lines: [{ kind: "primary", points: xs.map((x) => [x, sigmoidDerivative(x)] as const) }],
    markers: [{ x: 0, y: peak, filled: true, kind: "primary" }],
    key: [
      { kind: "primary", text: "σ′(x)" },
      { kind: "filled", text: `max ${formatNumber(peak, 2)}` },
    ],
  };
}

/** The share of the gradient that survives batch norm's centring, against the batch size. */
export function normalisationPreview(maxBatch = 16): PreviewSpec {
  const sizes = range(1, maxBatch);
  const share = sizes.map((n) => [n, survivingShareTheory(n)] as const);
  const percent = (v: number) => `${formatNumber(100 * v, 0)} %`;
  return {
    label: `Batch normalisation: the share of the gradient that survives the centring of a ` +
      `batch, (n − 1)/n, is ${percent(share[0][1])} for a batch of one and ${
        percent(share.at(-1)![1])
      } for a batch of ${maxBatch}.`,
    x: { domain: [1, maxBatch] },
    y: { domain: [0, 1] },
    baselines: [0],
    lines: [{ kind: "primary", points: share }],
    markers: [{ x: 1, y: 0, filled: true, kind: "primary" }],
    key: [
      { kind: "primary", text: "(n − 1)/n" },
      { kind: "filled", text: "n = 1" },
    ],
  };
}

/** A Gaussian input and the batch-norm output law N(β, γ²) it is mapped to. */
export function normalisationGeometryPreview(
  input = { mean: 1.5, variance: 0.16 },
  output = { beta: 3, gamma: 1 },
): PreviewSpec {
  const xs = range(-1, 6, 0.05);
  const before = xs.map((x) => [x, normalDensity(x, input.mean, input.variance)] as const);
  const after = xs.map((x) => [x, normalDensity(x, output.beta, output.gamma ** 2)] as const);
  const top = Math.max(...before.map(([, y]) => y), ...after.map(([, y]) => y));
  return {
    label: `Normalisation: over a large batch, batch norm maps the input N(${
      formatNumber(input.mean, 1)
    }, ${formatNumber(input.variance, 2)}) to N(β, γ²) = N(${formatNumber(output.beta, 0)}, ${
      formatNumber(output.gamma ** 2, 0)
    }), whatever the input's mean and variance.`,
    x: { domain: [-1, 6] },
    y: { domain: [0, top] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: before },
      { kind: "primary", points: after },
    ],
    key: [
      { kind: "secondary", text: "input" },
      { kind: "primary", text: "after batch norm" },
    ],
  };
}

/** Dropout's penalty weight λ = (1 − p)/p against the keep probability p. */
export function dropoutNoisePreview(pMin = 0.1): PreviewSpec {
  const ps = range(pMin, 1, 0.01).map((p) => Math.min(1, p));
  const points = ps.map((p) => [p, dropoutLambda(p)] as const);
  const atHalf = dropoutLambda(0.5);
  return {
    label:
      `Dropout as a penalty: its ridge weight λ = (1 − p)/p falls from ${
        formatNumber(points[0][1], 0)
      } at keep probability p = ${formatNumber(pMin, 1)} to ${
        formatNumber(atHalf, 0)
      } at p = 0.5 ` +
      `and 0 at p = 1.`,
    x: { domain: [pMin, 1] },
    y: { domain: [0, points[0][1]] },
    baselines: [0],
    lines: [{ kind: "primary", points }],
    markers: [{ x: 0.5, y: atHalf, filled: true, kind: "primary" }],
    key: [
      { kind: "primary", text: "λ = (1 − p)/p" },
      { kind: "filled", text: "p = 0.5" },
    ],
  };
}

/** The filter recovered from the page's signal and output, and the output it gives back. */
export function convolutionPreview(): PreviewSpec {
  const signal = [...FILTER_RECOVERY.signal];
  const output = [...FILTER_RECOVERY.output];
  const solution = solveFilter(signal, output);
  if (solution.kind !== "unique") throw new Error("the page's filter system must be regular");
  const filter = solution.filter;
  const again = correlateValid(signal, filter);
  const list = (values: readonly number[]) => values.map(shortNumber).join(", ");
  const all = [...signal, ...output];
  // The output yᵢ comes from the window that starts at xᵢ: drawn at its window's centre.
  const offset = (filter.length - 1) / 2;
  return {
    label: `Convolution: from the signal x = (${list(signal)}) and its output y = (${
      list(output)
    }), the page recovers the filter (${
      solution.exact.join(", ").replaceAll("-", "−")
    }), which gives the output (${list(again)}) back.`,
    x: { domain: [1, signal.length] },
    y: { domain: [Math.min(...all), Math.max(...all)] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: signal.map((v, i) => [i + 1, v] as const) },
      { kind: "primary", points: output.map((v, i) => [i + 1 + offset, v] as const) },
    ],
    markers: [
      ...signal.map((v, i) => ({ x: i + 1, y: v, filled: false })),
      ...output.map((v, i) => ({
        x: i + 1 + offset,
        y: v,
        filled: true,
        kind: "primary" as const,
      })),
    ],
    key: [
      { kind: "secondary", text: "signal x" },
      { kind: "primary", text: "output y" },
    ],
  };
}
