/**
 * What the cnn-training page says about its live runs: the end status (runStatus.ts's lines), the
 * test hook for a finished and a stopped run, the inside view's line, and the table box.
 */
import assert from "node:assert/strict";
import {
  cnnRunHook,
  type CnnShown,
  cnnSummary,
  insideSummary,
  trainedNetwork,
} from "../../../src/components/cnn-training/liveRun.ts";
import { doneText, stoppedText } from "../../../src/components/cnn-training/runStatus.ts";
import { CNN_DEFAULTS } from "../../../src/compute/cnn-training/settings.ts";

const record = (epoch: number, train: number, validation: number, loss: number | null) => ({
  epoch,
  trainAccuracy: train,
  validationAccuracy: validation,
  loss,
});
const frame = (extra: Partial<CnnShown> = {}): CnnShown => ({
  settings: { ...CNN_DEFAULTS, epochs: 1 },
  backend: "wasm",
  history: [record(0, 0.1, 0.09, null), record(1, 0.86, 0.84, 0.6)],
  stepsDone: 20,
  totalSteps: 20,
  epochMs: [900],
  workSliceMs: 31,
  firstStepLoss: 2.3,
  testAccuracy: 0.85,
  elapsedMs: 2400,
  ...extra,
});

Deno.test("cnnSummary: a finished run is doneText's line on its backend; a stopped one stoppedText's", () => {
  assert.equal(cnnSummary(frame()), doneText(frame(), "wasm", 1));
  assert.match(cnnSummary(frame()), /^Done: 1 epoch in 2\.4 s on wasm/);
  const stopped = frame({ stopped: true, stepsDone: 7, history: [record(0, 0.1, 0.09, null)] });
  assert.equal(cnnSummary(stopped), stoppedText(stopped));
  assert.match(cnnSummary(stopped), /^Stopped after 7 of 20 steps/);
  // Stopped before the first frame: the page's initial values.
  assert.equal(
    cnnSummary({ ...frame(), stopped: true, history: [], stepsDone: 0, totalSteps: undefined! }),
    "Stopped after 0 of ? steps.",
  );
});

Deno.test("cnnRunHook: a finished run's measures (the trainer's longest slice) and failure null; a stopped run's history", () => {
  assert.deepEqual(cnnRunHook(frame()), {
    settings: frame().settings,
    history: frame().history,
    firstStepLoss: 2.3,
    testAccuracy: 0.85,
    elapsedMs: 2400,
    epochMs: [900],
    longestSliceMs: 31,
    backend: "wasm",
    stopped: false,
    failure: null,
  });
  assert.deepEqual(cnnRunHook(frame({ stopped: true })), {
    settings: frame().settings,
    history: frame().history,
    stopped: true,
    backend: "wasm",
  });
  assert.match(String(cnnRunHook(frame({ testAccuracy: 0.05 })).failure), /^Did not learn/);
});

Deno.test("insideSummary: the digit, its label and the network's answer; a line for a stop before it", () => {
  const probabilities = [0.01, 0.02, 0.9, 0.07, 0, 0, 0, 0, 0, 0];
  assert.equal(
    insideSummary({
      digit: 7,
      label: 2,
      network: "the precomputed network",
      probabilities,
      guess: 2,
    }),
    "Test digit 7 is a 2; the precomputed network says 2 (90.0 %).",
  );
  assert.equal(
    insideSummary({ digit: 7, network: "the precomputed network" }),
    "Stopped before test digit 7 came back from the precomputed network.",
  );
});

Deno.test("trainedNetwork: a finished run's weights, statistics and name; none for a stopped or diverged run", () => {
  const weights = { w: new Float32Array(1) } as unknown as CnnShown["weights"];
  const running = { mean: [0], variance: [1] } as unknown as CnnShown["running"];
  const network = trainedNetwork(frame({ weights, running }));
  assert.equal(network!.weights, weights);
  assert.equal(network!.batchNorm, true);
  assert.match(network!.label, /^your last run \(batch norm, dropout 0\.5, batch 25/);
  assert.equal(trainedNetwork(frame({ weights, running, stopped: true })), null);
  assert.equal(trainedNetwork(frame({ diverged: true })), null);
});
