/**
 * Training-time batch norm's graph and backward pass (homework 5, Q6(a) and 6(b)): the closed form
 * for ∂L/∂X against the edge-by-edge chain rule, tfjs autodiff (tf.grads through tf.moments on the
 * cpu backend) and central differences, on random batches of several shapes.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as the page does.
import "@tensorflow/tfjs";
import {
  batchNormBackward,
  batchNormForward,
  batchNormInputGradient,
  batchNormLoss,
  type BatchNormParams,
  type Matrix,
} from "../../../src/compute/normalisation/batchNormBackward.ts";
import {
  GRAPH_EDGES,
  lossFromNodes,
  parentsOf,
} from "../../../src/compute/normalisation/batchNormGraph.ts";
import { batchNormGradTf } from "../../../src/compute/normalisation/batchNormTf.ts";
import {
  centralDifferenceGradient,
  largestDifference,
} from "../../../src/compute/centralDifference.ts";
import {
  BETA,
  DEFAULT_BATCH,
  GAMMA,
  upstreamGradient,
} from "../../../src/compute/normalisation/backwardExample.ts";
import { TFJS_EPSILON, TORCH_EPSILON } from "../../../src/compute/epsilons.ts";
import { createRng } from "../../../src/compute/prng.ts";

await tf.setBackend("cpu");

function randomCase(seed: number, n: number, d: number, epsilon: number) {
  const rng = createRng(seed);
  const matrix = (scale: number, shift = 0) =>
    Array.from({ length: n }, () => Array.from({ length: d }, () => shift + scale * rng.normal()));
  const x = matrix(2, 0.5);
  const dY = matrix(1);
  const params: BatchNormParams = {
    gamma: Array.from({ length: d }, () => 0.5 + 2 * rng.uniform()),
    beta: Array.from({ length: d }, () => rng.normal()),
    epsilon,
  };
  return { x, dY, params };
}

const flat = (m: Matrix) => m.flat();
const unflat = (v: number[], d: number): Matrix =>
  Array.from({ length: v.length / d }, (_, i) => v.slice(i * d, (i + 1) * d));
const scaleOf = (m: Matrix) => Math.max(...m.flat().map(Math.abs));

const SHAPES: [number, number][] = [[2, 1], [3, 3], [4, 3], [7, 4], [8, 2]];

Deno.test("GRAPH_EDGES: X feeds μ, σ² and Z; μ and σ² feed Z; Z, γ and β feed Y (the eight edges of the course's graph)", () => {
  const edges = GRAPH_EDGES.map((e) => `${e.from}→${e.to}`).sort();
  assert.deepEqual(edges, [
    "X→Z",
    "X→mean",
    "X→variance",
    "Z→Y",
    "beta→Y",
    "gamma→Y",
    "mean→Z",
    "variance→Z",
  ]);
  assert.deepEqual(parentsOf("Z").sort(), ["X", "mean", "variance"]);
  assert.deepEqual(parentsOf("Y").sort(), ["Z", "beta", "gamma"]);
  assert.deepEqual(parentsOf("X"), []);
});

Deno.test("GRAPH_EDGES: what flows back along each edge is the derivative of L with respect to that node, by central differences", () => {
  for (const [seed, [n, d]] of SHAPES.entries()) {
    const { x, dY, params } = randomCase(seed + 1, n, d, TFJS_EPSILON);
    const pass = batchNormBackward(x, dY, params);
    const nodes = {
      X: x,
      mean: pass.mean,
      variance: pass.variance,
      gamma: params.gamma,
      beta: params.beta,
    };
    const along = (key: "mean" | "variance" | "gamma" | "beta") =>
      centralDifferenceGradient(
        (v) => lossFromNodes({ ...nodes, [key]: v }, dY, params.epsilon),
        nodes[key],
      );
    const close = (got: number[], want: number[], what: string) =>
      assert.ok(
        largestDifference(got, want) < 1e-7 * Math.max(1, ...want.map(Math.abs)),
        `${what} (${n}×${d}): ${got} vs ${want}`,
      );
    close(pass.dMean, along("mean"), "μ → Z");
    close(pass.dVariance, along("variance"), "σ² → Z");
    close(pass.dGamma, along("gamma"), "γ → Y");
    close(pass.dBeta, along("beta"), "β → Y");
    // X → Z with μ and σ² held: the direct part of ∂L/∂X.
    const direct = centralDifferenceGradient(
      (v) => lossFromNodes({ ...nodes, X: unflat(v, d) }, dY, params.epsilon),
      flat(x),
    );
    close(flat(pass.dXViaZ), direct, "X → Z");
    // ∂L/∂Z = γ ⊙ dY, and the three parts of ∂L/∂X add up to it.
    close(flat(pass.dZ), flat(dY.map((row) => row.map((v, j) => params.gamma[j] * v))), "Z → Y");
    const sum = pass.dXViaZ.map((row, i) =>
      row.map((v, j) => v + pass.dXViaMean[i][j] + pass.dXViaVariance[i][j])
    );
    assert.deepEqual(sum, pass.dX);
  }
});

Deno.test("batchNormInputGradient(X, dY, γ, ε): the closed form equals the chain rule, central differences and tfjs autodiff (through tf.moments, and through the two means the page uses)", async () => {
  let worstChain = 0;
  let worstFd = 0;
  let worstTf = 0;
  for (const epsilon of [TFJS_EPSILON, TORCH_EPSILON]) {
    for (const [seed, [n, d]] of SHAPES.entries()) {
      const { x, dY, params } = randomCase(10 * seed + 3, n, d, epsilon);
      const closed = batchNormInputGradient(x, dY, { ...params, epsilon });
      const pass = batchNormBackward(x, dY, { ...params, epsilon });
      // The terms of ∂L/∂X are of the size of γ·dY/√(σ² + ε) and may cancel almost entirely (with
      // n = 2, Z is ±1 up to ε, so ∂L/∂X is near 0): errors are measured against the terms.
      const scale = scaleOf(pass.dXViaZ);
      const chain = pass.dX;
      const fd = centralDifferenceGradient(
        (v) => batchNormLoss(unflat(v, d), dY, { ...params, epsilon }),
        flat(x),
        1e-5,
      );
      for (const moments of ["tf.moments", "means"] as const) {
        const auto = await batchNormGradTf(tf, x, dY, { ...params, epsilon }, { moments });
        worstTf = Math.max(worstTf, largestDifference(flat(closed), flat(auto.dX)) / scale);
      }
      worstChain = Math.max(worstChain, largestDifference(flat(closed), flat(chain)) / scale);
      worstFd = Math.max(worstFd, largestDifference(flat(closed), fd) / scale);
    }
  }
  // Measured: chain rule 2.1e-16, central differences 9.7e-11, tfjs (float32) 2.4e-7, relative
  // to the largest term. A 2 % error in the closed form would be at least 1.6e-2 here.
  assert.ok(worstChain < 1e-13, `chain rule ${worstChain}`);
  assert.ok(worstFd < 1e-8, `central differences ${worstFd}`);
  assert.ok(worstTf < 2e-6, `tfjs autodiff ${worstTf}`);
});

Deno.test("batchNormBackward: the path μ → σ² carries nothing (Σ(X − μ) = 0), ∂L/∂X sums to 0 down each column, and only ε/(σ² + ε) of its part along X − μ is left", () => {
  for (const [seed, [n, d]] of SHAPES.entries()) {
    const { x, dY, params } = randomCase(seed + 60, n, d, TFJS_EPSILON);
    const pass = batchNormBackward(x, dY, params);
    // σ² computed from the μ passed in: the derivative along μ is still the edge μ → Z's.
    const viaBoth = centralDifferenceGradient((mean) => {
      const variance = mean.map((m, j) => x.reduce((s, row) => s + (row[j] - m) ** 2, 0) / n);
      return lossFromNodes(
        { X: x, mean, variance, gamma: params.gamma, beta: params.beta },
        dY,
        params.epsilon,
      );
    }, pass.mean);
    const tol = 1e-7 * Math.max(1, ...pass.dMean.map(Math.abs));
    assert.ok(largestDifference(viaBoth, pass.dMean) < tol, `${viaBoth} vs ${pass.dMean}`);
    const scale = scaleOf(pass.dXViaZ);
    for (let j = 0; j < d; j++) {
      const columnSum = pass.dX.reduce((s, row) => s + row[j], 0);
      assert.ok(Math.abs(columnSum) < 1e-12 * n * scale);
      const s = pass.variance[j] + params.epsilon;
      const along = pass.dX.reduce((acc, row, i) => acc + row[j] * (x[i][j] - pass.mean[j]), 0);
      const upstream = dY.reduce((acc, row, i) => acc + row[j] * (x[i][j] - pass.mean[j]), 0);
      const want = params.gamma[j] * (params.epsilon / s ** 1.5) * upstream;
      assert.ok(Math.abs(along - want) < 1e-10 * n * scale, `column ${j + 1}: ${along} vs ${want}`);
    }
  }
});

Deno.test("batchNormInputGradient on the page's batch: ε = 10⁻⁵ instead of 10⁻³ moves ∂L/∂X by under 1 %, since every variance is far above both", () => {
  const x = DEFAULT_BATCH.map((row) => [...row]);
  const dY = upstreamGradient(4, 3);
  const base = { gamma: GAMMA.slice(0, 3), beta: BETA.slice(0, 3) };
  const tfjs = batchNormInputGradient(x, dY, { ...base, epsilon: TFJS_EPSILON });
  const torch = batchNormInputGradient(x, dY, { ...base, epsilon: TORCH_EPSILON });
  const change = largestDifference(flat(tfjs), flat(torch)) / scaleOf(tfjs);
  assert.ok(change < 0.01 && change > 0, `relative change ${change}`);
  assert.ok(Math.min(...batchNormForward(x, { ...base, epsilon: TFJS_EPSILON }).variance) > 0.5);
});

Deno.test("batchNormGradTf(tf, X, dY, …): Y, ∂L/∂γ and ∂L/∂β equal the Float64 pass to float32 precision", async () => {
  for (const [seed, [n, d]] of SHAPES.entries()) {
    const { x, dY, params } = randomCase(seed + 40, n, d, TFJS_EPSILON);
    const pass = batchNormBackward(x, dY, params);
    const auto = await batchNormGradTf(tf, x, dY, params);
    const tol = (v: number[]) => 1e-5 * Math.max(1, ...v.map(Math.abs));
    assert.ok(largestDifference(flat(auto.y), flat(pass.y)) < tol(flat(pass.y)));
    assert.ok(largestDifference(auto.dGamma, pass.dGamma) < tol(pass.dGamma));
    assert.ok(largestDifference(auto.dBeta, pass.dBeta) < tol(pass.dBeta));
  }
});

Deno.test("batchNormForward(X): biased batch variance (÷ n) for the division, the unbiased one (÷ (n − 1)) reported beside it; Z has mean 0", () => {
  const x = DEFAULT_BATCH.map((row) => [...row]);
  const params = { gamma: GAMMA.slice(0, 3), beta: BETA.slice(0, 3), epsilon: TFJS_EPSILON };
  const pass = batchNormForward(x, params);
  // Column 1 is 1, −0.5, 2, 0.5: mean 0.75, squared deviations sum to 3.25.
  assert.ok(Math.abs(pass.mean[0] - 0.75) < 1e-15);
  assert.ok(Math.abs(pass.variance[0] - 3.25 / 4) < 1e-15);
  assert.ok(Math.abs(pass.unbiasedVariance[0] - 3.25 / 3) < 1e-15);
  for (let j = 0; j < 3; j++) {
    const zMean = pass.z.reduce((s, row) => s + row[j], 0) / 4;
    assert.ok(Math.abs(zMean) < 1e-15);
    const zVar = pass.z.reduce((s, row) => s + row[j] ** 2, 0) / 4;
    assert.ok(Math.abs(zVar - pass.variance[j] / (pass.variance[j] + TFJS_EPSILON)) < 1e-14);
  }
});

Deno.test("batchNormBackward with a batch of one: σ² = 0, so Z = 0, Y = β and ∂L/∂X = 0 for ε > 0; ε = 0 is refused", async () => {
  const x = [[1.2, -3, 0.4]];
  const dY = upstreamGradient(1, 3);
  const params = { gamma: GAMMA.slice(0, 3), beta: BETA.slice(0, 3), epsilon: TFJS_EPSILON };
  const pass = batchNormBackward(x, dY, params);
  assert.deepEqual(pass.variance, [0, 0, 0]);
  assert.deepEqual(pass.y, [params.beta]);
  // −0 and 0 alike: every entry is zero.
  const zero = (m: number[][]) => m.flat().every((v) => v === 0);
  assert.ok(zero(pass.dX) && zero(batchNormInputGradient(x, dY, params)));
  assert.deepEqual(pass.unbiasedVariance.map(Number.isNaN), [true, true, true]);
  const auto = await batchNormGradTf(tf, x, dY, params);
  assert.ok(zero(auto.dX));
  assert.throws(
    () => batchNormForward(x, { ...params, epsilon: 0 }),
    /column 1 of X is constant \(variance 0\), so ε must be > 0/,
  );
});

Deno.test("batchNormInputGradient with a constant column and n > 1: Z = 0 there, but ∂L/∂X = γⱼ/√ε · (dY − mean dY), not 0", async () => {
  const x = [[2, 1], [2, 5], [2, -1]];
  const dY = upstreamGradient(3, 2);
  for (const epsilon of [TFJS_EPSILON, TORCH_EPSILON]) {
    const params = { gamma: GAMMA.slice(0, 2), beta: BETA.slice(0, 2), epsilon };
    const pass = batchNormBackward(x, dY, params);
    assert.equal(pass.variance[0], 0);
    assert.ok(pass.z.every((row) => row[0] === 0));
    const mean = (dY[0][0] + dY[1][0] + dY[2][0]) / 3;
    const closed = batchNormInputGradient(x, dY, params);
    closed.forEach((row, i) => {
      const want = (GAMMA[0] / Math.sqrt(epsilon)) * (dY[i][0] - mean);
      assert.ok(Math.abs(row[0] - want) < 1e-12 * Math.abs(want), `${row[0]} vs ${want}`);
    });
    assert.ok(Math.max(...closed.map((row) => Math.abs(row[0]))) > 10);
    const auto = await batchNormGradTf(tf, x, dY, params);
    auto.dX.forEach((row, i) =>
      assert.ok(Math.abs(row[0] - closed[i][0]) < 1e-5 * Math.abs(closed[i][0]))
    );
  }
});

Deno.test("batchNormForward refuses a batch of 0, NaN, ragged rows and γ of the wrong length, naming what is wrong", () => {
  const params = { gamma: [1, 1], beta: [0, 0], epsilon: 1e-3 };
  assert.throws(() => batchNormForward([], params), /X must have at least one row/);
  assert.throws(
    () => batchNormForward([[1, NaN]], params),
    /X\[1\]\[2\] must be a finite number; got NaN/,
  );
  assert.throws(
    () => batchNormForward([[1, 2], [3]], params),
    /X row 2 has 1 entries; row 1 has 2/,
  );
  assert.throws(
    () => batchNormForward([[1, 2, 3]], params),
    /gamma must have one entry per column of X \(3\); got 2/,
  );
  assert.throws(() => batchNormForward([[1, 2]], { ...params, epsilon: -1 }), /epsilon/);
  assert.throws(
    () => batchNormBackward([[1, 2]], [[1, 2], [3, 4]], params),
    /dY must be 1 × 2 like X; got 2 × 2/,
  );
});

Deno.test("upstreamGradient(n, d): the same entry (i, j) whatever the batch's size, two decimals", () => {
  const big = upstreamGradient(8, 4);
  const small = upstreamGradient(3, 2);
  small.forEach((row, i) => row.forEach((v, j) => assert.equal(v, big[i][j])));
  big.flat().forEach((v) => assert.equal(Math.round(v * 100) / 100, v));
  assert.throws(() => upstreamGradient(0, 3), /rows must be an integer in \[1, 8\]; got 0/);
});

Deno.test("batchNormGradTf: tf.memory().numTensors is back where it started", async () => {
  const before = tf.memory().numTensors;
  for (let seed = 0; seed < 10; seed++) {
    const { x, dY, params } = randomCase(seed, 4, 3, TFJS_EPSILON);
    await batchNormGradTf(tf, x, dY, params);
  }
  assert.equal(tf.memory().numTensors, before);
});
