/**
 * The convolution page's TensorFlow.js checks as the page runs them (through timeSliced) on tfjs's
 * CPU backend: the solved filter convolved back, the scatter-add against conv2dTranspose, the
 * singular and the cropped-away cases, and a run stopped before tfjs's answer is read.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import {
  filterCheck,
  largestGap,
  recoveryControls,
  scatterAdd2d,
  solvedFilter,
  transposeCheck,
} from "../../../src/compute/convolution/liveChecks.ts";
import { FILTER_RECOVERY } from "../../../src/compute/convolution/seeds.ts";

await tf.setBackend("cpu");

async function framesOf<F>(steps: AsyncIterable<F & { progress: number }>, signal: AbortSignal) {
  const frames = [];
  for await (const frame of timeSliced(steps, { signal, sliceMs: 0 })) frames.push(frame);
  return frames;
}

const course = { signal: [...FILTER_RECOVERY.signal], output: [...FILTER_RECOVERY.output] };

Deno.test("filterCheck(course's numbers): one done frame, filter (2, −1, 3), tfjs gives the outputs back exactly", async () => {
  const before = tf.memory().numTensors;
  const signal = new AbortController().signal;
  const frames = await framesOf(filterCheck(course, { tf, signal }), signal);
  assert.equal(frames.length, 1);
  const [frame] = frames;
  assert.equal(frame.done, true);
  assert.deepEqual(frame.filter, [2, -1, 3]);
  assert.deepEqual(frame.got, [-2, 2, 11]);
  assert.equal(frame.gap, 0);
  assert.deepEqual([frame.signal, frame.output], [course.signal, course.output]);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("filterCheck(no filter fits): done at once with filter null and nothing asked of tfjs", async () => {
  const signal = new AbortController().signal;
  const settings = { signal: [1, 0, 1, 0, 1], output: [1, 2, 3] };
  assert.equal(solvedFilter(settings), null);
  // No tf in env: a computation that needed it would throw.
  const [frame] = await framesOf(filterCheck(settings, { signal }), signal);
  assert.equal(frame.done, true);
  assert.equal(frame.filter, null);
  assert.equal(frame.got, undefined);
});

Deno.test("filterCheck stopped while tfjs works: no frame, so the page reports it unchecked", async () => {
  const before = tf.memory().numTensors;
  const controller = new AbortController();
  const steps = filterCheck(course, { tf, signal: controller.signal });
  const pending = framesOf(steps, controller.signal);
  controller.abort();
  assert.deepEqual(await pending, []);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("transposeCheck(stride 2, padding 1): tfjs's conv2dTranspose equals the scatter-add", async () => {
  const signal = new AbortController().signal;
  const settings = { stride: 2, padding: 1 };
  const [frame] = await framesOf(transposeCheck(settings, { tf, signal }), signal);
  const expected = scatterAdd2d(settings);
  assert.ok("value" in expected);
  assert.deepEqual(frame.expected, expected.value);
  assert.deepEqual(frame.got, expected.value);
  assert.equal(frame.gap, 0);
});

Deno.test("transposeCheck(stride 1, padding 2): done at once with the reason nothing is left", async () => {
  const signal = new AbortController().signal;
  const [frame] = await framesOf(transposeCheck({ stride: 1, padding: 2 }, { signal }), signal);
  assert.equal(frame.done, true);
  assert.match(frame.error!, /padding 2 crops 2 cells from each end/);
  assert.equal(frame.got, undefined);
});

Deno.test("largestGap([1, 2, 3], [1, 2.5, 2]) is 1", () => {
  assert.equal(largestGap([1, 2, 3], [1, 2.5, 2]), 1);
});

Deno.test("recoveryControls(signal, output) names them x1 … x5, y1 … y3", () => {
  assert.deepEqual(recoveryControls([1, 4, 0, -2, 3], [-2, 2, 11]), {
    x1: 1,
    x2: 4,
    x3: 0,
    x4: -2,
    x5: 3,
    y1: -2,
    y2: 2,
    y3: 11,
  });
});
