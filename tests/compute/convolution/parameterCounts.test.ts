import assert from "node:assert/strict";
import {
  bottleneckParams,
  divisors,
  groupedBlockParams,
  groupedConvParams,
  separableConvParams,
  splitTransformMergeParams,
  standardConvParams,
} from "../../../src/compute/convolution/parameterCounts.ts";

const SEED = { inChannels: 3, outChannels: 4, kernel: 3 };

const throwsWith = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof RangeError && pattern.test(e.message));

const counts = (parts: { count: number }[]) => parts.map((p) => p.count);

Deno.test("standardConvParams(3 → 4, 3 × 3) is the seed's 108 without biases and 112 with them", () => {
  const plain = standardConvParams({ ...SEED, bias: false });
  assert.equal(plain.total, 108);
  assert.deepEqual(plain.parts.map((p) => p.formula), ["4 · 3 · 3²"]);
  const biased = standardConvParams({ ...SEED, bias: true });
  assert.equal(biased.total, 112);
  assert.deepEqual(counts(biased.parts), [108, 4]);
});

Deno.test("separableConvParams(3 → 4, 3 × 3) is the seed's 39 = 27 + 12, 43 with pointwise biases, 46 with both", () => {
  const none = separableConvParams({ ...SEED, bias: "none" });
  assert.equal(none.total, 39);
  assert.deepEqual(counts(none.parts), [27, 12]);
  assert.deepEqual(none.parts.map((p) => p.layer), ["depthwise 3×3", "pointwise 1×1"]);
  const pointwise = separableConvParams({ ...SEED, bias: "pointwise" });
  assert.equal(pointwise.total, 43);
  assert.deepEqual(counts(pointwise.parts), [27, 12, 4]);
  const both = separableConvParams({ ...SEED, bias: "both" });
  assert.equal(both.total, 46);
  assert.deepEqual(counts(both.parts), [27, 3, 12, 4]);
});

Deno.test("bottleneckParams(256, 128) is the seed's 213,504, layer by layer", () => {
  const block = bottleneckParams({ channels: 256, width: 128 });
  assert.equal(block.total, 213_504);
  assert.deepEqual(counts(block.parts), [32_768, 128, 147_456, 128, 32_768, 256]);
  assert.deepEqual(block.parts.map((p) => p.formula), [
    "128 · 256",
    "128",
    "128 · 128 · 3²",
    "128",
    "256 · 128",
    "256",
  ]);
});

Deno.test("splitTransformMergeParams(256, 32 paths of 4) is the seed's 78,592, layer by layer", () => {
  const block = splitTransformMergeParams({ channels: 256, paths: 32, width: 4 });
  assert.equal(block.total, 78_592);
  assert.deepEqual(counts(block.parts), [32_768, 128, 4_608, 128, 32_768, 8_192]);
  assert.equal(block.parts[2].formula, "32 · 4 · 4 · 3²");
});

Deno.test("213,504 / 78,592 rounds to 2.72", () => {
  const ratio = bottleneckParams({ channels: 256, width: 128 }).total /
    splitTransformMergeParams({ channels: 256, paths: 32, width: 4 }).total;
  assert.equal(ratio.toFixed(2), "2.72");
  assert.ok(Math.abs(ratio - 2.7166) < 1e-4);
});

Deno.test("groupedConvParams: 1 group is the standard count, C groups the depthwise one, and g groups divide the weights by g", () => {
  for (const [cin, cout] of [[128, 128], [12, 18], [64, 256]]) {
    const g = divisors(cin).filter((d) => cout % d === 0);
    for (const k of [1, 3, 5]) {
      const standard = standardConvParams({
        inChannels: cin,
        outChannels: cout,
        kernel: k,
        bias: true,
      });
      const one = groupedConvParams({
        inChannels: cin,
        outChannels: cout,
        kernel: k,
        groups: 1,
        bias: true,
      });
      assert.equal(one.total, standard.total);
      for (const groups of g) {
        const grouped = groupedConvParams({
          inChannels: cin,
          outChannels: cout,
          kernel: k,
          groups,
          bias: false,
        });
        assert.equal(grouped.total * groups, cin * cout * k * k);
        assert.equal(grouped.groupIn, cin / groups);
      }
    }
  }
  const depthwise = groupedConvParams({
    inChannels: 3,
    outChannels: 3,
    kernel: 3,
    groups: 3,
    bias: false,
  });
  assert.equal(depthwise.total, separableConvParams({ ...SEED, bias: "none" }).parts[0].count);
});

Deno.test("groupedConvParams(128 → 128, 3 × 3, 32 groups) has the 4,608 weights of the 32 paths' 3 × 3 layers", () => {
  const grouped = groupedConvParams({
    inChannels: 128,
    outChannels: 128,
    kernel: 3,
    groups: 32,
    bias: true,
  });
  assert.deepEqual(counts(grouped.parts), [4_608, 128]);
  assert.equal(grouped.parts[0].formula, "32 · 4 · 4 · 3²");
  assert.equal(
    groupedConvParams({ inChannels: 128, outChannels: 128, kernel: 3, groups: 1, bias: false })
      .total,
    147_456,
  );
});

Deno.test("groupedBlockParams(256, 32, 4) = 70,656: the 78,592 of the summed paths less their 31 × 256 repeated biases", () => {
  const grouped = groupedBlockParams({ channels: 256, paths: 32, width: 4 });
  assert.equal(grouped.total, 70_656);
  for (const [paths, width] of [[32, 4], [1, 128], [8, 16], [64, 2]]) {
    const split = splitTransformMergeParams({ channels: 256, paths, width });
    assert.equal(
      split.total - groupedBlockParams({ channels: 256, paths, width }).total,
      (paths - 1) * 256,
    );
  }
  // One path of width 128 is the bottleneck itself.
  assert.equal(splitTransformMergeParams({ channels: 256, paths: 1, width: 128 }).total, 213_504);
});

Deno.test("divisors(n) lists the group counts n channels allow, in order", () => {
  assert.deepEqual(divisors(128), [1, 2, 4, 8, 16, 32, 64, 128]);
  assert.deepEqual(divisors(12), [1, 2, 3, 4, 6, 12]);
  assert.deepEqual(divisors(1), [1]);
});

Deno.test("parameter counts refuse 0 channels, a 0 kernel, groups that do not divide, NaN, and an unknown bias choice", () => {
  throwsWith(
    () => standardConvParams({ inChannels: 0, outChannels: 4, kernel: 3, bias: false }),
    /^input channels must be an integer in \[1, 1000000\]; got 0$/,
  );
  throwsWith(
    () => separableConvParams({ inChannels: 3, outChannels: NaN, kernel: 3, bias: "none" }),
    /^output channels must be an integer in \[1, 1000000\]; got NaN$/,
  );
  throwsWith(
    () => standardConvParams({ inChannels: 3, outChannels: 4, kernel: 0, bias: false }),
    /^kernel size must be an integer in \[1, 1000\]; got 0$/,
  );
  throwsWith(
    () =>
      groupedConvParams({ inChannels: 128, outChannels: 128, kernel: 3, groups: 5, bias: false }),
    /^groups must divide both channel counts: 5 groups cannot split 128 input and 128 output channels evenly$/,
  );
  throwsWith(
    () => separableConvParams({ ...SEED, bias: "some" as "none" }),
    /^biases must be one of "none", "pointwise", "both"; got "some"$/,
  );
  throwsWith(
    () => splitTransformMergeParams({ channels: 256, paths: 0, width: 4 }),
    /^paths must be an integer/,
  );
});
