import assert from "node:assert/strict";
import { createRng } from "../../../src/compute/prng.ts";
import { jacobianNorms, log10Bound } from "../../../src/compute/rnn/jacobian.ts";
import { RNN_ACTIVATIONS, slopeCeiling } from "../../../src/compute/rnn/recurrence.ts";
import { WEIGHT_KINDS } from "../../../src/compute/rnn/weights.ts";
import {
  fateRuns,
  FATES,
  PAGE_DEFAULTS,
  RELU_HALF_OFF,
} from "../../../src/compute/rnn/examples.ts";

Deno.test("necessary: on 200 random instances with γs ≤ 1 the gradient never grows, ‖∂hₜ/∂h₀‖ ≤ 1 at every step", () => {
  const rng = createRng(7);
  for (let k = 0; k < 200; k++) {
    const activation = RNN_ACTIVATIONS[rng.int(3)];
    const run = jacobianNorms({
      ...PAGE_DEFAULTS,
      units: 2 + rng.int(20),
      activation,
      weights: WEIGHT_KINDS[rng.int(2)],
      norm: rng.uniform() / slopeCeiling(activation),
      rest: -2 + 4 * rng.uniform(),
      drive: 3 * rng.uniform(),
      steps: 30,
      seed: k,
    });
    for (const step of run.steps) {
      assert.ok(step.log10Norm <= 1e-12, `instance ${k}, t = ${step.t}`);
    }
  }
});

Deno.test("not sufficient: tanh with s = 2 (γs = 2) resting at c = 1.5 vanishes as (2·tanh′(1.5))ᵗ ≈ 0.361ᵗ, 10^−26.5 at T = 60 against the bound 2⁶⁰ ≈ 1.15e18", () => {
  const runs = fateRuns();
  const slope = 1 - Math.tanh(1.5) ** 2;
  assert.ok(Math.abs(2 * slope - 0.3614) < 5e-5);
  const T = FATES.saturated.steps;
  assert.equal(T, 60);
  const last = runs.saturated.steps[T];
  assert.ok(Math.abs(last.log10Norm - T * Math.log10(2 * slope)) < 1e-10);
  assert.ok(Math.abs(last.log10Norm + 26.52) < 0.005, `${last.log10Norm}`);
  assert.ok(Math.abs(10 ** log10Bound("tanh", 2, T) / 1.1529215e18 - 1) < 1e-7);
  // The slopes at the state are all tanh′(1.5), far below γ = 1.
  assert.ok(Math.abs(last.slopeMax - slope) < 1e-12 && Math.abs(last.slopeMin - slope) < 1e-12);
});

Deno.test("not sufficient: the same W (γs = 2) driven by inputs of size a = 3 saturates and its gradient vanishes, below 1e-8 at T = 60 for seeds 1–5", () => {
  for (let seed = 1; seed <= 5; seed++) {
    const run = jacobianNorms({ ...FATES.driven, seed });
    const last = run.steps[FATES.driven.steps];
    assert.ok(last.log10Norm < -8, `seed ${seed}: ${last.log10Norm}`);
    const meanSlope = run.steps.slice(1).reduce((s, d) => s + d.slopeMean, 0) / FATES.driven.steps;
    assert.ok(meanSlope < 0.4, `seed ${seed}: mean slope ${meanSlope}`);
  }
});

Deno.test("not sufficient: ReLU with s = 1.2 (γs = 1.2) vanishes, below 10^−2 at T = 60 for seeds 1–5, with about half its units off", () => {
  for (let seed = 1; seed <= 5; seed++) {
    const run = jacobianNorms({ ...RELU_HALF_OFF, seed });
    const T = RELU_HALF_OFF.steps;
    assert.ok(run.steps[T].log10Norm < -2, `seed ${seed}: ${run.steps[T].log10Norm}`);
    const meanSlope = run.steps.slice(1).reduce((s, d) => s + d.slopeMean, 0) / T;
    assert.ok(meanSlope > 0.3 && meanSlope < 0.7, `seed ${seed}: share on ${meanSlope}`);
  }
});

Deno.test("explodes: the same W resting at 0 without input grows exactly as 2ᵗ, the bound", () => {
  const run = fateRuns().explodes;
  for (const step of run.steps) {
    assert.ok(Math.abs(step.log10Norm - step.t * Math.log10(2)) < 1e-10, `t = ${step.t}`);
  }
});
