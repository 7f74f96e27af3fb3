import assert from "node:assert/strict";
import { createRng } from "../../../src/compute/prng.ts";
import { jacobianNorms, log10Bound, runEnd } from "../../../src/compute/rnn-gradients/jacobian.ts";
import { RNN_ACTIVATIONS, slopeCeiling } from "../../../src/compute/rnn-gradients/recurrence.ts";
import { WEIGHT_KINDS } from "../../../src/compute/rnn-gradients/weights.ts";
import {
  countOnBound,
  endSpread,
  endSpreadInSlices,
  fateRuns,
  FATES,
  PAGE_DEFAULTS,
  RELU_HALF_OFF,
  RELU_RESTING,
  SEED_RANGE,
} from "../../../src/compute/rnn-gradients/examples.ts";

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

// The ReLU instance over the slider's seeds, counted from the full runs (an eigen solve at every
// step) rather than endSpread's end-only norm.
const sliderRuns = () => {
  const ends: number[] = [], shares: number[] = [];
  for (let seed = SEED_RANGE.min; seed <= SEED_RANGE.max; seed++) {
    const run = jacobianNorms({ ...RELU_HALF_OFF, seed });
    ends.push(run.steps[RELU_HALF_OFF.steps].log10Norm);
    shares.push(run.steps.slice(1).reduce((s, d) => s + d.slopeMean, 0) / RELU_HALF_OFF.steps);
  }
  return { ends, shares };
};

Deno.test("not sufficient: ReLU with s = 1.2 (γs = 1.2), resting at its kink, on seed 1 vanishes below 10^−2 at T = 60; over the slider's seeds 0–100 the share of units on averages 0.37 to 0.77 (median 0.50) and the runs end at a median of 10^−4.3, 14 of 101 above 1 and 5 above 100", () => {
  assert.equal(RELU_HALF_OFF.seed, 1);
  const one = jacobianNorms(RELU_HALF_OFF);
  assert.ok(one.steps[60].log10Norm < -2, `${one.steps[60].log10Norm}`);
  const spread = endSpread(RELU_HALF_OFF, SEED_RANGE.min, SEED_RANGE.max);
  const { ends, shares } = sliderRuns();
  assert.equal(spread.seeds, 101);
  ends.forEach((v, k) => assert.ok(Math.abs(spread.log10Norms[k] - v) < 1e-9, `seed ${k}`));
  // What the page prints (its formatter keeps two digits: 10^−4.3, 14 %, 5 %).
  assert.ok(Math.abs(spread.median + 4.3) < 0.05, `median ${spread.median}`);
  assert.equal(ends.filter((v) => v > 0).length, 14);
  assert.equal(spread.grow, 14);
  assert.equal(ends.filter((v) => v > 2).length, 5);
  assert.equal(spread.growPast100, 5);
  // The share of units on, averaged over each run, as the page prints it (two decimals).
  shares.forEach((v, k) => assert.ok(Math.abs(spread.meanSlopes[k] - v) < 1e-12, `seed ${k}`));
  const sorted = shares.toSorted((a, b) => a - b);
  assert.deepEqual([sorted[0], sorted[50], sorted[100]].map((v) => v.toFixed(2)), [
    "0.37",
    "0.50",
    "0.77",
  ]);
});

Deno.test({
  name:
    "robustness: on 500 fresh seeds (101–600) the ReLU instance ends above 1 and above 100 about as often as on the slider's seeds (within 5 and 3 points) and its median within half a decade",
  fn() {
    const slider = endSpread(RELU_HALF_OFF, SEED_RANGE.min, SEED_RANGE.max);
    const fresh = endSpread(RELU_HALF_OFF, 101, 600);
    const share = (count: number, s: { seeds: number }) => count / s.seeds;
    // Binomial standard error of the slider's 14 % is 3.5 points, of 500 fresh seeds 1.6.
    assert.ok(
      Math.abs(share(fresh.grow, fresh) - share(slider.grow, slider)) < 0.05,
      `grow: ${fresh.grow} of 500 against ${slider.grow} of 101`,
    );
    assert.ok(
      Math.abs(share(fresh.growPast100, fresh) - share(slider.growPast100, slider)) < 0.03,
      `past 100: ${fresh.growPast100} of 500 against ${slider.growPast100} of 101`,
    );
    assert.ok(Math.abs(fresh.median - slider.median) < 0.5, `median ${fresh.median}`);
    // The end-only norm is the full run's last norm.
    assert.ok(
      Math.abs(
        runEnd({ ...RELU_HALF_OFF, seed: 333 }).log10Norm -
          jacobianNorms({ ...RELU_HALF_OFF, seed: 333 }).steps[60].log10Norm,
      ) < 1e-12,
    );
  },
});

Deno.test("ReLU resting above its kink at the defaults (tanh's a = 0.1, s = 0.9, T = 60) ends exactly on the bound on all 101 slider seeds at c = 1 and on 90 at c = 0.5; tanh at c = 0 ends below it", () => {
  const [high, low] = RELU_RESTING;
  assert.equal(high.rest, 1);
  assert.equal(low.rest, 0.5);
  for (const [p, expected] of [[high, 101], [low, 90]] as const) {
    let on = 0;
    for (let seed = SEED_RANGE.min; seed <= SEED_RANGE.max; seed++) {
      const run = jacobianNorms({ ...p, seed });
      const gap = log10Bound("relu", p.norm, p.steps) - run.steps[p.steps].log10Norm;
      assert.ok(gap > -1e-9, "never above the bound");
      if (gap < 1e-9) on++;
    }
    assert.equal(on, expected, `c = ${p.rest}`);
    assert.equal(countOnBound(endSpread(p, SEED_RANGE.min, SEED_RANGE.max), p), expected);
  }
  const tanh = jacobianNorms(PAGE_DEFAULTS);
  const gap = tanh.steps[60].log10Norm - log10Bound("tanh", PAGE_DEFAULTS.norm, 60);
  assert.ok(gap < -0.1, `tanh at c = 0 with a = 0.1 ends ${gap} decades from the bound`);
});

Deno.test("endSpreadInSlices: the page's sliced sweep gives endSpread's numbers, and gives the event loop a turn between slices", async () => {
  let turns = 0;
  const timer = setInterval(() => turns++, 0);
  const sliced = await endSpreadInSlices(RELU_HALF_OFF, 0, 30, { sliceMs: 1 });
  clearInterval(timer);
  assert.deepEqual(sliced, endSpread(RELU_HALF_OFF, 0, 30));
  assert.ok(turns > 0);
});

Deno.test("explodes: the same W resting at 0 without input grows exactly as 2ᵗ, the bound", () => {
  const run = fateRuns().explodes;
  for (const step of run.steps) {
    assert.ok(Math.abs(step.log10Norm - step.t * Math.log10(2)) < 1e-10, `t = ${step.t}`);
  }
});
