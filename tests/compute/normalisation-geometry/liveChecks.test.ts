/**
 * The geometry page's two tfjs checks through the driver on the CPU backend: batch norm by tf ops
 * matches the Float64 outputs at ε = 0, and weight norm's tfjs steps follow the Float64 path;
 * a stop after the gradient check leaves a frame with no step taken.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import {
  liveBatchNormTf,
  liveWeightNormTf,
} from "../../../src/compute/normalisation-geometry/liveChecks.ts";

await tf.setBackend("cpu");

Deno.test("liveBatchNormTf(settings): tfjs at ε = 0 within 2e-5 of the page's outputs; its default ε shrinks the variance below γ²", async () => {
  const signal = new AbortController().signal;
  const settings = { mean: 1, variance: 2, beta: 0.5, gamma: 1.5, batch: 8, seed: 3 };
  let last;
  for await (const frame of timeSliced(liveBatchNormTf(settings, { tf, signal }))) last = frame;
  assert.ok(last!.relativeGap < 2e-5, `${last!.relativeGap}`);
  assert.ok(last!.varianceDefault < 1.5 ** 2 && last!.gapDefault > 1e-4);
});

Deno.test("liveWeightNormTf(settings): the gradient check first, then tfjs's steps on the Float64 path; stopped after the check, no step", async () => {
  const before = tf.memory().numTensors;
  const settings = { uLength: 1, uAngle: 0.5, wGamma: 1, eta: 0.2, steps: 60 };
  const signal = new AbortController().signal;
  const frames = [];
  for await (
    const frame of timeSliced(liveWeightNormTf(settings, { tf, signal }), { sliceMs: 0 })
  ) {
    frames.push(frame);
  }
  assert.equal(frames[0].stepsDone, undefined);
  const last = frames.at(-1)!;
  assert.equal(last.done, true);
  assert.equal(last.stepsDone, 60);
  assert.ok(last.gradError! < 1e-5 && last.pathGap! < 1e-4, `${last.gradError} ${last.pathGap}`);
  const controller = new AbortController();
  const stopped = [];
  const steps = liveWeightNormTf(settings, { tf, signal: controller.signal });
  for await (const frame of timeSliced(steps, { signal: controller.signal, sliceMs: 0 })) {
    stopped.push(frame);
    controller.abort();
  }
  assert.equal(stopped.at(-1)!.stepsDone, undefined);
  assert.equal(tf.memory().numTensors, before);
});
