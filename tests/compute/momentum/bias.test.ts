import assert from "node:assert/strict";
import {
  averageSd,
  averageWeight,
  biasMonteCarlo,
  biasSample,
  corrected,
  expectedAverage,
  runningAverage,
  unrolledAverage,
} from "../../../src/compute/momentum/bias.ts";
import { createRng } from "../../../src/compute/prng.ts";

Deno.test("runningAverage(g ≡ 1, β = 0.9): v₁ = 0.1 and v₁₀ = 0.6513, the course's numbers", () => {
  const v = runningAverage(new Array(10).fill(1), 0.9);
  assert.ok(Math.abs(v[0] - 0.1) < 1e-15);
  assert.equal(Number(v[9].toFixed(4)), 0.6513);
  // The same from the closed form 1 − βᵗ.
  assert.ok(Math.abs(averageWeight(0.9, 10) - v[9]) < 1e-15);
  assert.ok(Math.abs(v[9] - 0.6513215599) < 1e-10);
  // And the correction gives back the gradient exactly.
  assert.ok(Math.abs(corrected(v[9], 0.9, 10) - 1) < 1e-15);
});

Deno.test("unrolledAverage(gs, β, t) = (1 − β)Σᵢ βᵗ⁻ⁱgᵢ equals the recursion at every t", () => {
  const rng = createRng(3);
  const gs = Array.from({ length: 60 }, () => 2 + rng.normal());
  for (const beta of [0, 0.5, 0.9, 0.999]) {
    const v = runningAverage(gs, beta);
    for (let t = 1; t <= gs.length; t++) {
      assert.ok(Math.abs(unrolledAverage(gs, beta, t) - v[t - 1]) < 1e-13, `β = ${beta}, t = ${t}`);
    }
  }
});

/**
 * Monte Carlo with g = 1 + ξ, ξ ~ N(0, 1), 100,000 independent draws, β = 0.9, t = 1 … 30. The
 * standard error of a mean is its draws' standard deviation over √100000; at t = 1 it is 3.2e-4
 * for vₜ (mean 0.1) and 3.2e-3 for v̂ₜ (mean 1), so 4 standard errors are under 1.3 % of either
 * mean and a 2 % error in the theory fails at every t.
 */
const DRAWS = 100_000;
const sample = biasSample(11, DRAWS, 30);

Deno.test("biasMonteCarlo: E[vₜ] = (1 − βᵗ)E[g] within 4 standard errors at every t ≤ 30", () => {
  for (const beta of [0.9, 0.5]) {
    const rows = biasMonteCarlo(sample, { beta, mean: 1, sigma: 1 });
    for (const row of rows) {
      const se = row.rawSd / Math.sqrt(DRAWS);
      const want = expectedAverage(beta, row.t, 1);
      assert.ok(
        Math.abs(row.rawMean - want) < 4 * se,
        `β = ${beta}, t = ${row.t}: ${row.rawMean} vs ${want} (se ${se})`,
      );
      // The resolution this buys: a 2 % error would be caught.
      assert.ok(0.02 * want > 4 * se, `t = ${row.t}: too few draws to see a 2 % error`);
      // The spread matches its closed form too (within 2 %, the standard error of an sd being ~0.2 %).
      assert.ok(Math.abs(row.rawSd / averageSd(beta, row.t, 1) - 1) < 0.02);
    }
  }
});

Deno.test("biasMonteCarlo: the corrected v̂ₜ = vₜ/(1 − βᵗ) is unbiased, E[v̂ₜ] = E[g] within 4 standard errors", () => {
  for (const beta of [0.9, 0.5]) {
    const rows = biasMonteCarlo(sample, { beta, mean: 1, sigma: 1 });
    for (const row of rows) {
      const se = row.correctedSd / Math.sqrt(DRAWS);
      assert.ok(
        Math.abs(row.correctedMean - 1) < 4 * se,
        `β = ${beta}, t = ${row.t}: ${row.correctedMean}`,
      );
      assert.ok(0.02 > 4 * se);
    }
    // While the raw average is far from E[g] early on: at t = 1 it is 1 − β of it.
    assert.ok(Math.abs(rows[0].rawMean - (1 - beta)) < 0.01);
    // The correction's price: at t = 1 the corrected spread is the gradients' own σ (= 1), and it
    // narrows towards σ√((1 − β)/(1 + β)) as more gradients are averaged.
    assert.ok(Math.abs(rows[0].correctedSd - 1) < 0.02);
    assert.ok(rows[29].correctedSd < 0.7 * rows[0].correctedSd);
  }
});

Deno.test("biasMonteCarlo: σ = 0 gives the noise-free 1 − βᵗ exactly, and the rows hold their theory", () => {
  const rows = biasMonteCarlo(biasSample(1, 3, 10), { beta: 0.9, mean: 2, sigma: 0 });
  for (const row of rows) {
    assert.ok(Math.abs(row.rawMean - 2 * (1 - 0.9 ** row.t)) < 1e-14);
    assert.ok(Math.abs(row.theory - 2 * (1 - 0.9 ** row.t)) < 1e-14);
    assert.equal(row.rawSd, 0);
    assert.equal(row.theorySd, 0);
  }
});

Deno.test("bias: bad inputs throw RangeErrors naming β outside [0, 1), NaN and bad horizons", () => {
  assert.throws(() => runningAverage([1], 1), /^RangeError: β must be in \[0, 1\); got 1$/);
  assert.throws(() => averageWeight(NaN, 3), /β must be in \[0, 1\); got NaN/);
  assert.throws(
    () => biasMonteCarlo(sample, { beta: 0.9, mean: 1, sigma: -1 }),
    /noise σ must be a finite number ≥ 0; got -1/,
  );
  assert.throws(
    () => biasMonteCarlo(sample, { beta: 0.9, mean: 1, sigma: 1, horizon: 31 }),
    /horizon t must be an integer in \[1, 30\]; got 31/,
  );
  assert.throws(() => unrolledAverage([1, 2], 0.5, 3), /t must be an integer in \[1, 2\]; got 3/);
});
