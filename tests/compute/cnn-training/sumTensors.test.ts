/**
 * sumTensors: no kernel gets more than 7 inputs (WebGPU's limit of 8 storage buffers, output
 * included), and on the CPU backend the sum is bit for bit one tf.addN's.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { MAX_KERNEL_INPUTS, sumTensors } from "../../../src/compute/cnn-training/sumTensors.ts";
import { createRng } from "../../../src/compute/prng.ts";

await tf.setBackend("cpu");

Deno.test("sumTensors: every addN it runs has at most 7 inputs, for 1 to 30 tensors", () => {
  const seen: number[] = [];
  const addN = tf.addN;
  const spy = ((ts: tf.Tensor[]) => (seen.push(ts.length), addN(ts))) as typeof tf.addN;
  for (let n = 1; n <= 30; n++) {
    seen.length = 0;
    tf.tidy(() => {
      const xs = Array.from({ length: n }, (_, i) => tf.scalar(i + 1));
      const sum = sumTensors({ ...tf, addN: spy } as typeof tf, xs);
      assert.equal(sum.dataSync()[0], (n * (n + 1)) / 2);
    });
    assert.ok(seen.length > 0 && Math.max(...seen) <= MAX_KERNEL_INPUTS, `${n}: ${seen}`);
  }
  assert.equal(MAX_KERNEL_INPUTS, 7);
});

Deno.test("sumTensors: on the CPU backend, the same float32 sum as one addN over all (20 batch losses, 10 counts)", () => {
  const rng = createRng(7);
  for (const n of [20, 10, 7, 8, 13]) {
    tf.tidy(() => {
      const xs = Array.from({ length: n }, () => tf.scalar(2.3 * rng.uniform() + 1e-3));
      assert.equal(sumTensors(tf, xs).dataSync()[0], tf.addN(xs).dataSync()[0]);
    });
  }
});

Deno.test("sumTensors: refuses an empty list, and its result survives disposing the inputs", () => {
  assert.throws(() => sumTensors(tf, []), /at least one tensor/);
  const x = tf.scalar(3);
  const sum = sumTensors(tf, [x]);
  x.dispose();
  assert.equal(sum.dataSync()[0], 3);
  sum.dispose();
});
