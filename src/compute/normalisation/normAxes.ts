/**
 * Which cells of an N × C × H × W activation share one mean and one variance under batch, layer,
 * instance and group normalisation. Cells are stored in NCHW order (the last index fastest), as
 * tfjs stores a tensor4d of that shape. Pure: no tfjs, no DOM.
 */
import { integerAtLeast, oneOf } from "../validate.js";

export const NORM_METHODS = ["batch", "layer", "instance", "group"] as const;
export type NormMethod = typeof NORM_METHODS[number];

export interface ActivationShape {
  /** Examples in the batch. */
  n: number;
  /** Channels. */
  c: number;
  /** Height and width of each channel's map. */
  h: number;
  w: number;
}

/** The axes each method averages over, in NCHW numbering (group norm: within each group of channels). */
export const REDUCED_AXES: Record<NormMethod, readonly number[]> = {
  batch: [0, 2, 3],
  layer: [1, 2, 3],
  instance: [2, 3],
  group: [2, 3],
};

export function checkShape(shape: ActivationShape): ActivationShape {
  for (const key of ["n", "c", "h", "w"] as const) integerAtLeast(`shape.${key}`, shape[key], 1);
  return shape;
}

/** The number of groups for group norm: a whole number that divides the channels. */
export function checkGroups(channels: number, groups: number): number {
  integerAtLeast("groups", groups, 1, channels);
  if (channels % groups !== 0) {
    throw new RangeError(`groups must divide the ${channels} channels; got ${groups}`);
  }
  return groups;
}

export function cellCount({ n, c, h, w }: ActivationShape): number {
  return n * c * h * w;
}

/** Position of cell (example, channel, row, column) in the NCHW array. */
export function cellIndex(
  shape: ActivationShape,
  example: number,
  channel: number,
  row: number,
  column: number,
): number {
  return ((example * shape.c + channel) * shape.h + row) * shape.w + column;
}

/** How many separate (mean, variance) pairs the method computes on this shape. */
export function normGroupCount(method: NormMethod, shape: ActivationShape, groups = 1): number {
  oneOf("method", method, NORM_METHODS);
  checkShape(shape);
  if (method === "batch") return shape.c;
  if (method === "layer") return shape.n;
  if (method === "instance") return shape.n * shape.c;
  return shape.n * checkGroups(shape.c, groups);
}

/**
 * The group of the cell at NCHW position `index`: groups are numbered channel by channel for
 * batch norm, example by example for layer norm, and (example, channel) or (example, channel
 * group) in order for instance and group norm.
 */
export function normGroupOf(
  method: NormMethod,
  shape: ActivationShape,
  index: number,
  groups = 1,
): number {
  const plane = shape.h * shape.w;
  const channel = Math.floor(index / plane) % shape.c;
  const example = Math.floor(index / (plane * shape.c));
  if (method === "batch") return channel;
  if (method === "layer") return example;
  if (method === "instance") return example * shape.c + channel;
  return example * groups + Math.floor(channel / (shape.c / groups));
}

/** Group number of every cell, in NCHW order. */
export function normGroups(method: NormMethod, shape: ActivationShape, groups = 1): Int32Array {
  normGroupCount(method, shape, groups);
  return Int32Array.from(
    { length: cellCount(shape) },
    (_, index) => normGroupOf(method, shape, index, groups),
  );
}

/** The NCHW positions of every cell in the same group as cell `index`. */
export function groupMates(
  method: NormMethod,
  shape: ActivationShape,
  index: number,
  groups = 1,
): number[] {
  const labels = normGroups(method, shape, groups);
  integerAtLeast("cell index", index, 0, labels.length - 1);
  const mine = labels[index];
  const mates: number[] = [];
  labels.forEach((label, i) => {
    if (label === mine) mates.push(i);
  });
  return mates;
}
