import assert from "node:assert/strict";
import { parseCnnGrid } from "../../../src/compute/cnn-training/grid.ts";

const committed = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/cnn-training.json", import.meta.url)),
);

Deno.test("parseCnnGrid: the committed grid", () => {
  const grid = parseCnnGrid(committed);
  assert.deepEqual(grid.seeds, [1, 2, 3]);
  assert.deepEqual(grid.settings, { dropRate: 0.5, batchSize: 25, learningRate: 0.02, epochs: 10 });
  assert.deepEqual(grid.network, { batchNorm: true, dropout: true, seed: 1 });
  assert.equal(grid.note, committed.note);
});

Deno.test("parseCnnGrid: a bad grid is refused with the field named", () => {
  const cases: [unknown, RegExp][] = [
    [[], /grid must be a JSON object; got \[\]/],
    [{ ...committed, seeds: [1] }, /grid\.seeds must list at least two seeds/],
    [{ ...committed, seeds: [1, 1] }, /grid\.seeds must not repeat/],
    [{ ...committed, seeds: [1, -2] }, /grid\.seeds\[1\] must be an integer/],
    [{ ...committed, settings: null }, /grid\.settings must be a JSON object/],
    [
      { ...committed, network: { ...committed.network, seed: 9 } },
      /grid\.network\.seed \(9\) must be one of grid\.seeds/,
    ],
    [{ ...committed, note: 1 }, /grid\.note must be a string/],
  ];
  for (const [raw, message] of cases) assert.throws(() => parseCnnGrid(raw), message);
});
