import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  correlate1dTf,
  transposedConv2dTf,
} from "../../../src/compute/convolution/convolutionTf.ts";
import { transposedConv2d } from "../../../src/compute/convolution/transposed.ts";
import { transposedLength } from "../../../src/compute/grid.ts";
import { createRng } from "../../../src/compute/prng.ts";

await tf.setBackend("cpu");

const SEED_INPUT = [[-1, 2], [3, 1]];
const SEED_FILTER = [[1, -1], [0, 1]];
const SEED_OUTPUT = [[-1, 3, -2], [3, -3, 1], [0, 3, 1]];

Deno.test("transposedConv2dTf (tf.conv2dTranspose, NHWC, filter [k, k, 1, 1] unflipped) gives the seed's 3 × 3 output", async () => {
  const before = tf.memory().numTensors;
  assert.deepEqual(await transposedConv2dTf(tf, SEED_INPUT, SEED_FILTER), SEED_OUTPUT);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("tf.conv2dTranspose with the filter turned by 180° does not give the seed's output: no flip is the right match", async () => {
  const turned = SEED_FILTER.map((row) => [...row].reverse()).reverse();
  assert.notDeepEqual(await transposedConv2dTf(tf, SEED_INPUT, turned), SEED_OUTPUT);
});

Deno.test("transposedConv2dTf equals transposedConv2d (float32 level) for strides 1–3 and paddings 0–2 on random grids", async () => {
  const rng = createRng(17);
  let checked = 0;
  for (let stride = 1; stride <= 3; stride++) {
    for (let padding = 0; padding <= 2; padding++) {
      for (let trial = 0; trial < 6; trial++) {
        const [n1, n2, k1, k2] = [1 + rng.int(4), 1 + rng.int(4), 1 + rng.int(4), 1 + rng.int(4)];
        try {
          transposedLength(n1, k1, { stride, padding });
          transposedLength(n2, k2, { stride, padding });
        } catch {
          continue;
        }
        const input = Array.from(
          { length: n1 },
          () => Array.from({ length: n2 }, () => rng.normal()),
        );
        const filter = Array.from(
          { length: k1 },
          () => Array.from({ length: k2 }, () => rng.normal()),
        );
        const ours = transposedConv2d(input, filter, { stride, padding });
        const theirs = await transposedConv2dTf(tf, input, filter, { stride, padding });
        assert.equal(theirs.length, ours.length);
        ours.flat().forEach((v, i) => {
          const gap = Math.abs(v - theirs.flat()[i]);
          assert.ok(
            gap <= 1e-5 * (1 + Math.abs(v)),
            `s=${stride} p=${padding}: ${v} vs ${theirs.flat()[i]}`,
          );
        });
        checked++;
      }
    }
  }
  assert.ok(checked >= 35, `only ${checked} cases`);
});

Deno.test("correlate1dTf([1, 4, 0, −2, 3], [2, −1, 3]) with tf.conv1d is the seed's [−2, 2, 11]", async () => {
  const before = tf.memory().numTensors;
  assert.deepEqual(await correlate1dTf(tf, [1, 4, 0, -2, 3], [2, -1, 3]), [-2, 2, 11]);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("tf.conv2dTranspose with a numeric pad mis-sizes a 1 × 2 filter (tensorflow/tfjs#649), hence explicit padding", async () => {
  const out = tf.conv2dTranspose(
    tf.tensor4d([1, 2, 3], [1, 1, 3, 1]),
    tf.tensor4d([1, 10], [1, 2, 1, 1]),
    [1, 1, 4, 1],
    1,
    0,
  );
  const numeric = Array.from(await out.data());
  out.dispose();
  assert.ok(Number.isNaN(numeric[3]), `numeric pad now gives ${numeric}: the workaround may go`);
  assert.deepEqual(await transposedConv2dTf(tf, [[1, 2, 3]], [[1, 10]]), [[1, 12, 23, 30]]);
});
