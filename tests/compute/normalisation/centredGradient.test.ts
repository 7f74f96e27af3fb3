/**
 * The centred batch norm's gradient (homework 5, Q2(b)) against tfjs autodiff and central
 * differences, its limits, and how much of the upstream gradient survives, by Monte Carlo.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as the page does.
import "@tensorflow/tfjs";
import {
  batchSeed,
  batchSizes,
  centredBackward,
  centredDraws,
  centredForward,
  gradientCosine,
  shareStats,
  survivingMonteCarlo,
  survivingShare,
  survivingShareTheory,
} from "../../../src/compute/normalisation/centredGradient.ts";
import { centredGradientTf } from "../../../src/compute/normalisation/centredGradientTf.ts";
import {
  centralDifferenceGradient,
  largestDifference,
} from "../../../src/compute/centralDifference.ts";
import { createRng } from "../../../src/compute/prng.ts";

await tf.setBackend("cpu");

const normals = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.normal());
};

Deno.test("centredBackward(dy, γ): ∂L/∂xᵢ = γ(∂L/∂yᵢ − (1/n)Σⱼ ∂L/∂yⱼ) equals tfjs autodiff and central differences", async () => {
  let worstFd = 0;
  let worstTf = 0;
  for (const [n, gamma, seed] of [[2, 1.5, 1], [5, 0.7, 2], [17, -2, 3], [64, 3, 4]]) {
    const x = normals(seed, n);
    const dy = normals(seed + 100, n);
    const closed = centredBackward(dy, gamma);
    // L(x) = Σᵢ dyᵢ·yᵢ(x): its gradient is ∂L/∂x for upstream gradient dy.
    const loss = (v: number[]) =>
      centredForward(v, gamma, 0.3).reduce((s, y, i) => s + dy[i] * y, 0);
    const fd = centralDifferenceGradient(loss, x);
    const auto = await centredGradientTf(
      tf,
      { n, draws: 1, x: Float64Array.from(x), dy: Float64Array.from(dy) },
      gamma,
      0.3,
    );
    const scale = Math.max(...closed.map(Math.abs));
    worstFd = Math.max(worstFd, largestDifference(closed, fd) / scale);
    worstTf = Math.max(worstTf, largestDifference(closed, auto) / scale);
  }
  // Measured: central differences 4.7e-11 relative, tfjs (float32) 9.0e-8 relative.
  assert.ok(worstFd < 1e-8, `central differences ${worstFd}`);
  assert.ok(worstTf < 2e-6, `tfjs autodiff ${worstTf}`);
});

Deno.test("centredBackward at n = 1 is exactly 0, and tends to γ·∂L/∂y as n grows (the gap is γ times the batch mean of ∂L/∂y)", async () => {
  for (const dy of [[2.5], [-0.3], [1e6]]) {
    assert.deepEqual(centredBackward(dy, 1.7), [0]);
    const auto = await centredGradientTf(
      tf,
      { n: 1, draws: 1, x: Float64Array.of(0.4), dy: Float64Array.from(dy) },
      1.7,
    );
    assert.equal(auto[0], 0);
  }
  const gamma = 1.3;
  let previous = Infinity;
  for (const n of [10, 1_000, 100_000]) {
    const dy = normals(n, n);
    const dx = centredBackward(dy, gamma);
    const mean = dy.reduce((s, v) => s + v, 0) / n;
    const gap = largestDifference(dx, dy.map((v) => gamma * v));
    assert.ok(Math.abs(gap - gamma * Math.abs(mean)) < 1e-12);
    // The batch mean of independent standard normals is N(0, 1/n): within 4/√n.
    assert.ok(gap < (4 * gamma) / Math.sqrt(n), `n = ${n}: gap ${gap}`);
    assert.ok(gap < previous);
    previous = gap;
  }
  assert.ok(previous < 0.02);
});

Deno.test("centredBackward with upstream gradients of mean c ≠ 0: dY ≡ c gives 0 at every n, and c + noise tends to γ(dY − c), not γ·dY", () => {
  const gamma = 1.3;
  for (const c of [2, -0.7, 0.1]) {
    for (const n of [1, 2, 3, 16, 256, 10_000]) {
      const dx = centredBackward(Array(n).fill(c), gamma);
      // Exactly 0 in exact arithmetic; the batch mean of n copies of c rounds within a few ulps.
      assert.ok(Math.max(...dx.map(Math.abs)) <= 1e-12 * gamma * Math.abs(c), `c = ${c}, n = ${n}`);
    }
    let previous = Infinity;
    for (const n of [10, 1_000, 100_000]) {
      const dy = normals(n + 7, n).map((v) => c + v);
      const dx = centredBackward(dy, gamma);
      const toLimit = largestDifference(dx, dy.map((v) => gamma * (v - c)));
      // The noise's batch mean is N(0, 1/n): the gap to γ(dY − c) is γ times it, within 4/√n.
      assert.ok(toLimit < (4 * gamma) / Math.sqrt(n), `c = ${c}, n = ${n}: ${toLimit}`);
      assert.ok(toLimit < previous);
      previous = toLimit;
      // The gap to γ·dY does not vanish: it is γ|c| up to that same noise.
      const toUpstream = largestDifference(dx, dy.map((v) => gamma * v));
      assert.ok(
        Math.abs(toUpstream - gamma * Math.abs(c)) < (4 * gamma) / Math.sqrt(n),
        `c = ${c}, n = ${n}`,
      );
    }
    assert.ok(previous < 0.02 * gamma * Math.abs(c) * 10);
  }
});

Deno.test("survivingShareTheory(n) = (n − 1)/n: the Monte-Carlo share for Gaussian ∂L/∂y lands within 4 standard errors, and 4 s.e. < 2 %", () => {
  const cases: [number, number][] = [[2, 100_000], [3, 60_000], [8, 20_000], [64, 4_000], [
    256,
    2_000,
  ]];
  for (const [n, draws] of cases) {
    const stats = survivingMonteCarlo(5, n, draws, 0.8);
    const theory = survivingShareTheory(n);
    const z = (stats.mean - theory) / stats.standardError;
    assert.ok(Math.abs(z) < 4, `n = ${n}: ${stats.mean} vs ${theory} (${z.toFixed(2)} s.e.)`);
    assert.ok(4 * stats.standardError < 0.02 * theory, `n = ${n}: too few draws to see 2 %`);
  }
  assert.equal(survivingShareTheory(1), 0);
  assert.equal(survivingMonteCarlo(5, 1, 100).mean, 0);
  assert.throws(() => survivingShareTheory(0), /batch size n must be an integer ≥ 1; got 0/);
});

Deno.test("survivingMonteCarlo(seed, n, …): the share's spread is Beta((n − 1)/2, 1/2)'s, within 2 %; and γ cancels from it", () => {
  for (const [n, draws] of [[2, 100_000], [8, 60_000]]) {
    const stats = survivingMonteCarlo(9, n, draws, 1);
    const [a, b] = [(n - 1) / 2, 0.5];
    const betaVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    const relative = Math.abs(stats.variance / betaVariance - 1);
    assert.ok(relative < 0.02, `n = ${n}: variance ${stats.variance} vs ${betaVariance}`);
  }
  const [small, large] = [survivingMonteCarlo(2, 6, 500, 0.5), survivingMonteCarlo(2, 6, 500, 2)];
  assert.ok(Math.abs(small.mean - large.mean) < 1e-14);
});

Deno.test("E‖∂L/∂x‖² = γ²(n − 1)σ² for any i.i.d. mean-zero ∂L/∂y (uniform here): within 4 s.e., and 4 s.e. < 2 %", () => {
  const rng = createRng(11);
  const gamma = 1.7;
  for (const [n, draws] of [[2, 60_000], [5, 30_000], [32, 5_000]]) {
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < draws; k++) {
      const dy = Array.from({ length: n }, () => 2 * rng.uniform() - 1);
      const kept = centredBackward(dy, gamma).reduce((s, v) => s + v * v, 0);
      sum += kept;
      sumSq += kept * kept;
    }
    const mean = sum / draws;
    const se = Math.sqrt((sumSq / draws - mean * mean) / draws);
    // Var(U(−1, 1)) = 1/3, and E‖γ∂L/∂y‖² = γ²n/3: their ratio is (n − 1)/n.
    const theory = (gamma ** 2 * (n - 1)) / 3;
    assert.ok(Math.abs(mean - theory) < 4 * se, `n = ${n}: ${mean} vs ${theory}`);
    assert.ok(4 * se < 0.02 * theory);
  }
});

Deno.test("gradientCosine(∂L/∂x, γ∂L/∂y) = √survivingShare for every batch (∂L/∂x is a projection)", () => {
  for (const n of [2, 3, 9, 40]) {
    for (const seed of [1, 2, 3]) {
      const dy = normals(seed * 7 + n, n);
      for (const gamma of [0.5, 2]) {
        const dx = centredBackward(dy, gamma);
        const share = survivingShare(dx, dy, gamma);
        assert.ok(Math.abs(gradientCosine(dx, dy, gamma) - Math.sqrt(share)) < 1e-12);
        assert.ok(share > 0 && share < 1);
      }
    }
  }
  assert.equal(gradientCosine([0], [1.2], 1), 0);
});

Deno.test("centredGradientTf(tf, draws, γ) over many batches gives survivingMonteCarlo's statistics to float32 precision", async () => {
  for (const n of [1, 2, 7, 33]) {
    const sample = centredDraws(3, n, 300);
    const dx = await centredGradientTf(tf, sample, 1.4);
    const live = shareStats(sample, dx, 1.4);
    const reference = survivingMonteCarlo(3, n, 300, 1.4);
    assert.ok(Math.abs(live.mean - reference.mean) < 1e-6, `n = ${n}`);
    if (n > 1) {
      assert.ok(Math.abs(live.standardError - reference.standardError) < 1e-6);
    }
  }
});

Deno.test("batchSizes(max) and batchSeed(seed, n): a grid from 1 that ends at max, one stream per size", () => {
  assert.deepEqual(batchSizes(1), [1]);
  assert.deepEqual(batchSizes(7), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(batchSizes(256).slice(-3), [160, 192, 256]);
  assert.deepEqual(batchSizes(100).slice(-2), [96, 100]);
  assert.throws(() => batchSizes(0), /largest batch size must be an integer in \[1, 256\]; got 0/);
  const seeds = new Set(Array.from({ length: 256 }, (_, n) => batchSeed(0, n + 1)));
  assert.equal(seeds.size, 256);
  assert.deepEqual(centredDraws(2, 5, 3), centredDraws(2, 5, 3));
});

Deno.test("centredGradientTf: tf.memory().numTensors is back where it started", async () => {
  const before = tf.memory().numTensors;
  for (let n = 1; n < 20; n++) await centredGradientTf(tf, centredDraws(1, n, 10), 1);
  assert.equal(tf.memory().numTensors, before);
});
