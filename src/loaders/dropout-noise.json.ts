/**
 * Data loader for the dropout-noise page: over seeded regression problems and a grid of keep
 * probabilities, the dropout coefficient path p·w̌(p), the ridge path at the matched λ, a plain
 * ridge over its own log grid of λ, and the test error of each
 * (src/compute/dropout-noise/precompute.ts).
 *
 * Input: data/dropout-noise.json, or the grid named by the first argument or by
 * DROPOUT_NOISE_GRID (src/loaders/shared/gridPath.ts). Numbers are rounded to 8 significant
 * digits: the same bytes on every run and every machine, and far finer than the seed-to-seed
 * spread. Output, progress and exit status as every loader (src/loaders/shared/runLoader.ts).
 */
import { parseNoiseGrid } from "../compute/dropout-noise/grid.js";
import { precomputeNoiseSweep } from "../compute/dropout-noise/precompute.js";
import { significantDigits } from "../compute/round.js";
import { gridPath } from "./shared/gridPath.js";
import { readGrid } from "./shared/readGrid.js";
import { runLoader } from "./shared/runLoader.js";

if (import.meta.main) {
  Deno.exit(
    await runLoader("dropout-noise", async (log) => {
      const path = gridPath("dropout-noise");
      const grid = await readGrid(path, parseNoiseGrid);
      log(`${grid.seeds.length} problems × ${grid.keep.length} keep probabilities from ${path}`);
      return precomputeNoiseSweep(grid, significantDigits(8));
    }),
  );
}
