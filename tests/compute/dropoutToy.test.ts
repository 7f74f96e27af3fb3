import assert from "node:assert/strict";
import {
  contributions,
  expandedData,
  expandedLeastSquares,
  expectedLossMinimiser,
  limitAsRateToZero,
  maskedSecondMoment,
  maxMeanSquareStableLearningRate,
  maxStableLearningRate,
  olsMinNorm,
  TOY,
} from "../../src/compute/dropoutToy.ts";

/** Four-decimal agreement, the precision the homework quotes. */
const near4 = (got: number[], want: number[], what: string) =>
  want.forEach((v, i) =>
    assert.ok(Math.abs(got[i] - v) < 5e-5, `${what}[${i}]: ${got[i]} vs ${v}`)
  );

const badRate = (e: unknown) =>
  e instanceof RangeError && /drop rate must be in \[0, 1\)/.test(e.message);

Deno.test("toy: minimum-norm least squares is (110/101, 11/101) ≈ (1.0891, 0.1089)", () => {
  const w = olsMinNorm();
  near4(w, [1.0891, 0.1089], "olsMinNorm");
  assert.ok(Math.abs(w[0] - 110 / 101) < 1e-15 && Math.abs(w[1] - 11 / 101) < 1e-15);
  assert.deepEqual(expectedLossMinimiser(0), w);
});

Deno.test("toy: gradient descent from zero reaches the minimum-norm solution", () => {
  let w = [0, 0];
  const lr = 0.005; // below 2 / λmax = 2 / 202
  for (let i = 0; i < 2000; i++) {
    const res = w[0] * TOY.x[0] + w[1] * TOY.x[1] - TOY.y;
    w = w.map((wj, j) => wj - lr * 2 * res * TOY.x[j]);
  }
  near4(w, olsMinNorm(), "GD");
});

Deno.test("toy: at r = 0.5 the minimiser is (11/30, 11/3) ≈ (0.3667, 3.6667)", () => {
  const w = expectedLossMinimiser(0.5);
  near4(w, [0.3667, 3.6667], "normal equations");
  assert.ok(Math.abs(w[0] - 11 / 30) < 1e-12 && Math.abs(w[1] - 11 / 3) < 1e-12);
  near4(expandedLeastSquares(0.5), [11 / 30, 11 / 3], "expanded data");
});

Deno.test("toy: expanded data at r = 0.5 is the four equally likely scaled masks", () => {
  const { rows, weights, y } = expandedData(0.5);
  assert.deepEqual(rows, [[20, 2], [20, 0], [0, 2], [0, 0]]);
  assert.deepEqual(weights, [0.25, 0.25, 0.25, 0.25]);
  assert.deepEqual(y, [11, 11, 11, 11]);
  const w = expandedData(0.2).weights;
  [0.64, 0.16, 0.16, 0.04].forEach((p, i) => assert.ok(Math.abs(w[i] - p) < 1e-15));
});

Deno.test("toy: normal equations and weighted expanded least squares agree for many rates", () => {
  for (let i = 0; i <= 99; i++) {
    const r = i / 100;
    const a = expectedLossMinimiser(r);
    const b = expandedLeastSquares(r);
    // Both are exact solutions of the same 2×2 problem; the Gram-matrix route squares the
    // conditioning, so allow a relative 1e-7.
    a.forEach((v, j) => assert.ok(Math.abs(v - b[j]) <= 1e-7 * Math.max(1, Math.abs(v)), `r=${r}`));
  }
  // And for another data point with three features.
  for (const r of [0.05, 0.3, 0.8]) {
    const x = [3, -2, 0.5];
    const a = expectedLossMinimiser(r, x, 4);
    const b = expandedLeastSquares(r, x, 4);
    a.forEach((v, j) => assert.ok(Math.abs(v - b[j]) < 1e-9, `3 features, r=${r}`));
  }
});

Deno.test("toy: Sherman–Morrison form: every feature contributes y(1−r)/(d(1−r)+r)", () => {
  for (const r of [0.01, 0.1, 0.5, 0.9]) {
    const share = (TOY.y * (1 - r)) / (2 * (1 - r) + r);
    near4(contributions(expectedLossMinimiser(r)), [share, share], `r=${r}`);
  }
});

Deno.test("toy: the limit r → 0+ is (0.55, 5.5), an interpolator unlike the r = 0 solution", () => {
  const lim = limitAsRateToZero();
  near4(lim, [0.55, 5.5], "limit");
  near4(expectedLossMinimiser(1e-9), lim, "minimiser at r = 1e-9");
  assert.ok(Math.abs(contributions(lim).reduce((s, v) => s + v, 0) - TOY.y) < 1e-12);
  const jump = Math.hypot(lim[0] - olsMinNorm()[0], lim[1] - olsMinNorm()[1]);
  assert.ok(jump > 5, `the jump at 0 should be large, got ${jump}`);
  // General d: y / (d xⱼ), with zero features left at 0.
  near4(limitAsRateToZero([2, 0, -4], 6), [1.5, 0, -0.75], "3 features");
});

Deno.test("toy: contributions are (10 w1, w2)", () => {
  assert.deepEqual(contributions([0.5, 3]), [5, 3]);
  near4(contributions(expectedLossMinimiser(0.5)), [3.6667, 3.6667], "r=0.5");
});

Deno.test("toy: stability bounds", () => {
  // r = 0: λmax(2 x xᵀ) = 2 ‖x‖² = 202.
  assert.ok(Math.abs(maxStableLearningRate(0) - 1 / 101) < 1e-15);
  // r = 0.5: E[x̃x̃ᵀ] = [[200, 10], [10, 2]], trace 202, det 300.
  const top = 101 + Math.sqrt(101 ** 2 - 300);
  assert.ok(Math.abs(maxStableLearningRate(0.5) - 1 / top) < 1e-15);
  assert.deepEqual(maskedSecondMoment(0.5), [[200, 10], [10, 2]]);
  for (const r of [0, 0.1, 0.5, 0.9]) {
    const mean = maxStableLearningRate(r);
    let prev = 0;
    for (const b of [1, 4, 64, 4096]) {
      const ms = maxMeanSquareStableLearningRate(r, b);
      assert.ok(ms <= mean * (1 + 1e-12) && ms >= prev, `r=${r} B=${b}: ${ms}`);
      prev = ms;
    }
    // Large batches approach the deterministic bound; at r = 0 there is no noise at all.
    assert.ok(prev > 0.99 * mean);
    if (r === 0) assert.ok(Math.abs(maxMeanSquareStableLearningRate(0, 1) - mean) < 1e-12);
  }
});

Deno.test("toy: bad inputs throw RangeError naming the parameter", () => {
  for (const r of [1, 1.5, -0.1, NaN, Infinity]) {
    assert.throws(() => expectedLossMinimiser(r), badRate);
    assert.throws(() => expandedData(r), badRate);
    assert.throws(() => maxStableLearningRate(r), badRate);
  }
  assert.throws(() => olsMinNorm([10, NaN]), /x\[1\] must be a finite number/);
  assert.throws(() => expectedLossMinimiser(0.5, [10, 1], Infinity), /y must be a finite number/);
  assert.throws(() => contributions([1, 2, 3]), /w must have exactly 2 entries/);
  assert.throws(() => maxMeanSquareStableLearningRate(0.5, 0), /batchSize must be an integer/);
});
