import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import {
  coarseToFine,
  evaluateLiveTrial,
  type LiveCurve,
  livePGrid,
  type LiveTrial,
  type LiveTrialParams,
  prepareLiveTrial,
} from "../../../src/compute/double-descent/liveRidgeTrial.ts";
import { directRidgeTrial } from "../../reference/directRidgeTrial.ts";

await tf.setBackend("cpu");

const small: LiveTrialParams = { nTrain: 60, nVal: 20, nTest: 15, d: 8, seed: 4 };

async function prepared(params: LiveTrialParams): Promise<LiveTrial> {
  let last: LiveTrial | undefined;
  for await (const snapshot of prepareLiveTrial(tf, params)) last = snapshot;
  assert.ok(last?.done, "the generator ends with a finished trial");
  return last!;
}

/** The loader's sizes and seed (data/double-descent.json): the trial the page opens with. */
const config = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/double-descent.json", import.meta.url)),
);
const defaults: LiveTrialParams = {
  nTrain: config.nTrain,
  nVal: config.nVal,
  nTest: config.nTest,
  d: config.d,
  seed: config.seed,
};
let defaultTrial: Promise<LiveTrial> | undefined;
/** Prepared once (about 5 s on the CPU backend) and shared by the tests that need it. */
const preparedDefault = () => (defaultTrial ??= prepared(defaults));

/** Largest relative gap to a direct dense Float64 ridge solve per p, over the grid. */
function worstGap(trial: LiveTrial, params: LiveTrialParams, lambda: number, sigma: number) {
  const curve = evaluateLiveTrial(trial, lambda, sigma);
  let worst = 0;
  curve.p.forEach((p, i) => {
    const want = directRidgeTrial({ ...params, sigma, p, lambdas: [lambda] });
    const pairs = [
      [curve.trainError[i], want.trainError[0]],
      [curve.valError[i], want.valError[0]],
      [curve.testError[i], want.testError[0]],
    ];
    for (const [got, exact] of pairs) {
      worst = Math.max(worst, Math.abs(got - exact) / Math.max(exact, 1e-3));
    }
  });
  return worst;
}

Deno.test("livePGrid(nTrain) spans 1…10N/3, strictly increasing, dense around N", () => {
  const grid = livePGrid(300);
  assert.equal(grid[0], 1);
  assert.equal(grid[grid.length - 1], 1000);
  assert.ok(grid.includes(300));
  grid.slice(1).forEach((p, i) => assert.ok(p > grid[i]));
  assert.ok(grid.filter((p) => p >= 270 && p <= 330).length >= 8);
  assert.throws(() => livePGrid(0), /N_train must be an integer ≥ 1; got 0/);
});

Deno.test("coarseToFine(count) visits every index once, ends first, then fills in", () => {
  for (const count of [1, 2, 5, 27, 64]) {
    const order = coarseToFine(count);
    assert.deepEqual([...order].sort((a, b) => a - b), [...Array(count).keys()]);
    assert.equal(order[0], 0);
    if (count > 2) assert.equal(order.indexOf(count - 1) < count / 2, true);
  }
});

Deno.test("evaluateLiveTrial(prepareLiveTrial(…), λ, σ) matches a direct Float64 solve in both regimes", async () => {
  const trial = await prepared(small);
  assert.ok(trial.pGrid.some((p) => p < small.nTrain) && trial.pGrid.some((p) => p > small.nTrain));
  // The products are float32; everything after them is Float64.
  for (const lambda of [1e-3, 0.01, 1, 100]) {
    for (const sigma of [0, 0.5, 2]) {
      const gap = worstGap(trial, small, lambda, sigma);
      assert.ok(gap < 2e-3, `λ = ${lambda}, σ = ${sigma}: relative gap ${gap}`);
    }
  }
});

Deno.test("prepareLiveTrial at the loader's sizes: within 1e-3 of a direct solve, peak within N ± 15 %", async () => {
  const trial = await preparedDefault();
  assert.equal(trial.pGrid[trial.pGrid.length - 1], Math.round((10 / 3) * defaults.nTrain));
  const gap = worstGap(trial, defaults, 0.01, 0.5);
  assert.ok(gap < 1e-3, `relative gap ${gap}`);
  const curve = evaluateLiveTrial(trial, 0.01, 0.5);
  const n = defaults.nTrain;
  const peak = curve.p[curve.testError.indexOf(Math.max(...curve.testError))];
  assert.ok(Math.abs(peak - n) <= 0.15 * n, `peak at p = ${peak}`);
  const sMin = trial.factors.map((f) => f!.singularValues[f!.singularValues.length - 1]);
  const dip = trial.pGrid[sMin.indexOf(Math.min(...sMin))];
  assert.ok(Math.abs(dip - n) <= 0.05 * n, `smallest singular value dips at p = ${dip}`);
});

/** Test error at the interpolation threshold (largest over p within N ± 10 %) and at p ≈ 2N/3. */
function peakAndBase(curve: LiveCurve, n: number) {
  const near = curve.p.flatMap((p, i) => (Math.abs(p - n) <= 0.1 * n ? [curve.testError[i]] : []));
  const distance = curve.p.map((p) => Math.abs(p - (2 * n) / 3));
  const base = curve.testError[distance.indexOf(Math.min(...distance))];
  return { peak: Math.max(...near), base };
}

Deno.test("evaluateLiveTrial(default, λ, σ = 0): the peak persists without label noise, but smaller than at σ = 0.5", async () => {
  // The ReLU features' nonlinear part acts as noise that no linear fit explains, so setting σ = 0
  // shrinks the peak without removing it. Measured: about 0.14 → 1.08 at λ = 1e-3 (σ = 0),
  // against a peak of about 12 at σ = 0.5.
  const trial = await preparedDefault();
  const n = defaults.nTrain;
  const clean = peakAndBase(evaluateLiveTrial(trial, 1e-3, 0), n);
  assert.ok(clean.peak > 3 * clean.base, `σ = 0, λ = 1e-3: ${clean.base} → ${clean.peak}`);
  const noisy = peakAndBase(evaluateLiveTrial(trial, 1e-3, 0.5), n);
  assert.ok(clean.peak < noisy.peak / 2, `peak at σ = 0 ${clean.peak} vs σ = 0.5 ${noisy.peak}`);
  // At the page's default λ = 0.01 the noiseless curve still rises towards p = N.
  const mild = peakAndBase(evaluateLiveTrial(trial, 0.01, 0), n);
  assert.ok(mild.peak > 1.5 * mild.base, `σ = 0, λ = 0.01: ${mild.base} → ${mild.peak}`);
});

Deno.test("prepareLiveTrial yields growing coarse-to-fine snapshots and leaks no tensor", async () => {
  const before = tf.memory().numTensors;
  const completed: number[] = [];
  let last: LiveTrial | undefined;
  for await (const snapshot of prepareLiveTrial(tf, small, { sliceMs: 0 })) {
    completed.push(snapshot.completed);
    last = snapshot;
  }
  assert.equal(tf.memory().numTensors, before);
  assert.equal(completed.length, last!.pGrid.length, "one snapshot per p with sliceMs = 0");
  completed.slice(1).forEach((c, i) => assert.equal(c, completed[i] + 1));
  assert.ok(last!.done && last!.factors.every(Boolean));
});

Deno.test("prepareLiveTrial stops quietly when aborted and keeps tf.memory() unchanged", async () => {
  const before = tf.memory().numTensors;
  const controller = new AbortController();
  const seen: LiveTrial[] = [];
  for await (
    const snapshot of prepareLiveTrial(tf, small, { sliceMs: 0, signal: controller.signal })
  ) {
    seen.push(snapshot);
    if (seen.length === 3) controller.abort();
  }
  assert.equal(seen.length, 3);
  assert.ok(!seen[2].done);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("prepareLiveTrial and evaluateLiveTrial reject bad values with the parameter's name", async () => {
  const run = (params: LiveTrialParams) => prepareLiveTrial(tf, params).next();
  await assert.rejects(
    run({ ...small, nTrain: 0 }),
    /N_train must be an integer in \[10, 500\]; got 0/,
  );
  await assert.rejects(run({ ...small, d: 0 }), /d must be an integer in \[1, 200\]; got 0/);
  await assert.rejects(
    run({ ...small, pGrid: [0, 5] }),
    /p\) must be an integer in \[1, 20000\]; got 0/,
  );
  await assert.rejects(
    run({ ...small, pGrid: [5, 5] }),
    /pGrid\[1\] \(p\) must be an integer in \[6/,
  );
  const trial = await prepared(small);
  assert.throws(
    () => evaluateLiveTrial(trial, -1, 0.5),
    /^RangeError: λ must be a finite number > 0; got -1$/,
  );
  assert.throws(() => evaluateLiveTrial(trial, 0, 0.5), /λ must be a finite number > 0; got 0/);
  assert.throws(() => evaluateLiveTrial(trial, NaN, 0.5), /λ must be a finite number > 0; got NaN/);
  assert.throws(
    () => evaluateLiveTrial(trial, 0.1, -0.5),
    /σ must be a finite number ≥ 0; got -0\.5/,
  );
  await assert.rejects(
    run({ ...small, seed: 2 ** 32 + 1 }),
    /seed must be an integer in \[0, 4294967295\]; got 4294967297/,
  );
});
