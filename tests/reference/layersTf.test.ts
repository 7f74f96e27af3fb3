/**
 * Every count of parameterCounts.ts against real tfjs layers (tf.layers, cpu backend): the seed's
 * numbers first, then a sweep of other settings.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  bottleneckParams,
  groupedBlockParams,
  groupedConvParams,
  type SeparableBias,
  separableConvParams,
  splitTransformMergeParams,
  standardConvParams,
} from "../../src/compute/parameterCounts.ts";
import {
  bottleneckLayerCount,
  depthwiseThenPointwiseCount,
  groupedBlockLayerCount,
  groupedLayerCount,
  separableLayerCount,
  splitTransformMergeLayerCount,
  standardLayerCount,
} from "./layersTf.ts";
import { createRng } from "../../src/compute/prng.ts";

await tf.setBackend("cpu");

const SEED = { inChannels: 3, outChannels: 4, kernel: 3 };

Deno.test("countParams(): tf.layers.conv2d 3 → 4, 3 × 3 has 108 parameters without biases and 112 with", () => {
  assert.equal(standardLayerCount(tf, { ...SEED, bias: false }), 108);
  assert.equal(standardLayerCount(tf, { ...SEED, bias: true }), 112);
  assert.equal(standardConvParams({ ...SEED, bias: false }).total, 108);
});

Deno.test("countParams(): separableConv2d 3 → 4 has 39 (no biases) and 43 (its pointwise bias); depthwiseConv2d + conv2d with biases 46", () => {
  assert.equal(separableLayerCount(tf, { ...SEED, bias: "none" }), 39);
  assert.equal(depthwiseThenPointwiseCount(tf, { ...SEED, bias: false }), 39);
  assert.equal(separableLayerCount(tf, { ...SEED, bias: "pointwise" }), 43);
  assert.equal(separableLayerCount(tf, { ...SEED, bias: "both" }), 46);
  assert.equal(depthwiseThenPointwiseCount(tf, { ...SEED, bias: true }), 46);
});

Deno.test("countParams(): the 256–128–128–256 bottleneck has 213,504 and the 32 summed 256–4–4–256 paths 78,592", () => {
  const before = tf.memory().numTensors;
  assert.equal(bottleneckLayerCount(tf, { channels: 256, width: 128 }), 213_504);
  assert.equal(splitTransformMergeLayerCount(tf, { channels: 256, paths: 32, width: 4 }), 78_592);
  assert.equal(tf.memory().numTensors, before, "models are disposed");
});

Deno.test("countParams(): the block with one grouped 3 × 3 layer (32 groups of 4) has 70,656, and the 32 summed paths carry 7,936 = 31 · 256 redundant output biases more", () => {
  const block = { channels: 256, paths: 32, width: 4 };
  const before = tf.memory().numTensors;
  const grouped = groupedBlockLayerCount(tf, block);
  assert.equal(grouped, 70_656);
  assert.equal(groupedBlockParams(block).total, 70_656);
  assert.equal(splitTransformMergeLayerCount(tf, block) - grouped, 7_936);
  assert.equal(tf.memory().numTensors, before, "models are disposed");
});

Deno.test("countParams() equals every formula of parameterCounts.ts over 40 random settings", () => {
  const rng = createRng(9);
  const biases: SeparableBias[] = ["none", "pointwise", "both"];
  for (let trial = 0; trial < 40; trial++) {
    const inChannels = 1 + rng.int(24);
    const outChannels = 1 + rng.int(24);
    const kernel = 1 + rng.int(5);
    const bias = rng.int(2) === 1;
    const o = { inChannels, outChannels, kernel };
    assert.equal(standardLayerCount(tf, { ...o, bias }), standardConvParams({ ...o, bias }).total);
    const choice = biases[rng.int(3)];
    assert.equal(
      separableLayerCount(tf, { ...o, bias: choice }),
      separableConvParams({ ...o, bias: choice }).total,
    );
  }
  for (const [C, groups, kernel] of [[12, 1, 3], [12, 3, 3], [12, 12, 3], [16, 4, 1], [8, 8, 5]]) {
    const o = { inChannels: C, outChannels: C, kernel, groups, bias: true };
    assert.equal(groupedLayerCount(tf, o), groupedConvParams(o).total);
  }
  for (const [paths, width] of [[1, 16], [4, 8], [8, 2]]) {
    assert.equal(
      splitTransformMergeLayerCount(tf, { channels: 32, paths, width }),
      splitTransformMergeParams({ channels: 32, paths, width }).total,
    );
    assert.equal(
      groupedBlockLayerCount(tf, { channels: 32, paths, width }),
      groupedBlockParams({ channels: 32, paths, width }).total,
    );
    assert.equal(
      bottleneckLayerCount(tf, { channels: 32, width: paths * width }),
      bottleneckParams({ channels: 32, width: paths * width }).total,
    );
  }
});

Deno.test("without a ReLU at the paths' ends, P summed paths and the grouped block with one set of output biases (their sum) compute the same function, to float32 rounding", () => {
  const C = 8, P = 4, d = 2, k = 3;
  const rng = createRng(21);
  const draw = (shape: number[]) =>
    tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => rng.normal()),
      shape,
    );
  tf.tidy(() => {
    const x = draw([1, 6, 6, C]) as tf.Tensor4D;
    const paths = Array.from({ length: P }, () => ({
      w1: draw([1, 1, C, d]),
      b1: draw([d]),
      w2: draw([k, k, d, d]),
      b2: draw([d]),
      w3: draw([1, 1, d, C]),
      b3: draw([C]),
    }));
    const conv = (t: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
      tf.add(tf.conv2d(t as tf.Tensor4D, w as tf.Tensor4D, 1, "same"), b) as tf.Tensor4D;
    const middle = (p: typeof paths[number]) =>
      tf.relu(conv(tf.relu(conv(x, p.w1, p.b1)), p.w2, p.b2));
    const summed = paths.map((p) => conv(middle(p), p.w3, p.b3)).reduce((a, b) => tf.add(a, b));
    // The grouped block: one 1×1 to P·d (the paths' reduce weights side by side), the k×k per group
    // (channels p·d … p·d + d − 1), one 1×1 from P·d (the expand weights stacked) and Σ b₃.
    const reduced = tf.relu(
      conv(x, tf.concat(paths.map((p) => p.w1), 3), tf.concat(paths.map((p) => p.b1))),
    );
    const groups = paths.map((p, g) =>
      tf.relu(conv(tf.slice(reduced, [0, 0, 0, g * d], [-1, -1, -1, d]), p.w2, p.b2))
    );
    const grouped = conv(
      tf.concat(groups, 3),
      tf.concat(paths.map((p) => p.w3), 2),
      paths.map((p) => p.b3).reduce((a, b) => tf.add(a, b)),
    );
    const gap = tf.max(tf.abs(tf.sub(summed, grouped))).dataSync()[0];
    const size = tf.max(tf.abs(summed)).dataSync()[0];
    assert.ok(size > 1 && gap / size < 1e-5, `gap ${gap} against ${size}`);
    // With a ReLU at each path's end the sum of ReLUs differs: there every bias counts.
    const reluEnds = paths.map((p) => tf.relu(conv(middle(p), p.w3, p.b3))).reduce((a, b) =>
      tf.add(a, b)
    );
    const groupedRelu = tf.relu(grouped);
    assert.ok(tf.max(tf.abs(tf.sub(reluEnds, groupedRelu))).dataSync()[0] / size > 0.01);
  });
});
