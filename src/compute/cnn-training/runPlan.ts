/**
 * What a run of the small CNN draws from its seed and how long it is: three independent seeds
 * (starting weights, batch order, dropout masks), the number of steps, and the dropout masks
 * themselves. Plain TypeScript, so that the browser and the build draw the same numbers.
 */
import { createRng, type Rng } from "../prng.js";
import { integerAtLeast } from "../validate.js";
import { CNN_FEATURES } from "./architecture.js";

export const TWO_32 = 2 ** 32;

/** Three independent 32-bit seeds (weights, batch order, dropout masks) from the run's seed. */
export function runSeeds(seed: number): { weights: number; order: number; masks: number } {
  const rng = createRng(seed);
  return { weights: rng.int(TWO_32), order: rng.int(TWO_32), masks: rng.int(TWO_32) };
}

/** Steps in a run: batches per epoch times epochs. */
export function totalSteps(trainCount: number, batchSize: number, epochs: number): number {
  return Math.ceil(trainCount / integerAtLeast("batch size", batchSize, 1)) * epochs;
}

/** Inverted-dropout multipliers for `count` digits: 0 with probability `rate`, else 1/(1 − rate). */
export function dropoutMask(rng: Rng, count: number, rate: number): Float32Array {
  const keep = 1 / (1 - rate);
  const mask = new Float32Array(count * CNN_FEATURES);
  for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < rate ? 0 : keep;
  return mask;
}
