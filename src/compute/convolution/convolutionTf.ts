/**
 * The same operations in TensorFlow.js, to check the TypeScript against a library's kernels.
 *
 * Conventions matched (tests/compute/convolution/convolutionTf.test.ts holds them):
 * - tfjs's conv1d and conv2d are cross-correlations (no flip), like this site.
 * - tf.conv2dTranspose is defined as the gradient of tf.conv2d with respect to its input. Its kernel
 *   turns the filter by 180° and slides it over the stride-dilated input, which is exactly the
 *   scatter-add with the filter as given; so the filter is passed unflipped.
 * - Layouts are channels-last: input [batch, height, width, channels] = [1, n₁, n₂, 1]; the filter
 *   [height, width, outChannels, inChannels] = [k₁, k₂, 1, 1] for conv2dTranspose (its "in" is the
 *   forward convolution's output), [k, inChannels, outChannels] = [k, 1, 1] for conv1d.
 * - The padding is the forward convolution's zero padding, passed as explicit padding
 *   [[0, 0], [p, p], [p, p], [0, 0]]. A plain number p would do for square filters only: tfjs
 *   works out the shapes for a numeric pad from the filter's height alone (tensorflow/tfjs#649),
 *   and a 1 × 2 filter then gives NaN in the last column. conv2dTranspose also needs the output
 *   shape spelled out: (n − 1)·s + k − 2p per side, the size whose forward convolution returns n.
 *
 * The namespace is passed in (the page picks the backend); every tensor is released before the
 * promise resolves, and values are read with `await data()`.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { finiteVector } from "../validate.js";
import {
  finiteMatrix,
  type StrideAndPadding,
  strideAndPadding,
  transposedLength,
} from "../grid.js";

async function download(tensor: TfCore.Tensor): Promise<Float32Array> {
  try {
    return (await tensor.data()) as Float32Array;
  } finally {
    tensor.dispose();
  }
}

export async function transposedConv2dTf(
  tf: Tf,
  input: number[][],
  filter: number[][],
  options: Partial<StrideAndPadding> = {},
): Promise<number[][]> {
  finiteMatrix("input", input);
  finiteMatrix("filter", filter);
  const sp = strideAndPadding(options);
  const [n1, n2] = [input.length, input[0].length];
  const [k1, k2] = [filter.length, filter[0].length];
  const rows = transposedLength(n1, k1, sp);
  const cols = transposedLength(n2, k2, sp);
  const out = tf.tidy(() =>
    tf.conv2dTranspose(
      tf.tensor4d(input.flat(), [1, n1, n2, 1]),
      tf.tensor4d(filter.flat(), [k1, k2, 1, 1]),
      [1, rows, cols, 1],
      [sp.stride, sp.stride],
      [[0, 0], [sp.padding, sp.padding], [sp.padding, sp.padding], [0, 0]],
    )
  );
  const values = await download(out);
  return Array.from(
    { length: rows },
    (_, r) => Array.from(values.subarray(r * cols, (r + 1) * cols)),
  );
}

/** Valid cross-correlation at stride 1 with tf.conv1d. */
export async function correlate1dTf(tf: Tf, signal: number[], filter: number[]): Promise<number[]> {
  finiteVector("signal", signal);
  finiteVector("filter", filter);
  if (filter.length > signal.length) {
    throw new RangeError(
      `the filter (${filter.length} taps) is longer than the signal (${signal.length} cells)`,
    );
  }
  const out = tf.tidy(() =>
    tf.conv1d(
      tf.tensor3d(signal, [1, signal.length, 1]),
      tf.tensor3d(filter, [filter.length, 1, 1]),
      1,
      "valid",
    )
  );
  return Array.from(await download(out));
}
