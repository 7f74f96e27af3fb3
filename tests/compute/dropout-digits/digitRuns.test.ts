import assert from "node:assert/strict";
import {
  accuracyGap,
  cheatDrop,
  type DigitRun,
  seedSpread,
  summariseDigitRuns,
} from "../../../src/compute/dropout-digits/digitRuns.ts";

const run = (seed: number, train: number[], validation: number[], noise: number): DigitRun => ({
  seed,
  epochs: train.map((t, e) => ({
    epoch: e,
    trainAccuracy: t,
    validationAccuracy: validation[e],
    meanLoss: e === 0 ? null : 1 / e,
  })),
  test: { noise, honest: 0.99, blank: 0.88, followed: 0.25 },
});

Deno.test("seedSpread(values): mean, sample standard deviation and range", () => {
  assert.deepEqual(seedSpread([2, 4, 4, 4, 5, 5, 7, 9]), {
    mean: 5,
    sd: Math.sqrt(32 / 7),
    min: 2,
    max: 9,
  });
  assert.deepEqual(seedSpread([0.5]), { mean: 0.5, sd: 0, min: 0.5, max: 0.5 });
  assert.throws(() => seedSpread([]), /at least one value/);
});

Deno.test("summariseDigitRuns(runs): per-epoch spreads, the gap train − validation and the drop honest − noise", () => {
  const runs = [
    run(1, [0.1, 0.9, 1], [0.1, 0.8, 0.7], 0.7),
    run(2, [0.1, 0.8, 1], [0.1, 0.8, 0.6], 0.6),
  ];
  const s = summariseDigitRuns(runs);
  assert.equal(s.epochs.length, 3);
  assert.ok(Math.abs(s.epochs[1].train.mean - 0.85) < 1e-12);
  assert.ok(Math.abs(s.finalGap.mean - 0.35) < 1e-12);
  assert.ok(Math.abs(s.finalGap.max - 0.4) < 1e-12);
  assert.ok(Math.abs(accuracyGap(runs[0].epochs[2]) - 0.3) < 1e-12);
  assert.ok(Math.abs(s.test.drop.mean - (0.99 - 0.65)) < 1e-12);
  assert.ok(Math.abs(cheatDrop(runs[1].test) - 0.39) < 1e-12);
  assert.throws(
    () => summariseDigitRuns([runs[0], run(3, [0.1], [0.1], 0.5)]),
    /same number of epochs/,
  );
});
