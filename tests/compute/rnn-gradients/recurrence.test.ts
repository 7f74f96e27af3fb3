import assert from "node:assert/strict";
import { activate, derivative } from "../../../src/compute/activations.ts";
import {
  buildRecurrence,
  checkRecurrence,
  conventionalStates,
  hiddenStates,
  RNN_ACTIVATIONS,
  slopeCeiling,
} from "../../../src/compute/rnn-gradients/recurrence.ts";
import { PAGE_DEFAULTS } from "../../../src/compute/rnn-gradients/examples.ts";

Deno.test("slopeCeiling: sigmoid's γ = 1/4 (at 0), tanh's γ = 1 (at 0), ReLU's γ = 1 (for every x > 0), the largest slope on a fine grid", () => {
  assert.equal(slopeCeiling("sigmoid"), 0.25);
  assert.equal(slopeCeiling("tanh"), 1);
  assert.equal(slopeCeiling("relu"), 1);
  assert.equal(derivative("sigmoid", 0), 0.25);
  assert.equal(derivative("tanh", 0), 1);
  for (const activation of RNN_ACTIVATIONS) {
    let top = -Infinity, at = NaN;
    for (let k = -20_000; k <= 20_000; k++) {
      const x = k / 1000;
      const slope = derivative(activation, x);
      assert.ok(slope >= 0);
      if (slope > top) [top, at] = [slope, x];
    }
    assert.equal(top, slopeCeiling(activation), activation);
    if (activation === "relu") {
      assert.ok(at > 0);
      assert.equal(derivative("relu", 0), 0);
    } else assert.equal(at, 0, activation);
  }
});

Deno.test("conventionalStates: gₜ = σ(Wgₜ₋₁ + Uxₜ + b) equals σ(hₜ) at every step, for every activation", () => {
  for (const activation of RNN_ACTIVATIONS) {
    for (const weights of ["orthogonal", "gaussian"] as const) {
      const rec = buildRecurrence({
        ...PAGE_DEFAULTS,
        activation,
        weights,
        norm: 1.3,
        drive: 1,
        rest: 0.4,
        steps: 40,
      });
      const h = hiddenStates(rec);
      const g = conventionalStates(rec);
      assert.equal(g.length, 41);
      for (let t = 0; t <= 40; t++) {
        h[t].forEach((v, i) => {
          const want = activate(activation, v);
          assert.ok(Math.abs(g[t][i] - want) <= 1e-12 * Math.max(1, Math.abs(want)));
        });
      }
    }
  }
});

Deno.test("buildRecurrence: without input (a = 0) the state rests at c·1 at every step", () => {
  // With s·σ′(c) < 1 the resting state is stable, so rounding errors do not grow.
  for (const activation of RNN_ACTIVATIONS) {
    for (const rest of [-1.5, 0, 0.7]) {
      const rec = buildRecurrence({ ...PAGE_DEFAULTS, activation, rest, drive: 0, norm: 0.95 });
      for (const h of hiddenStates(rec)) {
        for (const v of h) {
          assert.ok(Math.abs(v - rest) < 1e-12, `${activation}, c = ${rest}: ${v}`);
        }
      }
    }
  }
});

Deno.test("buildRecurrence: the same seed gives the same W and inputs whatever s, c, a and T are", () => {
  const a = buildRecurrence({ ...PAGE_DEFAULTS, norm: 1, drive: 1, steps: 10 });
  const b = buildRecurrence({ ...PAGE_DEFAULTS, norm: 2, drive: 2, rest: 1, steps: 20 });
  a.w.forEach((v, k) => assert.ok(Math.abs(2 * v - b.w[k]) < 1e-15));
  a.inputs.forEach((v, k) => assert.ok(Math.abs(2 * v - b.inputs[k]) < 1e-15));
});

Deno.test("checkRecurrence: T < 1, s < 0, NaN, n out of range and unknown activations get messages naming them", () => {
  const bad: [Partial<typeof PAGE_DEFAULTS>, RegExp][] = [
    [{ steps: 0 }, /steps T must be an integer in \[1, 2000\]; got 0/],
    [{ steps: 2.5 }, /steps T/],
    [{ norm: -1 }, /spectral norm s must be a finite number ≥ 0; got -1/],
    [{ norm: NaN }, /spectral norm s must be a finite number ≥ 0; got NaN/],
    [{ drive: -0.1 }, /input size a/],
    [{ rest: Infinity }, /resting state c must be a finite number; got Infinity/],
    [{ units: 0 }, /hidden units n/],
    [{ activation: "gelu" as "tanh" }, /activation must be one of "tanh", "sigmoid", "relu"/],
    [{ seed: -1 }, /seed/],
  ];
  for (const [change, message] of bad) {
    assert.throws(() => checkRecurrence({ ...PAGE_DEFAULTS, ...change }), message);
  }
  assert.deepEqual(checkRecurrence(PAGE_DEFAULTS), PAGE_DEFAULTS);
});
