import assert from "node:assert/strict";
import {
  bottleneckParams,
  divisors,
  groupedBlockParams,
  groupedConvParams,
  separableConvParams,
  splitTransformMergeParams,
  standardConvParams,
} from "../../src/compute/parameterCounts.ts";
import { correlate2d } from "../../src/compute/convolution/transposed.ts";
import { createRng } from "../../src/compute/prng.ts";

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

/** Random numbers in [−1, 1) from the seeded generator. */
function randoms(seed: number) {
  const rng = createRng(seed);
  return (n: number) => Array.from({ length: n }, () => 2 * rng.uniform() - 1);
}

Deno.test("a depthwise bias adds nothing: it folds into the pointwise biases, b' = b_pw + W_pw·b_dw (3 → 4 channels)", () => {
  const draw = randoms(2);
  const { inChannels: cin, outChannels: cout, kernel: k } = SEED;
  const x = Array.from({ length: cin }, () => Array.from({ length: 5 }, () => draw(5)));
  const h = Array.from({ length: cin }, () => Array.from({ length: k }, () => draw(k)));
  const bd = draw(cin);
  const W = Array.from({ length: cout }, () => draw(cin));
  const bp = draw(cout);
  const depthwise = x.map((channel, c) => correlate2d(channel, h[c]));
  const pointwise = (maps: number[][][], bias: number[]) =>
    W.map((row, o) =>
      maps[0].map((line, r) =>
        line.map((_, q) => bias[o] + row.reduce((s, w, c) => s + w * maps[c][r][q], 0))
      )
    );
  const withDepthwiseBias = pointwise(
    depthwise.map((m, c) => m.map((line) => line.map((v) => v + bd[c]))),
    bp,
  );
  const folded = pointwise(
    depthwise,
    bp.map((b, o) => b + W[o].reduce((s, w, c) => s + w * bd[c], 0)),
  );
  withDepthwiseBias.flat(2).forEach((v, i) => assert.ok(Math.abs(v - folded.flat(2)[i]) < 1e-12));
});

Deno.test("P summed paths ending without a ReLU equal one expand layer over the concatenated paths with Σ of the P biases; with a final ReLU they do not", () => {
  const draw = randoms(5);
  const [C, P, d] = [6, 4, 2];
  // What each path's middle layer hands on (any values: the identity does not depend on them).
  const g = Array.from({ length: P }, () => draw(d).map((v) => Math.max(0, v)));
  const W3 = Array.from({ length: P }, () => Array.from({ length: C }, () => draw(d)));
  const b3 = Array.from({ length: P }, () => draw(C));
  const expand = (p: number, o: number) => W3[p][o].reduce((s, w, j) => s + w * g[p][j], 0);
  const relu = (v: number) => Math.max(0, v);
  const summed = Array.from(
    { length: C },
    (_, o) => b3.reduce((s, b, p) => s + expand(p, o) + b[o], 0),
  );
  // The grouped form: one C × (P·d) expand matrix, one set of C biases.
  const bias = Array.from({ length: C }, (_, o) => b3.reduce((s, b) => s + b[o], 0));
  const concatenated = g.flat();
  const wide = Array.from({ length: C }, (_, o) => W3.flatMap((w) => w[o]));
  const grouped = wide.map((row, o) =>
    bias[o] + row.reduce((s, w, j) => s + w * concatenated[j], 0)
  );
  summed.forEach((v, o) => assert.ok(Math.abs(v - grouped[o]) < 1e-12));
  const withRelu = Array.from(
    { length: C },
    (_, o) => b3.reduce((s, b, p) => s + relu(expand(p, o) + b[o]), 0),
  );
  assert.ok(withRelu.some((v, o) => Math.abs(v - relu(grouped[o])) > 1e-3));
});

Deno.test("separable/standard weights = 1/C_out + 1/k², for every setting", () => {
  for (const cin of [1, 3, 64]) {
    for (const cout of [1, 4, 256]) {
      for (const kernel of [1, 3, 7]) {
        const ratio =
          separableConvParams({ inChannels: cin, outChannels: cout, kernel, bias: "none" }).total /
          standardConvParams({ inChannels: cin, outChannels: cout, kernel, bias: false }).total;
        assert.ok(Math.abs(ratio - (1 / cout + 1 / kernel ** 2)) < 1e-12);
      }
    }
  }
});
