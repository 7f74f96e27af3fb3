/** The helpers behind backends.test.ts's verdicts, checked without a browser. */
import assert from "node:assert/strict";
import { mismatches, numbersAt } from "./backendTable.ts";

Deno.test("numbersAt(hooks, path) flattens every number under a dotted path, * for every key", () => {
  const hooks = {
    runs: { a: { test: { noise: 0.7, honest: 0.99 } }, b: { test: { noise: 0.8, honest: 0.98 } } },
    grid: [[1, 2], [3, null]],
  };
  assert.deepEqual(numbersAt(hooks, "runs.*.test.noise"), [0.7, 0.8]);
  assert.deepEqual(numbersAt(hooks, "runs.*.test"), [0.7, 0.99, 0.8, 0.98]);
  assert.deepEqual(numbersAt(hooks, "grid"), [1, 2, 3]);
  assert.deepEqual(numbersAt(hooks, "missing.path"), []);
});

Deno.test("mismatches(values, cpu, bound) passes within abs + rel·|cpu| and fails a 2 % error", () => {
  assert.deepEqual(mismatches([1.0005, -2], [1, -2], { rel: 1e-3 }), []);
  assert.deepEqual(mismatches([1.02], [1], { rel: 1e-3 }), ["[0] 1.02 against 1"]);
  assert.deepEqual(mismatches([1e-7], [0], { rel: 1e-3, abs: 1e-6 }), []);
  assert.deepEqual(mismatches([NaN], [1], { rel: 1 }), ["[0] NaN against 1"]);
  assert.deepEqual(mismatches([1], [1, 2], { rel: 1 }), ["1 numbers against cpu's 2"]);
});
