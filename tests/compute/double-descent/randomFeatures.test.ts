/**
 * The double-descent data against the course's specification, by statistics of the outputs only:
 * labels Y = Xβ* + σε with ε ~ N(0, 1), β* ~ N(0, I_d/d), features ReLU(Wx) with W_ij ~ N(0, 1/p).
 * A variance used where a standard deviation belongs (σ² for σ, 1/p for 1/√p, 1/d for 1/√d) moves
 * a checked quantity by a factor, and every tolerance below is also under 2 % of it.
 */
import assert from "node:assert/strict";
import {
  logGrid,
  runSweepTrial,
  type SweepConfig,
} from "../../../src/compute/double-descent/doubleDescent.ts";
import { createRng } from "../../../src/compute/prng.ts";
import {
  drawFeatureWeights,
  drawTeacherData,
  trialStreams,
} from "../../../src/compute/double-descent/randomFeatures.ts";

function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) ** 2;
  return { mean, variance: ss / (values.length - 1) };
}

/**
 * |got − want| within four standard errors, a band that must itself stay under 1.5 % of `want`
 * so that a 2 % error cannot hide in it.
 */
function withinSampling(got: number, want: number, standardError: number, what: string) {
  const band = 4 * standardError;
  assert.ok(band < 0.015 * Math.abs(want), `${what}: a band of ${band} would hide a 2 % error`);
  assert.ok(Math.abs(got - want) <= band, `${what}: ${got} vs ${want} ± ${band}`);
}

Deno.test("drawTeacherData: the label noise Y − Xβ* has variance σ² in every set", () => {
  for (const sigma of [0.5, 2]) {
    const n = 150_000;
    const sizes = { nTrain: n, nVal: n, nTest: n, d: 3, sigma };
    const data = drawTeacherData(sizes, trialStreams(5));
    for (const [name, from] of [["train", 0], ["validation", n], ["test", 2 * n]] as const) {
      const residual = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let fit = 0;
        for (let k = 0; k < sizes.d; k++) fit += data.x[(from + i) * sizes.d + k] * data.beta[k];
        residual[i] = data.y[from + i] - fit;
      }
      const { mean, variance } = meanAndVariance(residual);
      // Var of a sample variance of normals: 2σ⁴/(n − 1).
      withinSampling(
        variance,
        sigma ** 2,
        sigma ** 2 * Math.sqrt(2 / (n - 1)),
        `${name} σ=${sigma}`,
      );
      assert.ok(Math.abs(mean) < 4 * sigma / Math.sqrt(n), `${name} noise mean ${mean}`);
    }
  }
});

Deno.test("drawTeacherData: the inputs are N(0, 1) entries", () => {
  const sizes = { nTrain: 40_000, nVal: 1, nTest: 1, d: 5, sigma: 0 };
  const { x } = drawTeacherData(sizes, trialStreams(8));
  const { mean, variance } = meanAndVariance(x);
  withinSampling(variance, 1, Math.sqrt(2 / (x.length - 1)), "Var X_ik");
  assert.ok(Math.abs(mean) < 4 / Math.sqrt(x.length), `mean ${mean}`);
});

Deno.test("drawTeacherData: d‖β*‖² follows χ²_d (mean d, variance 2d), i.e. β* ~ N(0, I_d/d)", () => {
  const d = 35;
  const trials = 5000;
  const scaled = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    const { beta } = drawTeacherData(
      { nTrain: 1, nVal: 1, nTest: 1, d, sigma: 0 },
      trialStreams(t),
    );
    scaled[t] = d * beta.reduce((s, b) => s + b * b, 0);
  }
  const { mean, variance } = meanAndVariance(scaled);
  withinSampling(mean, d, Math.sqrt((2 * d) / trials), "mean of d‖β*‖²");
  // The sample variance of χ²_d has standard error √((μ₄ − σ⁴)/n), μ₄ = 12d(d + 4), σ⁴ = 4d².
  const se = Math.sqrt((12 * d * (d + 4) - 4 * d * d) / trials);
  assert.ok(Math.abs(variance - 2 * d) <= 4 * se, `variance of d‖β*‖² ${variance} vs ${2 * d}`);
});

Deno.test("drawFeatureWeights: W⁰ has N(0, 1) entries (the model divides by √p)", () => {
  const w = drawFeatureWeights(40, 10_000, createRng(3));
  const { mean, variance } = meanAndVariance(w);
  withinSampling(variance, 1, Math.sqrt(2 / (w.length - 1)), "Var W⁰_ij");
  assert.ok(Math.abs(mean) < 4 / Math.sqrt(w.length), `mean ${mean}`);
});

Deno.test("runSweepTrial: E‖X̃‖²_F = Σᵢ‖xᵢ‖²/2, so the model's W_ij have variance 1/p (both regimes)", () => {
  // For w ~ N(0, I/p): w·x ~ N(0, ‖x‖²/p) and E ReLU(w·x)² = ‖x‖²/(2p); summed over p features
  // the 1/p cancels. The ratio below scatters over W with standard deviation about √(2/(d p)).
  const config: SweepConfig = {
    nTrain: 300,
    nVal: 1,
    nTest: 1,
    d: 100,
    sigma: 0.5,
    seed: 40,
    trials: 16,
    pGrid: [250, 600],
    lambdaA: 1,
    lambdas: logGrid(1, 1, 1),
    spectrumP: [250, 600],
  };
  const ratios = config.pGrid.map(() => new Float64Array(config.trials));
  for (let t = 0; t < config.trials; t++) {
    const { spectra } = runSweepTrial(config, t, true);
    const data = drawTeacherData(config, trialStreams(config.seed + t));
    let half = 0;
    for (let i = 0; i < config.nTrain * config.d; i++) half += data.x[i] ** 2 / 2;
    spectra.forEach((s, k) => (ratios[k][t] = s.reduce((a, v) => a + v * v, 0) / half));
  }
  config.pGrid.forEach((p, k) => {
    const { mean, variance } = meanAndVariance(ratios[k]);
    withinSampling(mean, 1, Math.sqrt(variance / config.trials), `p = ${p}: ‖X̃‖²_F ratio`);
  });
});
