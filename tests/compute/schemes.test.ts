import assert from "node:assert/strict";
import {
  HE,
  kaimingUniformBound,
  PYTORCH,
  pytorchOutputVariance,
  pytorchVarianceRecursion,
  scaledScheme,
  uniformBoundForVariance,
  uniformVariance,
  varianceOfProduct,
  weightBound,
  weightVariance,
  XAVIER,
} from "../../src/compute/schemes.ts";
import { pytorchOutputMonteCarlo } from "../../src/compute/initialisation/pytorchMonteCarlo.ts";
import { createRng } from "../../src/compute/prng.ts";

const close = (actual: number, expected: number, rel = 1e-12, what = "") =>
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.abs(expected),
    `${what} ${actual} vs ${expected} (relative ${Math.abs(actual / expected - 1)})`,
  );

Deno.test("pytorchOutputVariance([100, 50, 50, 20]) is the course's 1/3⁴ + Σ 1/(3^(4−k) n_k) = 13/405", () => {
  // Term by term: 1/81 + 1/(81·100) + 1/(27·50) + 1/(9·50) + 1/(3·20) = 260/8100.
  const byTerms = 1 / 81 + 1 / 8100 + 1 / 1350 + 1 / 450 + 1 / 60;
  close(pytorchOutputVariance([100, 50, 50, 20]), 13 / 405, 1e-14);
  close(byTerms, 13 / 405, 1e-14);
  close(13 / 405, 0.0320987654320988, 1e-13);
});

Deno.test("pytorchVarianceRecursion(widths): Var(y_ℓ) = (Var(y_ℓ₋₁) + 1/n_ℓ₋₁)/3 ends at the closed form", () => {
  assert.deepEqual(
    pytorchVarianceRecursion([100, 50, 50, 20]).map((v) => Number(v.toPrecision(10))),
    [1, 0.3366666667, 0.1188888889, 0.04629629630, 0.03209876543],
  );
  const rng = createRng(5);
  for (let trial = 0; trial < 50; trial++) {
    const widths = Array.from({ length: 1 + rng.int(30) }, () => 1 + rng.int(500));
    const layers = pytorchVarianceRecursion(widths);
    assert.equal(layers.length, widths.length + 1);
    close(layers[widths.length], pytorchOutputVariance(widths), 1e-12, `widths ${widths}`);
  }
});

Deno.test("pytorchOutputMonteCarlo([100, 50, 50, 20], 24000, 1): E[y_L] = 0 and Var(y_L) = 13/405 within 4 standard errors", () => {
  const mc = pytorchOutputMonteCarlo([100, 50, 50, 20], 24000, 1);
  const expected = pytorchOutputVariance([100, 50, 50, 20]);
  // Enough networks that 4 standard errors stay under 2 % of the value: a 2 % error fails.
  assert.ok(4 * mc.meanSquareSe < 0.02 * expected, `standard error ${mc.meanSquareSe}`);
  assert.ok(
    Math.abs(mc.meanSquare - expected) <= 4 * mc.meanSquareSe,
    `Monte Carlo ${mc.meanSquare} ± ${mc.meanSquareSe} vs ${expected}`,
  );
  assert.ok(Math.abs(mc.mean) <= 4 * mc.meanSe, `mean ${mc.mean} ± ${mc.meanSe}`);
  // And E[y²] is the variance only because E[y] = 0: the mean's square is negligible.
  assert.ok(mc.mean ** 2 < 0.001 * expected);
});

Deno.test("kaimingUniformBound(d, √5) = 1/√d: nn.Linear's weights are Uniform(±1/√d), variance 1/(3d)", () => {
  for (const d of [1, 3, 20, 50, 100, 4096]) {
    close(kaimingUniformBound(d, Math.sqrt(5)), 1 / Math.sqrt(d), 1e-15, `d = ${d}`);
    close(uniformVariance(kaimingUniformBound(d, Math.sqrt(5))), 1 / (3 * d), 1e-14);
    close(weightVariance(PYTORCH, d), 1 / (3 * d), 1e-15);
    close(weightBound(PYTORCH, d), 1 / Math.sqrt(d), 1e-15);
  }
  // With a = 0 (ReLU's gain √2) the same function gives He's uniform bound √(6/d).
  close(kaimingUniformBound(64, 0), Math.sqrt(6 / 64), 1e-15);
});

Deno.test("uniformBoundForVariance(1/d) = √(3/d) (Xavier) and (2/d) = √(6/d) (He)", () => {
  for (const d of [1, 10, 256, 1000]) {
    close(uniformBoundForVariance(1 / d), Math.sqrt(3 / d), 1e-15);
    close(uniformBoundForVariance(2 / d), Math.sqrt(6 / d), 1e-15);
    close(weightBound(XAVIER, d), Math.sqrt(3 / d), 1e-15);
    close(weightBound(HE, d), Math.sqrt(6 / d), 1e-15);
    close(uniformVariance(Math.sqrt(6 / d)), 2 / d, 1e-14);
  }
  close(weightVariance(scaledScheme(Math.SQRT2), 8), weightVariance(HE, 8), 1e-15);
  close(weightVariance(scaledScheme(1), 8), weightVariance(XAVIER, 8), 1e-15);
});

Deno.test("uniformVariance(c) = c²/3 against 400,000 draws of Uniform(−c, c), within 4 standard errors", () => {
  const rng = createRng(9);
  const c = Math.sqrt(6 / 50);
  const n = 400_000;
  let s = 0, ss = 0;
  for (let i = 0; i < n; i++) {
    const w = c * (2 * rng.uniform() - 1);
    s += w * w;
    ss += w ** 4;
  }
  const mean = s / n;
  const se = Math.sqrt((ss / n - mean * mean) / n);
  assert.ok(4 * se < 0.02 * uniformVariance(c));
  assert.ok(Math.abs(mean - uniformVariance(c)) <= 4 * se, `${mean} ± ${se}`);
});

Deno.test("schemes refuse bad input: σ ≤ 0 or NaN, width 0, empty widths", () => {
  assert.throws(() => scaledScheme(-1), /σ .* must be a finite number > 0; got -1/);
  assert.throws(() => scaledScheme(0), /σ .* > 0; got 0/);
  assert.throws(() => scaledScheme(NaN), /got NaN/);
  assert.throws(() => pytorchOutputVariance([]), RangeError);
  assert.throws(() => pytorchOutputVariance([100, 0]), /width n_1 must be an integer ≥ 1; got 0/);
  assert.throws(() => weightVariance(HE, 0), /fan-in d must be an integer ≥ 1; got 0/);
  assert.throws(() => pytorchOutputMonteCarlo([10], 1, 1), /networks must be an integer ≥ 2/);
});

Deno.test("varianceOfProduct(X, Y) = Var X·Var Y + Var X·(E Y)² + Var Y·(E X)² for independent X, Y", () => {
  // Exact, by enumerating two independent discrete variables.
  const xs = [[-1, 0.2], [0.5, 0.5], [3, 0.3]];
  const ys = [[2, 0.6], [-2, 0.1], [0.25, 0.3]];
  const moments = (d: number[][]) => {
    const mean = d.reduce((s, [v, p]) => s + v * p, 0);
    return { mean, variance: d.reduce((s, [v, p]) => s + (v - mean) ** 2 * p, 0) };
  };
  let m1 = 0, m2 = 0;
  for (const [x, p] of xs) {
    for (const [y, q] of ys) {
      m1 += x * y * p * q;
      m2 += (x * y) ** 2 * p * q;
    }
  }
  close(varianceOfProduct(moments(xs), moments(ys)), m2 - m1 * m1, 1e-13);
  // A mean-zero weight times an activation of mean 1/2: Var(W)·E[h²], not Var(W)·Var(h).
  close(
    varianceOfProduct({ mean: 0, variance: 0.01 }, { mean: 0.5, variance: 0.04 }),
    0.01 * (0.04 + 0.25),
    1e-14,
  );
  assert.throws(
    () => varianceOfProduct({ mean: 0, variance: -1 }, { mean: 0, variance: 1 }),
    /Var X must be in/,
  );
});
