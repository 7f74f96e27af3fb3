import assert from "node:assert/strict";
import { summariseRuns } from "../../../src/compute/dropout-toy/summariseRuns.ts";

Deno.test("summariseRuns(runs) gives mean, sample sd, range and count per (rate, optimizer)", () => {
  const rows = summariseRuns([
    { rate: 0.5, optimizer: "sgd", seed: 1, w1: 1, w2: 10 },
    { rate: 0.5, optimizer: "sgd", seed: 2, w1: 3, w2: 14 },
    { rate: 0.5, optimizer: "adam", seed: 1, w1: 2, w2: 5 },
    { rate: 0.1, optimizer: "sgd", seed: 1, w1: 4, w2: 6 },
  ]);
  assert.deepEqual(rows.map((r) => [r.rate, r.optimizer, r.n]), [
    [0.5, "sgd", 2],
    [0.5, "adam", 1],
    [0.1, "sgd", 1],
  ]);
  assert.equal(rows[0].w1Mean, 2);
  assert.equal(rows[0].w2Mean, 12);
  assert.ok(Math.abs(rows[0].w1Sd - Math.SQRT2) < 1e-12);
  assert.ok(Math.abs(rows[0].w2Sd - 2 * Math.SQRT2) < 1e-12);
  assert.deepEqual([rows[0].w1Min, rows[0].w1Max, rows[0].w2Min, rows[0].w2Max], [1, 3, 10, 14]);
  assert.equal(rows[1].w1Sd, 0);
});

Deno.test("summariseRuns([]) is empty", () => {
  assert.deepEqual(summariseRuns([]), []);
});
