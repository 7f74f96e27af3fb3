/**
 * The residual page's two one-step live checks, through the driver on tfjs's CPU backend: the
 * block's autodiff Jacobian and the small network's gradients against the Float64 formulas.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import { liveBlock } from "../../../src/compute/residual/liveBlock.ts";
import { liveCheck } from "../../../src/compute/residual/liveCheck.ts";
import { blockReadout } from "../../../src/compute/residual/blockReadout.ts";
import {
  blockJacobian,
  blockWeights,
  spectralNorm2x2,
} from "../../../src/compute/residual/block.ts";

await tf.setBackend("cpu");
const signal = new AbortController().signal;

async function lastFrame<F>(steps: AsyncIterable<F & { progress: number; done?: boolean }>) {
  let last;
  for await (const frame of timeSliced(steps, { signal, sliceMs: 0 })) last = frame;
  return last!;
}

Deno.test("blockReadout(w1, w2, x0): the formula's Jacobian, its norms with and without the skip, and central differences within 1e-8", () => {
  const { w1, w2 } = blockWeights(77, 2, 1);
  const r = blockReadout(w1, w2, [1, 2]);
  assert.deepEqual(r.formula, blockJacobian(w1, w2, [1, 2]));
  assert.equal(r.normPlain, spectralNorm2x2(blockJacobian(w1, w2, [1, 2], { skip: false })));
  assert.ok(r.fdError < 1e-8);
  assert.equal(r.kind, "both-on");
});

Deno.test("liveBlock({x1, x2, bseed, bscale}): one done frame whose autodiff Jacobian is the formula's to 1e-5, no tensor left", async () => {
  const before = tf.memory().numTensors;
  const frame = await lastFrame(liveBlock({ x1: 1, x2: 2, bseed: 77, bscale: 1 }, { tf, signal }));
  assert.equal(frame.done, true);
  assert.deepEqual(frame.x0, [1, 2]);
  assert.equal(frame.seed, 77);
  assert.ok(frame.autoError! < 1e-5, `${frame.autoError}`);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("liveCheck({activation, seed}): rows for the 5 layers, every gap under 1e-5, no tensor left", async () => {
  const before = tf.memory().numTensors;
  for (const activation of ["sigmoid", "tanh", "relu"] as const) {
    const frame = await lastFrame(liveCheck({ activation, seed: 3 }, { tf, signal }));
    assert.deepEqual(frame.rows!.map((r) => r.layer), [1, 2, 3, 4, 5]);
    assert.equal(frame.worst, Math.max(...frame.rows!.map((r) => Math.max(r.db, r.dA))));
    assert.ok(frame.worst! < 1e-5, `${activation}: ${frame.worst}`);
  }
  assert.equal(tf.memory().numTensors, before);
});
