import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { liveComparison } from "../../../src/compute/residual/liveResidualTf.ts";
import {
  type LiveResidualParams,
  RESIDUAL_BATCH,
  residualInputs,
  residualNetwork,
} from "../../../src/compute/residual/liveNetwork.ts";
import { gradientProfile } from "../../../src/compute/residual/mlp.ts";
import { RESIDUAL_DEFAULTS } from "../../../src/compute/residual/livePage.ts";
import {
  LAYER_ONE_SETTING,
  layerOneOutcome,
  layerOneRatio,
  VANISHED_BELOW,
} from "../../../src/compute/residual/predictions.ts";

await tf.setBackend("cpu");

/** The Float64 network of mlp.ts at the card's setting, for one seed. */
function reference(seed: number, activation: LiveResidualParams["activation"] = "tanh") {
  const p: LiveResidualParams = {
    ...RESIDUAL_DEFAULTS,
    ...LAYER_ONE_SETTING,
    activation,
    intervention: "none",
    seed,
  };
  const xs = residualInputs(p);
  const profile = (skips: boolean) =>
    gradientProfile(residualNetwork(p, skips), xs, RESIDUAL_BATCH);
  return { plain: profile(false), skip: profile(true) };
}

Deno.test("layerOneOutcome(frame): below 10⁻³ of layer L − 1 vanishes, below 1 shrinks, else grows", () => {
  const frame = (ratio: number) => ({
    plain: { gradY: [0, ratio, 1, 1] },
    skip: { gradY: [0, 2, 1, 1] },
  });
  assert.equal(layerOneOutcome(frame(VANISHED_BELOW * 0.98)).option, "vanishes");
  assert.equal(layerOneOutcome(frame(VANISHED_BELOW)).option, "shrinks");
  assert.equal(layerOneOutcome(frame(0.99)).option, "shrinks");
  assert.equal(layerOneOutcome(frame(1)).option, "grows");
  assert.equal(layerOneOutcome(frame(0)).option, "vanishes");
  assert.deepEqual(layerOneOutcome(frame(0.5)), {
    option: "shrinks",
    plainRatio: 0.5,
    skipRatio: 2,
    depth: 4,
  });
});

Deno.test("the layer-one card at its setting: the page's live run (tfjs) says tanh's gradient shrinks but does not vanish", async () => {
  let last;
  for await (
    const frame of liveComparison({ ...LAYER_ONE_SETTING, layer: RESIDUAL_DEFAULTS.layer }, {
      tf,
      signal: new AbortController().signal,
    })
  ) {
    last = frame;
  }
  assert.equal(last!.phase, "done");
  const outcome = layerOneOutcome(last!);
  assert.equal(outcome.option, "shrinks");
  // The live float32 numbers are the Float64 network's within 2e-4 (liveResidualTf.test.ts).
  const want = reference(LAYER_ONE_SETTING.seed);
  assert.ok(Math.abs(outcome.plainRatio / layerOneRatio(want.plain) - 1) < 5e-4);
  assert.ok(Math.abs(outcome.skipRatio / layerOneRatio(want.skip) - 1) < 5e-4);
  assert.equal(outcome.depth, LAYER_ONE_SETTING.depth);
});

Deno.test("the layer-one card's answer holds on 20 seeds (new weights and new inputs): tanh shrinks, sigmoid vanishes", () => {
  for (let seed = 0; seed < 20; seed++) {
    const tanh = reference(seed);
    assert.equal(layerOneOutcome(tanh).option, "shrinks", `tanh, seed ${seed}`);
    // The page's own sigmoid at the same setting is the contrast the question draws.
    assert.equal(
      layerOneOutcome(reference(seed, "sigmoid")).option,
      "vanishes",
      `sigmoid, seed ${seed}`,
    );
  }
});
