import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { runTrial } from "../../src/compute/doubleDescent.ts";
import {
  coarseToFine,
  evaluateLiveTrial,
  livePGrid,
  type LiveTrial,
  type LiveTrialParams,
  prepareLiveTrial,
} from "../../src/compute/liveRidgeTrial.ts";

await tf.setBackend("cpu");

const small: LiveTrialParams = { nTrain: 60, nVal: 20, nTest: 15, d: 8, seed: 4 };

async function prepared(params: LiveTrialParams): Promise<LiveTrial> {
  let last: LiveTrial | undefined;
  for await (const snapshot of prepareLiveTrial(tf, params)) last = snapshot;
  assert.ok(last?.done, "the generator ends with a finished trial");
  return last!;
}

/** Largest relative gap to runTrial (Float64, one direct factorisation per p) over the grid. */
function worstGap(trial: LiveTrial, params: LiveTrialParams, lambda: number, sigma: number) {
  const curve = evaluateLiveTrial(trial, lambda, sigma);
  let worst = 0;
  curve.p.forEach((p, i) => {
    const want = runTrial({ ...params, sigma, p, lambdas: [lambda], seed: params.seed });
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

Deno.test("evaluateLiveTrial(prepareLiveTrial(…), λ, σ) matches runTrial in both regimes", async () => {
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

Deno.test("prepareLiveTrial at the seed's sizes: within 1e-3 of runTrial, peak within N ± 15 %", async () => {
  const params = { nTrain: 300, nVal: 60, nTest: 30, d: 35, seed: 1 };
  const trial = await prepared(params);
  assert.equal(trial.pGrid[trial.pGrid.length - 1], 1000);
  const gap = worstGap(trial, params, 0.01, 0.5);
  assert.ok(gap < 1e-3, `relative gap ${gap}`);
  const curve = evaluateLiveTrial(trial, 0.01, 0.5);
  const peak = curve.p[curve.testError.indexOf(Math.max(...curve.testError))];
  assert.ok(Math.abs(peak - 300) <= 45, `peak at p = ${peak}`);
  const sMin = trial.factors.map((f) => f!.singularValues[f!.singularValues.length - 1]);
  const dip = trial.pGrid[sMin.indexOf(Math.min(...sMin))];
  assert.ok(Math.abs(dip - 300) <= 15, `smallest singular value dips at p = ${dip}`);
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
  assert.throws(() => evaluateLiveTrial(trial, -1, 0.5), /λ must be > 0/);
  assert.throws(() => evaluateLiveTrial(trial, 0, 0.5), /λ must be > 0/);
  assert.throws(() => evaluateLiveTrial(trial, NaN, 0.5), /λ must be a finite number/);
  assert.throws(() => evaluateLiveTrial(trial, 0.1, -0.5), /σ must be ≥ 0/);
});
