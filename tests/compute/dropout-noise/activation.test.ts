import assert from "node:assert/strict";
import {
  activation,
  compareOrders,
  counterexampleCurves,
  LEAKY_SLOPE,
  leakyRelu,
  leakyRoundingGap,
  preActivations,
  randomLayer,
  relu,
  sigmoidCounterexample,
  TORCH_LEAKY_SLOPE,
} from "../../../src/compute/dropout-noise/activation.ts";
import { sigmoid } from "../../../src/compute/activations.ts";

const SEEDS = [1, 2, 3, 17, 99];
const RATES = [0.1, 0.4, 0.5, 0.9];

Deno.test("compareOrders(layer, relu): linear → dropout → ReLU equals linear → ReLU → dropout exactly, on every unit", () => {
  for (const seed of SEEDS) {
    for (const rate of RATES) {
      const c = compareOrders(randomLayer(seed, rate), "relu");
      assert.equal(c.nonZero, 0, `seed ${seed}, r = ${rate}`);
      assert.equal(c.maxAbsDifference, 0);
      assert.ok(c.difference.every((g) => g === 0));
      // Not trivially: both signs of z, kept and dropped units are all present.
      assert.ok(c.z.some((z) => z > 0) && c.z.some((z) => z < 0));
      assert.ok(c.factor.some((h) => h === 0) && c.factor.some((h) => h > 1));
    }
  }
});

Deno.test("compareOrders(layer, leaky-relu): with slope 2⁻⁶ the two orders agree exactly, on every unit", () => {
  assert.equal(LEAKY_SLOPE, 0.015625);
  for (const seed of SEEDS) {
    for (const rate of RATES) {
      const c = compareOrders(randomLayer(seed, rate), "leaky-relu");
      assert.equal(c.nonZero, 0, `seed ${seed}, r = ${rate}`);
      assert.ok(c.difference.every((g) => g === 0));
      // The negative branch is in use: some outputs are negative.
      assert.ok(c.dropoutFirst.some((v) => v < 0));
    }
  }
});

Deno.test("leakyRoundingGap(layer, 0.01): PyTorch's slope agrees mathematically but rounds apart by at most 2 ulp on some units", () => {
  for (const seed of SEEDS) {
    const gap = leakyRoundingGap(randomLayer(seed, 0.4), TORCH_LEAKY_SLOPE);
    assert.ok(gap.nonZero > 0, `seed ${seed}: expected some rounding differences`);
    assert.ok(gap.nonZero < gap.units / 4);
    assert.ok(gap.maxUlps <= 2, `seed ${seed}: ${gap.maxUlps} ulp`);
    assert.equal(leakyRoundingGap(randomLayer(seed, 0.4), 0.125).nonZero, 0);
  }
});

Deno.test("compareOrders(layer, sigmoid): the orders differ on every unit; dropped units by σ(0) = ½, kept ones by σ(z/q) − σ(z)/q", () => {
  for (const seed of SEEDS) {
    const rate = 0.4;
    const layer = randomLayer(seed, rate);
    const c = compareOrders(layer, "sigmoid");
    assert.equal(c.nonZero, c.z.length);
    const q = 1 - rate;
    c.difference.forEach((g, k) => {
      const want = layer.keep[k] ? sigmoid(c.z[k] / q) - sigmoid(c.z[k]) / q : 0.5;
      assert.ok(Math.abs(g - want) < 1e-15, `unit ${k}: ${g} vs ${want}`);
    });
    assert.ok(c.maxAbsDifference > 0.1);
  }
});

Deno.test("relu and leakyRelu are positively homogeneous, σ(cz) = cσ(z) for c ≥ 0; sigmoid is not", () => {
  for (const z of [-3, -0.5, 0, 0.7, 4]) {
    for (const c of [0, 0.5, 2, 1 / 0.6]) {
      assert.ok(Math.abs(relu(c * z) - c * relu(z)) <= 1e-15);
      assert.ok(Math.abs(leakyRelu(c * z, 0.01) - c * leakyRelu(z, 0.01)) <= 1e-15);
    }
  }
  assert.ok(Math.abs(sigmoid(2 * 0.7) - 2 * sigmoid(0.7)) > 0.5);
  assert.equal(sigmoid(0), 0.5);
});

Deno.test("homework 6 Problem 1: at drop rate 0.4 a kept unit gives σ(ax)/0.6 one way and σ(ax/0.6) the other", () => {
  for (const a of [-2, 0.5, 1, 3]) {
    for (const x of [-4, -1, 0, 0.3, 2]) {
      const c = sigmoidCounterexample(a, x, 0.4);
      const want = 1 / (0.6 * (1 + Math.exp(-a * x)));
      assert.ok(Math.abs(c.activationFirst - want) <= 1e-15 * want);
      assert.ok(Math.abs(c.dropoutFirst - 1 / (1 + Math.exp((-a * x) / 0.6))) < 1e-15);
    }
  }
  // At x = 0: ½/0.6 = 5/6 against ½, a gap of 1/3 whatever a is.
  const atZero = sigmoidCounterexample(1.7, 0, 0.4);
  assert.ok(Math.abs(atZero.activationFirst - 5 / 6) < 1e-15);
  assert.equal(atZero.dropoutFirst, 0.5);
  assert.ok(Math.abs(atZero.difference + 1 / 3) < 1e-15);
});

Deno.test("counterexampleCurves(a): dropout after the sigmoid is larger for every x and every r in (0, 1), tending to 1/0.6 against 1 at r = 0.4", () => {
  for (const a of [-3, -0.4, 0.2, 1, 3]) {
    for (const rate of [0.05, 0.4, 0.9]) {
      const curves = counterexampleCurves(a, rate);
      assert.equal(curves.length, 161);
      assert.ok(curves.every((c) => c.difference < 0), `a = ${a}, r = ${rate}`);
    }
  }
  // Without dropout there is nothing to commute: the curves coincide.
  assert.ok(counterexampleCurves(1.5, 0).every((c) => c.difference === 0));
  const far = sigmoidCounterexample(1, 60, 0.4);
  assert.ok(Math.abs(far.activationFirst - 1 / 0.6) < 1e-12);
  assert.ok(Math.abs(far.dropoutFirst - 1) < 1e-12);
  // a = 0 flattens both curves: ½/0.6 against ½ everywhere.
  assert.ok(counterexampleCurves(0).every((c) => Math.abs(c.difference + 1 / 3) < 1e-15));
});

Deno.test("randomLayer(seed, rate): repeatable; the drop rate moves the mask only; about r of units dropped", () => {
  const a = randomLayer(5, 0.4);
  assert.deepEqual(a, randomLayer(5, 0.4));
  const b = randomLayer(5, 0.2);
  assert.deepEqual(b.x, a.x);
  assert.deepEqual(b.w, a.w);
  assert.deepEqual(preActivations(b), preActivations(a));
  // Over 40 seeds (20,480 units) the dropped fraction has standard deviation about 0.0034.
  let dropped = 0;
  let units = 0;
  for (let seed = 0; seed < 40; seed++) {
    const keep = randomLayer(seed, 0.4).keep;
    dropped += keep.filter((m) => m === 0).length;
    units += keep.length;
  }
  assert.ok(Math.abs(dropped / units - 0.4) < 0.008, `dropped ${dropped / units}`);
});

Deno.test("activation and layer inputs: unknown names, drop rates outside [0, 1) and NaN are refused", () => {
  assert.throws(
    () => activation("tanh" as "relu"),
    /activation must be one of "relu", "leaky-relu", "sigmoid"; got "tanh"/,
  );
  assert.throws(() => randomLayer(1, 1), /drop rate must be in \[0, 1\); got 1/);
  assert.throws(() => randomLayer(1, NaN), /drop rate must be in \[0, 1\); got NaN/);
  assert.throws(() => sigmoidCounterexample(NaN, 0), /weight a must be a finite number; got NaN/);
});

Deno.test("the page's claim on commuting: at one drop rate only h ∈ {0, 1/q} matters, so a non-homogeneous σ with σ(2z) = 2σ(z) commutes at r = 1/2 but not at r = 0.4", () => {
  // σ(z) = z·(3/2 + sin(2π log₂ z)/2) for z > 0, else 0: σ(2z) = 2σ(z), but σ(1.5z) ≠ 1.5σ(z).
  const sigma = (z: number) => (z > 0 ? z * (1.5 + 0.5 * Math.sin(2 * Math.PI * Math.log2(z))) : 0);
  const zs = Array.from({ length: 201 }, (_, i) => -5 + i * 0.05);
  const gap = (r: number) => {
    const q = 1 - r;
    return Math.max(
      ...zs.flatMap((z) => [0, 1 / q].map((h) => Math.abs(sigma(h * z) - h * sigma(z)))),
    );
  };
  assert.ok(gap(0.5) < 1e-12, `${gap(0.5)}`);
  assert.ok(gap(0.4) > 0.1, `${gap(0.4)}`);
  assert.ok(Math.abs(sigma(1.5) - 1.5 * sigma(1)) > 0.1);
});
