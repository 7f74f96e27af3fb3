/**
 * Data loader for the initialisation page: theory against Monte Carlo for every scheme ×
 * activation × width of the grid at every layer of a deep network, plus the course's check of
 * PyTorch's default (src/compute/initialisation/precompute.ts).
 *
 * Input: data/initialisation.json, or the grid named by the first argument or by
 * INITIALISATION_GRID (src/loaders/shared/gridPath.ts). Five significant digits: far below the
 * Monte Carlo spread, and a smaller file. Output, progress and exit status as every loader
 * (src/loaders/shared/runLoader.ts).
 */
import { parseInitialisationGrid } from "../compute/initialisation/grid.js";
import { precomputeInitialisation } from "../compute/initialisation/precompute.js";
import { significantDigits } from "../compute/round.js";
import { gridPath } from "./shared/gridPath.js";
import { readGrid } from "./shared/readGrid.js";
import { runLoader } from "./shared/runLoader.js";

if (import.meta.main) {
  Deno.exit(
    await runLoader("initialisation", async (log) => {
      const path = gridPath("initialisation");
      const grid = await readGrid(path, parseInitialisationGrid);
      log(
        `${grid.schemes.length} schemes × ${grid.activations.length} activations × ` +
          `${grid.widths.length} widths, depth ${grid.depth}, from ${path}`,
      );
      return precomputeInitialisation(grid, significantDigits(5), log);
    }),
  );
}
