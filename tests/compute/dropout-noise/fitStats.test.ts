import assert from "node:assert/strict";
import { paddedDomain, relativeShift } from "../../../src/compute/dropout-noise/fitStats.ts";

Deno.test("relativeShift(before, after) is ‖after − before‖ / ‖before‖", () => {
  assert.equal(relativeShift([3, 4], [3, 4]), 0);
  assert.equal(relativeShift([3, 4], [3, 4.5]), 0.1);
  assert.throws(() => relativeShift([1], [1, 2]), /differ in length/);
});

Deno.test("paddedDomain(values, pad) holds 0 and every value, padded by 5 % of the span", () => {
  const near = (got: number[], want: number[]) =>
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-12, `${got} vs ${want}`));
  near(paddedDomain([1, 3]), [-0.15, 3.15]);
  near(paddedDomain([-2, -1]), [-2.1, 0.1]);
  near(paddedDomain([0, 0]), [-0.05, 0.05]);
  near(paddedDomain([1, 3], 0.1), [-0.3, 3.3]);
});
