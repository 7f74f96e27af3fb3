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
import { type FromWorker, serveLive, type ToWorker } from "../../../src/compute/liveWorker.ts";
import { liveComputations } from "../../../src/compute/liveComputations.ts";
import {
  liveBatchNormTf,
  liveWeightNormTf,
} from "../../../src/compute/normalisation-geometry/liveChecks.ts";

await tf.setBackend("cpu");

/** Runs `name` from the site's registry in the worker's server (serveLive), as the page asks. */
async function lastFromWorker(name: string, settings: unknown) {
  const toWorker: ((event: { data: ToWorker }) => void)[] = [];
  const frames: Record<string, unknown>[] = [];
  const ended = new Promise<void>((resolve) => {
    serveLive(
      {
        // Structured-cloned as between a worker and its page: a frame that cannot cross throws.
        postMessage(message: FromWorker) {
          const copy = structuredClone(message);
          if (copy.type === "frame") frames.push(copy.frame);
          if (copy.type === "error") frames.push({ error: copy.message });
          if (copy.type === "end") resolve();
        },
        addEventListener: (_type, listener) => void toWorker.push(listener),
      },
      liveComputations,
      () => Promise.resolve({ tf, backend: "cpu", description: "cpu", baselineTensors: 0 }),
    );
  });
  const send = (data: ToWorker) => toWorker.forEach((listener) => listener({ data }));
  send({ type: "start", wasmPaths: {} });
  send({ type: "run", id: 1, name, settings });
  await ended;
  return frames.at(-1)!;
}

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

Deno.test("the live worker runs normalisation-geometry/batch-norm and /weight-norm as these generators, and their frames cross to the page intact", async () => {
  const signal = new AbortController().signal;
  const bn = { mean: 1.5, variance: 0.16, beta: 3, gamma: 1, batch: 256, seed: 1 };
  const wn = { uLength: 0.5, uAngle: -160, wGamma: 1, eta: 0.3, steps: 30 };
  for (
    const [name, settings, here] of [
      ["normalisation-geometry/batch-norm", bn, liveBatchNormTf(bn, { tf, signal })],
      ["normalisation-geometry/weight-norm", wn, liveWeightNormTf(wn, { tf, signal })],
    ] as const
  ) {
    const { elapsedMs: _, longestSliceMs: __, ...frame } = await lastFromWorker(name, settings);
    let own: Record<string, unknown> = {};
    for await (const step of timeSliced<object>(here)) own = { ...step };
    const { elapsedMs: _e, longestSliceMs: _l, ...rest } = own;
    assert.deepEqual(frame, rest, name);
  }
});
