/**
 * Digits cut into the patches the convolution sees (im2col): one row of 25 grey levels for each
 * position of the 5×5 filter, so the whole convolution layer is one matrix product, rows × filters.
 *
 * Why not tf.conv2d: tfjs's CPU backend computes conv2d's filter gradient about a hundred times
 * slower than the forward pass, and its WebAssembly backend has no filter-gradient kernel at all;
 * a matrix product and its gradient are fast on every backend. The patches depend only on the
 * digits, never on the weights, so they are cut once per batch in plain TypeScript.
 *
 * Rows are ordered by their place inside the 2×2 pooling window first, then digit, then pooled
 * row and column: row ((q·n + d)·6 + i)·6 + j holds the patch under output cell
 * (2i + ⌊q/2⌋, 2j + q mod 2) of digit d. Max pooling is then the elementwise maximum of four
 * contiguous blocks of rows (poolBlocks in cnnModelTf.ts).
 */
import { DIGIT_PIXELS, DIGIT_SIDE, type DigitSet } from "../digitSet.js";
import { digitInputs } from "../digitBatch.js";
import { integerAtLeast } from "../validate.js";
import {
  CNN_FILTERS,
  CNN_KERNEL,
  CNN_POOL,
  CNN_STRIDE,
  CONV_SIDE,
  PATCH_SIZE,
  POOL_WINDOW,
  POOLED_SIDE,
} from "./architecture.js";

/** Rows of patches per digit: 144. */
export const ROWS_PER_DIGIT = CONV_SIDE * CONV_SIDE;

/** The output cell (row, column) that patch row `row` of a batch of `count` digits belongs to. */
export function patchRowCell(row: number, count: number): { digit: number; r: number; c: number } {
  const perBlock = count * POOLED_SIDE * POOLED_SIDE;
  const q = Math.floor(row / perBlock);
  const rest = row % perBlock;
  const digit = Math.floor(rest / (POOLED_SIDE * POOLED_SIDE));
  const i = Math.floor((rest % (POOLED_SIDE * POOLED_SIDE)) / POOLED_SIDE);
  const j = rest % POOLED_SIDE;
  return {
    digit,
    r: CNN_POOL * i + Math.floor(q / CNN_POOL),
    c: CNN_POOL * j + (q % CNN_POOL),
  };
}

/** The patches of the digits at `indices`: (count · 144) rows of 25 values in [0, 1]. */
export function digitPatches(set: DigitSet, indices: ArrayLike<number>): Float32Array {
  const count = indices.length;
  const pixels = digitInputs(set, indices);
  const out = new Float32Array(count * ROWS_PER_DIGIT * PATCH_SIZE);
  let at = 0;
  for (let q = 0; q < POOL_WINDOW; q++) {
    const dr = Math.floor(q / CNN_POOL);
    const dc = q % CNN_POOL;
    for (let d = 0; d < count; d++) {
      const base = d * DIGIT_PIXELS;
      for (let i = 0; i < POOLED_SIDE; i++) {
        const top = (CNN_POOL * i + dr) * CNN_STRIDE;
        for (let j = 0; j < POOLED_SIDE; j++) {
          const left = (CNN_POOL * j + dc) * CNN_STRIDE;
          for (let u = 0; u < CNN_KERNEL; u++) {
            const from = base + (top + u) * DIGIT_SIDE + left;
            for (let v = 0; v < CNN_KERNEL; v++) out[at++] = pixels[from + v];
          }
        }
      }
    }
  }
  return out;
}

/**
 * Per-row values of a layer (rows × 8 filters, in patch-row order) back to pictures: for each
 * digit and filter a 12 × 12 map, row-major. Returns maps[digit][filter].
 */
export function featureMaps(values: ArrayLike<number>, count: number): Float32Array[][] {
  integerAtLeast("digit count", count, 1);
  if (values.length !== count * ROWS_PER_DIGIT * CNN_FILTERS) {
    throw new RangeError(
      `feature values must hold ${count} · ${ROWS_PER_DIGIT} · ${CNN_FILTERS} numbers; got ${values.length}`,
    );
  }
  const maps = Array.from(
    { length: count },
    () => Array.from({ length: CNN_FILTERS }, () => new Float32Array(ROWS_PER_DIGIT)),
  );
  for (let row = 0; row < count * ROWS_PER_DIGIT; row++) {
    const { digit, r, c } = patchRowCell(row, count);
    for (let f = 0; f < CNN_FILTERS; f++) {
      maps[digit][f][r * CONV_SIDE + c] = values[row * CNN_FILTERS + f];
    }
  }
  return maps;
}
