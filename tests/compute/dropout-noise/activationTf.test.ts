import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import {
  type ActivationName,
  compareOrders,
  randomLayer,
} from "../../../src/compute/dropout-noise/activation.ts";
import { compareOrdersTf } from "../../../src/compute/dropout-noise/activationTf.ts";

await tf.setBackend("cpu");

Deno.test("compareOrdersTf(tf, layer, relu | leaky-relu): tfjs's two orders give exactly zero difference", async () => {
  for (const name of ["relu", "leaky-relu"] as ActivationName[]) {
    for (const [seed, rate] of [[1, 0.4], [2, 0.1], [3, 0.75]]) {
      const result = await compareOrdersTf(tf, randomLayer(seed, rate), name);
      assert.equal(result.nonZero, 0, `${name}, seed ${seed}`);
      assert.equal(result.maxAbsDifference, 0);
      assert.ok(result.dropoutFirst.some((v) => v !== 0));
    }
  }
});

Deno.test("compareOrdersTf(tf, layer, name): both orders match the Float64 compareOrders to float32 precision", async () => {
  for (const name of ["relu", "leaky-relu", "sigmoid"] as ActivationName[]) {
    const layer = randomLayer(4, 0.4);
    const tfResult = await compareOrdersTf(tf, layer, name);
    const reference = compareOrders(layer, name);
    for (const key of ["z", "dropoutFirst", "activationFirst", "difference"] as const) {
      const got = tfResult[key];
      const want = reference[key];
      const scale = Math.max(...Array.from(want, Math.abs));
      want.forEach((v, k) =>
        assert.ok(Math.abs(got[k] - v) <= 2e-6 * scale, `${name} ${key}[${k}]: ${got[k]} vs ${v}`)
      );
    }
    assert.equal(tfResult.nonZero, reference.nonZero);
  }
});

Deno.test("compareOrdersTf: tf.memory().numTensors is back where it started", async () => {
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) {
    await compareOrdersTf(tf, randomLayer(i, 0.4), i % 2 ? "sigmoid" : "relu");
  }
  assert.equal(tf.memory().numTensors, before);
});
