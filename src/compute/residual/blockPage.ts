/**
 * The residual page's block explorer, as data: its defaults and ranges, and one point to try for
 * each case (found, not typed, so they follow the reader's weights).
 */
import {
  BLOCK_CASES,
  type BlockCase,
  blockCase,
  kinkMargin,
  type Matrix,
  residualBlock,
} from "./block.js";
import { positiveNumber } from "../validate.js";

/** Seed 77 at scale 1 shows every case inside the plane [−3, 3]² (tested). */
export const BLOCK_DEFAULTS = { seed: 77, scale: 1, x1: 1, x2: 2 } as const;

export const BLOCK_LIMITS = {
  x: [-3, 3],
  scale: [0, 3],
  seed: [0, 100],
} as const;

/** Grid of the case map: BLOCK_GRID_STEPS² cells over [−3, 3]². */
export const BLOCK_GRID_STEPS = 40;

/**
 * For each case found among the points of a `spacing` grid over [−extent, extent]², the point
 * farthest from any kink (largest smallest |pre-activation|), as [x₁, x₂].
 */
export function casePoints(
  w1: Matrix,
  w2: Matrix,
  extent: number = BLOCK_LIMITS.x[1],
  spacing = 0.25,
): Partial<Record<BlockCase, [number, number]>> {
  positiveNumber("extent", extent);
  positiveNumber("spacing", spacing);
  const best: Partial<Record<BlockCase, { x: [number, number]; margin: number }>> = {};
  const count = Math.round(extent / spacing);
  for (let r = -count; r <= count; r++) {
    for (let c = -count; c <= count; c++) {
      const x: [number, number] = [c * spacing, r * spacing];
      const pass = residualBlock(w1, w2, x);
      const kind = blockCase(pass, x);
      const margin = kinkMargin(w1, w2, x);
      if (!best[kind] || margin > best[kind]!.margin) best[kind] = { x, margin };
    }
  }
  return Object.fromEntries(
    BLOCK_CASES.filter((c) => best[c]).map((c) => [c, best[c]!.x]),
  ) as Partial<Record<BlockCase, [number, number]>>;
}
