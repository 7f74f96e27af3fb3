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
} from "../../../src/compute/dropout-toy/dropoutToy.ts";

/** Four-decimal agreement, the precision the homework quotes. */
const near4 = (got: number[], want: number[], what: string) =>
  want.forEach((v, i) =>
    assert.ok(Math.abs(got[i] - v) < 5e-5, `${what}[${i}]: ${got[i]} vs ${v}`)
  );

const badRate = (e: unknown) =>
  e instanceof RangeError && /drop rate must be in \[0, 1\)/.test(e.message);

/** Relative agreement to `tol` (for values known to machine precision). */
const nearRel = (got: readonly number[], want: readonly number[], tol: number, what: string) =>
  want.forEach((v, i) =>
    assert.ok(
      Math.abs(got[i] - v) <= tol * Math.abs(v),
      `${what}[${i}]: ${got[i]} vs ${v} (relative ${Math.abs(got[i] - v) / Math.abs(v)})`,
    )
  );

/** Drop rates from 1e-300 to 0.99, through the range where the old 2×2 solve broke down. */
const RATES = [
  1e-300,
  1e-200,
  1e-100,
  1e-30,
  1e-17,
  1e-16,
  1e-15,
  1e-13,
  1e-11,
  1e-9,
  1e-6,
  1e-3,
  0.01,
  0.1,
  0.3,
  0.5,
  0.7,
  0.9,
  0.99,
];

Deno.test("olsMinNorm() and the rate-0 minimisers are the course's 11/101·(10, 1) ≈ (1.0891, 0.1089)", () => {
  const course = [110 / 101, 11 / 101];
  near4(olsMinNorm(), [1.0891, 0.1089], "olsMinNorm");
  nearRel(olsMinNorm(), course, 1e-15, "olsMinNorm");
  nearRel(expectedLossMinimiser(0), course, 1e-15, "expectedLossMinimiser(0)");
  // expandedLeastSquares(0) gets there by QR on the one unmasked row, without olsMinNorm.
  nearRel(expandedLeastSquares(0), course, 1e-15, "expandedLeastSquares(0)");
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

Deno.test("expectedLossMinimiser(0.5) and expandedLeastSquares(0.5) are the course's (11/30, 11/3) ≈ (0.3667, 3.6667)", () => {
  near4(expectedLossMinimiser(0.5), [0.3667, 3.6667], "closed form");
  nearRel(expectedLossMinimiser(0.5), [11 / 30, 11 / 3], 1e-15, "closed form");
  nearRel(expandedLeastSquares(0.5), [11 / 30, 11 / 3], 1e-14, "expanded data");
});

Deno.test("toy: expanded data at r = 0.5 is the four equally likely scaled masks", () => {
  const { rows, weights, y } = expandedData(0.5);
  assert.deepEqual(rows, [[20, 2], [20, 0], [0, 2], [0, 0]]);
  assert.deepEqual(weights, [0.25, 0.25, 0.25, 0.25]);
  assert.deepEqual(y, [11, 11, 11, 11]);
  const w = expandedData(0.2).weights;
  [0.64, 0.16, 0.16, 0.04].forEach((p, i) => assert.ok(Math.abs(w[i] - p) < 1e-15));
});

/** The gradient of E(y − w·x̃)², by summing over all 2^d masks directly, and its scale. */
function enumeratedGradient(rate: number, x: number[], y: number, w: number[]) {
  const d = x.length;
  const g = x.map(() => 0);
  let scale = 0;
  for (let mask = 0; mask < 2 ** d; mask++) {
    let p = 1;
    const xt = x.map((v, j) => {
      const kept = ((mask >> j) & 1) === 1;
      p *= kept ? 1 - rate : rate;
      return kept ? v / (1 - rate) : 0;
    });
    const res = xt.reduce((s, v, j) => s + v * w[j], 0) - y;
    xt.forEach((v, j) => (g[j] += 2 * p * res * v));
    scale += p * xt.reduce((s, v) => s + v * v, 0);
  }
  // ‖∇‖ is compared with ‖H‖‖w‖ (H = 2E[x̃x̃ᵀ]), the size a 2 % error in w would give it.
  return { g, scale: 2 * scale * Math.hypot(...w) };
}

const DATA: [number[], number][] = [
  [[10, 1], 11],
  [[3, -2, 0.5], 4],
  [[1e3, 1e-2], 2],
  [[2, 0, -4], 6],
];

Deno.test("expectedLossMinimiser(r) equals expandedLeastSquares(r), QR on the enumerated masks, for r from 1e-300 to 0.99", () => {
  for (const [x, y] of DATA) {
    for (const r of RATES) {
      const a = expectedLossMinimiser(r, x, y);
      const b = expandedLeastSquares(r, x, y);
      a.forEach((v, j) =>
        assert.ok(Math.abs(v - b[j]) <= 1e-13 * Math.abs(v), `x = ${x}, r = ${r}: ${a} vs ${b}`)
      );
    }
  }
});

Deno.test("expectedLossMinimiser(r) zeroes the gradient of the expected loss summed over all masks", () => {
  // A third derivation, independent of expandedData. At tiny r the penalty is below rounding, so
  // the gradient cannot see the tie-break there; the QR route and the limit test cover that.
  for (const [x, y] of DATA) {
    for (const r of RATES.filter((r) => r >= 1e-3)) {
      const w = expectedLossMinimiser(r, x, y);
      const { g, scale } = enumeratedGradient(r, x, y, w);
      assert.ok(Math.hypot(...g) <= 1e-12 * scale, `x = ${x}, r = ${r}: ∇ = ${g}`);
    }
  }
});

Deno.test("expectedLossMinimiser(r) → (0.55, 5.5) = limitAsRateToZero() as r → 0+, to rounding below 1e-16", () => {
  const lim = limitAsRateToZero();
  near4(lim, [0.55, 5.5], "limit");
  nearRel(lim, [0.55, 5.5], 1e-15, "limit");
  // w(r) = limit · (1 − r)·2/(2 − r): the relative distance is about r/2.
  for (const r of RATES.filter((r) => r <= 1e-6)) {
    nearRel(expectedLossMinimiser(r), [0.55, 5.5], Math.max(r, 2e-16), `r = ${r}`);
    nearRel(expandedLeastSquares(r), [0.55, 5.5], Math.max(r, 1e-15), `expanded, r = ${r}`);
  }
});

Deno.test("contributions(expandedLeastSquares(r)): every feature contributes y(1−r)/(d(1−r)+r)", () => {
  // The course's Sherman–Morrison result, checked on the QR route, which never uses it.
  for (const [x, y] of DATA) {
    const d = x.filter((v) => v !== 0).length;
    for (const r of RATES) {
      const share = (y * (1 - r)) / (d * (1 - r) + r);
      contributions(expandedLeastSquares(r, x, y), x).forEach((c, j) => {
        const want = x[j] === 0 ? 0 : share;
        assert.ok(Math.abs(c - want) <= 1e-13 * Math.abs(share), `x = ${x}, r = ${r}: ${c}`);
      });
    }
  }
});

Deno.test("limitAsRateToZero(): an exact fit, far from the minimum-norm fit (the jump at r = 0)", () => {
  const lim = limitAsRateToZero();
  assert.ok(Math.abs(contributions(lim).reduce((s, v) => s + v, 0) - TOY.y) < 1e-12);
  const jump = Math.hypot(lim[0] - 110 / 101, lim[1] - 11 / 101);
  assert.ok(jump > 5, `the jump at 0 should be large, got ${jump}`);
  // General d: y / (d xⱼ), with zero features left at 0.
  assert.deepEqual(limitAsRateToZero([2, 0, -4], 6), [1.5, 0, -0.75]);
});

Deno.test("toy: contributions are (10 w1, w2)", () => {
  assert.deepEqual(contributions([0.5, 3]), [5, 3]);
  // At r = 1/2 both features contribute 11/3 (the course's 10·0.3667 = 3.6667).
  nearRel(contributions(expectedLossMinimiser(0.5)), [11 / 3, 11 / 3], 1e-15, "r=0.5");
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
  // Three features of 1: E[x̃x̃ᵀ] = J + c I has top eigenvalue 3 + c, so the bound is 1/(3 + c).
  for (const r of [0, 0.2, 0.6]) {
    const c = r / (1 - r);
    const bound = maxStableLearningRate(r, [1, 1, 1]);
    assert.ok(Math.abs(bound - 1 / (3 + c)) < 1e-14, `r=${r}: ${bound}`);
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
