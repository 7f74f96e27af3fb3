/**
 * The residual page's live network, as data: its settings and their limits, the seeded draws it
 * runs on, and the same network in Float64 (mlp.ts) for the tests. The draws are the initialisation
 * page's (depth/liveDepthTf.ts): A_ℓ = (σ/√m)·Z_ℓ from layer ℓ's own stream, rounded to float32 once,
 * inputs x ~ N(0, I_m); the top layer A_L is the first row of stream L. Biases are 0, except a
 * saturated layer's.
 */
import { layerWeightFiller, liveDraws } from "../liveDepthTf.js";
import { inRange, integerAtLeast, oneOf, seedValue } from "../validate.js";
import { createRng } from "../prng.js";
import {
  type DenseLayer,
  type Intervention,
  INTERVENTIONS,
  type MlpActivation,
  mlpActivation,
  type ResidualMlp,
} from "./mlp.js";

/** Slider ranges of the page. */
export const RESIDUAL_LIMITS = {
  depth: [3, 50],
  width: [2, 128],
  sigma: [0.1, 3],
  layer: [2, 49],
} as const;

/** Inputs per run: f is the mean of y_L over this many inputs. */
export const RESIDUAL_BATCH = 32;

export interface LiveResidualParams {
  /** L: layers 1 … L, the last linear. */
  depth: number;
  /** m, also the input size n. */
  width: number;
  activation: MlpActivation;
  /** Weight standard deviation times √fan-in. */
  sigma: number;
  seed: number;
  intervention: Intervention;
  /** The hidden layer j that the intervention acts on (used as min(j, L − 1)). */
  layer: number;
}

export function checkResidualParams(p: LiveResidualParams): LiveResidualParams {
  const whole = [["depth L", "depth"], ["width m", "width"], ["layer j", "layer"]] as const;
  for (const [name, key] of whole) {
    const [low, high] = RESIDUAL_LIMITS[key];
    integerAtLeast(name, p[key], low, high);
  }
  const [min, max] = RESIDUAL_LIMITS.sigma;
  inRange("σ", p.sigma, { min, max });
  mlpActivation(p.activation);
  oneOf("intervention", p.intervention, INTERVENTIONS);
  seedValue(p.seed);
  return p;
}

/** The layer the intervention acts on: j, moved down to L − 1 when the network is shallower. */
export function effectiveLayer(p: Pick<LiveResidualParams, "depth" | "layer">): number {
  return Math.min(p.layer, p.depth - 1);
}

/** Layer ℓ's weights (1-based), float32: m × m, or 1 × m for the top layer ℓ = L. */
export function residualWeights(p: LiveResidualParams, l: number): Float32Array {
  const filler = layerWeightFiller(p.seed, l, p.width, p.sigma);
  filler.fill(l === p.depth ? 1 : p.width);
  return l === p.depth ? filler.w.slice(0, p.width) : filler.w;
}

/** The batch of inputs, RESIDUAL_BATCH × m, float32. */
export function residualInputs(p: LiveResidualParams): Float32Array {
  return liveDraws(p.seed, p.width, RESIDUAL_BATCH).x;
}

/** The live network in Float64 on the same draws, with or without skips, before any intervention. */
export function residualNetwork(p: LiveResidualParams, skips: boolean): ResidualMlp {
  checkResidualParams(p);
  const m = p.width;
  const layers: DenseLayer[] = Array.from({ length: p.depth }, (_, i) => {
    const top = i === p.depth - 1;
    return {
      rows: top ? 1 : m,
      cols: m,
      a: Float64Array.from(residualWeights(p, i + 1)),
      b: new Float64Array(top ? 1 : m),
    };
  });
  return { activation: p.activation, skips, layers };
}

/** Shapes of the small instance the page checks against autodiff: x ∈ ℝ², width 3, L = 5. */
export const CHECK_SHAPE = { n: 2, m: 3, depth: 5 } as const;

/**
 * A small residual network with the homework's shapes (A₁ ∈ ℝ^{m×n}, n ≠ m), weights
 * N(0, 1/fan-in), biases N(0, 0.1²), and an input x ~ N(0, I), all from createRng(seed).
 */
export function checkInstance(
  activation: MlpActivation,
  seed: number,
): { net: ResidualMlp; x: number[] } {
  mlpActivation(activation);
  const rng = createRng(seed);
  const { n, m, depth } = CHECK_SHAPE;
  const layers: DenseLayer[] = Array.from({ length: depth }, (_, i) => {
    const rows = i === depth - 1 ? 1 : m;
    const cols = i === 0 ? n : m;
    return {
      rows,
      cols,
      a: Float64Array.from({ length: rows * cols }, () => rng.normal() / Math.sqrt(cols)),
      b: Float64Array.from({ length: rows }, () => 0.1 * rng.normal()),
    };
  });
  return {
    net: { activation, skips: true, layers },
    x: Array.from({ length: n }, () => rng.normal()),
  };
}
