import assert from "node:assert/strict";
import { decimalPlaces, exact, roundEvery, significantDigits } from "../../src/compute/round.ts";

Deno.test("significantDigits(n) keeps n significant digits, as toPrecision does", () => {
  const six = significantDigits(6);
  assert.equal(six(1 / 3), 0.333333);
  assert.equal(six(-2 / 3), -0.666667);
  assert.equal(six(123456789), 123457000);
  assert.equal(six(1.234565e-12), 1.23457e-12);
  assert.equal(six(0), 0);
  assert.equal(six(20231), 20231);
  assert.ok(Number.isNaN(six(NaN)));
  assert.equal(significantDigits(9)(Math.fround(0.1)), 0.100000001);
  assert.equal(significantDigits(1)(0.96), 1);
});

Deno.test("significantDigits refuses what toPrecision refuses", () => {
  for (const bad of [0, 22, 1.5, NaN]) {
    assert.throws(
      () => significantDigits(bad),
      /significant digits must be an integer in \[1, 21\]/,
    );
  }
});

Deno.test("decimalPlaces(n) rounds to n decimals", () => {
  assert.equal(decimalPlaces(9)(0.1 + 0.2), 0.3);
  assert.equal(decimalPlaces(9)(2 / 3), 0.666666667);
  assert.equal(decimalPlaces(0)(2.5), 3);
  assert.equal(decimalPlaces(2)(-1.2345), -1.23);
  assert.throws(() => decimalPlaces(-1), /decimal places must be an integer in \[0, 15\]/);
});

Deno.test("exact leaves numbers as they are", () => {
  assert.equal(exact(1 / 3), 1 / 3);
});

Deno.test("roundEvery rounds every number however deep, keeps the rest and the key order, copies", () => {
  const value = {
    b: [1 / 3, { c: 2 / 3, d: null, e: "x" }],
    a: 1 / 7,
    f: true,
    g: [[1 / 9]],
  };
  const rounded = roundEvery(value, significantDigits(3));
  assert.deepEqual(rounded, {
    b: [0.333, { c: 0.667, d: null, e: "x" }],
    a: 0.143,
    f: true,
    g: [[0.111]],
  });
  assert.deepEqual(Object.keys(rounded), ["b", "a", "f", "g"]);
  assert.equal(value.a, 1 / 7, "the input is not changed");
  assert.equal(JSON.stringify(roundEvery([1 / 3, 2], significantDigits(2))), "[0.33,2]");
});
