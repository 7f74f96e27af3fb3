/**
 * The residual page's claims about where the gradient is lost with skips, over the sliders' whole
 * range and 20 seeds: the hidden layers keep it within HIDDEN_BAND of the top, and the first layer
 * (no skip) scales it by about firstLayerFactor = σ·√E[φ′(z)²], z ~ N(0, σ²).
 */
import assert from "node:assert/strict";
import {
  FIRST_LAYER_TOLERANCE,
  firstLayerFactor,
  gradientSplit,
  HIDDEN_BAND,
  WIDE_LAYER,
} from "../../../src/compute/residual/firstLayer.ts";
import { sigmoidDerivative } from "../../../src/compute/activations.ts";
import {
  RESIDUAL_BATCH,
  RESIDUAL_LIMITS,
  residualInputs,
  residualNetwork,
} from "../../../src/compute/residual/liveNetwork.ts";
import { gradientProfile } from "../../../src/compute/residual/mlp.ts";
import { RESIDUAL_DEFAULTS } from "../../../src/compute/residual/livePage.ts";

const SEEDS = Array.from({ length: 20 }, (_, i) => 1_000 + i);
const [SIGMA_LOW, SIGMA_HIGH] = RESIDUAL_LIMITS.sigma;
const SIGMAS = [SIGMA_LOW, 0.5, 1, 2, SIGMA_HIGH];

const split = (depth: number, width: number, sigma: number, seed: number) => {
  const p = { ...RESIDUAL_DEFAULTS, activation: "sigmoid" as const, depth, width, sigma, seed };
  return gradientSplit(
    gradientProfile(residualNetwork(p, true), residualInputs(p), RESIDUAL_BATCH).gradY,
  );
};

/** E[f(z)], z ~ N(0, s²), by Simpson's rule on [−12s, 12s]: independent of gaussianMean. */
const simpson = (f: (z: number) => number, s: number) => {
  const n = 4_000;
  const h = (24 * s) / n;
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    const z = -12 * s + k * h;
    const w = k === 0 || k === n ? 1 : k % 2 ? 4 : 2;
    sum += w * f(z) * Math.exp(-0.5 * (z / s) ** 2);
  }
  return (sum * h) / 3 / (s * Math.sqrt(2 * Math.PI));
};

Deno.test("firstLayerFactor(φ, σ) = σ·√E[φ′(z)²]: Simpson's rule for the sigmoid and tanh, σ/√2 for ReLU, σ/4 as σ → 0 for the sigmoid", () => {
  for (const sigma of SIGMAS) {
    const sig = sigma * Math.sqrt(simpson((z) => sigmoidDerivative(z) ** 2, sigma));
    assert.ok(Math.abs(firstLayerFactor("sigmoid", sigma) / sig - 1) < 1e-9, `σ = ${sigma}`);
    const tanh = sigma * Math.sqrt(simpson((z) => (1 - Math.tanh(z) ** 2) ** 2, sigma));
    assert.ok(Math.abs(firstLayerFactor("tanh", sigma) / tanh - 1) < 1e-9, `σ = ${sigma}`);
    assert.ok(Math.abs(firstLayerFactor("relu", sigma) / (sigma / Math.SQRT2) - 1) < 1e-12);
    // The sigmoid's slope is at most 1/4, so the factor is at most σ/4.
    assert.ok(firstLayerFactor("sigmoid", sigma) < sigma / 4);
  }
  // At the slider's smallest σ the input keeps about 1/40 of the gradient at layer 1:
  // E[φ′(z)²] = 1/16 − σ²/32 + O(σ⁴), so the factor is (σ/4)(1 − σ²/4 + …).
  const low = firstLayerFactor("sigmoid", SIGMA_LOW);
  assert.ok(Math.abs(low / ((SIGMA_LOW / 4) * (1 - SIGMA_LOW ** 2 / 4)) - 1) < 1e-4, `${low}`);
  assert.equal(Math.round(1 / low), 40);
});

Deno.test({
  name:
    "sigmoid with skips, robustness over 20 seeds: the hidden layers keep the gradient within HIDDEN_BAND of the top at every depth, width and σ of the sliders",
  fn() {
    let [lowest, highest] = [Infinity, 0];
    for (const width of [RESIDUAL_LIMITS.width[0], 8, 32, RESIDUAL_LIMITS.width[1]]) {
      for (const depth of [RESIDUAL_LIMITS.depth[0], 12, RESIDUAL_LIMITS.depth[1]]) {
        // The widest, deepest networks are slow in Float64: two σ at the ends of the range.
        const sigmas = width * depth > 32 * 50 ? [SIGMA_LOW, SIGMA_HIGH] : SIGMAS;
        for (const sigma of sigmas) {
          for (const seed of width * depth > 32 * 50 ? SEEDS.slice(0, 5) : SEEDS) {
            const { hidden } = split(depth, width, sigma, seed);
            lowest = Math.min(lowest, hidden);
            highest = Math.max(highest, hidden);
            assert.ok(
              hidden > 1 / HIDDEN_BAND && hidden < HIDDEN_BAND,
              `width ${width}, depth ${depth}, σ = ${sigma}, seed ${seed}: ${hidden}`,
            );
          }
        }
      }
    }
    console.log(`hidden-layer factor over the grid: ${lowest.toFixed(3)} to ${highest.toFixed(3)}`);
  },
});

Deno.test({
  name:
    "sigmoid with skips, robustness over 20 seeds: at width WIDE_LAYER and more the first layer's factor is within FIRST_LAYER_TOLERANCE of firstLayerFactor for every σ, at any depth",
  fn() {
    let worst = 0;
    for (const sigma of SIGMAS) {
      const want = firstLayerFactor("sigmoid", sigma);
      // Wider layers (up to the slider's end) average over more units and come closer.
      for (
        const [depth, width] of [
          [RESIDUAL_LIMITS.depth[0], WIDE_LAYER],
          [12, WIDE_LAYER],
          [RESIDUAL_LIMITS.depth[0], RESIDUAL_LIMITS.width[1]],
        ]
      ) {
        for (const seed of SEEDS) {
          const { first } = split(depth, width, sigma, seed);
          const off = Math.abs(first / want - 1);
          worst = Math.max(worst, off);
          assert.ok(
            off < FIRST_LAYER_TOLERANCE,
            `σ = ${sigma}, depth ${depth}, width ${width}, seed ${seed}: ${first} vs ${want}`,
          );
        }
      }
    }
    console.log(`first-layer factor: worst relative gap ${worst.toFixed(3)}`);
    // At σ = 0.1 that is a loss of about 40 whatever the depth.
    const deep = split(RESIDUAL_LIMITS.depth[1], WIDE_LAYER, SIGMA_LOW, SEEDS[0]);
    assert.ok(1 / (deep.first * deep.hidden) > 30, `${deep.first * deep.hidden}`);
  },
});

Deno.test("gradientSplit refuses a profile without a hidden layer", () => {
  assert.throws(() => gradientSplit([1]), /at least one hidden layer/);
  assert.deepEqual(gradientSplit([1, 4, 2]), { hidden: 2, first: 0.25 });
});
