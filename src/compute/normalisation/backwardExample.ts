/**
 * The batch the full batch-norm view starts from, and the fixed parameters and upstream gradient
 * it uses for any batch the reader types (up to MAX_ROWS × MAX_COLUMNS, matrixText.ts).
 */
import { createRng } from "../prng.js";
import { integerAtLeast } from "../validate.js";
import { MAX_COLUMNS, MAX_ROWS } from "./matrixText.js";

/** A 4 × 3 batch: four examples, three features on different scales. */
export const DEFAULT_BATCH: readonly (readonly number[])[] = [
  [1, 2, 0.5],
  [-0.5, 0, 1.5],
  [2, -1, 1],
  [0.5, 3, -2],
];

/** γ and β for columns 1 to MAX_COLUMNS (a batch with fewer columns uses the first ones). */
export const GAMMA: readonly number[] = [1.5, 0.8, 2, 1.2];
export const BETA: readonly number[] = [0.5, -1, 0, 2];

const UPSTREAM_SEED = 10;

/**
 * The upstream gradient dY = ∂L/∂Y for an n × d batch: entry (i, j) is the same number whatever
 * the batch's size, drawn once from the seed and rounded to two decimals so it reads easily.
 */
export function upstreamGradient(n: number, d: number): number[][] {
  integerAtLeast("rows", n, 1, MAX_ROWS);
  integerAtLeast("columns", d, 1, MAX_COLUMNS);
  const rng = createRng(UPSTREAM_SEED);
  const table = Array.from(
    { length: MAX_ROWS },
    () => Array.from({ length: MAX_COLUMNS }, () => Math.round(100 * rng.normal()) / 100),
  );
  return table.slice(0, n).map((row) => row.slice(0, d));
}
