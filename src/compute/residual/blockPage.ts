/**
 * The residual page's block explorer, as data: its defaults and ranges (the points to try for each
 * case are found by casePoints in block.ts, so they follow the reader's weights).
 */

/** The explorer's block is n × n with n = 2, so X₀ is a point of the plane. */
export const BLOCK_N = 2;

/** Seed 77 at scale 1 shows every case inside the plane [−3, 3]² (tested). */
export const BLOCK_DEFAULTS = { seed: 77, scale: 1, x1: 1, x2: 2 } as const;

export const BLOCK_LIMITS = {
  x: [-3, 3],
  scale: [0, 3],
  seed: [0, 100],
} as const;

/** Grid of the case map: BLOCK_GRID_STEPS² cells over [−3, 3]². */
export const BLOCK_GRID_STEPS = 40;

/** Spacing of the grid searched for a point of each case (a multiple of the sliders' 0.05). */
export const CASE_POINT_SPACING = 0.25;
