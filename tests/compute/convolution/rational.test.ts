import assert from "node:assert/strict";
import {
  add,
  div,
  fraction,
  fractionText,
  fromNumber,
  mul,
  sub,
  toNumber,
} from "../../../src/compute/convolution/rational.ts";

Deno.test("fromNumber(x) reads the decimal a reader sees: 0.1 is 1/10, -2.5 is -5/2, 1e-7 is 1/10000000", () => {
  assert.equal(fractionText(fromNumber(0.1)), "1/10");
  assert.equal(fractionText(fromNumber(-2.5)), "-5/2");
  assert.equal(fractionText(fromNumber(1e-7)), "1/10000000");
  assert.equal(fractionText(fromNumber(1.5e21)), "1500000000000000000000");
  assert.equal(fractionText(fromNumber(-0)), "0");
  assert.throws(() => fromNumber(NaN, "x"), /^RangeError: x must be a finite number; got NaN$/);
});

Deno.test("fraction arithmetic stays exact: 0.1 + 0.2 = 3/10, (1/3)·3 = 1, 1/3 − 1/2 = −1/6", () => {
  assert.equal(fractionText(add(fromNumber(0.1), fromNumber(0.2))), "3/10");
  assert.equal(fractionText(mul(fraction(1n, 3n), fraction(3n))), "1");
  assert.equal(fractionText(sub(fraction(1n, 3n), fraction(1n, 2n))), "-1/6");
  assert.equal(fractionText(div(fraction(2n), fraction(-4n))), "-1/2");
  assert.equal(toNumber(fraction(-7n, 3n)), -7 / 3);
  assert.throws(() => div(fraction(1n), fraction(0n)), /division by zero/);
});
