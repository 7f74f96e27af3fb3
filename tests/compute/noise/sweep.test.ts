import assert from "node:assert/strict";
import { generateRegression } from "../../../src/compute/noise/regression.ts";
import {
  bestKeep,
  checkSweepSpec,
  splitProblem,
  summariseSweep,
  type SweepSeed,
} from "../../../src/compute/noise/sweep.ts";

const spec = { n: 12, d: 3, noise: 1, nTest: 30, seeds: [1, 2], keep: [0.5, 1] };

Deno.test("splitProblem(spec, seed): the training part is generateRegression's problem for the same n; the test rows follow it", () => {
  const { train, test } = splitProblem(spec, 4);
  const live = generateRegression({ n: 12, d: 3, noise: 1, seed: 4 });
  assert.deepEqual(train.x, live.x);
  assert.deepEqual(train.y, live.y);
  assert.deepEqual(train.wTrue, live.wTrue);
  const all = generateRegression({ n: 42, d: 3, noise: 1, seed: 4 });
  assert.deepEqual(test.x, all.x.slice(36));
  assert.equal(test.n, 30);
});

Deno.test("summariseSweep(seeds) and bestKeep(summary): mean and sample sd per p, and the p of the smallest mean", () => {
  const point = (p: number, dropoutTest: number, ridgeTest: number) => ({
    p,
    dropout: [],
    ridge: [],
    dropoutTest,
    ridgeTest,
  });
  const seeds: SweepSeed[] = [
    { seed: 1, points: [point(0.5, 1, 4), point(1, 3, 3)] },
    { seed: 2, points: [point(0.5, 2, 6), point(1, 5, 5)] },
  ];
  const summary = summariseSweep(seeds);
  assert.deepEqual(summary[0], {
    p: 0.5,
    dropoutMean: 1.5,
    dropoutSd: Math.SQRT1_2,
    ridgeMean: 5,
    ridgeSd: Math.SQRT2,
  });
  assert.deepEqual(bestKeep(summary), { dropout: { p: 0.5, test: 1.5 }, ridge: { p: 1, test: 4 } });
});

Deno.test("checkSweepSpec(spec): refuses repeated seeds, an unsorted or bad keep grid and nTest < 1", () => {
  assert.throws(() => checkSweepSpec({ ...spec, seeds: [1, 1] }), /seeds repeat/);
  assert.throws(() => checkSweepSpec({ ...spec, keep: [1, 0.5] }), /keep must be increasing/);
  assert.throws(
    () => checkSweepSpec({ ...spec, keep: [0.5, 1.5] }),
    /keep\[1\] must be in \(0, 1\]; got 1\.5/,
  );
  assert.throws(
    () => checkSweepSpec({ ...spec, nTest: 0 }),
    /nTest must be an integer in \[1, 1000000\]; got 0/,
  );
});
