/**
 * What the dropout-digits page says about its live training: the progress and end status lines,
 * a failed run named as a failure first, the test hook and the chart's key.
 */
import assert from "node:assert/strict";
import {
  chartedPart,
  digitsFailures,
  digitsHook,
  digitsProgress,
  type DigitsShown,
  digitsSummary,
  livePoints,
} from "../../../src/components/dropout-digits/liveRun.ts";

const epoch = (e: number, train: number, validation: number, meanLoss: number | null) => ({
  epoch: e,
  trainAccuracy: train,
  validationAccuracy: validation,
  meanLoss,
});
const test = { noise: 0.81, honest: 0.97, blank: 0.83, followed: 0.12 };
const off = { epochs: [epoch(0, 0.1, 0.1, null), epoch(1, 0.95, 0.8, 0.4)], test };
const on = {
  epochs: [epoch(0, 0.1, 0.1, null), epoch(1, 0.9, 0.85, 0.6)],
  test: { ...test, noise: 0.86 },
};
const settings = {
  keepInput: 0.5,
  keepHidden: 0.5,
  strength: 3,
  perClass: 300,
  hidden: 100,
  epochs: 8,
  batchSize: 50,
  learningRate: 0.001,
  seed: 1,
};
const frame = (extra: Partial<DigitsShown> = {}): DigitsShown => ({
  settings,
  backend: "wasm",
  runs: { "without dropout": off, "with dropout": on },
  epoch: 1,
  stepsDone: 60,
  stepsPerRun: 60,
  reused: false,
  workSliceMs: 23.4,
  elapsedMs: 12345,
  ...extra,
});

Deno.test("digitsProgress: run, epoch of epochs, step of steps", () => {
  assert.equal(
    digitsProgress(frame({ training: "with dropout", epoch: 3, stepsDone: 17 })),
    "Training with dropout: epoch 3 of 8, step 17 of 60…",
  );
});

Deno.test("digitsSummary: both runs done, one run done, and stopped", () => {
  assert.equal(
    digitsSummary(frame()),
    "Done: both runs in 12.3 s on WebAssembly (longest slice of work 23 ms). Clean test accuracy 86.0 % with dropout against 81.0 % without; gap between training and validation 5.0 points against 15.0.",
  );
  assert.equal(
    digitsSummary(frame({ runs: { "without dropout": off } })),
    "Done: one run in 12.3 s on WebAssembly (longest slice of work 23 ms). Clean test accuracy 81.0 %, gap between training and validation 15.0 points (no dropout: raise a keep probability below 1 to compare).",
  );
  assert.match(String(digitsSummary(frame({ reused: true }))), /^Done: the run with dropout in/);
  assert.equal(
    digitsSummary(frame({ stopped: true, runs: { "without dropout": { epochs: off.epochs } } })),
    "Stopped after 12.3 s (without dropout after epoch 1).",
  );
  assert.equal(digitsSummary(frame({ stopped: true, runs: {} })), "Stopped after 12.3 s.");
});

Deno.test("digitsSummary: a run whose loss became NaN is a failure, named first, state error", () => {
  const broken = { epochs: [epoch(0, 0.1, 0.1, null), epoch(1, 0.1, 0.1, NaN)] };
  const summary = digitsSummary(
    frame({ runs: { "without dropout": off, "with dropout": broken } }),
  );
  assert.ok(typeof summary === "object");
  assert.equal(summary.problem.severity, "error");
  assert.equal(summary.message, "The numbers below are not a result.");
  const failures = digitsFailures({ "without dropout": off, "with dropout": broken });
  assert.equal(failures.length, 1);
  assert.match(failures[0], /^the run with dropout produced NaN/);
  assert.match(summary.problem.message, /^failed: the run with dropout produced NaN/);
});

Deno.test("digitsHook: settings, the trainers' longest slice, stopped false, failures and runs", () => {
  const hook = digitsHook(frame());
  assert.deepEqual(hook, {
    settings,
    backend: "wasm",
    elapsedMs: 12345,
    longestSliceMs: 23.4,
    stopped: false,
    reused: false,
    failures: [],
    runs: frame().runs,
  });
  assert.equal(digitsHook(frame({ stopped: true })).stopped, true);
});

Deno.test("chartedPart: changes with an epoch or the test scores, not with steps", () => {
  const a = chartedPart(frame());
  assert.equal(a, "2+test,2+test");
  assert.equal(chartedPart(frame({ stepsDone: 3 })), a);
  assert.equal(chartedPart(frame({ runs: { "without dropout": { epochs: off.epochs } } })), "2");
});

Deno.test("livePoints: a training and a validation point per epoch of each run", () => {
  const points = livePoints({ "without dropout": off });
  assert.deepEqual(points.slice(2), [
    { run: "without dropout", set: "training", epoch: 1, accuracy: 0.95 },
    { run: "without dropout", set: "validation", epoch: 1, accuracy: 0.8 },
  ]);
  assert.equal(points.length, 4);
});
