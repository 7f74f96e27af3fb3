/**
 * The cheating feature: ten extra inputs appended to a digit's 784 pixels, a one-hot block of
 * height `strength` that names a class. In training the block names the digit's own label, so it
 * gives the answer away; on validation and test digits it names a class drawn at random,
 * independent of the label, so it carries no information at all ("noise"). Two more ways to fill
 * it measure how much a trained network leans on it: "honest" on test digits (the answer given
 * away there too) and "blank" (all ten zero: the network has only the pixels to go on).
 */
import type { Rng } from "../prng.js";
import { nonNegativeNumber } from "../validate.js";
import { DIGIT_CLASSES, DIGIT_PIXELS, type DigitSet } from "../digitSet.js";
import { digitLabels } from "../digitBatch.js";

/** Inputs of the network: the pixels, then one cheating input per class. */
export const CHEAT_INPUTS = DIGIT_PIXELS + DIGIT_CLASSES;

/** A blank block: no class named. */
export const NO_CLASS = -1;

export type CheatFill = "honest" | "noise" | "blank";

/**
 * Digits ready to become network inputs: which digits of which set, their labels, and the class
 * each one's cheating block names (NO_CLASS for a blank block). The grey levels stay bytes until
 * a batch is filled, so making a view costs next to nothing (a page makes several per run).
 */
export interface CheatView {
  count: number;
  set: DigitSet;
  indices: Int32Array;
  labels: Uint8Array;
  named: Int8Array;
  strength: number;
}

/**
 * The class each digit's block names: its own label ("honest"), a uniform draw from `noise`
 * ("noise", one draw a digit, in order), or none ("blank").
 */
export function namedClasses(labels: Uint8Array, fill: CheatFill, noise?: Rng): Int8Array {
  if (fill === "honest") return Int8Array.from(labels);
  if (fill === "blank") return new Int8Array(labels.length).fill(NO_CLASS);
  if (!noise) throw new Error('namedClasses: a "noise" block needs a generator');
  return Int8Array.from(labels, () => noise.int(DIGIT_CLASSES));
}

/** A view of `set`'s digits at `indices` with their blocks filled as `fill` says. */
export function cheatView(
  set: DigitSet,
  indices: ArrayLike<number>,
  strength: number,
  fill: CheatFill,
  noise?: Rng,
): CheatView {
  nonNegativeNumber("cheating feature strength", strength);
  for (const i of Array.from(indices)) {
    if (!(Number.isInteger(i) && i >= 0 && i < set.count)) {
      throw new RangeError(`digit index must be an integer in [0, ${set.count - 1}]; got ${i}`);
    }
  }
  const labels = digitLabels(set, indices);
  return {
    count: indices.length,
    set,
    indices: Int32Array.from(indices),
    labels,
    named: namedClasses(labels, fill, noise),
    strength,
  };
}

/** The same digits with their blocks filled another way. */
export function refill(view: CheatView, fill: CheatFill, noise?: Rng): CheatView {
  return { ...view, named: namedClasses(view.labels, fill, noise) };
}

/**
 * Writes the network inputs of the view's rows `rows` into `out` (rows.length × 794, row after
 * row): 784 grey levels in [0, 1] (byte / 255, as digitInputs scales them), then `strength` at
 * the named class's slot and 0 elsewhere.
 */
export function fillInputs(view: CheatView, rows: ArrayLike<number>, out: Float32Array): void {
  if (out.length < rows.length * CHEAT_INPUTS) {
    throw new RangeError(
      `fillInputs: ${rows.length} rows need ${rows.length * CHEAT_INPUTS} slots`,
    );
  }
  const pixels = view.set.pixels;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const at = r * CHEAT_INPUTS;
    const from = view.indices[i] * DIGIT_PIXELS;
    for (let p = 0; p < DIGIT_PIXELS; p++) out[at + p] = pixels[from + p] / 255;
    out.fill(0, at + DIGIT_PIXELS, at + CHEAT_INPUTS);
    const named = view.named[i];
    if (named !== NO_CLASS) out[at + DIGIT_PIXELS + named] = view.strength;
  }
}

/**
 * Of the digits whose block names a class other than their label, the share the network
 * classified as the named class: how often it believed the cheating feature over the pixels.
 */
export function followedShare(view: CheatView, predicted: ArrayLike<number>): number {
  let misleading = 0;
  let followed = 0;
  for (let i = 0; i < view.count; i++) {
    const named = view.named[i];
    if (named === NO_CLASS || named === view.labels[i]) continue;
    misleading++;
    if (predicted[i] === named) followed++;
  }
  return misleading === 0 ? 0 : followed / misleading;
}

/** The share of the view's digits whose predicted class is their label. */
export function accuracyOf(view: CheatView, predicted: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < view.count; i++) if (predicted[i] === view.labels[i]) right++;
  return right / view.count;
}
