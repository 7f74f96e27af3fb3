import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as on the page.
import "@tensorflow/tfjs";
import {
  brnnWeightGradients,
  randomBrnn,
  relativeGap,
} from "../../../src/compute/rnn-gradients/brnn.ts";
import { brnnGradientsTf } from "../../../src/compute/rnn-gradients/brnnTf.ts";

await tf.setBackend("cpu");

Deno.test("brnnGradientsTf(tf, net): tfjs autodiff's ∇_{Wᶠ}L and ∇_{Uᵇ}L match the course's formulas to float32 precision (relative 1e-5)", async () => {
  for (const [seed, steps] of [[1, 3], [2, 6], [3, 1]]) {
    const net = randomBrnn({ seed, steps });
    const formula = brnnWeightGradients(net);
    const before = tf.memory().numTensors;
    const got = await brnnGradientsTf(tf, net);
    assert.equal(tf.memory().numTensors, before);
    assert.ok(Math.abs(got.loss / formula.loss - 1) < 1e-6);
    const wf = relativeGap(got.wf, formula.wf);
    const ub = relativeGap(got.ub, formula.ub);
    assert.ok(wf < 1e-5, `seed ${seed}: Wᶠ ${wf}`);
    assert.ok(ub < 1e-5, `seed ${seed}: Uᵇ ${ub}`);
  }
});
