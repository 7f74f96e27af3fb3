/**
 * The RNN page's live computations through the driver: the Jacobian run is jacobianNorms in
 * slices with the hook's per-step arrays, and the BRNN check gives tfjs's gradients on the CPU
 * backend against the formulas.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import { jacobianNorms, log10Bound } from "../../../src/compute/rnn-gradients/jacobian.ts";
import { atRest, liveJacobian } from "../../../src/compute/rnn-gradients/liveJacobian.ts";
import { liveBrnnCheck } from "../../../src/compute/rnn-gradients/liveBrnnCheck.ts";
import { PAGE_DEFAULTS } from "../../../src/compute/rnn-gradients/examples.ts";

await tf.setBackend("cpu");

Deno.test("liveJacobian(params): frames grow to jacobianNorms' steps, with the bound and the exact value at rest per step", async () => {
  const params = { ...PAGE_DEFAULTS, units: 16, steps: 60 };
  const signal = new AbortController().signal;
  let clock = 0;
  const frames = [];
  const steps = liveJacobian(params, { signal });
  for await (const frame of timeSliced(steps, { signal, sliceMs: 10, now: () => clock++ })) {
    frames.push({ length: frame.steps.length, frame });
  }
  assert.ok(frames.length > 3);
  const last = frames.at(-1)!.frame;
  assert.equal(last.done, true);
  assert.equal(last.stopped, false);
  const whole = jacobianNorms(params);
  assert.deepEqual(last.steps, whole.steps);
  assert.deepEqual(last.log10Norms, whole.steps.map((d) => d.log10Norm));
  assert.deepEqual(last.log10Bound, whole.steps.map((d) => log10Bound("tanh", params.norm, d.t)));
  assert.equal(atRest(params), params.weights === "orthogonal" && params.drive === 0);
  assert.equal(last.log10Exact === null, !atRest(params));
});

Deno.test("liveJacobian(params): aborted after the first frame, the run holds its first steps and is not done", async () => {
  const controller = new AbortController();
  let clock = 0;
  const steps = liveJacobian({ ...PAGE_DEFAULTS, units: 16, steps: 100 }, {
    signal: controller.signal,
  });
  const frames = [];
  for await (
    const frame of timeSliced(steps, { signal: controller.signal, sliceMs: 5, now: () => clock++ })
  ) {
    frames.push(frame);
    controller.abort();
  }
  assert.equal(frames.length, 1);
  assert.equal(frames[0].done, false);
  assert.ok(frames[0].steps.length >= 2 && frames[0].steps.length < 101);
});

Deno.test("liveBrnnCheck({seed, steps}): tfjs's ∇Wᶠ and ∇Uᵇ within 1e-5 of the formulas, finite differences within 1e-7, no tensor left", async () => {
  const before = tf.memory().numTensors;
  const signal = new AbortController().signal;
  let last;
  for await (const frame of timeSliced(liveBrnnCheck({ seed: 4, steps: 3 }, { tf, signal }))) {
    last = frame;
  }
  assert.equal(last!.done, true);
  assert.ok(last!.tfGap.wf < 1e-5 && last!.tfGap.ub < 1e-5, JSON.stringify(last!.tfGap));
  assert.ok(last!.finiteGap.wf < 1e-7 && last!.finiteGap.ub < 1e-7);
  assert.equal(last!.tf.wf.length, last!.formula.wf.length);
  assert.equal(tf.memory().numTensors, before);
});
