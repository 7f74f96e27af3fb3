import assert from "node:assert/strict";
import {
  distancesTo,
  positiveRange,
  rateFloor,
  stepSizes,
  tailDistance,
} from "../../../src/compute/momentum/pathStats.ts";

// A 3-4-5 path: (3, 4) → (0, 4) → (0, 0), minimum at the origin.
const run = { x: Float64Array.of(3, 0, 0), y: Float64Array.of(4, 4, 0), stepsDone: 2 };

Deno.test("distancesTo and tailDistance: Euclidean distances to the minimum, and their tail mean", () => {
  assert.deepEqual(distancesTo(run, [0, 0]), [5, 4, 0]);
  assert.equal(tailDistance(run, [0, 0], 2), 2);
  assert.equal(tailDistance(run, [0, 0], 3), 3);
});

Deno.test("stepSizes: each step's largest coordinate change over the scale", () => {
  assert.deepEqual(stepSizes(run, 2), [1.5, 2]);
});

Deno.test("rateFloor: the lowest rate and the step sizes of a flat floor", () => {
  const curve = [
    { epsilon: 0.1, rate: 0.99 },
    { epsilon: 0.2, rate: 0.9 },
    { epsilon: 0.4, rate: 0.9 + 1e-10 },
    { epsilon: 0.8, rate: 0.95 },
  ];
  assert.deepEqual(rateFloor(curve), { rate: 0.9, from: 0.2, to: 0.4 });
});

Deno.test("positiveRange: positive, finite values only", () => {
  assert.deepEqual(positiveRange([[0, 2, Infinity], Float64Array.of(NaN, 0.5, 7)]), [0.5, 7]);
});
