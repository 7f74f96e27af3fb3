import assert from "node:assert/strict";
import {
  batchNoiseMonteCarlo,
  batchSizeGrid,
  chiSquareDraw,
  conditionalOutputMoments,
  deltaMethodVariance,
} from "../../../src/compute/normalisation-geometry/batchNoise.ts";
import { createRng } from "../../../src/compute/prng.ts";
import { assertSampled } from "./sampling.ts";

/** erf(1/√2) and erf(2/√2): the normal's mass within 1 and 2 standard deviations. */
const ERF = { 1: 0.6826894921370859, 2: 0.9544997361036416 };

Deno.test("conditionalOutputMoments(z, 2) is exact: a batch of two gives u = ±1, E[u | z] = erf(z/√2)", () => {
  for (const z of [1, 2] as const) {
    const { mean, variance } = conditionalOutputMoments(z, 2);
    assert.ok(Math.abs(mean - ERF[z]) < 1e-12, `z = ${z}: ${mean}`);
    assert.ok(Math.abs(variance - (1 - ERF[z] ** 2)) < 1e-12, `z = ${z}: ${variance}`);
  }
  assert.ok(Math.abs(conditionalOutputMoments(0, 2).mean) < 1e-15);
  assert.ok(Math.abs(conditionalOutputMoments(0, 2).variance - 1) < 1e-12);
});

Deno.test("conditionalOutputMoments(z, m) averaged over z ~ N(0, 1) gives the pooled E[u²] = 1", () => {
  for (const m of [3, 5, 16, 128]) {
    // Trapezoid in z on [−10, 10]: the normal weight makes it exponentially accurate.
    const h = 0.05;
    let total = 0;
    for (let z = -10; z <= 10 + 1e-9; z += h) {
      const { mean, variance } = conditionalOutputMoments(z, m);
      total += (h * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI)) * (variance + mean * mean);
    }
    assert.ok(Math.abs(total - 1) < 1e-9, `m = ${m}: ${total}`);
  }
});

/** u for the input z in `draws` whole batches drawn value by value: the definition itself. */
function wholeBatches(z: number, m: number, draws: number, seed: number) {
  const rng = createRng(seed);
  const values = new Float64Array(draws);
  const batch = new Float64Array(m);
  for (let r = 0; r < draws; r++) {
    batch[0] = z;
    for (let i = 1; i < m; i++) batch[i] = rng.normal();
    const mean = batch.reduce((s, v) => s + v, 0) / m;
    const variance = batch.reduce((s, v) => s + (v - mean) ** 2, 0) / m;
    values[r] = (z - mean) / Math.sqrt(variance);
  }
  const mean = values.reduce((s, v) => s + v, 0) / draws;
  let m2 = 0;
  let m4 = 0;
  for (const u of values) {
    m2 += (u - mean) ** 2;
    m4 += (u - mean) ** 4;
  }
  return {
    mean,
    meanSE: Math.sqrt(m2 / (draws - 1) / draws),
    variance: m2 / (draws - 1),
    varianceSE: Math.sqrt((m4 / draws - (m2 / draws) ** 2) / draws),
  };
}

for (const m of [3, 8, 32]) {
  Deno.test(`conditionalOutputMoments(z, ${m}) matches whole batches drawn value by value, within 4 SE`, () => {
    for (const z of [0.5, 1, 2]) {
      const exact = conditionalOutputMoments(z, m);
      // Small batches scatter u widely (at m = 3 it is bimodal): more draws pin its variance to 2 %.
      const mc = wholeBatches(z, m, m === 3 ? 1_000_000 : 250_000, 10 * m + 2 * z);
      assertSampled(`m = ${m}, z = ${z}: E[u | z]`, mc.mean, mc.meanSE, exact.mean);
      assertSampled(`m = ${m}, z = ${z}: Var(u | z)`, mc.variance, mc.varianceSE, exact.variance);
    }
  });
}

Deno.test("batchNoiseMonteCarlo (through the other values' mean and sum of squares) matches conditionalOutputMoments within 4 SE", () => {
  for (const m of [2, 3, 8, 64, 1024]) {
    // At z = 2 and m = 2 the output is +1 in 97.7 % of batches: its variance needs far more draws.
    const inputs = m === 2 ? [0.5, 1, 1.5] : [0.5, 1, 2];
    for (
      const mc of batchNoiseMonteCarlo({ inputs, m, draws: m <= 3 ? 1_500_000 : 400_000, seed: m })
    ) {
      const exact = conditionalOutputMoments(mc.z, m);
      assertSampled(`m = ${m}, z = ${mc.z}: E[u | z]`, mc.mean, mc.meanSE, exact.mean);
      assertSampled(
        `m = ${m}, z = ${mc.z}: Var(u | z)`,
        mc.variance,
        mc.varianceSE,
        exact.variance,
      );
    }
  }
});

Deno.test("chiSquareDraw(rng, ν) has mean ν and variance 2ν, within 4 SE", () => {
  for (const nu of [1, 2, 7, 100, 1022]) {
    const rng = createRng(100 + nu);
    const draws = 400_000;
    let sum = 0;
    let squares = 0;
    const values = Array.from({ length: draws }, () => chiSquareDraw(rng, nu));
    for (const q of values) sum += q;
    const mean = sum / draws;
    let m4 = 0;
    for (const q of values) {
      squares += (q - mean) ** 2;
      m4 += (q - mean) ** 4;
    }
    const variance = squares / (draws - 1);
    assertSampled(`ν = ${nu}: mean`, mean, Math.sqrt(variance / draws), nu);
    const varianceSE = Math.sqrt((m4 / draws - (squares / draws) ** 2) / draws);
    // χ²(1) and χ²(2) have kurtosis 15 and 9: their variance needs millions of draws to pin to 2 %.
    if (nu >= 7) assertSampled(`ν = ${nu}: variance`, variance, varianceSE, 2 * nu);
  }
  assert.equal(chiSquareDraw(createRng(1), 0), 0);
});

Deno.test("conditionalOutputMoments(z, m) tends to the large-batch answer u = z, with Var(u | z) ≈ (1 + z²/2)/m", () => {
  for (const z of [0, 1, 2]) {
    let previous = Infinity;
    for (const m of [64, 256, 1024, 4096]) {
      const exact = conditionalOutputMoments(z, m);
      const gap = Math.abs(exact.variance / deltaMethodVariance(z, m) - 1);
      // The approximation's relative error falls like 1/m.
      assert.ok(gap < previous && gap * m < 12, `z = ${z}, m = ${m}: ${gap}`);
      previous = gap;
      assert.ok(Math.abs(exact.mean - z) < (2 * (1 + z)) / m, `z = ${z}, m = ${m}: ${exact.mean}`);
    }
  }
});

Deno.test("conditionalOutputMoments: the same input is pulled towards 0 in small batches (E[u | z] < z for z ≥ 2) and scattered most at m = 2", () => {
  for (const m of [2, 3, 4, 8]) assert.ok(conditionalOutputMoments(2, m).mean < 2);
  for (const z of [0, 1, 2]) {
    const spreads = batchSizeGrid(1024, 40).map((m) => conditionalOutputMoments(z, m).variance);
    // z = 2 is the exception at m = 2: u = ±1 almost always +1 there, so the spread peaks later.
    if (z < 2) assert.ok(spreads.every((v, i) => i === 0 || v < spreads[i - 1]), `z = ${z}`);
    assert.ok(spreads.at(-1)! < spreads[0] / 30);
  }
});

Deno.test("batchSizeGrid(max, count) runs from 2 to max in increasing whole numbers", () => {
  const grid = batchSizeGrid(1024, 40);
  assert.equal(grid[0], 2);
  assert.equal(grid.at(-1), 1024);
  assert.ok(grid.every((m, i) => Number.isInteger(m) && (i === 0 || m > grid[i - 1])));
  assert.ok(grid.length >= 35);
});

Deno.test("conditionalOutputMoments and batchNoiseMonteCarlo refuse batch 0 and 1 and NaN", () => {
  assert.throws(
    () => conditionalOutputMoments(1, 0),
    /batch size m must be an integer in \[2, 4096\]; got 0/,
  );
  assert.throws(
    () => conditionalOutputMoments(1, 1),
    /batch size m must be an integer in \[2, 4096\]; got 1/,
  );
  assert.throws(
    () => conditionalOutputMoments(NaN, 8),
    /standardised input z must be a finite number; got NaN/,
  );
  assert.throws(() => batchNoiseMonteCarlo({ m: 0, draws: 10, seed: 1 }), /batch size m/);
});
