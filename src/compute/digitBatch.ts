/**
 * Digits as network inputs: grey levels scaled to [0, 1] as Float32 (what tfjs tensors take),
 * and the seeded minibatch order of an epoch. Shared by every page and loader that trains on
 * the digit file, so that a run in the browser and the same run at build time see the same data.
 */
import { integerAtLeast } from "./validate.js";
import { DIGIT_CLASSES, DIGIT_PIXELS, type DigitSet, seededPermutation } from "./digitSet.js";

/** The digits at `indices`, 784 values in [0, 1] each, one after another. */
export function digitInputs(set: DigitSet, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * DIGIT_PIXELS);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (!(Number.isInteger(i) && i >= 0 && i < set.count)) {
      throw new RangeError(`digit index must be an integer in [0, ${set.count - 1}]; got ${i}`);
    }
    const from = i * DIGIT_PIXELS;
    for (let p = 0; p < DIGIT_PIXELS; p++) out[r * DIGIT_PIXELS + p] = set.pixels[from + p] / 255;
  }
  return out;
}

/** The labels at `indices`. */
export function digitLabels(set: DigitSet, indices: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(indices, (i) => set.labels[i]);
}

/**
 * One epoch's minibatches over `count` examples: a seeded shuffle cut into batches of
 * `batchSize`, the last one shorter when `batchSize` does not divide `count`. Epoch e of a run
 * with seed s uses seed s + e, so a run is reproducible and its epochs differ.
 */
export function epochBatches(count: number, batchSize: number, seed: number): number[][] {
  integerAtLeast("example count", count, 1);
  integerAtLeast("batch size", batchSize, 1, count);
  const order = seededPermutation(count, seed);
  const batches: number[][] = [];
  for (let at = 0; at < count; at += batchSize) batches.push(order.slice(at, at + batchSize));
  return batches;
}

/**
 * The indices of the first `perClass` digits of each class, in the set's own order: a balanced
 * subset (the splits are already in a seeded random order, so "first" is a random choice).
 * `name` is what an error message calls perClass.
 */
export function firstOfEachClass(
  set: DigitSet,
  perClass: number,
  name = "digits per class",
): number[] {
  integerAtLeast(name, perClass, 1);
  const taken = new Array<number>(DIGIT_CLASSES).fill(0);
  const out: number[] = [];
  for (let i = 0; i < set.count; i++) {
    const label = set.labels[i];
    if (taken[label] < perClass) {
      taken[label]++;
      out.push(i);
    }
  }
  const short = taken.findIndex((n) => n < perClass);
  if (short >= 0) {
    throw new RangeError(
      `${name} must be at most ${taken[short]} (class ${short} has no more); got ${perClass}`,
    );
  }
  return out;
}
