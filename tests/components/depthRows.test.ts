import assert from "node:assert/strict";
import {
  bandRatio,
  histogram,
  integerTicks,
  liveRows,
  loaderRows,
  type LoaderSeries,
  powerLabel,
  quarterPowerRows,
  slopeProductRows,
  spanAtEnd,
  worstRatio,
} from "../../src/components/depthRows.ts";

const columns = (mean: number[]) => ({
  mean,
  se: mean.map((v) => v / 10),
  p10: mean.map((v) => v / 2),
  p90: mean.map((v) => v * 2),
});

const series: LoaderSeries = {
  scheme: "he",
  activation: "relu",
  width: 16,
  networks: 4,
  batch: 2,
  theory: { pre: [2, 2, 2], grad: [1, 1, 1, 1], inputGrad: [1, 1, 1], slope: [0.5, 0.5, 0.5] },
  pre: columns([1.9, 2.1, 2.2]),
  grad: columns([0.9, 1, 1.1, 1]),
  slope: [0.25, 0.25, 0.25],
};

Deno.test("integerTicks(xs) gives whole-number steps of 1, 2, 5, 10…", () => {
  assert.deepEqual(integerTicks([0, 1, 2, 3, 4]), [0, 1, 2, 3, 4]);
  assert.deepEqual(integerTicks([1, 50]), [5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
  assert.deepEqual(integerTicks([1, 50], 5), [10, 20, 30, 40, 50]);
  assert.deepEqual(integerTicks([]), []);
});

Deno.test("powerLabel(10^k) writes superscripts; other values as numbers", () => {
  assert.equal(powerLabel(1e-15), "10⁻¹⁵");
  assert.equal(powerLabel(1e21), "10²¹");
  assert.equal(powerLabel(100), "100");
  assert.equal(powerLabel(0.25), "0.25");
});

Deno.test("histogram(values, lo, hi, bins): shares sum to 1 and outliers land in the end bins", () => {
  const bins = histogram([-5, 0.1, 0.2, 0.6, 0.9, 7], 0, 1, 4);
  assert.deepEqual(bins.map((b) => b.share * 6), [3, 0, 1, 2]);
  assert.deepEqual(bins.map((b) => b.x), [0.125, 0.375, 0.625, 0.875]);
  assert.ok(Math.abs(bins.reduce((s, b) => s + b.share, 0) - 1) < 1e-12);
});

Deno.test("loaderRows, liveRows and slopeProductRows: theory and measured rows per layer", () => {
  const pre = loaderRows([series], "pre", () => "He");
  assert.equal(pre.length, 6);
  assert.deepEqual(pre.filter((d) => d.kind === "measured").map((d) => [d.x, d.y, d.lo, d.hi]), [
    [1, 1.9, 0.95, 3.8],
    [2, 2.1, 1.05, 4.2],
    [3, 2.2, 1.1, 4.4],
  ]);
  // Backward columns start at layer 0; a transform applies to values and bands alike.
  const grad = loaderRows([series], "grad", () => "He", Math.sqrt);
  assert.deepEqual(grad.filter((d) => d.kind === "theory").map((d) => d.x), [0, 1, 2, 3]);
  assert.equal(grad.find((d) => d.kind === "measured" && d.x === 2)!.hi, Math.sqrt(2.2));
  assert.deepEqual(loaderRows([series], "inputGrad", () => "He"), []);
  const live = liveRows("net", [4, undefined, 1], [4, 2, 1], 1, Math.sqrt);
  assert.deepEqual(live.filter((d) => d.kind === "measured").map((d) => [d.x, d.y]), [[1, 2], [
    3,
    1,
  ]]);
  const product = slopeProductRows([series], () => "ReLU");
  const measured = product.filter((d) => d.kind === "measured").map((d) => d.y);
  assert.deepEqual(measured, [0.5, 0.25, 0.125]);
  const theory = product.filter((d) => d.kind === "theory").map((d) => d.y);
  theory.forEach((y, i) => assert.ok(Math.abs(y - Math.SQRT1_2 ** (i + 1)) < 1e-15));
  assert.deepEqual(quarterPowerRows(3, "q").map((d) => d.y), [0.25, 0.0625, 0.015625]);
});

Deno.test("spanAtEnd, worstRatio and bandRatio: the numbers chart descriptions quote", () => {
  const rows = [
    ...liveRows("a", [], [1, 2e-3], 1),
    ...liveRows("b", [], [1, 7], 1),
  ];
  assert.equal(spanAtEnd(rows), "from 0.0020 (a) to 7.0 (b) at 2");
  // Through the site's formatter: never "7.2e2" or "3.1e-24".
  assert.equal(
    spanAtEnd([...liveRows("a", [], [1, 3.1e-24], 1), ...liveRows("b", [], [1, 722.2], 1)]),
    "from 3.1 × 10⁻²⁴ (a) to 722 (b) at 2",
  );
  assert.deepEqual(worstRatio([2, undefined, 0.5], [1, 1, 1]), { factor: 2, at: 0 });
  assert.deepEqual(worstRatio([1.1, 1, 0.25], [1, 1, 1]), { factor: 4, at: 2 });
  assert.equal(bandRatio(series.pre, 0), 4);
});
