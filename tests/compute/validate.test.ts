import assert from "node:assert/strict";
import {
  dropRate,
  finiteNumber,
  finiteVector,
  inRange,
  integerAtLeast,
  MAX_SEED,
  nonNegativeNumber,
  oneOf,
  positiveNumber,
  seedValue,
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

Deno.test("seedValue(value) accepts the integers in [0, 2³² − 1] and names the range otherwise", () => {
  assert.equal(seedValue(0), 0);
  assert.equal(seedValue(MAX_SEED), 2 ** 32 - 1);
  throwsWith(
    () => seedValue(2 ** 32),
    /^seed must be an integer in \[0, 4294967295\]; got 4294967296$/,
  );
  throwsWith(
    () => seedValue(1.5, "grid.seeds[0]"),
    /^grid\.seeds\[0\] must be an integer .*; got 1\.5$/,
  );
  throwsWith(() => seedValue(-1), /got -1$/);
});

Deno.test("nonNegativeNumber(name, value) accepts 0 and refuses negatives and non-finite values", () => {
  assert.equal(nonNegativeNumber("σ", 0), 0);
  throwsWith(() => nonNegativeNumber("σ", -0.5), /^σ must be a finite number ≥ 0; got -0\.5$/);
  throwsWith(() => nonNegativeNumber("σ", Infinity), /got Infinity$/);
});
