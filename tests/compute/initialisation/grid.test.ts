import assert from "node:assert/strict";
import { parseInitialisationGrid } from "../../../src/compute/initialisation/grid.ts";
import { HE, PYTORCH, scaledScheme, XAVIER } from "../../../src/compute/schemes.ts";

const committed = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/initialisation.json", import.meta.url)),
);

Deno.test("parseInitialisationGrid: the committed grid, schemes by name", () => {
  const grid = parseInitialisationGrid(committed);
  assert.deepEqual(grid.schemes, [PYTORCH, XAVIER, HE, scaledScheme(1.5)]);
  assert.deepEqual(grid.activations, ["identity", "relu", "tanh", "sigmoid"]);
  assert.deepEqual(grid.inputGradActivations, ["relu", "sigmoid"]);
  assert.deepEqual(grid.widths.map((w) => w.width), [16, 64, 256]);
  assert.deepEqual([grid.seed, grid.depth, grid.spectralIterations], [1, 50, 20]);
  assert.deepEqual(grid.pytorchCheck, { widths: [100, 50, 50, 20], networks: 24000, seed: 1 });
});

Deno.test("parseInitialisationGrid: inputGradActivations may be left out", () => {
  const { inputGradActivations: _, ...rest } = committed;
  assert.deepEqual(parseInitialisationGrid(rest).inputGradActivations, []);
});

Deno.test("parseInitialisationGrid: a bad grid is refused with the field named", () => {
  const cases: [unknown, RegExp][] = [
    [null, /grid must be a JSON object/],
    [{ ...committed, schemes: [{ name: "lecun" }] }, /grid\.schemes\[0\]\.name must be one of/],
    [
      { ...committed, schemes: [{ name: "sigma", sigma: 20 }] },
      /grid\.schemes\[0\]\.sigma must be in \[0\.01, 10\]/,
    ],
    [{ ...committed, activations: [] }, /grid\.activations must be a non-empty array/],
    [
      { ...committed, widths: [{ width: 8, networks: 1, batch: 4 }] },
      /grid\.widths\[0\]\.networks must be an integer in \[2, 100000\]/,
    ],
    [{ ...committed, depth: 201 }, /grid\.depth must be an integer in \[1, 200\]; got 201/],
    [{ ...committed, pytorchCheck: 5 }, /grid\.pytorchCheck must be an object/],
    [
      { ...committed, pytorchCheck: { ...committed.pytorchCheck, seed: -1 } },
      /grid\.pytorchCheck\.seed must be an integer/,
    ],
  ];
  for (const [raw, message] of cases) assert.throws(() => parseInitialisationGrid(raw), message);
});
