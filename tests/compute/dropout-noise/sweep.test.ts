import assert from "node:assert/strict";
import { generateRegression } from "../../../src/compute/regression.ts";
import {
  bestKeep,
  bestLambda,
  checkSweepSpec,
  lambdaGrid,
  splitProblem,
  summariseRidgeGrid,
  summariseSweep,
  type SweepSeed,
} from "../../../src/compute/dropout-noise/sweep.ts";

const spec = { n: 12, d: 3, noise: 1, nTest: 30, seeds: [1, 2], keep: [0.5, 1], lambdas: [0.1, 1] };

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
    {
      seed: 1,
      meanSquaredColumnNorm: 1,
      points: [point(0.5, 1, 4), point(1, 3, 3)],
      ridgeGridTest: [2, 7],
    },
    {
      seed: 2,
      meanSquaredColumnNorm: 1,
      points: [point(0.5, 2, 6), point(1, 5, 5)],
      ridgeGridTest: [4, 9],
    },
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
  const grid = summariseRidgeGrid([0.1, 1], seeds);
  assert.deepEqual(grid[0], { lambda: 0.1, mean: 3, sd: Math.SQRT2 });
  assert.deepEqual(bestLambda(grid), { lambda: 0.1, test: 3 });
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

Deno.test("lambdaGrid(from, to, count): evenly spaced in log λ, both ends included; checkSweepSpec refuses a bad λ grid", () => {
  const grid = lambdaGrid(0.001, 1000, 7);
  grid.forEach((v, i) => assert.ok(Math.abs(v / 10 ** (i - 3) - 1) < 1e-12, `${v}`));
  assert.throws(() => lambdaGrid(0, 1, 3), /smallest λ must be a finite number > 0; got 0/);
  assert.throws(() => lambdaGrid(1, 1, 3), /the largest λ must exceed the smallest/);
  assert.throws(() => checkSweepSpec({ ...spec, lambdas: [1, 0.1] }), /lambdas must be increasing/);
  assert.throws(
    () => checkSweepSpec({ ...spec, lambdas: [0, 1] }),
    /lambdas\[0\] must be a finite number > 0/,
  );
});
