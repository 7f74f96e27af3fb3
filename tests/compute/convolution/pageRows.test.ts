/**
 * The convolution page's table rows: the adjoint identity holds to rounding at every stride that
 * leaves an output, the group table spans standard to depthwise, and the layer rows add up to the
 * block counts.
 */
import assert from "node:assert/strict";
import {
  adjointRows,
  groupRows,
  layerRole,
  layerRows,
  transposedSize1d,
} from "../../../src/compute/convolution/pageRows.ts";
import {
  bottleneckParams,
  splitTransformMergeParams,
} from "../../../src/compute/parameterCounts.ts";

Deno.test("adjointRows(0): three strides, both inner products equal to 1e-12, x of 4, 6 and 8 a side", () => {
  const { rows, worstGap } = adjointRows(0);
  assert.deepEqual(rows.map((r) => [r.stride, r.x]), [[1, "4 × 4"], [2, "6 × 6"], [3, "8 × 8"]]);
  for (const row of rows) {
    assert.ok(Math.abs(row["⟨conv(x), y⟩"] - row["⟨x, convᵀ(y)⟩"]) < 1e-12);
  }
  assert.ok(worstGap < 1e-12);
  assert.equal(worstGap, Math.max(...rows.map((r) => r["relative gap"])));
});

Deno.test("adjointRows(2): stride 1 leaves nothing (NaN row, 'none'); the gap is over the others", () => {
  const { rows, worstGap } = adjointRows(2);
  assert.equal(rows[0].x, "none");
  assert.ok(Number.isNaN(rows[0]["relative gap"]));
  assert.ok(Number.isFinite(worstGap));
});

Deno.test("groupRows(32): every divisor of 128, weights 147,456 / g, the shown row marked", () => {
  const rows = groupRows(32);
  assert.deepEqual(rows.map((r) => r.groups), [1, 2, 4, 8, 16, 32, 64, 128]);
  for (const r of rows) {
    assert.equal(r.weights, 147456 / r.groups);
    assert.equal(r.biases, 128);
    assert.equal(r.total, r.weights + r.biases);
  }
  assert.deepEqual(rows.map((r) => r[""]), [
    "standard",
    "",
    "",
    "",
    "",
    "← shown",
    "",
    "depthwise",
  ]);
});

Deno.test("layerRole(name) names reduce, expand and the middle layer", () => {
  assert.equal(layerRole("1×1 reduce"), "1×1 reduce");
  assert.equal(layerRole("paths' 1×1 expand"), "1×1 expand");
  assert.equal(layerRole("3×3"), "3×3 middle");
});

Deno.test("layerRows(bottleneck, 32 paths): six rows whose counts add up to each block's total", () => {
  const bottleneck = bottleneckParams({ channels: 256, width: 128, kernel: 3 });
  const split = splitTransformMergeParams({ channels: 256, paths: 32, width: 4, kernel: 3 });
  const rows = layerRows(bottleneck, split, 32);
  assert.equal(rows.length, 6);
  const sum = (key: string) => rows.reduce((s, r) => s + (r[key] as number), 0);
  assert.equal(sum("bottleneck"), bottleneck.total);
  assert.equal(sum("32 paths"), split.total);
  assert.deepEqual(rows.slice(0, 2).map((r) => [r.layer, r.part]), [
    ["1×1 reduce", "weights"],
    ["1×1 reduce", "biases"],
  ]);
});

Deno.test("transposedSize1d(3, 3, stride 2, padding 0) is 7; padding 2 at stride 1 has a reason", () => {
  assert.deepEqual(transposedSize1d(3, 3, { stride: 2, padding: 0 }), { value: 7 });
  assert.match(transposedSize1d(3, 1, { stride: 1, padding: 2 }).error!, /padding 2/);
});
