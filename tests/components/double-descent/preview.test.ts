/**
 * The front page's preview of double-descent (src/components/double-descent/preview.ts) on a small
 * sweep written out here: its label names the peak, N_train and the tuned maximum.
 */
import assert from "node:assert/strict";
import {
  type DoubleDescentData,
  doubleDescentPreview,
} from "../../../src/components/double-descent/preview.ts";

function ddSweep(): DoubleDescentData {
  const p = [1, 10, 100, 250, 298, 300, 350, 1000];
  return {
    config: { nTrain: 300 },
    p,
    lambdaA: 0.01,
    curveA: { test: { median: [1.3, 1.1, 0.6, 1.4, 2.33, 2.28, 1.6, 0.59] } },
    curveB: { test: { median: [1.33, 1.13, 0.49, 0.36, 0.35, 0.35, 0.36, 0.37] } },
  };
}

Deno.test("doubleDescentPreview(sweep) names the peak's p and height, N_train and the tuned maximum", () => {
  const spec = doubleDescentPreview(ddSweep());
  assert.equal(
    spec.label,
    "Double descent: median test error against the number of features p, from 1 to 1000 on a log scale. With λ = 0.01 it peaks at 2.33 at p = 298, next to the 300 training points; with λ tuned on validation data it never exceeds 1.33.",
  );
  assert.equal(spec.x.log, true);
  assert.deepEqual(spec.rules, [300]);
  assert.deepEqual(spec.y.domain, [0, 2.33]);
});
