import assert from "node:assert/strict";
import { makeSurface, noiseSequence } from "../../../src/compute/surfaces.ts";
import { ADAM_DEFAULTS, runOptimizer } from "../../../src/compute/optimizers.ts";
import {
  firstStepBelow,
  RACE_SETTING,
  RACE_TARGET,
  raceOutcome,
} from "../../../src/compute/momentum/predictions.ts";

/** The race exactly as the page runs it (momentum.md's race cells), at the page's controls. */
function race(seed: number, setting = RACE_SETTING) {
  const { surface, kappa, beta, step, steps, x0, y0, adamStep } = setting;
  const surf = makeSurface({ kind: surface, kappa, noise: 0.3, seed });
  const start = [x0, y0] as [number, number];
  const xi = surf.noise > 0 ? noiseSequence(seed, steps) : undefined;
  const options = { start, steps, noise: xi };
  return [
    { name: "SGD", run: runOptimizer(surf, { kind: "sgd", epsilon: step }, options) },
    {
      name: "momentum",
      run: runOptimizer(surf, { kind: "momentum", alpha: beta, epsilon: step }, options),
    },
    {
      name: "Adam",
      run: runOptimizer(surf, {
        kind: "adam",
        learningRate: adamStep,
        ...ADAM_DEFAULTS,
        correct: true,
      }, options),
    },
  ];
}

Deno.test("firstStepBelow(run, target): the first t with loss ≤ target, null when none", () => {
  const run = { loss: Float64Array.from([5, 2, 1, 0.5, 2]), stepsDone: 4 };
  assert.equal(firstStepBelow(run, 1), 2);
  assert.equal(firstStepBelow(run, 0.1), null);
  // Steps past stepsDone (a diverged run) do not count.
  assert.equal(firstStepBelow({ loss: Float64Array.from([5, 2, 0]), stepsDone: 1 }, 1), null);
});

Deno.test("raceOutcome(racers, target, steps): the earliest arrival wins; none and ties are named", () => {
  const run = (loss: number[]) => ({ loss: Float64Array.from(loss), stepsDone: loss.length - 1 });
  assert.equal(
    raceOutcome([{ name: "a", run: run([3, 1]) }, { name: "b", run: run([3, 0]) }], 0.5, 1).option,
    "b",
  );
  assert.equal(raceOutcome([{ name: "a", run: run([3, 1]) }], 0.5, 1).option, "none");
  assert.equal(
    raceOutcome([{ name: "a", run: run([3, 0]) }, { name: "b", run: run([3, 0]) }], 0.5, 1).option,
    "tie",
  );
});

Deno.test("the race card at its setting: momentum first (step 33), Adam at 38, SGD not within 100", () => {
  const outcome = raceOutcome(race(1), RACE_TARGET, RACE_SETTING.steps);
  assert.equal(outcome.option, "momentum");
  assert.deepEqual(outcome.reached, [
    { name: "SGD", step: null },
    { name: "momentum", step: 33 },
    { name: "Adam", step: 38 },
  ]);
  // The target is a loss, not a distance: at momentum's step the loss has just crossed it.
  const momentum = race(1)[1].run;
  assert.ok(momentum.loss[33] <= RACE_TARGET && momentum.loss[32] > RACE_TARGET);
});

Deno.test("the race card's outcome does not depend on the seed (the quadratic is noise-free): 20 seeds", () => {
  for (let seed = 0; seed < 20; seed++) {
    assert.equal(
      raceOutcome(race(seed), RACE_TARGET, RACE_SETTING.steps).option,
      "momentum",
      `seed ${seed}`,
    );
  }
});
