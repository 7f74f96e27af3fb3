/**
 * Checks shared by the convolution modules: grids of numbers, strides and paddings. Every message
 * names the parameter, what is allowed and what came, so a page can show it as is.
 */
import { finiteVector, integerAtLeast } from "./validate.js";

/** A non-empty rectangular grid of finite numbers, rows first. */
export function finiteMatrix(name: string, value: unknown): number[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RangeError(`${name} must be a non-empty grid of finite numbers; got ${value}`);
  }
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  value.forEach((row, r) => {
    finiteVector(`${name} row ${r + 1}`, row);
    if (row.length !== width) {
      throw new RangeError(
        `${name} must be rectangular: row 1 has ${width} entries, row ${r + 1} has ${row.length}`,
      );
    }
  });
  return value as number[][];
}

export interface StrideAndPadding {
  /** Step between the filter's positions (forward) or the stamps' offsets (transposed), ≥ 1. */
  stride: number;
  /** Zeros around the input (forward), or cells cropped from each edge (transposed), ≥ 0. */
  padding: number;
}

export function strideAndPadding(
  { stride = 1, padding = 0 }: Partial<StrideAndPadding> = {},
): StrideAndPadding {
  return {
    stride: integerAtLeast("stride", stride, 1),
    padding: integerAtLeast("padding", padding, 0),
  };
}

/**
 * Length of a forward cross-correlation's output: ⌊(n + 2p − k)/s⌋ + 1. Throws when the filter
 * does not fit in the padded input, with a message that says so.
 */
export function forwardLength(n: number, k: number, { stride, padding }: StrideAndPadding): number {
  integerAtLeast("input length", n, 1);
  integerAtLeast("filter length", k, 1);
  if (k > n + 2 * padding) {
    throw new RangeError(
      `the filter (${k} taps) is larger than the input (${n} cells${
        padding ? ` plus ${padding} of padding on each side` : ""
      }): there is no position where it fits`,
    );
  }
  return Math.floor((n + 2 * padding - k) / stride) + 1;
}

/** Length of a transposed convolution's output: (n − 1)·s + k − 2p. Throws when nothing is left. */
export function transposedLength(
  n: number,
  k: number,
  { stride, padding }: StrideAndPadding,
): number {
  integerAtLeast("input length", n, 1);
  integerAtLeast("filter length", k, 1);
  const full = (n - 1) * stride + k;
  if (full - 2 * padding < 1) {
    throw new RangeError(
      `padding ${padding} crops ${padding} cells from each end, but the full output has only ${full}: nothing is left (padding must be at most ${
        Math.floor((full - 1) / 2)
      } here)`,
    );
  }
  return full - 2 * padding;
}
