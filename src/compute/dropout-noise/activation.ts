/**
 * Does dropout commute with the activation? Inverted dropout multiplies each unit by h ∈ {0, 1/q}
 * (q = 1 − r the keep probability), so
 *
 *   linear → dropout → σ  gives  σ(h·z),      linear → σ → dropout  gives  h·σ(z).
 *
 * They agree for every z and every h ≥ 0 exactly when σ is positively homogeneous,
 * σ(cz) = cσ(z) for c ≥ 0: ReLU and leaky ReLU are, sigmoid is not (σ(0) = ½ ≠ 0, and it bends).
 *
 * In floating point the check is exact for ReLU (both orders compute the one product h·z, or 0)
 * and for a leaky ReLU whose slope is a power of two (multiplying by it only shifts the exponent,
 * so α·(h·z) and h·(α·z) round identically). With a slope such as 0.01 the two orders are the
 * same mathematically but may round apart in the last bit: `leakyRoundingGap` measures by how much.
 */
import { createRng } from "../prng.js";
import { sigmoid } from "../activations.js";
import { dropRate, finiteNumber, integerAtLeast, oneOf, positiveNumber } from "../validate.js";

export const ACTIVATIONS = ["relu", "leaky-relu", "sigmoid"] as const;
export type ActivationName = typeof ACTIVATIONS[number];

/** The leaky ReLU slope used on the page: 2⁻⁶, a power of two (see the module comment). */
export const LEAKY_SLOPE = 2 ** -6;
/** PyTorch's default slope, for the rounding comparison. */
export const TORCH_LEAKY_SLOPE = 0.01;

export function relu(z: number): number {
  return z > 0 ? z : 0;
}

export function leakyRelu(z: number, slope = LEAKY_SLOPE): number {
  return z > 0 ? z : slope * z;
}

export function activation(name: ActivationName, slope = LEAKY_SLOPE): (z: number) => number {
  oneOf("activation", name, ACTIVATIONS);
  if (name === "relu") return relu;
  if (name === "sigmoid") return sigmoid;
  positiveNumber("leaky slope", slope);
  return (z) => leakyRelu(z, slope);
}

/** Sizes of the random layer used for the live check. */
export const LAYER = { batch: 16, inputs: 16, units: 32 } as const;

export interface RandomLayer {
  batch: number;
  inputs: number;
  units: number;
  /** batch×inputs inputs, N(0, 1). */
  x: Float64Array;
  /** units×inputs weights, N(0, 4/inputs), so pre-activations spread over about ±4. */
  w: Float64Array;
  /** Biases, N(0, 1/4). */
  b: Float64Array;
  /** batch×units keep indicators m ∈ {0, 1}, kept with probability 1 − r. */
  keep: Uint8Array;
  rate: number;
}

/**
 * A random linear layer, its inputs and one dropout mask at drop rate r, all from createRng(seed).
 * The mask stream is separate from the weights', so moving r changes the mask only.
 */
export function randomLayer(
  seed: number,
  rate: number,
  { batch, inputs, units }: { batch: number; inputs: number; units: number } = LAYER,
): RandomLayer {
  dropRate(rate);
  integerAtLeast("batch", batch, 1, 4096);
  integerAtLeast("inputs", inputs, 1, 4096);
  integerAtLeast("units", units, 1, 4096);
  const root = createRng(seed);
  const data = root.fork();
  const masks = root.fork();
  const x = Float64Array.from({ length: batch * inputs }, () => data.normal());
  const scale = 2 / Math.sqrt(inputs);
  const w = Float64Array.from({ length: units * inputs }, () => scale * data.normal());
  const b = Float64Array.from({ length: units }, () => 0.5 * data.normal());
  const keep = Uint8Array.from({ length: batch * units }, () => masks.uniform() < 1 - rate ? 1 : 0);
  return { batch, inputs, units, x, w, b, keep, rate };
}

/** Pre-activations z = xWᵀ + b (batch×units). */
export function preActivations(layer: RandomLayer): Float64Array {
  const { batch, inputs, units, x, w, b } = layer;
  const z = new Float64Array(batch * units);
  for (let i = 0; i < batch; i++) {
    for (let u = 0; u < units; u++) {
      let s = b[u];
      for (let k = 0; k < inputs; k++) s += x[i * inputs + k] * w[u * inputs + k];
      z[i * units + u] = s;
    }
  }
  return z;
}

export interface OrderComparison {
  z: Float64Array;
  /** linear → dropout → σ: σ(h·z). */
  dropoutFirst: Float64Array;
  /** linear → σ → dropout: h·σ(z). */
  activationFirst: Float64Array;
  /** dropoutFirst − activationFirst. */
  difference: Float64Array;
  /** The inverted-dropout factor h of each unit: 0 or 1/(1 − r). */
  factor: Float64Array;
  maxAbsDifference: number;
  /** Units where the two orders differ at all. */
  nonZero: number;
}

/** Both orders on the same layer and the same mask (inverted dropout, factor 1/(1 − r)). */
export function compareOrders(
  layer: RandomLayer,
  name: ActivationName,
  slope = LEAKY_SLOPE,
): OrderComparison {
  const sigma = activation(name, slope);
  const z = preActivations(layer);
  const kept = 1 / (1 - layer.rate);
  const size = z.length;
  const factor = new Float64Array(size);
  const dropoutFirst = new Float64Array(size);
  const activationFirst = new Float64Array(size);
  const difference = new Float64Array(size);
  let maxAbsDifference = 0;
  let nonZero = 0;
  for (let k = 0; k < size; k++) {
    const h = layer.keep[k] ? kept : 0;
    factor[k] = h;
    dropoutFirst[k] = sigma(h * z[k]);
    activationFirst[k] = h * sigma(z[k]);
    const gap = dropoutFirst[k] - activationFirst[k];
    difference[k] = gap;
    if (gap !== 0) nonZero++;
    maxAbsDifference = Math.max(maxAbsDifference, Math.abs(gap));
  }
  return { z, dropoutFirst, activationFirst, difference, factor, maxAbsDifference, nonZero };
}

/**
 * For a leaky ReLU of slope α: how many units the two orders round apart, and the largest gap in
 * units of the last place (ulp) of the value. Zero for a power-of-two slope.
 */
export function leakyRoundingGap(layer: RandomLayer, slope: number) {
  const { difference, dropoutFirst, nonZero } = compareOrders(layer, "leaky-relu", slope);
  let maxUlps = 0;
  difference.forEach((gap, k) => {
    if (gap === 0) return;
    const ulp = 2 ** (Math.floor(Math.log2(Math.abs(dropoutFirst[k]))) - 52);
    maxUlps = Math.max(maxUlps, Math.abs(gap) / ulp);
  });
  return { units: difference.length, nonZero, maxUlps };
}

/**
 * The course's one-unit counterexample: weight a, no bias, drop rate r, unit kept. Dropout after
 * the sigmoid gives σ(ax)/(1 − r); dropout before it gives σ(ax/(1 − r)).
 */
export function sigmoidCounterexample(a: number, x: number, rate = 0.4) {
  finiteNumber("weight a", a);
  finiteNumber("input x", x);
  const q = 1 - dropRate(rate);
  const activationFirst = sigmoid(a * x) / q;
  const dropoutFirst = sigmoid((a * x) / q);
  return { activationFirst, dropoutFirst, difference: dropoutFirst - activationFirst };
}

/** The counterexample's two curves on an even grid of x in [−span, span]. */
export function counterexampleCurves(a: number, rate = 0.4, span = 8, count = 161) {
  integerAtLeast("count", count, 2, 10_000);
  positiveNumber("span", span);
  return Array.from({ length: count }, (_, i) => {
    const x = -span + (2 * span * i) / (count - 1);
    return { x, ...sigmoidCounterexample(a, x, rate) };
  });
}
