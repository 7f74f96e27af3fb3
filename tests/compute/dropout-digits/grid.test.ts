import assert from "node:assert/strict";
import { parseDigitGrid } from "../../../src/compute/dropout-digits/grid.ts";

const committed = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/dropout-digits.json", import.meta.url)),
);

Deno.test("parseDigitGrid: the committed grid, split into shared settings, dropout and seeds", () => {
  const grid = parseDigitGrid(committed);
  assert.deepEqual(grid.seeds, [1, 2, 3, 4]);
  assert.deepEqual(grid.dropout, { keepInput: 0.5, keepHidden: 0.5 });
  assert.deepEqual(
    [grid.base.hidden, grid.base.batchSize, grid.base.learningRate, grid.base.epochs],
    [32, 50, 0.001, 8],
  );
  assert.deepEqual([grid.base.strength, grid.base.perClass], [3, 300]);
  assert.equal(grid.note, committed.note);
});

Deno.test("parseDigitGrid: a bad grid is refused with the field named", () => {
  const cases: [unknown, RegExp][] = [
    [[1], /grid must be a JSON object/],
    [{ ...committed, dropout: undefined }, /grid\.dropout must be an object/],
    [{ ...committed, seeds: [] }, /grid\.seeds must be a non-empty array/],
    [{ ...committed, seeds: [1, 1] }, /grid\.seeds repeats a seed/],
    [{ ...committed, seeds: [1.5] }, /grid\.seeds\[0\] must be an integer/],
    [{ ...committed, note: false }, /grid\.note must be a string/],
  ];
  for (const [raw, message] of cases) assert.throws(() => parseDigitGrid(raw), message);
});
