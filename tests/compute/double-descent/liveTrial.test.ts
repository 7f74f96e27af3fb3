/**
 * The double-descent page's live trial as the page runs it (through timeSliced) on tfjs's CPU
 * backend: its frames are prepareLiveTrial's snapshots, and the helpers read them as the page does.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import {
  nearestFactored,
  ridgeTrialLive,
  smallestSingularRows,
} from "../../../src/compute/double-descent/liveTrial.ts";
import { livePGrid } from "../../../src/compute/double-descent/liveRidgeTrial.ts";

await tf.setBackend("cpu");

const settings = { ntrain: 40, d: 6, seed: 3, nVal: 20, nTest: 10 };

Deno.test("ridgeTrialLive(settings): frames grow to every p of livePGrid(ntrain), done at the end, no tensor left", async () => {
  const before = tf.memory().numTensors;
  const signal = new AbortController().signal;
  const frames = [];
  for await (
    const frame of timeSliced(ridgeTrialLive(settings, { tf, signal }), { signal, sliceMs: 0 })
  ) frames.push(frame);
  const last = frames.at(-1)!;
  assert.equal(last.done, true);
  assert.equal(last.progress, 1);
  assert.deepEqual(last.trial!.pGrid, livePGrid(40));
  assert.equal(last.trial!.completed, livePGrid(40).length);
  assert.deepEqual(last.trial!.sizes, { nTrain: 40, nVal: 20, nTest: 10, d: 6 });
  for (let i = 1; i < frames.length; i++) {
    assert.ok(frames[i].trial!.completed >= frames[i - 1].trial!.completed);
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("ridgeTrialLive(settings) aborted at once yields no trial and leaves no tensor", async () => {
  const before = tf.memory().numTensors;
  const controller = new AbortController();
  controller.abort();
  const frames = [];
  const steps = ridgeTrialLive(settings, { tf, signal: controller.signal });
  for await (const frame of timeSliced(steps, { signal: controller.signal })) frames.push(frame);
  assert.deepEqual(frames, []);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("smallestSingularRows(trial) and nearestFactored(trial, p) read the factored p only", async () => {
  const signal = new AbortController().signal;
  let trial;
  for await (const step of ridgeTrialLive(settings, { tf, signal })) trial = step.trial!;
  const rows = smallestSingularRows(trial!);
  assert.deepEqual(rows.map((r) => r.p), trial!.pGrid);
  const at40 = trial!.factors[trial!.pGrid.indexOf(40)]!;
  assert.equal(rows.find((r) => r.p === 40)!.sMin, at40.singularValues.at(-1));
  assert.equal(nearestFactored(trial!, 41)!.p, 41);
  assert.equal(nearestFactored(trial!, 1000)!.p, trial!.pGrid.at(-1));
  // Before a p is factored it is skipped; with none factored there is nothing to show.
  const partial = {
    ...trial!,
    factors: trial!.factors.map((f) => (f && f.p === 40 ? f : undefined)),
  };
  assert.equal(nearestFactored(partial, 2)!.p, 40);
  assert.deepEqual(smallestSingularRows(partial).map((r) => r.p), [40]);
  assert.equal(nearestFactored({ ...trial!, factors: [] }, 40), undefined);
});
