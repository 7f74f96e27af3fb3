import assert from "node:assert/strict";
import { rateAxisBottom } from "../../../src/components/momentum/rateChart.ts";
import { powerLabel, readableLogAxis } from "../../../src/components/stepSeriesChart.ts";
import { optimalPair, quadraticRate } from "../../../src/compute/momentum/quadraticRate.ts";

Deno.test("rateAxisBottom: at the defaults (κ = 50, β = 0.9) the rate axis starts at 0.7, not 0, so 0.949 and 0.980 sit apart", () => {
  const eigenvalues = [1 / 50, 1] as const;
  const rates = [
    quadraticRate(eigenvalues, 0.9, 1),
    quadraticRate(eigenvalues, 0, 1),
    optimalPair(eigenvalues).rate,
  ];
  assert.ok(Math.abs(rates[0] - 0.949) < 5e-4 && Math.abs(rates[1] - 0.98) < 5e-4);
  const bottom = rateAxisBottom(rates);
  assert.ok(Math.abs(bottom - 0.7) < 1e-12, `${bottom}`);
  // The two rates are 9 % of the axis (0.7 to 1.05) apart, against 2.5 % of the old 0–1.25 axis.
  assert.ok((rates[1] - rates[0]) / (1.05 - bottom) > 0.08);
  // Never below 0, and non-finite rates are ignored.
  assert.equal(rateAxisBottom([0.01, Infinity, NaN]), 0);
});

Deno.test("powerLabel and readableLogAxis: no '1e+11' on the loss axis, at most about nine labels", () => {
  assert.equal(powerLabel(1e11), "10¹¹");
  assert.equal(powerLabel(1e-6), "10⁻⁶");
  assert.equal(powerLabel(0.01), "0.01");
  assert.equal(powerLabel(1000), "1000");
  assert.equal(powerLabel(2), "2");
  const axis = readableLogAxis("f", [1e-5, 3e11]);
  assert.ok(axis.ticks.length <= 9, `${axis.ticks}`);
  for (const t of axis.ticks) assert.doesNotMatch(axis.tickFormat(t), /e[+-]/);
});
