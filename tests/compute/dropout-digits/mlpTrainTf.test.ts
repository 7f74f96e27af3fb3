import assert from "node:assert/strict";
import { small, splits } from "./smallRun.ts";
import * as tf from "@tensorflow/tfjs-core";
import type { DigitMlpOptions } from "../../../src/compute/dropout-digits/mlpOptions.ts";
import {
  type DigitMlpFrame,
  type DigitMlpRunOptions,
  mlpTotalSteps,
  trainDigitMlpTf,
} from "../../../src/compute/dropout-digits/mlpTrainTf.ts";
import { referenceDigitMlp } from "../../reference/digitMlpReference.ts";

async function frames(options: DigitMlpOptions, run: DigitMlpRunOptions = {}) {
  const out: DigitMlpFrame[] = [];
  for await (const frame of trainDigitMlpTf(tf, splits, options, run)) out.push(frame);
  return out;
}

const maxRelative = (got: ArrayLike<number>, want: ArrayLike<number>) => {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  return worst / scale;
};

/**
 * The tfjs run in float32 against the Float64 reference on the same masks, batches and start.
 * Over these runs (10 to 60 steps) the weights agreed to within 1.7e-5 of their largest entry:
 * Adam divides each step by the root of its squared-gradient average, which magnifies float32
 * rounding on weights whose gradients are nearly zero. A 2 % change of the learning rate, of the
 * input-dropout scale or of the hidden-dropout scale moves them by 1.1e-2 or more (each tried
 * once), so the tolerance sits between, at 1e-4. Epoch losses agree to about 1e-7 relative.
 */
const TOL = 1e-4;
const LOSS_TOL = 1e-5;

for (
  const [label, options] of [
    ["both dropouts", small],
    ["no dropout", { ...small, keepInput: 1, keepHidden: 1 }],
    ["hidden dropout only, larger batches", {
      ...small,
      keepInput: 1,
      perClass: 30,
      batchSize: 50,
    }],
  ] as const
) {
  Deno.test(`trainDigitMlpTf(tf, splits, ${label}) takes the steps of a Float64 MLP with the same masks`, async () => {
    const run = await frames(options);
    const end = run.at(-1)!;
    assert.equal(end.done, true);
    assert.equal(end.stepsDone, mlpTotalSteps(options));
    const ref = referenceDigitMlp(splits, options);
    assert.equal(ref.losses.length, end.stepsDone);
    const w = end.weights!;
    for (const key of ["w1", "b1", "w2", "b2"] as const) {
      const err = maxRelative(w[key], ref[key]);
      assert.ok(err < TOL, `${key}: ${err}`);
    }
    // Each epoch's mean loss is the mean of its steps' losses, before each update.
    const perEpoch = ref.losses.length / options.epochs;
    for (const record of end.epochs.slice(1)) {
      const steps = ref.losses.slice((record.epoch - 1) * perEpoch, record.epoch * perEpoch);
      const want = steps.reduce((a, b) => a + b, 0) / steps.length;
      assert.ok(
        Math.abs(record.meanLoss! - want) < LOSS_TOL * want,
        `${record.meanLoss} vs ${want}`,
      );
    }
  });
}

Deno.test("trainDigitMlpTf(): a run is the same whatever the slice size", async () => {
  const fine = await frames(small, { sliceMs: 0, evalRows: 7 });
  const coarse = await frames(small, { sliceMs: 1e9, evalRows: 1000 });
  assert.ok(fine.length > coarse.length);
  assert.deepEqual(fine.at(-1)!.epochs, coarse.at(-1)!.epochs);
  assert.deepEqual(fine.at(-1)!.test, coarse.at(-1)!.test);
  assert.deepEqual(fine.at(-1)!.weights, coarse.at(-1)!.weights);
});

Deno.test("trainDigitMlpTf(): with and without dropout start from the same network and are scored on the same noise", async () => {
  const on = await frames({ ...small, epochs: 1 });
  const off = await frames({ ...small, epochs: 1, keepInput: 1, keepHidden: 1 });
  assert.deepEqual(on[0].epochs, off[0].epochs);
  assert.notDeepEqual(on.at(-1)!.weights, off.at(-1)!.weights);
});

Deno.test("trainDigitMlpTf(): one short epoch lifts validation accuracy far above chance", async () => {
  const run = await frames({ ...small, perClass: 100, hidden: 16, epochs: 1, batchSize: 50 });
  const [start, end] = run.at(-1)!.epochs;
  assert.ok(start.validationAccuracy < 0.2, `untrained: ${start.validationAccuracy}`);
  assert.ok(end.validationAccuracy > 0.6, `after one epoch: ${end.validationAccuracy}`);
  const test = run.at(-1)!.test!;
  // The honest block gives the answer away; a blank one leaves the pixels alone.
  assert.ok(test.honest > test.blank && test.blank > test.noise, JSON.stringify(test));
});

Deno.test("trainDigitMlpTf(): stopping (abort or break) releases every tensor", async () => {
  const before = tf.memory().numTensors;
  await frames(small);
  assert.equal(tf.memory().numTensors, before, "after a whole run");
  const controller = new AbortController();
  let seen = 0;
  for await (const _ of trainDigitMlpTf(tf, splits, small, { signal: controller.signal })) {
    if (++seen === 2) controller.abort();
  }
  assert.equal(seen, 2, "no frame after the abort");
  assert.equal(tf.memory().numTensors, before, "after an abort");
  for await (const frame of trainDigitMlpTf(tf, splits, small, { sliceMs: 0 })) {
    if (frame.stepsDone > 3) break;
  }
  assert.equal(tf.memory().numTensors, before, "after a break");
});

Deno.test("trainDigitMlpTf(): bad options throw before any tensor is made", async () => {
  const before = tf.memory().numTensors;
  await assert.rejects(
    frames({ ...small, keepHidden: 0 }),
    /keep probability of the hidden units must be in \(0, 1\]; got 0/,
  );
  await assert.rejects(
    frames({ ...small, perClass: 301 }),
    /training digits per class must be an integer in \[1, 300\]; got 301/,
  );
  assert.equal(tf.memory().numTensors, before);
});
