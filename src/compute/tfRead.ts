/**
 * Reading a chunk of training steps back from TensorFlow.js, shared by the trainers that keep one
 * tensor per step on the device and download a whole chunk at once.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "./tf.js";

/**
 * Packs the per-step tensors in `held` into one tensor with `pack` (inside a tidy), releases them,
 * and downloads the pack with a single `await data()`; the pack is released even if the read fails.
 */
export async function downloadChunk(
  tf: Tf,
  held: TfCore.Tensor[],
  pack: (held: TfCore.Tensor[]) => TfCore.Tensor,
): Promise<Float32Array> {
  const packed = tf.tidy(() => pack(held));
  tf.dispose(held.splice(0));
  try {
    return (await packed.data()) as Float32Array;
  } finally {
    packed.dispose();
  }
}

/** How many of the first `n` rows of `width` values in `values` have every value passing `ok`. */
export function leadingRows(
  values: ArrayLike<number>,
  width: number,
  n: number,
  ok: (value: number) => boolean,
): number {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < width; j++) if (!ok(values[width * i + j])) return i;
  }
  return n;
}
