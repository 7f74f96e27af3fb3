import assert from "node:assert/strict";
import { profileRows, SERIES, valueText, zeroLayers } from "../../src/components/residualRows.ts";

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
  assert.equal(valueText(2.123e-18), "2.1e-18");
  assert.equal(valueText(0), "exactly 0");
  assert.equal(valueText(undefined), "not yet computed");
});
