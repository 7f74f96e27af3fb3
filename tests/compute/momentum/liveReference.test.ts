/**
 * The momentum page's live references as the page runs them (through timeSliced) on tfjs's CPU
 * backend: tfjs follows the Float64 runs to float32 precision, a stopped run reports how far it
 * got, and every tensor is released either way.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import {
  adamReference,
  momentumReference,
  type PathSettings,
} from "../../../src/compute/momentum/liveReference.ts";
import { collectTfRun } from "../../../src/compute/tfReference.ts";
import { runOptimizer } from "../../../src/compute/optimizers.ts";
import { makeSurface } from "../../../src/compute/surfaces.ts";

await tf.setBackend("cpu");

const defaults: PathSettings = {
  surface: "noisy",
  kappa: 50,
  noise: 0.3,
  seed: 1,
  beta: 0.9,
  step: 1,
  steps: 100,
  x0: -1.8,
  y0: 2.5,
};

async function lastFrame<F>(frames: AsyncIterable<F>): Promise<F> {
  let last: F | undefined;
  for await (const frame of frames) last = frame;
  return last!;
}

Deno.test("momentumReference: tfjs's path, step for step, and its largest gap from the Float64 path", async () => {
  const before = tf.memory().numTensors;
  const signal = new AbortController().signal;
  const frame = await lastFrame(
    timeSliced(momentumReference(defaults, { tf, signal }), { signal }),
  );
  assert.equal(frame.done, true);
  assert.equal(frame.stepsDone, 100);
  assert.equal(frame.progress, 1);
  const spec = { kind: "noisy" as const, kappa: 50, noise: 0.3, seed: 1 };
  const momentum = { kind: "momentum" as const, alpha: 0.9, epsilon: 1 };
  const run = { start: [-1.8, 2.5] as const, steps: 100 };
  const tfRun = await collectTfRun(tf, spec, momentum, run);
  assert.deepEqual(frame.x, tfRun.x);
  const float64 = runOptimizer(makeSurface(spec), momentum, run);
  const gap = Math.max(
    ...tfRun.x.map((x, t) => Math.hypot(x - float64.x[t], tfRun.y[t] - float64.y[t])),
  );
  assert.equal(frame.gap, gap);
  assert.ok(frame.gap > 0 && frame.gap < 5e-5, `gap ${frame.gap}`);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("momentumReference: a run aborted part-way reports its steps so far and releases every tensor", async () => {
  const before = tf.memory().numTensors;
  const controller = new AbortController();
  const frames = [];
  const steps = momentumReference({ ...defaults, steps: 500 }, {
    tf,
    signal: controller.signal,
  });
  for await (const frame of timeSliced(steps, { signal: controller.signal, sliceMs: 0 })) {
    frames.push(frame);
    if (frame.stepsDone >= 30) controller.abort();
  }
  const last = frames.at(-1)!;
  assert.equal(last.done, false);
  assert.equal(last.stepsDone, 30);
  assert.equal(last.x.length, 31);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("adamReference: tf.train.adam on the Adam section's problem stays within float32 of ours", async () => {
  const signal = new AbortController().signal;
  const frame = await lastFrame(
    timeSliced(adamReference({ beta1: 0.9, beta2: 0.999, eta: 0.2 }, { tf, signal }), { signal }),
  );
  assert.equal(frame.stepsDone, 100);
  assert.ok(frame.gap > 0 && frame.gap < 5e-5, `gap ${frame.gap}`);
});

Deno.test("momentumReference: without a tfjs runtime it says so", () => {
  const signal = new AbortController().signal;
  assert.throws(() => momentumReference(defaults, { signal }), /needs TensorFlow\.js/);
});
