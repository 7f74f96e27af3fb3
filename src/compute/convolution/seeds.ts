/**
 * The course documents' convolution examples, as data: the page shows them and the tests check
 * them, so no number of theirs is typed into the page.
 */

/** A 1-D signal and the output of an unknown length-3 filter (stride 1, no padding, no flip). */
export const FILTER_RECOVERY = { signal: [1, 4, 0, -2, 3], output: [-2, 2, 11] } as const;

/** Symbols [a, b, c] with [x, y, z] at stride 2, padding 0. */
export const TRANSPOSED_1D = { n: 3, k: 3, stride: 2, padding: 0 } as const;

/** A 2 × 2 input and a 2 × 2 filter at stride 1, padding 0. */
export const TRANSPOSED_2D = {
  input: [[-1, 2], [3, 1]],
  filter: [[1, -1], [0, 1]],
  stride: 1,
  padding: 0,
} as const;

/** Three input channels, four output channels, a 3 × 3 kernel. */
export const SEPARABLE = { inChannels: 3, outChannels: 4, kernel: 3 } as const;

/** 256 channels; a 128-wide bottleneck against 32 paths 4 wide; 3 × 3 in the middle. */
export const BLOCK = { channels: 256, width: 128, paths: 32, pathWidth: 4, kernel: 3 } as const;
