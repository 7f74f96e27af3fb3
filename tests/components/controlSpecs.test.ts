import assert from "node:assert/strict";
import {
  changedValues,
  checkRange,
  paramSpecs,
  type RangeControl,
} from "../../src/components/controlSpecs.ts";
import { readParams } from "../../src/components/urlState.ts";

const rate: RangeControl = {
  kind: "range",
  label: "drop rate r",
  min: 0,
  max: 0.9,
  step: 0.01,
  default: 0.5,
};
const steps: RangeControl = {
  kind: "range",
  label: "steps",
  min: 100,
  max: 20000,
  step: 100,
  default: 3000,
};
const lr: RangeControl = {
  kind: "range",
  label: "learning rate",
  min: 1e-4,
  max: 0.1,
  scale: "log",
  default: 0.002,
};
const controls = {
  rate,
  steps,
  lr,
  optimizer: { kind: "choice", label: "optimiser", choices: ["sgd", "adam"], default: "sgd" },
} as const;

Deno.test("checkRange(control, value) accepts the slider's own values, ends included", () => {
  assert.equal(checkRange(rate, 0), 0);
  assert.equal(checkRange(rate, 0.9), 0.9);
  assert.equal(checkRange(rate, 0.37), 0.37);
  assert.equal(checkRange(lr, 0.0123456), 0.0123456);
});

Deno.test("checkRange refuses what the slider cannot show, naming the bounds and the value", () => {
  assert.throws(
    () => checkRange(rate, 0.95),
    { message: "drop rate r must be between 0 and 0.9, got 0.95" },
  );
  assert.throws(() => checkRange(steps, 150), {
    message: "steps must be between 100 and 20000 in steps of 100, got 150",
  });
  assert.throws(() => checkRange(lr, 5), /learning rate must be between 0.0001 and 0.1, got 5/);
  assert.throws(() => checkRange(rate, NaN), /got NaN/);
});

Deno.test("paramSpecs(controls) makes readParams refuse out-of-range link values", () => {
  const read = readParams(paramSpecs(controls), "?rate=0.95&lr=5&steps=150&optimizer=adam");
  assert.deepEqual(read.values, { rate: 0.5, steps: 3000, lr: 0.002, optimizer: "adam" });
  assert.deepEqual(read.problems, [
    "The link sets rate=0.95, but drop rate r must be between 0 and 0.9, got 0.95; using 0.5.",
    "The link sets steps=150, but steps must be between 100 and 20000 in steps of 100, got 150; using 3000.",
    "The link sets lr=5, but learning rate must be between 0.0001 and 0.1, got 5; using 0.002.",
  ]);
  const bad = readParams(paramSpecs(controls), "?optimizer=rmsprop");
  assert.deepEqual(bad.problems, [
    "The link sets optimizer=rmsprop, but optimiser must be one of sgd, adam; using sgd.",
  ]);
});

Deno.test("checkRange asks a whole-number slider for a whole number", () => {
  const seed: RangeControl = {
    kind: "range",
    label: "seed",
    min: 0,
    max: 100,
    step: 1,
    default: 1,
  };
  assert.equal(checkRange(seed, 42), 42);
  assert.throws(() => checkRange(seed, 2.5), {
    message: "seed must be a whole number between 0 and 100, got 2.5",
  });
  assert.throws(() => checkRange(seed, 101), {
    message: "seed must be a whole number between 0 and 100, got 101",
  });
});

Deno.test("changedValues(controls, values) keeps only values that differ from the defaults", () => {
  assert.deepEqual(
    changedValues(controls, { rate: 0.5, steps: 400, lr: 0.002, optimizer: "adam" }),
    { rate: null, steps: 400, lr: null, optimizer: "adam" },
  );
});
