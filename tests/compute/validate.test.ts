import assert from "node:assert/strict";
import {
  dropRate,
  finiteNumber,
  finiteVector,
  inRange,
  integerAtLeast,
  oneOf,
  positiveNumber,
} from "../../src/compute/validate.ts";

const throwsWith = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof RangeError && pattern.test(e.message));

Deno.test("validate: drop rate message names the parameter, range and value", () => {
  throwsWith(() => dropRate(1.5), /^drop rate must be in \[0, 1\); got 1\.5$/);
  throwsWith(() => dropRate(1), /got 1$/);
  throwsWith(() => dropRate(-0.1), /got -0\.1$/);
  throwsWith(() => dropRate(NaN), /got NaN$/);
  throwsWith(() => dropRate(Infinity), /got Infinity$/);
  throwsWith(() => dropRate("0.5"), /got "0\.5"$/);
  assert.equal(dropRate(0), 0);
  assert.equal(dropRate(0.999), 0.999);
});

Deno.test("validate: other checks", () => {
  throwsWith(() => finiteNumber("y", NaN), /^y must be a finite number; got NaN$/);
  throwsWith(() => positiveNumber("learningRate", -1), /^learningRate must be .*> 0; got -1$/);
  throwsWith(() => positiveNumber("learningRate", 0), /got 0$/);
  throwsWith(() => integerAtLeast("batchSize", 0, 1), /^batchSize must be an integer ≥ 1; got 0$/);
  throwsWith(() => integerAtLeast("batchSize", 2.5, 1), /got 2\.5$/);
  throwsWith(() => integerAtLeast("steps", 11, 1, 10), /in \[1, 10\]; got 11$/);
  throwsWith(() => oneOf("optimizer", "rmsprop", ["sgd", "adam"]), /optimizer .*"sgd", "adam"/);
  throwsWith(() => finiteVector("x", [1, NaN]), /^x\[1\] must be a finite number; got NaN$/);
  throwsWith(() => finiteVector("x", [1, 2, 3], 2), /^x must have exactly 2 entries/);
  throwsWith(() => inRange("p", 0, { min: 0, max: 1, minInclusive: false }), /\(0, 1\]; got 0$/);
  assert.equal(inRange("p", 1, { min: 0, max: 1 }), 1);
});
