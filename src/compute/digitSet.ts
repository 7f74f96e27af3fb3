/**
 * Handwritten digits as compact arrays: 28 × 28 grey levels (0–255) a digit, with its label, split
 * into training, validation and test sets the same way in every build.
 */
import { createRng } from "./prng.js";
import { integerAtLeast } from "./validate.js";

export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const DIGIT_CLASSES = 10;

/** `count` digits: pixels row-major, digit after digit (count × 784 bytes), and their labels. */
export interface DigitSet {
  count: number;
  pixels: Uint8Array;
  labels: Uint8Array;
}

export interface DigitSplits {
  train: DigitSet;
  validation: DigitSet;
  test: DigitSet;
}

export const SPLIT_NAMES = ["train", "validation", "test"] as const;
export type SplitName = typeof SPLIT_NAMES[number];

/** How many digits of each class go to each split. */
export type PerClass = Record<SplitName, number>;

/**
 * Grey levels in [0, 1] back to bytes. The source stores level/255 rounded to three decimals, so
 * rounding value × 255 recovers the byte exactly (the error is at most 0.1275); anything further
 * from a whole level means the source is not what we think it is, and throws.
 */
export function pixelBytes(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const level = v * 255;
    const byte = Math.round(level);
    if (!(v >= 0 && v <= 1) || Math.abs(level - byte) > 0.13) {
      throw new RangeError(`pixel ${i} must be a grey level k/255 in [0, 1]; got ${v}`);
    }
    bytes[i] = byte;
  }
  return bytes;
}

function emptySet(count: number): DigitSet {
  return { count, pixels: new Uint8Array(count * DIGIT_PIXELS), labels: new Uint8Array(count) };
}

/** 0, …, n − 1 in a seeded random order (Fisher–Yates with the project's generator). */
export function seededPermutation(n: number, seed: number): number[] {
  const rng = createRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * A stratified split: from each class (byClass[label] holds that class's digits, 784 bytes each)
 * a seeded random choice of perClass.train + perClass.validation + perClass.test digits, dealt to
 * the three splits, and each split's digits put in a seeded random order so that labels are mixed.
 * Throws when a class has fewer digits than asked for.
 */
export function splitDigits(byClass: Uint8Array[], perClass: PerClass, seed: number): DigitSplits {
  if (byClass.length !== DIGIT_CLASSES) {
    throw new RangeError(`need ${DIGIT_CLASSES} classes of digits; got ${byClass.length}`);
  }
  const counts = SPLIT_NAMES.map((name) =>
    integerAtLeast(`digits per class (${name})`, perClass[name], 1, 100_000)
  );
  const wanted = counts.reduce((a, b) => a + b, 0);
  const splits = Object.fromEntries(
    SPLIT_NAMES.map((name, s) => [name, emptySet(counts[s] * DIGIT_CLASSES)]),
  ) as unknown as DigitSplits;
  const next = SPLIT_NAMES.map(() => 0);
  const slots = SPLIT_NAMES.map((name, s) =>
    seededPermutation(splits[name].count, seed + 101 * (s + 1))
  );
  byClass.forEach((digits, label) => {
    if (digits.length % DIGIT_PIXELS !== 0) {
      throw new RangeError(
        `class ${label} must hold whole 28 × 28 digits; got ${digits.length} bytes`,
      );
    }
    const available = digits.length / DIGIT_PIXELS;
    if (available < wanted) {
      throw new RangeError(`class ${label} has ${available} digits; the split needs ${wanted}`);
    }
    const order = seededPermutation(available, seed + 7 * label);
    let taken = 0;
    SPLIT_NAMES.forEach((name, s) => {
      const set = splits[name];
      for (let k = 0; k < counts[s]; k++) {
        const from = order[taken++] * DIGIT_PIXELS;
        const to = slots[s][next[s]++];
        set.pixels.set(digits.subarray(from, from + DIGIT_PIXELS), to * DIGIT_PIXELS);
        set.labels[to] = label;
      }
    });
  });
  return splits;
}
