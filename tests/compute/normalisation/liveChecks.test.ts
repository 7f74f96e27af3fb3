/**
 * The normalisation page's live computations through the driver on tfjs's CPU backend: each
 * ends with one done frame of plain data that matches the Float64 references, and no tensor is
 * left.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import {
  backwardCheck,
  liveAxes,
  liveBackward,
  liveSurviving,
} from "../../../src/compute/normalisation/liveChecks.ts";
import { DEFAULT_BATCH } from "../../../src/compute/normalisation/backwardExample.ts";
import { batchSizes } from "../../../src/compute/normalisation/centredGradient.ts";

await tf.setBackend("cpu");
const signal = new AbortController().signal;

async function frames<F>(steps: AsyncIterable<F & { progress: number; done?: boolean }>) {
  const all = [];
  for await (const frame of timeSliced(steps, { signal, sliceMs: 0 })) all.push(frame);
  return all;
}

Deno.test("liveAxes({seed, delta, groups}): every group's mean within 1e-6 of 0; example 1 moves under batch norm only", async () => {
  const before = tf.memory().numTensors;
  const [last] = (await frames(liveAxes({ seed: 1, delta: 1, groups: 2 }, { tf, signal }))).slice(
    -1,
  );
  assert.equal(last.done, true);
  assert.ok(last.worstMean < 1e-6 && last.worstVariance < 1e-5, `${last.worstMean}`);
  assert.ok(last.changes.batch.maxAbs > 0.01);
  for (const m of ["layer", "instance", "group"] as const) assert.equal(last.changes[m].maxAbs, 0);
  assert.ok(Array.isArray(last.moments.batch.outputMean));
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("liveSurviving({batch, gamma, draws, seed}): one frame per batch size, the last with every size and progress 1", async () => {
  const all = await frames(liveSurviving({ batch: 8, gamma: 1.5, draws: 50, seed: 7 }, {
    tf,
    signal,
  }));
  const total = batchSizes(8).length;
  assert.deepEqual(all.map((f) => f.rows.length), Array.from({ length: total }, (_, i) => i + 1));
  const last = all.at(-1)!;
  assert.equal(last.done, true);
  assert.equal(last.progress, 1);
  assert.equal(last.total, total);
  assert.ok(last.longestChunkMs >= 0);
});

Deno.test("liveBackward({x, epsilon, fdStep}): tfjs's ∂L/∂X within 1e-5 of the closed form; no batch, nothing checked", async () => {
  const x = DEFAULT_BATCH.map((row) => [...row]);
  const [last] = (await frames(liveBackward({ x, epsilon: 1e-3, fdStep: 1e-5 }, { tf, signal })))
    .slice(-1);
  assert.ok(last.gap! < 1e-5 && last.paramGap! < 1e-5, `${last.gap} ${last.paramGap}`);
  assert.equal(last.fdGap, backwardCheck(x, 1e-3, 1e-5).fdGap);
  const [none] = await frames(liveBackward({ x: null, epsilon: 1e-3, fdStep: 1e-5 }, { signal }));
  assert.equal(none.invalid, true);
});
