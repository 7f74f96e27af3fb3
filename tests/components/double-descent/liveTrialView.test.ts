/** The double-descent page's view of its live trial: curve, waiting states and status lines. */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import {
  type ShownTrial,
  trialSummary,
  trialView,
} from "../../../src/components/double-descent/liveTrialView.ts";
import { evaluateLiveTrial } from "../../../src/compute/double-descent/liveRidgeTrial.ts";
import { ridgeTrialLive } from "../../../src/compute/double-descent/liveTrial.ts";

await tf.setBackend("cpu");

const settings = { ntrain: 30, d: 5, seed: 2, nVal: 20, nTest: 10 };
const frame = { settings, progress: 0, done: false, elapsedMs: 0, longestSliceMs: 0 };
let trial;
for await (const step of ridgeTrialLive(settings, { tf, signal: new AbortController().signal })) {
  trial = step.trial;
}
const finished: ShownTrial = { ...frame, trial, done: true, progress: 1, backend: "cpu" };

Deno.test("trialView(live, λ, σ): the curve at (λ, σ), or why there is none", () => {
  const view = trialView(finished, 0.1, 0.5);
  assert.equal(view.state, "drawn");
  assert.deepEqual(view.state === "drawn" && view.curve, evaluateLiveTrial(trial!, 0.1, 0.5));
  assert.deepEqual(trialView(frame, 0.1, 0.5), { state: "waiting" });
  assert.deepEqual(trialView({ ...frame, stopped: true }, 0.1, 0.5), {
    state: "stopped before the first p",
  });
  assert.deepEqual(trialView({ ...frame, error: "boom" }, 0.1, 0.5), {
    state: "error",
    error: "boom",
  });
  assert.deepEqual(trialView(finished, -1, 0.5), {
    state: "error",
    error: "λ must be a finite number > 0; got -1",
  });
});

Deno.test("trialSummary(live, λ, σ): where the time went, or what a Stop left", () => {
  const n = trial!.pGrid.length;
  assert.match(
    trialSummary(finished, 0.1, 0.5),
    new RegExp(
      `^All ${n} values of p computed in \\d+ ms: products \\d+ ms on cpu, factorisations \\d+ ms\\. Moving λ or σ redraws in \\d+\\.\\d ms\\.$`,
    ),
  );
  const part = { ...trial!, completed: 7 };
  assert.equal(
    trialSummary({ ...finished, trial: part, done: false, stopped: true }, 0.1, 0.5),
    `Stopped with 7 of ${n} values of p computed; move a control to compute a trial again.`,
  );
  assert.equal(
    trialSummary({ ...frame, stopped: true }, 0.1, 0.5),
    "Stopped before the first value of p was computed; move a control to compute a trial again.",
  );
  assert.throws(() => trialSummary(finished, -1, 0.5), /λ must be a finite number > 0/);
});
