import assert from "node:assert/strict";
import {
  boundLineRows,
  exactLineRows,
  log10Ticks,
  measuredRows,
  perStepRate,
  powerOfTen,
  textFromLog10,
  zeroFrom,
} from "../../../src/components/rnn-gradients/rnnRows.ts";
import { log10Bound, restingLog10Norm } from "../../../src/compute/rnn-gradients/jacobian.ts";
import type { JacobianStep } from "../../../src/compute/rnn-gradients/jacobian.ts";

const step = (t: number, log10Norm: number): JacobianStep => ({
  t,
  log10Norm,
  slopeMean: 1,
  slopeMin: 1,
  slopeMax: 1,
  stateRms: 0,
});

Deno.test("textFromLog10: numbers beyond Float64's range written from their logarithm", () => {
  assert.equal(textFromLog10(Math.log10(3.53e-4), 3), "3.53 × 10⁻⁴");
  assert.equal(textFromLog10(-380.618, 2), "2.4 × 10⁻³⁸¹");
  assert.equal(textFromLog10(18.0618, 3), "1.15 × 10¹⁸");
  assert.equal(textFromLog10(Math.log10(0.042), 2), "0.042");
  assert.equal(textFromLog10(Math.log10(9.996e5), 3), "1.00 × 10⁶");
  assert.equal(textFromLog10(-Infinity), "0");
  assert.equal(textFromLog10(0), "1");
});

Deno.test("log10Ticks and powerOfTen: whole powers of ten, at most max of them, labelled 10ⁿ", () => {
  assert.deepEqual(log10Ticks([-2.7, 0]), [-3, -2, -1, 0]);
  const wide = log10Ticks([-380.6, 0.5], 7);
  assert.ok(wide.length <= 7 && wide.length >= 3);
  assert.ok(wide.every((e, i) => i === 0 || e - wide[i - 1] === wide[1] - wide[0]));
  assert.deepEqual(log10Ticks([-Infinity, NaN]), [0]);
  assert.deepEqual([-4, 0, 1, 2, 12].map(powerOfTen), ["10⁻⁴", "1", "10", "100", "10¹²"]);
});

Deno.test("measuredRows, boundLineRows, exactLineRows: the chart's rows, zero norms left out", () => {
  const steps = [step(0, 0), step(1, -0.5), step(2, -Infinity)];
  assert.deepEqual(measuredRows("m", steps).map((d) => d.t), [0, 1]);
  assert.equal(zeroFrom(steps), 2);
  assert.equal(zeroFrom(steps.slice(0, 2)), undefined);
  const bound = boundLineRows("b", "sigmoid", 2, 5);
  assert.equal(bound.length, 6);
  bound.forEach((d) => assert.equal(d.log10, log10Bound("sigmoid", 2, d.t)));
  assert.ok(Math.abs(bound[5].log10 - 5 * Math.log10(0.5)) < 1e-15);
  const exact = exactLineRows("e", "tanh", 2, 1.5, 4);
  exact.forEach((d) => assert.equal(d.log10, restingLog10Norm("tanh", 2, 1.5, d.t)));
  // ReLU resting at its kink has slope 0: no finite row after t = 0.
  assert.deepEqual(exactLineRows("e", "relu", 1, 0, 3).map((d) => d.t), [0]);
  assert.ok(Math.abs(perStepRate(step(60, 60 * Math.log10(0.876))) - 0.876) < 1e-12);
});
