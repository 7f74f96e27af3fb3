import assert from "node:assert/strict";
import { parseNoiseGrid } from "../../../src/compute/dropout-noise/grid.ts";
import { lambdaGrid } from "../../../src/compute/dropout-noise/sweep.ts";
import { keepGrid } from "../../../src/compute/tikhonov.ts";

const committed = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/dropout-noise.json", import.meta.url)),
);

Deno.test("parseNoiseGrid: the committed grid, with keep and λ grids expanded", () => {
  const grid = parseNoiseGrid(committed);
  assert.deepEqual(
    [grid.n, grid.d, grid.noise, grid.nTest, grid.seeds.length],
    [20, 5, 2, 2000, 20],
  );
  assert.deepEqual(grid.keep, keepGrid(50, 0.02));
  assert.deepEqual(grid.lambdas, lambdaGrid(0.001, 1000, 61));
  assert.equal(grid.note, committed.note);
  assert.deepEqual(Object.keys(grid), [
    "note",
    "n",
    "d",
    "noise",
    "nTest",
    "seeds",
    "keep",
    "lambdas",
  ]);
});

Deno.test("parseNoiseGrid: a bad grid is refused with the field named", () => {
  const cases: [unknown, RegExp][] = [
    [[], /grid must be a JSON object/],
    [{ ...committed, keep: undefined }, /grid\.keep must be an object \{from, count\}/],
    [
      { ...committed, keep: { from: 0.02, count: 1 } },
      /grid\.keep\.count must be an integer in \[2, 10000\]; got 1/,
    ],
    [{ ...committed, keep: { from: "a", count: 5 } }, /grid\.keep\.from must be a finite number/],
    [{ ...committed, ridgeLambda: null }, /grid\.ridgeLambda must be an object/],
    [
      { ...committed, ridgeLambda: { from: 1, to: 10, count: 1.5 } },
      /grid\.ridgeLambda\.count must be an integer/,
    ],
    [{ ...committed, note: 3 }, /grid\.note must be a string/],
  ];
  for (const [raw, message] of cases) assert.throws(() => parseNoiseGrid(raw), message);
});
