import assert from "node:assert/strict";
import { liveJacobian } from "../../../src/compute/rnn-gradients/liveJacobian.ts";
import { FATES, SEED_RANGE } from "../../../src/compute/rnn-gradients/examples.ts";
import { runEnd } from "../../../src/compute/rnn-gradients/jacobian.ts";
import {
  BEYOND,
  controlsOf,
  DRIVEN_SETTING,
  drivenOutcome,
} from "../../../src/compute/rnn-gradients/predictions.ts";
import type { RecurrenceParams } from "../../../src/compute/rnn-gradients/recurrence.ts";

/** The page's live run (liveJacobian, as the page runs it) to its last frame. */
function lastFrame(params: RecurrenceParams) {
  let last;
  for (const frame of liveJacobian(params, { signal: new AbortController().signal })) last = frame;
  return last!;
}

Deno.test("controlsOf(params) names the recurrence by the page's controls", () => {
  assert.deepEqual(DRIVEN_SETTING, {
    s: 2,
    act: "tanh",
    T: 60,
    weights: "orthogonal",
    c: 0,
    a: 3,
    n: 16,
    seed: 1,
  });
  assert.deepEqual(controlsOf(FATES.explodes).a, 0);
});

Deno.test("drivenOutcome(frame): above 10³ explodes, below 10⁻³ vanishes, else between", () => {
  const frame = (end: number) => ({ log10Norms: [0, 1, end], log10Bound: [0, 0.3, 0.6] });
  assert.equal(drivenOutcome(frame(BEYOND * 1.02)).option, "explodes");
  assert.equal(drivenOutcome(frame(BEYOND * 0.98)).option, "between");
  assert.equal(drivenOutcome(frame(-BEYOND * 0.98)).option, "between");
  assert.equal(drivenOutcome(frame(-BEYOND * 1.02)).option, "vanishes");
  assert.deepEqual(drivenOutcome(frame(-5)), {
    option: "vanishes",
    log10Norm: -5,
    log10Bound: 0.6,
    steps: 2,
  });
});

Deno.test("the driven card at its setting: the page's live run vanishes while the bound explodes", () => {
  const outcome = drivenOutcome(lastFrame(FATES.driven));
  assert.equal(outcome.option, "vanishes");
  assert.equal(outcome.steps, FATES.driven.steps);
  assert.ok(Math.abs(outcome.log10Bound - FATES.driven.steps * Math.log10(2)) < 1e-9);
  assert.equal(outcome.log10Norm, runEnd(FATES.driven).log10Norm);
});

Deno.test("the driven card's answer holds on every seed of the slider (new inputs, new W)", () => {
  for (let seed = SEED_RANGE.min; seed <= SEED_RANGE.max; seed++) {
    const end = runEnd({ ...FATES.driven, seed }).log10Norm;
    assert.ok(end < -BEYOND, `seed ${seed}: log10 ‖∂h/∂h₀‖ = ${end}`);
  }
});
