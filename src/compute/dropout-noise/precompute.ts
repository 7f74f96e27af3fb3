/**
 * The precomputed sweep behind the dropout-noise page, as the page reads it: the grid, every
 * seed's dropout and matched-ridge coefficient paths with their test errors, the plain ridge's
 * test error over its own λ grid, the summary over seeds and the best points (src/compute/
 * dropout-noise/sweep.ts). `round` is applied to every computed number and to the two grids.
 */
import { exact, type Rounding } from "../round.js";
import type { NoiseGrid } from "./grid.js";
import { runSweep } from "./sweep.js";

export function precomputeNoiseSweep(grid: NoiseGrid, round: Rounding = exact) {
  const { seeds, summary, ridgeGrid, best } = runSweep(grid);
  const r = (values: number[]) => values.map(round);
  return {
    config: { ...grid, keep: r(grid.keep), lambdas: r(grid.lambdas) },
    seeds: seeds.map((s) => ({
      seed: s.seed,
      meanSquaredColumnNorm: round(s.meanSquaredColumnNorm),
      ridgeGridTest: r(s.ridgeGridTest),
      dropout: s.points.map((pt) => r(pt.dropout)),
      ridge: s.points.map((pt) => r(pt.ridge)),
      dropoutTest: r(s.points.map((pt) => pt.dropoutTest)),
      ridgeTest: r(s.points.map((pt) => pt.ridgeTest)),
    })),
    summary: summary.map((row) => ({
      p: round(row.p),
      dropoutMean: round(row.dropoutMean),
      dropoutSd: round(row.dropoutSd),
      ridgeMean: round(row.ridgeMean),
      ridgeSd: round(row.ridgeSd),
    })),
    ridgeGrid: ridgeGrid.map((row) => ({
      lambda: round(row.lambda),
      mean: round(row.mean),
      sd: round(row.sd),
    })),
    best: {
      dropout: { p: round(best.dropout.p), test: round(best.dropout.test) },
      ridge: { p: round(best.ridge.p), test: round(best.ridge.test) },
      ridgeGrid: { lambda: round(best.ridgeGrid.lambda), test: round(best.ridgeGrid.test) },
    },
  };
}
