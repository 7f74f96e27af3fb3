import assert from "node:assert/strict";
import {
  caseRuns,
  profileRows,
  SERIES,
  valueText,
  zeroLayers,
} from "../../../src/components/residual/residualRows.ts";
import { blockWeights, caseGrid } from "../../../src/compute/residual/block.ts";
import { BLOCK_DEFAULTS } from "../../../src/compute/residual/blockPage.ts";

Deno.test("profileRows: one row per known value, layer numbers from `first`, both networks", () => {
  assert.deepEqual(profileRows([1, undefined, 3], [0, 2, undefined], 0), [
    { series: SERIES.skip, x: 0, y: 1 },
    { series: SERIES.skip, x: 2, y: 3 },
    { series: SERIES.plain, x: 0, y: 0 },
    { series: SERIES.plain, x: 1, y: 2 },
  ]);
});

Deno.test("zeroLayers: runs of exact zeros as a phrase", () => {
  assert.equal(zeroLayers([0, 0, 0, 1e-30, 2], 0), "layers 0–2");
  assert.equal(zeroLayers([1, 0, 1], 1), "layer 2");
  assert.equal(zeroLayers([0, 1, 0, 0, 0], 2), "layers 2, 4–6");
  assert.equal(zeroLayers([1e-300, undefined], 0), "");
});

Deno.test("valueText: plain, scientific, or exactly 0", () => {
  assert.equal(valueText(0.4321), "0.432");
  assert.equal(valueText(2.123e-18), "2.1 × 10⁻¹⁸");
  assert.equal(valueText(3.4e5), "3.4 × 10⁵");
  assert.equal(valueText(0), "exactly 0");
  assert.equal(valueText(undefined), "not yet computed");
});

Deno.test("caseRuns(caseGrid(…)): each row's neighbouring cells of one case merge into one run that covers them exactly", () => {
  const { w1, w2 } = blockWeights(BLOCK_DEFAULTS.seed, 2, BLOCK_DEFAULTS.scale);
  const steps = 40, size = 6 / steps;
  const cells = caseGrid(w1, w2, 3, steps);
  const runs = caseRuns(cells, size);
  assert.ok(runs.length < cells.length / 5, `${runs.length} runs`);
  // Every cell lies in exactly one run of its row with its case, and runs of a row tile [−3, 3].
  for (const cell of cells) {
    const holders = runs.filter((r) => r.x2 === cell.x2 && r.x1From < cell.x1 && cell.x1 < r.x1To);
    assert.equal(holders.length, 1);
    assert.equal(holders[0].case, cell.case);
  }
  for (const x2 of new Set(runs.map((r) => r.x2))) {
    const row = runs.filter((r) => r.x2 === x2);
    assert.ok(Math.abs(row[0].x1From + 3) < 1e-12 && Math.abs(row.at(-1)!.x1To - 3) < 1e-12);
    row.slice(1).forEach((r, i) => {
      assert.ok(Math.abs(r.x1From - row[i].x1To) < 1e-12);
      assert.notEqual(r.case, row[i].case);
    });
  }
});
