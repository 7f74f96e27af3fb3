import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { evaluateLiveTrial } from "../../../src/compute/double-descent/liveRidgeTrial.ts";
import { ridgeTrialLive, type TrialFrame } from "../../../src/compute/double-descent/liveTrial.ts";
import {
  DEFAULT_NTRAIN,
  PEAK_SETTING,
  peakOf,
  peakShift,
  SAME_PLACE,
} from "../../../src/compute/double-descent/predictions.ts";

await tf.setBackend("cpu");

const config = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/double-descent.json", import.meta.url)),
);

/** The page's live trial (ridgeTrialLive, as the page runs it) at N_train and seed, evaluated at (λ, σ). */
async function liveCurve(ntrain: number, seed: number) {
  let last: TrialFrame | undefined;
  const settings = { ntrain, d: PEAK_SETTING.d, seed, nVal: config.nVal, nTest: config.nTest };
  for await (
    const frame of ridgeTrialLive(settings, { tf, signal: new AbortController().signal })
  ) {
    last = frame;
  }
  assert.ok(last?.trial?.done);
  return evaluateLiveTrial(last.trial, PEAK_SETTING.lambda, PEAK_SETTING.sigma);
}

Deno.test("the card's setting is the page's defaults with N_train halved", () => {
  assert.equal(DEFAULT_NTRAIN, config.nTrain);
  assert.deepEqual(
    { ...PEAK_SETTING, ntrain: DEFAULT_NTRAIN },
    {
      ntrain: config.nTrain,
      d: config.d,
      sigma: config.sigma,
      lambda: config.lambdaA,
      seed: config.seed,
    },
  );
});

Deno.test("peakShift(curve, referenceP): left, right, or within 15 % of the reference", () => {
  const curve = (peak: number) => ({ p: [10, peak, 1000], testError: [1, 5, 2] });
  assert.equal(peakOf(curve(140)), 140);
  assert.deepEqual(peakShift(curve(150), 300), { option: "left", peakP: 150, referenceP: 300 });
  assert.equal(peakShift(curve(600), 300).option, "right");
  assert.equal(peakShift(curve(300 * (1 - SAME_PLACE)), 300).option, "stays");
  assert.equal(peakShift(curve(300 * (1 - SAME_PLACE * 1.02)), 300).option, "left");
  assert.equal(peakShift(curve(300 * (1 + SAME_PLACE * 1.02)), 300).option, "right");
});

Deno.test("the peak card at its setting: the page's live trial peaks left of p = 300, near the new N_train", async () => {
  const outcome = peakShift(
    await liveCurve(PEAK_SETTING.ntrain, PEAK_SETTING.seed),
    DEFAULT_NTRAIN,
  );
  assert.equal(outcome.option, "left");
  assert.ok(Math.abs(outcome.peakP - PEAK_SETTING.ntrain) <= SAME_PLACE * PEAK_SETTING.ntrain);
});

Deno.test("the peak card's answer holds on 20 seeds (new data, new features): the peak moves left", async () => {
  for (let seed = 0; seed < 20; seed++) {
    const outcome = peakShift(await liveCurve(PEAK_SETTING.ntrain, seed), DEFAULT_NTRAIN);
    assert.equal(outcome.option, "left", `seed ${seed}: peak at p = ${outcome.peakP}`);
  }
});
