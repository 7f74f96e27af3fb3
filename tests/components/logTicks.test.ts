import assert from "node:assert/strict";
import { logTicks } from "../../src/components/logTicks.ts";

Deno.test("logTicks(values) gives the powers of ten inside the data's range", () => {
  assert.deepEqual(logTicks([0.003, 0.5, 42, 1500]), [0.01, 0.1, 1, 10, 100, 1000]);
});

Deno.test("logTicks(values) adds 2 and 5 when the range spans less than two decades", () => {
  assert.deepEqual(logTicks([0.3, 4]), [0.5, 1, 2]);
});

Deno.test("logTicks(values) ignores zeros, negatives and NaN, and is empty without positives", () => {
  assert.deepEqual(logTicks([0, -1, NaN, 10, 1000]), [10, 100, 1000]);
  assert.deepEqual(logTicks([0, -2]), []);
});

Deno.test("logTicks(values, {max}) keeps powers of ten inside the data, at most `max` of them", () => {
  assert.deepEqual(logTicks([3e-31, 1, 40], { max: 7 }), [
    1e-30,
    1e-25,
    1e-20,
    1e-15,
    1e-10,
    1e-5,
    1,
  ]);
  assert.deepEqual(logTicks([0.05, 20], { max: 7 }), [0.1, 1, 10]);
  // Under two decades Plot chooses (undefined), and nothing is outside the range (beyond 1e-4).
  assert.equal(logTicks([1.5, 9], { max: 7 }), undefined);
  assert.equal(logTicks([], { max: 7 }), undefined);
  for (const t of logTicks([2e-7, 3e4], { max: 7 })!) assert.ok(t >= 2e-7 && t <= 3e4);
});

Deno.test("logTicks(values, {max}) thins to every k-th decade, and a power a rounding outside counts", () => {
  // 1e-12 … 1e3 is 16 powers; max 4 keeps every 4th exponent: −12, −8, −4, 0.
  assert.deepEqual(logTicks([1e-12, 1e3], { max: 4 }), [1e-12, 1e-8, 1e-4, 1]);
  assert.deepEqual(logTicks([1e-12, 1e3], { max: 16 })!.length, 16);
  assert.deepEqual(logTicks([0.99999, 10.0001], { max: 7 }), [1, 10]);
  assert.deepEqual(logTicks([0.99999, 10.0001]), [1, 2, 5, 10]);
});
