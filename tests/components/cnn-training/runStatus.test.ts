/**
 * The live run's status line: a run that learned is reported as a result; one whose loss is not
 * finite, whose last epoch is worse than guessing, or whose accuracy is at or below chance (10 %)
 * says so instead.
 */
import assert from "node:assert/strict";
import {
  CHANCE_ACCURACY,
  doneText,
  GUESS_LOSS,
  runFailure,
} from "../../../src/components/cnn-training/runStatus.ts";

const record = (epoch: number, train: number, validation: number, loss: number | null) => ({
  epoch,
  trainAccuracy: train,
  validationAccuracy: validation,
  loss,
});
const state = (overrides: Record<string, unknown> = {}) => ({
  history: [record(0, 0.1, 0.09, null), record(1, 0.86, 0.84, 0.6)],
  stepsDone: 20,
  totalSteps: 20,
  elapsedMs: 2400,
  testAccuracy: 0.85,
  ...overrides,
});

Deno.test("runStatus: chance is one digit in ten, and guessing costs ln 10", () => {
  assert.equal(CHANCE_ACCURACY, 0.1);
  assert.equal(GUESS_LOSS, Math.log(10));
});

Deno.test("runStatus: a run that learned is reported with its accuracies", () => {
  assert.equal(runFailure(state()), null);
  assert.equal(
    doneText(state(), "webgpu", 1),
    "Done: 1 epoch in 2.4 s on webgpu (2.40 s an epoch, scoring included). After epoch 1: " +
      "training 86.0 %, validation 84.0 % (gap 2.0 points); test accuracy 85.0 %.",
  );
});

Deno.test("runStatus: a loss that stopped being finite is reported as a divergence, never as a result", () => {
  const s = state({
    diverged: true,
    history: [record(0, 0.1, 0.1, null)],
    testAccuracy: undefined,
  });
  assert.match(
    doneText(s, "wasm", 3),
    /^Diverged: the mean training loss of epoch 1 is not a finite number/,
  );
  assert.doesNotMatch(doneText(s, "wasm", 3), /Done|NaN/);
});

Deno.test("runStatus: NaN accuracies are named, not printed", () => {
  const s = state({ history: [record(1, NaN, NaN, 0.5)], testAccuracy: NaN });
  assert.match(doneText(s, "webgl", 1), /^Failed: .*not a number \(NaN\)/);
  assert.match(doneText(state({ testAccuracy: undefined }), "cpu", 1), /^Failed/);
});

Deno.test("runStatus: a last epoch whose mean loss is above ln 10 has diverged, even with finite numbers", () => {
  const above = state({ history: [record(1, 0.5, 0.5, GUESS_LOSS * 1.02)] });
  assert.match(
    doneText(above, "cpu", 1),
    /^Diverged: the mean training loss of epoch 1 is 2\.35, above ln 10 = 2\.30/,
  );
  // 2 % below the threshold it is a result again (the bound is ln 10, not a looser one).
  assert.equal(runFailure(state({ history: [record(1, 0.5, 0.5, GUESS_LOSS * 0.98)] })), null);
});

Deno.test("runStatus: validation or test accuracy at or below chance (10 %) did not learn: the issue's WebGPU run (test 4.8 %)", () => {
  const webgpu = state({ history: [record(3, 0.54, 0.554, 1.2)], testAccuracy: 0.048 });
  assert.match(
    doneText(webgpu, "webgpu", 3),
    /^Did not learn: after epoch 3 validation accuracy is 55\.4 % and test accuracy 4\.8 %, no better than chance \(10\.0 %, one of 10 digits\)\. \(webgpu\)$/,
  );
  assert.match(runFailure(state({ history: [record(2, 0.1, 0.1, 2.2)] }))!, /^Did not learn/);
  // Just above chance on both (2 % above) is a (poor) result, not a failure.
  const poor = state({ history: [record(2, 0.2, 0.102, 2.2)], testAccuracy: 0.102 });
  assert.equal(runFailure(poor), null);
});
