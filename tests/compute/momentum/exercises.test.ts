import {
  ADAM_STEP,
  BIAS_CORRECTION,
  EQUIVALENT_AVERAGE,
  EQUIVALENT_MOMENTUM,
  EXPECTED_AVERAGE,
  RUNNING_AVERAGE,
} from "../../../src/compute/momentum/exercises.ts";
import { createRng } from "../../../src/compute/prng.ts";
import { assertSame, assertSameEntries, numeric, SEEDS } from "../exerciseValues.ts";

const value = (instance: { answer: unknown }) => numeric(instance as never).value as number;

/** The steps Δθ₁ … Δθ₅₀ of momentum (α, ε) and of the running average (β, δ) on one gradient sequence. */
function steps(rule: "momentum" | "average", a: number, b: number): number[] {
  const rng = createRng(5);
  let v = 0;
  return Array.from({ length: 50 }, () => {
    const g = rng.normal();
    v = rule === "momentum" ? a * v + b * g : a * v + (1 - a) * g;
    return rule === "momentum" ? -v : -b * v;
  });
}

Deno.test("EQUIVALENT_MOMENTUM.generate(seed): with α = β and the answer ε, momentum takes the running average's 50 steps (Worked exercises 1.1), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { beta, delta } = EQUIVALENT_MOMENTUM.params(seed);
    const epsilon = value(EQUIVALENT_MOMENTUM.generate(seed));
    const [m, avg] = [steps("momentum", beta, epsilon), steps("average", beta, delta)];
    assertSameEntries(m, avg, 1e-12, `seed ${seed}`);
    assertSame(epsilon, delta * (1 - beta));
  }
});

Deno.test("EQUIVALENT_AVERAGE.generate(seed): with β = α and the answer δ, the running average takes momentum's 50 steps (Worked exercises 1.1), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { alpha, epsilon } = EQUIVALENT_AVERAGE.params(seed);
    const delta = value(EQUIVALENT_AVERAGE.generate(seed));
    const [m, avg] = [steps("momentum", alpha, epsilon), steps("average", alpha, delta)];
    assertSameEntries(avg, m, 1e-12, `seed ${seed}`);
  }
});

Deno.test("RUNNING_AVERAGE.generate(seed): v_t = (1 − β)Σᵢ β^{t−i}gᵢ, summed directly (Worked exercises 1.2), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { beta, gs } = RUNNING_AVERAGE.params(seed);
    const t = gs.length;
    const unrolled = (1 - beta) * gs.reduce((s, g, i) => s + beta ** (t - (i + 1)) * g, 0);
    assertSame(value(RUNNING_AVERAGE.generate(seed)), unrolled);
  }
});

Deno.test("EXPECTED_AVERAGE.generate(seed): E[v_t] = E[g](1 − β)Σ_{i<t} βⁱ = (1 − β^t)E[g] (Worked exercises 1.3), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { beta, t, mean } = EXPECTED_AVERAGE.params(seed);
    let geometric = 0;
    for (let i = 0; i < t; i++) geometric += beta ** i;
    assertSame(value(EXPECTED_AVERAGE.generate(seed)), mean * (1 - beta) * geometric);
  }
});

Deno.test("BIAS_CORRECTION.generate(seed): v̂_t = v_t/(1 − β^t) on seeds 0..999; for a constant gradient it returns that gradient exactly (Worked exercises 1.3)", () => {
  for (const seed of SEEDS) {
    const { beta, gs } = BIAS_CORRECTION.params(seed);
    let v = 0;
    for (const g of gs) v = beta * v + (1 - beta) * g;
    assertSame(value(BIAS_CORRECTION.generate(seed)), v / (1 - beta ** gs.length));
  }
  for (const beta of [0.5, 0.9]) {
    assertSame(value(BIAS_CORRECTION.instance({ beta, gs: [3, 3, 3] })), 3);
  }
});

Deno.test("ADAM_STEP.generate(seed): step 2 equals Kingma and Ba's update written out here (m, s, both corrections, ϵ = 1e-8), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { gs, learningRate: eta, beta1, beta2 } = ADAM_STEP.params(seed);
    let m = 0, s = 0, step = 0;
    gs.forEach((g, i) => {
      const t = i + 1;
      m = beta1 * m + (1 - beta1) * g;
      s = beta2 * s + (1 - beta2) * g * g;
      step = (eta * (m / (1 - beta1 ** t))) / (Math.sqrt(s / (1 - beta2 ** t)) + 1e-8);
    });
    assertSame(value(ADAM_STEP.generate(seed)), step);
  }
});
