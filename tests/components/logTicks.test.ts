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
