import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { type CnnRunState, trainCnnTf } from "../../../src/compute/cnn-training/cnnTrainTf.ts";
import { dropoutMask, runSeeds, totalSteps } from "../../../src/compute/cnn-training/runPlan.ts";
import { oneHotRows, updateRunningStats } from "../../../src/compute/cnn-training/cnnStepTf.ts";
import { cnnForward, cnnVariables } from "../../../src/compute/cnn-training/cnnModelTf.ts";
import { initialCnnWeights } from "../../../src/compute/cnn-training/weights.ts";
import { digitPatches, ROWS_PER_DIGIT } from "../../../src/compute/cnn-training/patches.ts";
import { epochBatches } from "../../../src/compute/digitBatch.ts";
import {
  BATCH_NORM_COUNTEREXAMPLE,
  checkCnnSettings,
  CNN_DEFAULTS,
  type CnnSettings,
} from "../../../src/compute/cnn-training/settings.ts";
import { createRng } from "../../../src/compute/prng.ts";
import { data } from "./mnistFixture.ts";

await tf.setBackend("cpu");

const short: CnnSettings = { ...CNN_DEFAULTS, epochs: 1 };

async function finish(settings: CnnSettings, sliceMs = 1e9) {
  let last: CnnRunState | undefined;
  let yields = 0;
  for await (const state of trainCnnTf(tf, data, settings, { sliceMs })) {
    last = state;
    yields++;
  }
  return { last: last!, yields };
}

Deno.test("trainCnnTf(seed) is reproducible to the bit, and another seed gives another run", async () => {
  const a = await finish({ ...short, seed: 5 });
  const b = await finish({ ...short, seed: 5 });
  assert.ok(a.last.done);
  assert.deepEqual(a.last.history, b.last.history);
  assert.deepEqual(a.last.weights, b.last.weights);
  assert.deepEqual(a.last.running, b.last.running);
  assert.equal(a.last.testAccuracy, b.last.testAccuracy);
  const c = await finish({ ...short, seed: 6 });
  assert.notDeepEqual(c.last.weights, a.last.weights);
});

Deno.test("trainCnnTf: cutting the work into short slices changes nothing but the number of pauses", async () => {
  const whole = await finish({ ...short, batchNorm: false, seed: 2 });
  const sliced = await finish({ ...short, batchNorm: false, seed: 2 }, 0);
  assert.deepEqual(sliced.last.history, whole.last.history);
  assert.deepEqual(sliced.last.weights, whole.last.weights);
  // With sliceMs = 0 it pauses after every step and every evaluation chunk.
  assert.ok(sliced.yields > whole.last.totalSteps, `${sliced.yields} yields`);
  assert.ok(whole.yields <= 5, `${whole.yields} yields`);
});

Deno.test("trainCnnTf: one epoch on 500 digits lifts validation accuracy from chance (10 %) to above 50 %", async () => {
  for (const batchNorm of [false, true]) {
    const { last } = await finish({ ...short, batchNorm });
    const [before, after] = last.history;
    assert.equal(before.epoch, 0);
    assert.ok(
      Math.abs(before.validationAccuracy - 0.1) < 0.1,
      `before: ${before.validationAccuracy}`,
    );
    assert.ok(after.validationAccuracy > 0.5, `after one epoch: ${after.validationAccuracy}`);
    assert.ok(after.loss !== null && after.loss < 2.3, `loss ${after.loss}`);
    assert.equal(last.stepsDone, totalSteps(500, CNN_DEFAULTS.batchSize, 1));
  }
});

Deno.test("trainCnnTf leaves tf.memory() as it found it: after a finished run, a stopped run and a run left early", async () => {
  const before = tf.memory().numTensors;
  await finish(short);
  assert.equal(tf.memory().numTensors, before, "finished");
  const controller = new AbortController();
  let seen = 0;
  for await (const _ of trainCnnTf(tf, data, short, { sliceMs: 0, signal: controller.signal })) {
    if (++seen === 12) controller.abort();
  }
  assert.equal(tf.memory().numTensors, before, "stopped");
  for await (const _ of trainCnnTf(tf, data, short, { sliceMs: 0 })) {
    if (++seen === 30) break;
  }
  assert.equal(tf.memory().numTensors, before, "left early");
});

Deno.test("dropoutMask(rng, n, r) zeroes each feature with probability r and scales the rest by 1/(1 − r): mean 1 (4 standard errors)", () => {
  for (const rate of [0.2, 0.5, 0.8]) {
    const mask = dropoutMask(createRng(9), 2000, rate);
    assert.equal(mask.length, 2000 * 288);
    const zeros = mask.filter((m) => m === 0).length / mask.length;
    const se = Math.sqrt((rate * (1 - rate)) / mask.length);
    assert.ok(Math.abs(zeros - rate) < 4 * se, `rate ${rate}: ${zeros} zeros`);
    // A 2 % error in the drop probability would land beyond 4 standard errors.
    assert.ok(4 * se < 0.02 * rate);
    assert.ok(mask.every((m) => m === 0 || Math.abs(m - 1 / (1 - rate)) < 1e-6));
  }
});

Deno.test("updateRunningStats: new = 0.9·old + 0.1·batch, with the batch variance made unbiased (× m/(m − 1))", async () => {
  const old = {
    mean: tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7]),
    variance: tf.tensor1d([1, 1, 1, 1, 2, 2, 2, 2]),
  };
  const batch = [tf.tensor1d([1, 1, 1, 1, 1, 1, 1, 1]), tf.tensor1d([4, 4, 4, 4, 4, 4, 4, 4])];
  const next = updateRunningStats(tf, old, batch, 5);
  const mean = await next.mean.data();
  const variance = await next.variance.data();
  for (let f = 0; f < 8; f++) {
    assert.ok(Math.abs(mean[f] - (0.9 * f + 0.1)) < 1e-6);
    assert.ok(Math.abs(variance[f] - (0.9 * (f < 4 ? 1 : 2) + 0.1 * 4 * 5 / 4)) < 1e-6);
  }
  assert.ok(old.mean.isDisposed && old.variance.isDisposed);
  tf.dispose([...batch, next.mean, next.variance]);
});

Deno.test("runSeeds(seed) gives three different 32-bit seeds, the same ones every time", () => {
  const s = runSeeds(1);
  assert.deepEqual(runSeeds(1), s);
  assert.equal(new Set([s.weights, s.order, s.masks]).size, 3);
  for (const v of Object.values(s)) assert.ok(Number.isInteger(v) && v >= 0 && v < 2 ** 32);
  assert.notDeepEqual(runSeeds(2), s);
});

Deno.test("checkCnnSettings refuses NaN, a batch of 0, a drop rate of 0.95 and a non-boolean switch, naming each", async () => {
  assert.throws(
    () => checkCnnSettings({ ...CNN_DEFAULTS, learningRate: NaN }),
    /learning rate must be in \[0\.001, 0\.3\]; got NaN/,
  );
  assert.throws(
    () => checkCnnSettings({ ...CNN_DEFAULTS, batchSize: 0 }),
    /batch size must be an integer in \[5, 100\]; got 0/,
  );
  assert.throws(
    () => checkCnnSettings({ ...CNN_DEFAULTS, dropRate: 0.95 }),
    /drop rate must be in \[0\.05, 0\.8\]; got 0\.95/,
  );
  assert.throws(
    () => checkCnnSettings({ ...CNN_DEFAULTS, batchNorm: "yes" as unknown as boolean }),
    /batch norm must be true or false/,
  );
  await assert.rejects(
    trainCnnTf(tf, data, { ...CNN_DEFAULTS, epochs: 0 }).next(),
    /epochs must be an integer in \[1, 20\]; got 0/,
  );
});

Deno.test("trainCnnTf: batch norm's early lead depends on the learning rate: at BATCH_NORM_COUNTEREXAMPLE (0.1, seed 1) the network without it validates higher after one epoch", async () => {
  const at = async (batchNorm: boolean) =>
    (await finish({ ...CNN_DEFAULTS, ...BATCH_NORM_COUNTEREXAMPLE, epochs: 1, batchNorm })).last
      .history[1]
      .validationAccuracy;
  const without = await at(false);
  const withBn = await at(true);
  assert.ok(without > withBn + 0.05, `without ${without}, with ${withBn}`);
});

Deno.test("trainCnnTf: scoring only some epochs (scoreAt) leaves training as it is: the scored epochs, weights and test accuracy of the full run", async () => {
  const settings = { ...CNN_DEFAULTS, epochs: 2, seed: 4 };
  const full = await finish(settings);
  let last: CnnRunState | undefined;
  const scoreAt = (epoch: number) => epoch === 2;
  for await (const s of trainCnnTf(tf, data, settings, { sliceMs: 1e9, scoreAt })) last = s;
  assert.deepEqual(last!.history, [full.last.history[2]]);
  assert.deepEqual(last!.weights, full.last.weights);
  assert.equal(last!.testAccuracy, full.last.testAccuracy);
});

Deno.test("trainCnnTf: firstStepLoss is the loss of the first batch under the starting weights, computed again here by cnnForward", async () => {
  const settings = { ...short, seed: 3 };
  const { last } = await finish(settings);
  const seeds = runSeeds(settings.seed);
  const batch = epochBatches(data.trainIndices.length, settings.batchSize, seeds.order)[0];
  const indices = batch.map((i) => data.trainIndices[i]);
  const mask = dropoutMask(createRng(seeds.masks), indices.length, settings.dropRate);
  const vars = cnnVariables(tf, initialCnnWeights(seeds.weights));
  const loss = tf.tidy(() => {
    const n = indices.length;
    const patches = tf.tensor2d(digitPatches(data.trainSet, indices), [n * ROWS_PER_DIGIT, 25]);
    const labels = tf.tensor2d(oneHotRows(indices.map((i) => data.trainSet.labels[i])), [n, 10]);
    const { logits } = cnnForward(tf, vars, patches, n, {
      batchNorm: settings.batchNorm,
      mode: "train",
      mask: tf.tensor2d(mask, [n, mask.length / n]),
    });
    return tf.losses.softmaxCrossEntropy(labels, logits).dataSync()[0];
  });
  tf.dispose(Object.values(vars));
  assert.equal(last.firstStepLoss, loss);
});
