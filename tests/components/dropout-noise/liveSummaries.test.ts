import assert from "node:assert/strict";
import {
  monteCarloSummary,
  ordersSummary,
} from "../../../src/components/dropout-noise/liveSummaries.ts";

const timing = { progress: 1, done: true, elapsedMs: 123.4, longestSliceMs: 7.6 };
const tally = {
  count: 400,
  mean: 10.5,
  standardError: 0.25,
  variance: 25,
  exact: 10,
  samples: 400,
  checkpoints: [],
  busyMs: 50,
};

Deno.test("monteCarloSummary(frame): agreement, time and longest slice; or what a Stop left", () => {
  assert.equal(
    monteCarloSummary({ ...tally, ...timing }),
    "400 draws: mean 10.5 ± 0.25 against the exact 10, 2.0 standard errors apart. Drawing took 123 ms; the longest slice 8 ms.",
  );
  assert.equal(
    monteCarloSummary({ ...tally, ...timing, done: false, stopped: true }),
    "Stopped after 400 draws: mean 10.5 ± 0.25 against the exact 10, 2.0 standard errors apart.",
  );
  assert.equal(
    monteCarloSummary({ ...tally, count: 0, ...timing, stopped: true }),
    "Stopped before the first draw; move a control to run again.",
  );
});

const orders = {
  z: [],
  dropoutFirst: [],
  activationFirst: [],
  difference: [],
  kept: [],
  units: 32,
  reference: { nonZero: 20, maxAbsDifference: 0.5 },
  ...timing,
  backend: "wasm",
};

Deno.test("ordersSummary(frame): exact agreement, or how the orders differ next to double precision", () => {
  assert.equal(
    ordersSummary({ ...orders, nonZero: 0, maxAbsDifference: 0, settings: { activation: "relu" } }),
    "ReLU on wasm: the two orders agree exactly on all 32 units (largest difference 0), in 123 ms.",
  );
  assert.equal(
    ordersSummary({
      ...orders,
      nonZero: 20,
      maxAbsDifference: 0.50000123,
      settings: { activation: "sigmoid" },
    }),
    "sigmoid on wasm: the two orders differ on 20 of 32 units, by up to 0.5 (double precision gives 20 units, up to 0.5).",
  );
  assert.equal(
    ordersSummary({
      ...orders,
      nonZero: 0,
      maxAbsDifference: 0,
      stopped: true,
      settings: { activation: "relu" },
    }),
    "Stopped before the two orders were compared; move a control to run again.",
  );
});
