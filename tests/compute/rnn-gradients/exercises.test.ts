import assert from "node:assert/strict";
import {
  BRNN_INPUT_WEIGHT_GRADIENT,
  BRNN_RECURRENT_WEIGHT_GRADIENT,
  BRNN_STATE_GRADIENT,
  GRADIENT_BOUND,
  RESTING_GRADIENT,
  REWRITE,
  VANISHING_THRESHOLD,
} from "../../../src/compute/rnn-gradients/exercises.ts";
import { assertSame, numeric, SEEDS } from "../exerciseValues.ts";

const value = (instance: { answer: unknown }) => numeric(instance as never).value as number;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const slopeCeiling = (activation: string) => (activation === "tanh" ? 1 : 1 / 4);

Deno.test("REWRITE.generate(seed): g₂ of the usual RNN, iterated from g₀ = tanh(h₀), equals tanh(h₂) (Worked exercises 5.1), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { w, b, h0, inputs } = REWRITE.params(seed);
    let g = Math.tanh(h0), h = h0;
    for (const u of inputs) {
      g = Math.tanh(w * g + u + b);
      h = w * Math.tanh(h) + u + b;
    }
    const answer = value(REWRITE.generate(seed));
    assertSame(answer, g);
    assertSame(answer, Math.tanh(h));
  }
});

Deno.test("GRADIENT_BOUND.generate(seed): the bound is (γ√λ₁)^T with γ = 1 for tanh and 1/4 for the sigmoid (Worked exercises 5.2), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { activation, lambda, steps } = GRADIENT_BOUND.params(seed);
    const expected = Math.pow(slopeCeiling(activation) * Math.sqrt(lambda), steps);
    assert.ok(Math.abs(value(GRADIENT_BOUND.generate(seed)) - expected) <= 1e-12 * expected);
  }
});

Deno.test("VANISHING_THRESHOLD.generate(seed): the largest λ₁(WᵀW) is δ²/γ², and then γ√λ₁ = δ (Worked exercises 5.2), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { activation, delta } = VANISHING_THRESHOLD.params(seed);
    const lambda = value(VANISHING_THRESHOLD.generate(seed));
    const gamma = slopeCeiling(activation);
    assertSame(lambda, (delta * delta) / (gamma * gamma));
    assertSame(gamma * Math.sqrt(lambda), delta);
  }
});

Deno.test("RESTING_GRADIENT.generate(seed): ‖∂h_T/∂h₀‖ = (s·σ′(c))^T, by the chain rule along T steps of a one-unit copy that stays at rest; it shrinks on some seeds and grows on others although γs > 1 (Worked exercises 5.3)", () => {
  let shrinks = 0, grows = 0;
  for (const seed of SEEDS) {
    const { activation, norm, rest, steps } = RESTING_GRADIENT.params(seed);
    const phi = activation === "tanh" ? Math.tanh : logistic;
    // One unit with W = s (an orthogonal 1 × 1 matrix times s) and the bias that holds h = c.
    const b = rest - norm * phi(rest);
    const slope = (
      h: number,
    ) => (activation === "tanh" ? 1 - Math.tanh(h) ** 2 : phi(h) * (1 - phi(h)));
    // Forward mode along the run from h₀ = c: the derivative picks up s·φ′(h) at every step.
    let h = rest, derivative = 1;
    for (let t = 0; t < steps; t++) {
      derivative *= norm * slope(h);
      h = norm * phi(h) + b;
    }
    const expected = value(RESTING_GRADIENT.generate(seed));
    assert.ok(Math.abs(h - rest) < 1e-12, `seed ${seed}: the state left its rest`);
    assert.ok(
      Math.abs(derivative - expected) <= 1e-12 * expected,
      `seed ${seed}: ${derivative} vs ${expected}`,
    );
    assert.ok(slopeCeiling(activation) * norm > 1);
    if (expected < 1) shrinks++;
    else grows++;
  }
  assert.ok(shrinks > 100 && grows > 100, `shrinks on ${shrinks}, grows on ${grows}`);
});

// An independent scalar bidirectional RNN, T = 2, and central differences of its loss.
type BrnnParams = ReturnType<typeof BRNN_STATE_GRADIENT.params>;
const START = 0.5;
const STEP = 1e-6;

/** The loss, with `shift` added to h₁ᶠ after it is computed (for ∂L/∂h₁ᶠ). */
function loss(p: BrnnParams, shift = 0): number {
  const hf1 = logistic(p.wf * p.x[0] + p.uf * START) + shift;
  const hf2 = logistic(p.wf * p.x[1] + p.uf * hf1);
  const hb2 = logistic(p.wb * p.x[1] + p.ub * START);
  const hb1 = logistic(p.wb * p.x[0] + p.ub * hb2);
  const y = [p.vf * hf1 + p.vb * hb1, p.vf * hf2 + p.vb * hb2];
  return (p.z[0] - y[0]) ** 2 + (p.z[1] - y[1]) ** 2;
}

const difference = (f: (h: number) => number) => (f(STEP) - f(-STEP)) / (2 * STEP);

function assertClose(answer: number, measured: number, seed: number): void {
  assert.ok(
    Math.abs(answer - measured) <= 1e-7 * Math.max(1, Math.abs(measured)),
    `seed ${seed}: ${answer} vs ${measured}`,
  );
}

Deno.test("BRNN_STATE_GRADIENT.generate(seed): ∂L/∂h₁ᶠ (Worked exercises 6.2) equals central differences of the loss, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const p = BRNN_STATE_GRADIENT.params(seed);
    assertClose(value(BRNN_STATE_GRADIENT.generate(seed)), difference((h) => loss(p, h)), seed);
  }
});

Deno.test("BRNN_INPUT_WEIGHT_GRADIENT.generate(seed): ∂L/∂Wᶠ (Worked exercises 6.3) equals central differences of the loss, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const p = BRNN_INPUT_WEIGHT_GRADIENT.params(seed);
    assertClose(
      value(BRNN_INPUT_WEIGHT_GRADIENT.generate(seed)),
      difference((h) => loss({ ...p, wf: p.wf + h })),
      seed,
    );
  }
});

Deno.test("BRNN_RECURRENT_WEIGHT_GRADIENT.generate(seed): ∂L/∂Uᵇ (Worked exercises 6.3) equals central differences of the loss, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const p = BRNN_RECURRENT_WEIGHT_GRADIENT.params(seed);
    assertClose(
      value(BRNN_RECURRENT_WEIGHT_GRADIENT.generate(seed)),
      difference((h) => loss({ ...p, ub: p.ub + h })),
      seed,
    );
  }
});
