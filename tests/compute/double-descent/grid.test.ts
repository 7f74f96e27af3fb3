import assert from "node:assert/strict";
import { logGrid } from "../../../src/compute/double-descent/doubleDescent.ts";
import { parseDoubleDescentGrid } from "../../../src/compute/double-descent/grid.ts";

const committed = JSON.parse(
  await Deno.readTextFile(new URL("../../../data/double-descent.json", import.meta.url)),
);

Deno.test("parseDoubleDescentGrid: the committed grid, with the λ grid expanded", () => {
  const config = parseDoubleDescentGrid(committed);
  assert.deepEqual(config.lambdas, logGrid(0.01, 100, 31));
  assert.deepEqual(config.pGrid, committed.pGrid);
  assert.deepEqual(
    [config.seed, config.trials, config.nTrain, config.d, config.lambdaA],
    [1, 20, 300, 35, 0.01],
  );
  assert.ok(!("about" in config));
});

Deno.test("parseDoubleDescentGrid: spectrumP defaults to none", () => {
  const { spectrumP: _, ...rest } = committed;
  assert.deepEqual(parseDoubleDescentGrid(rest).spectrumP, []);
});

Deno.test("parseDoubleDescentGrid: a bad grid is refused with the field named", () => {
  const cases: [unknown, RegExp][] = [
    [[], /grid must be a JSON object/],
    [{ ...committed, lambdaGrid: 3 }, /lambdaGrid must be an object \{min, max, count\}/],
    [{ ...committed, lambdaGrid: { min: 0, max: 1, count: 3 } }, /logGrid needs 0 < min/],
    [{ ...committed, pGrid: [10, 5] }, /pGrid\[1\] must be an integer in \[11, 20000\]; got 5/],
    [{ ...committed, trials: 0 }, /trials must be an integer/],
    [{ ...committed, spectrumP: [6] }, /spectrumP\[0\] must be one of pGrid; got 6/],
  ];
  for (const [raw, message] of cases) assert.throws(() => parseDoubleDescentGrid(raw), message);
});
