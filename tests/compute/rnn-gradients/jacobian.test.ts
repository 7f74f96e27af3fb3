import assert from "node:assert/strict";
import { derivative } from "../../../src/compute/activations.ts";
import { createRng } from "../../../src/compute/prng.ts";
import {
  jacobianNorms,
  log10Bound,
  restingLog10Norm,
} from "../../../src/compute/rnn-gradients/jacobian.ts";
import {
  buildRecurrence,
  hiddenStates,
  nextState,
  type RecurrenceParams,
  RNN_ACTIVATIONS,
  slopeCeiling,
} from "../../../src/compute/rnn-gradients/recurrence.ts";
import { spectralNorm } from "../../../src/compute/linalg.ts";
import { WEIGHT_KINDS } from "../../../src/compute/rnn-gradients/weights.ts";
import { PAGE_DEFAULTS } from "../../../src/compute/rnn-gradients/examples.ts";

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < n; j++) c[i * n + j] += a[i * n + k] * b[k * n + j];
    }
  }
  return c;
}

/** ∂h_T/∂h₀ by central differences of the recurrence itself (no Jacobian formula involved). */
function finiteDifferenceJacobian(params: RecurrenceParams, eps = 1e-6): Float64Array {
  const rec = buildRecurrence(params);
  const n = rec.n;
  const run = (h0: Float64Array) => {
    let h = h0;
    for (let t = 1; t <= params.steps; t++) h = nextState(rec, h, t);
    return h;
  };
  const j = new Float64Array(n * n);
  for (let col = 0; col < n; col++) {
    const up = rec.h0.slice(), down = rec.h0.slice();
    up[col] += eps;
    down[col] -= eps;
    const hu = run(up), hd = run(down);
    for (let row = 0; row < n; row++) j[row * n + col] = (hu[row] - hd[row]) / (2 * eps);
  }
  return j;
}

Deno.test("jacobianNorms: ‖∂hₜ/∂h₀‖ is the norm of ∏ W·diag(σ′(hₜ₋₁)) multiplied out plainly, and of central finite differences", () => {
  for (const activation of ["tanh", "sigmoid"] as const) {
    for (const weights of WEIGHT_KINDS) {
      const params = {
        ...PAGE_DEFAULTS,
        units: 5,
        activation,
        weights,
        norm: 1.4,
        drive: 0.8,
        steps: 6,
      };
      const run = jacobianNorms(params);
      const rec = buildRecurrence(params);
      const n = rec.n;
      const states = hiddenStates(rec);
      let product: Float64Array = new Float64Array(n * n);
      for (let i = 0; i < n; i++) product[i * n + i] = 1;
      for (let t = 1; t <= params.steps; t++) {
        const step = rec.w.map((v, k) => v * derivative(activation, states[t - 1][k % n]));
        product = multiply(step, product, n);
        const want = spectralNorm({ rows: n, cols: n, data: product });
        const got = 10 ** run.steps[t].log10Norm;
        assert.ok(
          Math.abs(got / want - 1) < 1e-12,
          `${activation} ${weights} t = ${t}: ${got} vs ${want}`,
        );
      }
      const fd = spectralNorm({ rows: n, cols: n, data: finiteDifferenceJacobian(params) });
      const got = 10 ** run.steps[params.steps].log10Norm;
      // Rounding in the differences is about 1e-16/ε relative to ‖h‖, 1e-6 of this small norm.
      assert.ok(
        Math.abs(got / fd - 1) < 1e-5,
        `${activation} ${weights}: ${got} vs finite differences ${fd}`,
      );
    }
  }
});

Deno.test("jacobianNorms: the bound ‖∂hₜ/∂h₀‖ ≤ (γs)ᵗ holds at every step on 300 random instances", () => {
  const rng = createRng(2024);
  let closest = -Infinity;
  for (let k = 0; k < 300; k++) {
    const params: RecurrenceParams = {
      units: 2 + rng.int(23),
      norm: 0.05 + 2.95 * rng.uniform(),
      activation: RNN_ACTIVATIONS[rng.int(3)],
      weights: WEIGHT_KINDS[rng.int(2)],
      rest: -3 + 6 * rng.uniform(),
      drive: k % 5 === 0 ? 0 : 4 * rng.uniform(),
      steps: 40,
      seed: k,
    };
    const run = jacobianNorms(params);
    assert.equal(run.gamma, slopeCeiling(params.activation));
    for (const step of run.steps) {
      const bound = log10Bound(params.activation, params.norm, step.t);
      assert.ok(
        step.log10Norm <= bound + 1e-12 * Math.max(1, step.t),
        `instance ${k}, t = ${step.t}`,
      );
      if (step.t > 0 && Number.isFinite(step.log10Norm)) {
        closest = Math.max(closest, step.log10Norm - bound);
      }
    }
  }
  // Some instances come within rounding of the bound: it cannot be lowered.
  assert.ok(closest > -1e-9, `closest approach ${closest}`);
});

Deno.test("jacobianNorms: with δ = γs < 1 the gradient vanishes: ‖∂h_T/∂h₀‖ ≤ δ^T, 0.9^500 ≈ 1.3e-23 at T = 500", () => {
  for (const activation of RNN_ACTIVATIONS) {
    const s = 0.9 / slopeCeiling(activation);
    const run = jacobianNorms({ ...PAGE_DEFAULTS, activation, norm: s, drive: 0.5, steps: 500 });
    assert.ok(Math.abs(log10Bound(activation, s, 500) - 500 * Math.log10(0.9)) < 1e-12);
    assert.ok(run.steps[500].log10Norm <= 500 * Math.log10(0.9) + 1e-9);
    assert.ok(10 ** run.steps[500].log10Norm < 1.3e-23);
  }
});

Deno.test("jacobianNorms: orthogonal W resting where σ′ = γ (tanh and sigmoid at c = 0, ReLU at c > 0) meets the bound (γs)ᵗ at every step", () => {
  const cases: [RecurrenceParams["activation"], number][] = [["tanh", 0], ["sigmoid", 0], [
    "relu",
    0.5,
  ], ["relu", 2]];
  for (const [activation, rest] of cases) {
    for (const s of [0.5, 1, 1.3]) {
      const norm = s / slopeCeiling(activation);
      const run = jacobianNorms({ ...PAGE_DEFAULTS, activation, rest, norm, drive: 0, steps: 80 });
      for (const step of run.steps) {
        const bound = log10Bound(activation, norm, step.t);
        assert.ok(
          Math.abs(step.log10Norm - bound) < 1e-11,
          `${activation}, c = ${rest}, s = ${norm}, t = ${step.t}`,
        );
      }
    }
  }
});

Deno.test("restingLog10Norm: orthogonal W resting at c without input gives exactly (s·σ′(c))ᵗ, below the bound when σ′(c) < γ", () => {
  for (const activation of RNN_ACTIVATIONS) {
    for (const rest of [-2, -0.5, 0.3, 1.5]) {
      const params = { ...PAGE_DEFAULTS, activation, rest, norm: 1.1, drive: 0, steps: 50 };
      const run = jacobianNorms(params);
      for (const step of run.steps) {
        const exact = restingLog10Norm(activation, 1.1, rest, step.t);
        if (exact === -Infinity) assert.equal(step.log10Norm, -Infinity);
        else {assert.ok(
            Math.abs(step.log10Norm - exact) < 1e-11,
            `${activation}, c = ${rest}, t = ${step.t}`,
          );}
      }
    }
  }
  assert.ok(
    Math.abs(
      restingLog10Norm("tanh", 2, 1.5, 60) - 60 * Math.log10(2 * (1 - Math.tanh(1.5) ** 2)),
    ) < 1e-12,
  );
});

Deno.test("jacobianNorms: nearly tight in the linear-ish regime (orthogonal, tanh, a = 0.05): the rate ‖∂h_T/∂h₀‖^(1/T) is within 2 % of γs; loose for Gaussian W: below 0.7γs", () => {
  for (const seed of [1, 2, 3]) {
    const near = jacobianNorms({ ...PAGE_DEFAULTS, norm: 0.95, drive: 0.05, steps: 50, seed });
    const rate = 10 ** (near.steps[50].log10Norm / 50);
    assert.ok(rate <= 0.95 && rate > 0.98 * 0.95, `seed ${seed}: rate ${rate}`);
    const loose = jacobianNorms({
      ...PAGE_DEFAULTS,
      weights: "gaussian",
      norm: 0.95,
      drive: 0,
      steps: 60,
      seed,
    });
    const looseRate = 10 ** (loose.steps[60].log10Norm / 60);
    assert.ok(looseRate < 0.7 * 0.95, `seed ${seed}: Gaussian rate ${looseRate}`);
  }
});

Deno.test("log10Bound and restingLog10Norm: bad s, t and activations are refused by name", () => {
  assert.throws(() => log10Bound("tanh", -1, 3), /spectral norm s/);
  assert.throws(() => log10Bound("tanh", 1, -1), /step t/);
  assert.throws(() => restingLog10Norm("softplus" as "tanh", 1, 0, 1), /activation/);
  assert.throws(() => restingLog10Norm("tanh", 1, NaN, 1), /resting state c/);
  assert.equal(log10Bound("sigmoid", 4, 7), 0);
});
