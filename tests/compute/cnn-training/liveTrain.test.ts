/**
 * The cnn-training page's live computations as the page runs them (through timeSliced) on tfjs's
 * CPU backend: the training frames end in trainCnnTf's own run, a stopped run leaves no tensor,
 * and the inside view answers for one test digit as digitInside does.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { type Frame, timeSliced } from "../../../src/compute/liveRun.ts";
import {
  type CnnTrainFrame,
  cnnTrainLive,
  digitInsideLive,
  NETWORK_INPUT,
  softmax,
} from "../../../src/compute/cnn-training/liveTrain.ts";
import { DIGITS_INPUT } from "../../../src/compute/digitInputs.ts";
import { encodeDigitFile } from "../../../src/compute/digitFile.ts";
import { type CnnRunState, trainCnnTf } from "../../../src/compute/cnn-training/cnnTrainTf.ts";
import { digitInside } from "../../../src/compute/cnn-training/insideTf.ts";
import { CNN_DEFAULTS, type CnnSettings } from "../../../src/compute/cnn-training/settings.ts";
import { data, splits } from "./mnistFixture.ts";

await tf.setBackend("cpu");

const short: CnnSettings = { ...CNN_DEFAULTS, epochs: 1, seed: 3 };
/** The digit file of the fixture's splits, as a page hands it to the live computations. */
const inputs = { [DIGITS_INPUT]: (await encodeDigitFile(splits)).slice().buffer };

Deno.test("cnnTrainLive: frames grow to trainCnnTf's run, with its weights at the end and no tensor left", async () => {
  const before = tf.memory().numTensors;
  const signal = new AbortController().signal;
  const frames: Frame<CnnTrainFrame>[] = [];
  const steps = cnnTrainLive(short, { tf, signal, inputs });
  for await (const frame of timeSliced(steps, { signal, sliceMs: 0 })) frames.push(frame);
  let direct: CnnRunState | undefined;
  for await (const state of trainCnnTf(tf, data, short)) direct = state;
  const last = frames.at(-1)!;
  assert.equal(last.done, true);
  assert.equal(last.progress, 1);
  assert.deepEqual(last.history, direct!.history);
  assert.equal(last.testAccuracy, direct!.testAccuracy);
  assert.equal(last.firstStepLoss, direct!.firstStepLoss);
  assert.deepEqual(last.weights, direct!.weights);
  assert.ok(last.workSliceMs > 0);
  // Progress follows the steps; only the last frame carries the trained weights.
  assert.ok(frames.every((f, i) => i === 0 || f.stepsDone >= frames[i - 1].stepsDone));
  assert.ok(frames.slice(0, -1).every((f) => f.weights === undefined));
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("cnnTrainLive: stopped part-way, the last frame holds the steps so far and no tensor is left", async () => {
  const before = tf.memory().numTensors;
  const controller = new AbortController();
  const steps = cnnTrainLive({ ...short, epochs: 3 }, { tf, signal: controller.signal, inputs });
  let last;
  for await (const frame of timeSliced(steps, { signal: controller.signal, sliceMs: 0 })) {
    last = frame;
    if (frame.stepsDone >= 5) controller.abort();
  }
  assert.equal(last!.done, false);
  assert.ok(last!.stepsDone >= 5 && last!.stepsDone < last!.totalSteps);
  assert.equal(last!.weights, undefined);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("digitInsideLive({digit: 7}, {inputs: {digits, network}}): digitInside's maps and logits, their softmax, argmax and the digit's label and pixels", async () => {
  let run: CnnRunState | undefined;
  for await (const state of trainCnnTf(tf, data, short)) run = state;
  const network = { weights: run!.weights!, running: run!.running!, batchNorm: true, label: "x" };
  const signal = new AbortController().signal;
  const frames = [];
  const steps = digitInsideLive({ digit: 7 }, {
    tf,
    signal,
    inputs: { ...inputs, [NETWORK_INPUT]: network },
  });
  for await (const frame of timeSliced(steps, { signal, sliceMs: 0 })) frames.push(frame);
  assert.equal(frames.length, 1);
  const [frame] = frames;
  const direct = await digitInside(tf, network, splits.test, 6);
  assert.deepEqual(frame.maps, direct.maps);
  assert.deepEqual(frame.logits, direct.logits);
  assert.deepEqual(frame.probabilities, softmax(direct.logits));
  assert.equal(frame.guess, frame.probabilities.indexOf(Math.max(...frame.probabilities)));
  assert.equal(frame.label, splits.test.labels[6]);
  assert.equal(frame.network, "x");
  assert.equal(frame.maxActivation, Math.max(...direct.maps.map((m) => Math.max(...m))));
  assert.equal(frame.pixels.length, 784);
  assert.equal(frame.pixels[300], splits.test.pixels[6 * 784 + 300] / 255);
});
