/**
 * Forward convolution (cross-correlation, the filter not flipped) and transposed convolution
 * (scatter-add), in 1-D and 2-D, with stride s and padding p.
 *
 * Forward:     y[j] = Σ_t h[t] · x[j·s + t − p]            (x is 0 outside its cells)
 * Transposed:  every input cell i stamps x[i]·h onto a full output at offset i·s; overlaps add;
 *              then p cells are cropped from each end, leaving (n − 1)·s + k − 2p cells.
 *
 * With the same s and p the two are adjoint: ⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩ for every x and y,
 * because both sums run over the same triples (input cell, output cell, tap).
 */
import { finiteVector } from "../validate.js";
import {
  finiteMatrix,
  forwardLength,
  type StrideAndPadding,
  strideAndPadding,
  transposedLength,
} from "../grid.js";

export type { StrideAndPadding };

/** One product of the scatter-add: input cell × filter tap lands on an output cell. */
export interface Contribution {
  input: number;
  tap: number;
  /** Index in the cropped output, or −1 when the padding crops it away. */
  output: number;
  /** Index in the full (uncropped) output. */
  full: number;
}

export interface TransposedLayout {
  inputLength: number;
  filterLength: number;
  /** Length before cropping: (n − 1)·s + k. */
  fullLength: number;
  /** Length after cropping p from each end. */
  outputLength: number;
  stride: number;
  padding: number;
  contributions: Contribution[];
}

/** Which input cell and tap land on which output cell, for any values: the structure alone. */
export function transposedLayout1d(
  n: number,
  k: number,
  options: Partial<StrideAndPadding> = {},
): TransposedLayout {
  const { stride, padding } = strideAndPadding(options);
  const outputLength = transposedLength(n, k, { stride, padding });
  const fullLength = (n - 1) * stride + k;
  const contributions: Contribution[] = [];
  for (let input = 0; input < n; input++) {
    for (let tap = 0; tap < k; tap++) {
      const full = input * stride + tap;
      const output = full - padding;
      contributions.push({
        input,
        tap,
        full,
        output: output >= 0 && output < outputLength ? output : -1,
      });
    }
  }
  return {
    inputLength: n,
    filterLength: k,
    fullLength,
    outputLength,
    stride,
    padding,
    contributions,
  };
}

/** The terms of each output cell as (input, tap) pairs: the seed's [ax, ay, az + bx, …]. */
export function transposedTerms1d(
  n: number,
  k: number,
  options: Partial<StrideAndPadding> = {},
): { input: number; tap: number }[][] {
  const layout = transposedLayout1d(n, k, options);
  const cells = Array.from(
    { length: layout.outputLength },
    () => [] as { input: number; tap: number }[],
  );
  for (const c of layout.contributions) {
    if (c.output >= 0) cells[c.output].push({ input: c.input, tap: c.tap });
  }
  return cells;
}

function checked1d(input: number[], filter: number[], options: Partial<StrideAndPadding>) {
  finiteVector("input", input);
  finiteVector("filter", filter);
  return strideAndPadding(options);
}

export function transposedConv1d(
  input: number[],
  filter: number[],
  options: Partial<StrideAndPadding> = {},
): number[] {
  const layout = transposedLayout1d(input.length, filter.length, checked1d(input, filter, options));
  const out = new Array<number>(layout.outputLength).fill(0);
  for (const c of layout.contributions) {
    if (c.output >= 0) out[c.output] += input[c.input] * filter[c.tap];
  }
  return out;
}

export function correlate1d(
  input: number[],
  filter: number[],
  options: Partial<StrideAndPadding> = {},
): number[] {
  const sp = checked1d(input, filter, options);
  const length = forwardLength(input.length, filter.length, sp);
  return Array.from({ length }, (_, j) =>
    filter.reduce((sum, h, t) => {
      const i = j * sp.stride + t - sp.padding;
      return i >= 0 && i < input.length ? sum + h * input[i] : sum;
    }, 0));
}

const dims = (grid: number[][]) => [grid.length, grid[0].length] as const;

/**
 * Every (small cell, tap, big cell) triple of a 2-D convolution with stride s and padding p:
 * big = small·s + tap − p, on both axes, kept when the big cell lies inside the big grid. The
 * forward convolution sums over these triples into the small grid, the transposed one into the
 * big grid: the same triples, which is why the two are adjoint.
 */
function forEachTriple2d(
  small: readonly [number, number],
  kernel: readonly [number, number],
  big: readonly [number, number],
  { stride, padding }: StrideAndPadding,
  visit: (r: number, c: number, u: number, v: number, R: number, C: number) => void,
): void {
  for (let r = 0; r < small[0]; r++) {
    for (let c = 0; c < small[1]; c++) {
      for (let u = 0; u < kernel[0]; u++) {
        for (let v = 0; v < kernel[1]; v++) {
          const R = r * stride + u - padding;
          const C = c * stride + v - padding;
          if (R >= 0 && R < big[0] && C >= 0 && C < big[1]) visit(r, c, u, v, R, C);
        }
      }
    }
  }
}

const zeros = (rows: number, cols: number) =>
  Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

/** The grids and options checked, with the input's and the filter's sizes. */
function checked2d(input: number[][], filter: number[][], options: Partial<StrideAndPadding>) {
  finiteMatrix("input", input);
  finiteMatrix("filter", filter);
  return { sp: strideAndPadding(options), n: dims(input), k: dims(filter) };
}

export function transposedConv2d(
  input: number[][],
  filter: number[][],
  options: Partial<StrideAndPadding> = {},
): number[][] {
  const { sp, n, k } = checked2d(input, filter, options);
  const out = zeros(transposedLength(n[0], k[0], sp), transposedLength(n[1], k[1], sp));
  forEachTriple2d(n, k, [out.length, out[0].length], sp, (r, c, u, v, R, C) => {
    out[R][C] += input[r][c] * filter[u][v];
  });
  return out;
}

export function correlate2d(
  input: number[][],
  filter: number[][],
  options: Partial<StrideAndPadding> = {},
): number[][] {
  const { sp, n, k } = checked2d(input, filter, options);
  const out = zeros(forwardLength(n[0], k[0], sp), forwardLength(n[1], k[1], sp));
  forEachTriple2d([out.length, out[0].length], k, n, sp, (r, c, u, v, R, C) => {
    out[r][c] += filter[u][v] * input[R][C];
  });
  return out;
}

/** One input cell's stamp in 2-D: x[a][b]·h placed with its top-left corner at (a·s − p, b·s − p). */
export interface Stamp2d {
  row: number;
  col: number;
  value: number;
  /** Top-left corner of the stamp in the cropped output (may be negative: cropped). */
  top: number;
  left: number;
  /** The scaled filter, x[a][b]·h. */
  products: number[][];
}

export function transposedStamps2d(
  input: number[][],
  filter: number[][],
  options: Partial<StrideAndPadding> = {},
): Stamp2d[] {
  // Checks the grids, the stride and the padding, and that something is left after cropping.
  transposedConv2d(input, filter, options);
  const { stride, padding } = strideAndPadding(options);
  return input.flatMap((row, a) =>
    row.map((value, b) => ({
      row: a,
      col: b,
      value,
      top: a * stride - padding,
      left: b * stride - padding,
      products: filter.map((r) => r.map((h) => value * h)),
    }))
  );
}

/** Σ a·b over two grids of the same shape. */
function inner2d(a: number[][], b: number[][]): number {
  if (a.length !== b.length || a[0].length !== b[0].length) {
    throw new RangeError(
      `inner product of a ${a.length}×${a[0].length} and a ${b.length}×${b[0].length} grid`,
    );
  }
  let sum = 0;
  a.forEach((row, r) => row.forEach((v, c) => (sum += v * b[r][c])));
  return sum;
}

export interface AdjointCheck {
  stride: number;
  padding: number;
  /** Size of x (the big side) and of y (the small side). */
  bigSize: [number, number];
  smallSize: [number, number];
  /** ⟨conv(x), y⟩ */
  left: number;
  /** ⟨x, convᵀ(y)⟩ */
  right: number;
  /** |left − right| / max(|left|, |right|, tiny). */
  relativeGap: number;
}

/**
 * Both sides of the adjoint identity for x of the size that convᵀ(y) has, so conv(x) has y's size.
 */
export function adjointCheck(
  x: number[][],
  y: number[][],
  filter: number[][],
  options: Partial<StrideAndPadding> = {},
): AdjointCheck {
  const sp = strideAndPadding(options);
  const convX = correlate2d(x, filter, sp);
  const convTY = transposedConv2d(y, filter, sp);
  const left = inner2d(convX, y);
  const right = inner2d(x, convTY);
  return {
    ...sp,
    bigSize: [x.length, x[0].length],
    smallSize: [y.length, y[0].length],
    left,
    right,
    relativeGap: Math.abs(left - right) / Math.max(Math.abs(left), Math.abs(right), 1e-300),
  };
}
