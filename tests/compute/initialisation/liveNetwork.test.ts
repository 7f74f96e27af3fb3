/**
 * The initialisation page's live computations as the page runs them (through timeSliced) on
 * tfjs's CPU backend: their frames carry runLiveDepth's snapshots unchanged, and stopping leaves
 * no tensor behind.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import { type LiveDepthSnapshot, runLiveDepth } from "../../../src/compute/liveDepthTf.ts";
import {
  depthRecord,
  histogramLayers,
  networkLive,
  vanishingLive,
} from "../../../src/compute/initialisation/liveNetwork.ts";
import { theoryProfile, uniformWidths } from "../../../src/compute/meanField.ts";
import { scaledScheme } from "../../../src/compute/schemes.ts";
import { assertFloat32Close } from "../float32Close.ts";

await tf.setBackend("cpu");

const params = { depth: 6, width: 16, sigma: 1.41, batch: 8, seed: 2 };

async function direct(activations: ("relu" | "sigmoid")[], options: object) {
  let last: LiveDepthSnapshot | undefined;
  for await (const s of runLiveDepth(tf, params, activations, options)) last = s;
  return last!;
}

async function frames<F>(steps: AsyncIterable<F & { progress: number }>, signal: AbortSignal) {
  const out = [];
  for await (const frame of timeSliced(steps, { signal, sliceMs: 0 })) out.push(frame);
  return out;
}

Deno.test("histogramLayers(depth): 1, L/4, L/2, 3L/4 and L, rounded, each once", () => {
  assert.deepEqual(histogramLayers(30), [1, 8, 15, 23, 30]);
  assert.deepEqual(histogramLayers(2), [1, 2]);
  assert.deepEqual(histogramLayers(1), [1]);
});

Deno.test("networkLive(settings, env): ends done with runLiveDepth's numbers, forward and back", async () => {
  const before = tf.memory().numTensors;
  const signal = new AbortController().signal;
  const all = await frames(networkLive({ ...params, activation: "relu" }, { tf, signal }), signal);
  const last = all.at(-1)!;
  assert.equal(last.done, true);
  assert.equal(last.progress, 1);
  const want = await direct(["relu"], { histogramLayers: [1, 2, 3, 5, 6], spectralIterations: 0 });
  // Up to float32 rounding: each run cuts its products into row slices sized by the clock.
  assertFloat32Close(
    last.snap!.forward[0].map((s) => s.preMeanSquare),
    want.forward[0].map((s) => s.preMeanSquare),
    "forward",
  );
  assertFloat32Close(last.snap!.backward, want.backward, "backward");
  assert.ok(last.snap!.forward[0][0].sample, "layer 1 carries a histogram sample");
  assert.equal(tf.memory().numTensors, before);
  const theory = theoryProfile({
    scheme: scaledScheme(1.41),
    activation: "relu",
    widths: uniformWidths(6, 16),
  });
  const record = depthRecord(last.snap!, "relu", theory, "cpu");
  assert.deepEqual(record.params, { ...params, activation: "relu" });
  assert.deepEqual(record.pre, last.snap!.forward[0].map((s) => s.preMeanSquare));
  assert.deepEqual(record.grad, last.snap!.backward);
  assert.equal(record.longestSliceMs, last.snap!.longestSliceMs);
  assert.equal(record.backend, "cpu");
});

Deno.test("vanishingLive(settings, env): sigmoid and ReLU input gradients and ‖Wₗ‖₂ as runLiveDepth gives them", async () => {
  const signal = new AbortController().signal;
  const last = (await frames(vanishingLive(params, { tf, signal }), signal)).at(-1)!;
  const want = await direct(["sigmoid", "relu"], { backward: false, spectralIterations: 30 });
  assert.equal(last.done, true);
  assert.deepEqual(last.params, params);
  assertFloat32Close(last.sigmoid, want.forward[0].map((s) => s.inputGradMeanSquare), "sigmoid");
  assertFloat32Close(last.relu, want.forward[1].map((s) => s.inputGradMeanSquare), "relu");
  assert.deepEqual(last.spectralNorms, want.spectralNorms);
});

Deno.test("networkLive stopped after its first frame: layers so far, not done, no tensor left", async () => {
  const before = tf.memory().numTensors;
  const controller = new AbortController();
  let last;
  const steps = networkLive({ ...params, depth: 40, activation: "relu" }, {
    tf,
    signal: controller.signal,
  });
  for await (const frame of timeSliced(steps, { signal: controller.signal, sliceMs: 0 })) {
    last = frame;
    if (frame.snap!.layersDone >= 2) controller.abort();
  }
  assert.equal(last!.done, false);
  assert.ok(last!.snap!.layersDone >= 2 && last!.snap!.layersDone < 40);
  assert.equal(tf.memory().numTensors, before);
});
