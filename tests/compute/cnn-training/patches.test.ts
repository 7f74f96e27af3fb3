import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import {
  digitPatches,
  featureMaps,
  patchRowCell,
  ROWS_PER_DIGIT,
} from "../../../src/compute/cnn-training/patches.ts";
import { poolBlocks } from "../../../src/compute/cnn-training/cnnModelTf.ts";
import { digitInputs } from "../../../src/compute/digitBatch.ts";
import { createRng } from "../../../src/compute/prng.ts";
import { randomDigits } from "../digitsFixture.ts";

await tf.setBackend("cpu");

Deno.test("digitPatches(set, indices): row r holds the 5 × 5 window at stride 2 under output cell patchRowCell(r)", () => {
  const set = randomDigits(7, 1);
  const indices = [6, 2, 4];
  const patches = digitPatches(set, indices);
  const pixels = digitInputs(set, indices);
  assert.equal(patches.length, 3 * ROWS_PER_DIGIT * 25);
  for (let row = 0; row < 3 * ROWS_PER_DIGIT; row++) {
    const { digit, r, c } = patchRowCell(row, 3);
    for (let u = 0; u < 5; u++) {
      for (let v = 0; v < 5; v++) {
        assert.equal(
          patches[row * 25 + u * 5 + v],
          pixels[digit * 784 + (2 * r + u) * 28 + 2 * c + v],
        );
      }
    }
  }
});

Deno.test("patchRowCell(row, n) visits every cell of every digit exactly once, pooling windows in four blocks", () => {
  const n = 4;
  const seen = new Set<string>();
  for (let row = 0; row < n * ROWS_PER_DIGIT; row++) {
    const { digit, r, c } = patchRowCell(row, n);
    assert.ok(r >= 0 && r < 12 && c >= 0 && c < 12 && digit >= 0 && digit < n);
    seen.add(`${digit},${r},${c}`);
    // Block q = ⌊row / (n·36)⌋ holds window position (⌊q/2⌋, q mod 2).
    const q = Math.floor(row / (n * 36));
    assert.equal(r % 2, Math.floor(q / 2));
    assert.equal(c % 2, q % 2);
  }
  assert.equal(seen.size, n * 144);
});

Deno.test("featureMaps(values, n) puts every row's eight values back at its cell", () => {
  const n = 2;
  const values = new Float32Array(n * ROWS_PER_DIGIT * 8);
  for (let row = 0; row < n * ROWS_PER_DIGIT; row++) {
    const { digit, r, c } = patchRowCell(row, n);
    for (let f = 0; f < 8; f++) values[row * 8 + f] = digit * 10000 + f * 1000 + r * 12 + c;
  }
  const maps = featureMaps(values, n);
  for (let d = 0; d < n; d++) {
    for (let f = 0; f < 8; f++) {
      for (let cell = 0; cell < 144; cell++) {
        assert.equal(maps[d][f][cell], d * 10000 + f * 1000 + cell);
      }
    }
  }
  assert.throws(() => featureMaps(values, 3), /must hold 3 · 144 · 8 numbers; got 2304/);
});

Deno.test("poolBlocks(h) equals tf.maxPool 2 × 2 on the same cells, and routes the gradient to the same inputs (ties included)", async () => {
  const n = 3;
  const rng = createRng(4);
  // ReLU-like values with many exact zeros, so that windows have ties.
  const image = Float32Array.from(
    { length: n * 144 * 8 },
    () => Math.max(0, Math.round(4 * rng.normal()) / 4),
  );
  // The same numbers in patch-row order.
  const rows = new Float32Array(image.length);
  for (let row = 0; row < n * 144; row++) {
    const { digit, r, c } = patchRowCell(row, n);
    for (let f = 0; f < 8; f++) rows[row * 8 + f] = image[((digit * 12 + r) * 12 + c) * 8 + f];
  }
  const dyv = Float32Array.from({ length: n * 36 * 8 }, () => rng.normal());
  const ours = tf.tensor2d(rows, [n * 144, 8]);
  const theirs = tf.tensor4d(image, [n, 12, 12, 8]);
  const [pa, pb, ga, gb] = tf.tidy(() => [
    poolBlocks(tf, ours),
    tf.maxPool(theirs, 2, 2, "valid"),
    tf.grad((h: tf.Tensor) =>
      tf.sum(tf.mul(poolBlocks(tf, h as tf.Tensor2D), tf.tensor2d(dyv, [n * 36, 8])))
    )(ours),
    tf.grad((h: tf.Tensor) =>
      tf.sum(tf.mul(tf.maxPool(h as tf.Tensor4D, 2, 2, "valid"), tf.tensor4d(dyv, [n, 6, 6, 8])))
    )(theirs),
  ]);
  assert.deepEqual(await pa.data(), await pb.data());
  const gOurs = await ga.data();
  const gTheirs = await gb.data();
  for (let row = 0; row < n * 144; row++) {
    const { digit, r, c } = patchRowCell(row, n);
    for (let f = 0; f < 8; f++) {
      // + 0 turns −0 (a zero gradient times a negative upstream value) into 0.
      const [a, b] = [gOurs[row * 8 + f] + 0, gTheirs[((digit * 12 + r) * 12 + c) * 8 + f] + 0];
      assert.equal(a, b, `row ${row}, filter ${f}`);
    }
  }
  tf.dispose([ours, theirs, pa, pb, ga, gb]);
});
