import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as the page does.
import "@tensorflow/tfjs";
import {
  streamSurvivingShares,
  type SurvivingFrame,
} from "../../../src/compute/normalisation/survivingStream.ts";
import {
  batchSizes,
  centredBackward,
  centredDraws,
  survivingMonteCarlo,
} from "../../../src/compute/normalisation/centredGradient.ts";

await tf.setBackend("cpu");

async function lastFrame(options: Parameters<typeof streamSurvivingShares>[1]) {
  const frames: SurvivingFrame[] = [];
  for await (const frame of streamSurvivingShares(tf, options)) frames.push(frame);
  return frames;
}

Deno.test("streamSurvivingShares(tf, …): the reader's size first, then the grid; each row is the Float64 Monte Carlo of the same draws", async () => {
  const frames = await lastFrame({
    seed: 3,
    batch: 24,
    draws: 150,
    gamma: 1.2,
    chunkElements: 500,
  });
  assert.deepEqual(frames[0].rows.map((r) => r.n), [24]);
  const last = frames.at(-1)!;
  assert.ok(last.done && frames.slice(0, -1).every((f) => !f.done));
  assert.deepEqual(last.rows.map((r) => r.n), batchSizes(24));
  for (const row of last.rows) {
    const reference = survivingMonteCarlo(3, row.n, 150, 1.2);
    assert.ok(Math.abs(row.mean - reference.mean) < 1e-6, `n = ${row.n}`);
    assert.equal(row.theory, (row.n - 1) / row.n);
  }
  // The first batch at the reader's size, with tfjs's gradient.
  const first = centredDraws(3, 24, 1);
  assert.deepEqual(last.oneBatch!.dy, Array.from(first.dy));
  const closed = centredBackward(Array.from(first.dy), 1.2);
  last.oneBatch!.dx.forEach((v, i) => assert.ok(Math.abs(v - closed[i]) < 1e-5));
});

Deno.test("streamSurvivingShares: the chunk size changes nothing but rounding, and an abort stops the stream", async () => {
  const small = (await lastFrame({ seed: 1, batch: 5, draws: 64, gamma: 1, chunkElements: 7 })).at(
    -1,
  )!;
  const whole = (await lastFrame({ seed: 1, batch: 5, draws: 64, gamma: 1, chunkElements: 1e6 }))
    .at(-1)!;
  small.rows.forEach((row, i) => assert.ok(Math.abs(row.mean - whole.rows[i].mean) < 1e-6));
  const controller = new AbortController();
  const frames: SurvivingFrame[] = [];
  for await (
    const frame of streamSurvivingShares(tf, {
      seed: 1,
      batch: 64,
      draws: 100,
      gamma: 1,
      signal: controller.signal,
    })
  ) {
    frames.push(frame);
    controller.abort();
  }
  assert.equal(frames.length, 1);
  assert.ok(!frames[0].done);
  const before = tf.memory().numTensors;
  await lastFrame({ seed: 2, batch: 10, draws: 20, gamma: 1 });
  assert.equal(tf.memory().numTensors, before);
});
