import assert from "node:assert/strict";
import { learningRate, parseToyGrid } from "../../../src/compute/dropout-toy/grid.ts";

const committed = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/dropout-toy.json", import.meta.url)),
);

Deno.test("parseToyGrid: the committed grid, and each optimiser's step at a rate", () => {
  const grid = parseToyGrid(committed);
  assert.equal(grid.rates.length, 13);
  assert.deepEqual(grid.seeds, [1, 2, 3, 4, 5]);
  assert.deepEqual([grid.steps, grid.batchSize], [20000, 64]);
  assert.deepEqual(grid.closedFormRates, { from: 0, to: 0.95, step: 0.005 });
  // SGD's step is scaled by the keep probability; Adam's is not.
  assert.equal(learningRate(grid, "sgd", 0.5), 0.004);
  assert.equal(learningRate(grid, "adam", 0.5), 0.01);
});

Deno.test("parseToyGrid: a bad grid is refused with the field named", () => {
  const cases: [unknown, RegExp][] = [
    ["x", /grid must be a JSON object/],
    [{ ...committed, rates: [] }, /grid\.rates must be a non-empty array/],
    [{ ...committed, rates: [0.1, 0.1] }, /grid\.rates has duplicates/],
    [{ ...committed, rates: [1] }, /grid\.rates\[0\] \(drop rate\) must be in \[0, 1\); got 1/],
    [
      { ...committed, adam: { learningRate: 0 } },
      /grid\.adam\.learningRate must be a finite number > 0/,
    ],
    [
      { ...committed, sgd: { learningRate: 0.01, scaleByKeepProbability: "yes" } },
      /grid\.sgd\.scaleByKeepProbability must be true or false/,
    ],
    [
      { ...committed, closedFormRates: { from: 0.5, to: 0.4, step: 0.1 } },
      /grid\.closedFormRates\.to must be in \[0\.5, 1\)/,
    ],
    [
      { ...committed, closedFormRates: { from: 0, to: 0.9, step: 1e-6 } },
      /grid\.closedFormRates has too many points/,
    ],
    [{ ...committed, steps: 0 }, /grid\.steps must be an integer in \[1, 10000000\]; got 0/],
    [
      { ...committed, sgd: { learningRate: 0.05, scaleByKeepProbability: true } },
      /SGD learning rate 0\.05 at drop rate 0 is not below the mean-square stability bound/,
    ],
  ];
  for (const [raw, message] of cases) assert.throws(() => parseToyGrid(raw), message);
});
