/** The page-text rules (pageText.ts), checked without a browser. */
import assert from "node:assert/strict";
import { significantDigits, textProblems } from "./pageText.ts";

const flagged = (text: string) => textProblems(text).map((problem) => problem.text);

Deno.test("significantDigits counts from the first nonzero digit, trailing zeros included", () => {
  assert.equal(significantDigits("0.5000000000000002"), 16);
  assert.equal(significantDigits("0.0500"), 3);
  assert.equal(significantDigits("12.50"), 4);
  assert.equal(significantDigits("−0.000123"), 3);
});

Deno.test("textProblems flags raw floats and passes formatted numbers and integers", () => {
  assert.deepEqual(flagged("the mean output is 0.5000000000000002 here"), ["0.5000000000000002"]);
  assert.deepEqual(flagged("a gap of 1234.5678"), ["1234.5678"]);
  assert.deepEqual(
    flagged("213,504 parameters, 70656 weights, 0.949 against 0.980, 12.3457 %, −0.25"),
    [],
  );
  assert.deepEqual(flagged("a rate of 123,456.7"), ["123,456.7"]);
});

Deno.test("textProblems flags exponent notation, and not words or identifiers with digits", () => {
  assert.deepEqual(flagged("loss 1.2e+0 and 7.2e2 and 3e-5 and 1E10"), [
    "1.2e+0",
    "7.2e2",
    "3e-5",
    "1E10",
  ]);
  assert.deepEqual(flagged("conv2d, x2, h1e2x, 2em wide, 8.9 × 10⁻¹⁶, log10"), []);
});

Deno.test("textProblems flags NaN, Infinity, undefined and [object Object] as whole words", () => {
  assert.deepEqual(
    flagged("NaN standard errors, Infinity, -Infinity, undefined, [object Object]"),
    [
      "NaN",
      "Infinity",
      "Infinity",
      "undefined",
      "[object Object]",
    ],
  );
  assert.deepEqual(flagged("undefinedness, NaNa, Infinityx"), []);
});

Deno.test("textProblems names the offending text with its context", () => {
  const [problem] = textProblems("Momentum's race: loss 1.2e+0 after 100 steps");
  assert.equal(problem.rule, "exponent notation");
  assert.equal(problem.context, "Momentum's race: loss 1.2e+0 after 100 steps");
});
