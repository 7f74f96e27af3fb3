import assert from "node:assert/strict";
import {
  cellRows,
  largestMagnitude,
  liveRows,
  percent,
  points,
  referenceRows,
  spreadRows,
} from "../../../src/components/cnn-training/cnnRows.ts";
import { softmax } from "../../../src/compute/cnn-training/liveTrain.ts";
import type { SummaryRow } from "../../../src/compute/cnn-training/runSummary.ts";

const spread = (mean: number) => ({ mean, min: mean - 0.01, max: mean + 0.01 });
const summary: SummaryRow[] = [0, 1].flatMap((epoch) =>
  [false, true].map((batchNorm) => ({
    batchNorm,
    dropout: true,
    epoch,
    seeds: 3,
    train: spread(0.5 + epoch / 4),
    validation: spread(0.4 + epoch / 4),
    gap: spread(0.1),
  }))
);

Deno.test("spreadRows(summary, metric) gives each combination's mean, min and max in %", () => {
  const rows = spreadRows(summary, "validation");
  assert.equal(rows.length, 4);
  assert.deepEqual(rows[3], {
    series: "batch norm + dropout",
    epoch: 1,
    mean: 65,
    min: 64,
    max: 66,
  });
  assert.equal(spreadRows(summary, "gap")[0].series, "dropout");
});

Deno.test("liveRows(history) puts training and validation in % per epoch, and referenceRows picks one combination's means", () => {
  const { curves, gaps } = liveRows([
    { epoch: 0, trainAccuracy: 0.1, validationAccuracy: 0.12, loss: null },
    { epoch: 1, trainAccuracy: 0.8, validationAccuracy: 0.7, loss: 0.9 },
  ]);
  assert.equal(curves.length, 4);
  assert.deepEqual(gaps[1], { epoch: 1, train: 80, validation: 70 });
  const reference = referenceRows(summary, { batchNorm: true, dropout: true });
  assert.deepEqual(reference.map((r) => r.series), [
    "precomputed training",
    "precomputed validation",
    "precomputed training",
    "precomputed validation",
  ]);
  assert.equal(reference[3].accuracy, 65);
});

Deno.test("cellRows(pictures, side) numbers panels from 1 and cells row by row; a wrong size is refused", () => {
  const rows = cellRows([[1, 2, 3, 4], [0, -5, 0, 0]], 2);
  assert.deepEqual(rows[2], { panel: 1, row: 1, col: 0, value: 3 });
  assert.deepEqual(rows[5], { panel: 2, row: 0, col: 1, value: -5 });
  assert.equal(largestMagnitude(rows), 5);
  assert.equal(largestMagnitude([]), 1e-12);
  assert.throws(() => cellRows([[1, 2, 3]], 2), /picture 1 must hold 2² values; got 3/);
});

Deno.test("softmax(logits) sums to 1, keeps the order, and survives large logits", () => {
  const p = softmax([1, 2, 3]);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-15);
  assert.ok(Math.abs(p[2] / p[1] - Math.E) < 1e-12);
  assert.deepEqual(softmax([1000, 1000]), [0.5, 0.5]);
  assert.equal(percent(0.8825), "88.3 %");
  assert.equal(points(0.054), "5.4");
});
