/**
 * The dropout toy's live training as the page runs it (through timeSliced) on tfjs's CPU backend:
 * the frames gather trainDropoutTf's chunks into the whole run, with the tail-mean estimate of
 * the Float64 trainer to float32 precision.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import { trainLive } from "../../../src/compute/dropout-toy/liveTrain.ts";
import { trainDropout } from "../../../src/compute/dropout-toy/dropoutTrain.ts";
import { expectedLossMinimiser } from "../../../src/compute/dropout-toy/dropoutToy.ts";

await tf.setBackend("cpu");

const settings = {
  rate: 0.5,
  batchSize: 8,
  learningRate: 0.002,
  steps: 400,
  optimizer: "sgd" as const,
  seed: 3,
};

Deno.test("trainLive: frames grow to the whole run; the estimate is the Float64 trainer's to 1e-6", async () => {
  const before = tf.memory().numTensors;
  const signal = new AbortController().signal;
  const frames = [];
  for await (
    const frame of timeSliced(trainLive(settings, { tf, signal }), { signal, sliceMs: 0 })
  ) {
    frames.push({ stepsDone: frame.stepsDone, done: frame.done, frame });
  }
  // Chunks of max(50, ⌈400/40⌉) = 50 steps.
  assert.deepEqual(frames.map((f) => f.stepsDone), [50, 100, 150, 200, 250, 300, 350, 400]);
  const last = frames.at(-1)!.frame;
  assert.equal(last.done, true);
  assert.equal(last.losses.length, 400);
  assert.deepEqual(last.target, expectedLossMinimiser(0.5));
  const reference = trainDropout(settings).tailMean;
  last.estimate.forEach((v, i) => {
    assert.ok(Math.abs(v / reference[i] - 1) < 1e-6, `w${i + 1}: ${v} vs ${reference[i]}`);
  });
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("trainLive: stopped part-way, the last frame holds the steps so far and no tensor is left", async () => {
  const before = tf.memory().numTensors;
  const controller = new AbortController();
  let last;
  const steps = trainLive({ ...settings, steps: 4000 }, { tf, signal: controller.signal });
  for await (const frame of timeSliced(steps, { signal: controller.signal, sliceMs: 0 })) {
    last = frame;
    if (frame.stepsDone >= 200) controller.abort();
  }
  assert.equal(last!.stepsDone, 200);
  assert.equal(last!.done, false);
  assert.equal(tf.memory().numTensors, before);
});
