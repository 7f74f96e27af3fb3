/**
 * Data loader for the dropout-toy page: the two-feature toy trained with SGD and Adam over a grid
 * of drop rates and seeds, with the trained estimates next to the closed forms
 * (src/compute/dropout-toy/precompute.ts says what each field holds).
 *
 * Input: data/dropout-toy.json, or the grid named by the first argument or by DROPOUT_TOY_GRID
 * (src/loaders/shared/gridPath.ts). Ten significant digits are far below the seed-to-seed spread
 * and keep the file readable. Output, progress and exit status as every loader
 * (src/loaders/shared/runLoader.ts).
 */
import { OPTIMIZERS, parseToyGrid } from "../compute/dropout-toy/grid.js";
import { precomputeToySweep } from "../compute/dropout-toy/precompute.js";
import { significantDigits } from "../compute/round.js";
import { gridPath } from "./shared/gridPath.js";
import { readGrid } from "./shared/readGrid.js";
import { runLoader } from "./shared/runLoader.js";

if (import.meta.main) {
  Deno.exit(
    await runLoader("dropout-toy", async (log) => {
      const path = gridPath("dropout-toy");
      const grid = await readGrid(path, parseToyGrid);
      const runs = grid.rates.length * OPTIMIZERS.length * grid.seeds.length;
      log(`${runs} runs of ${grid.steps} steps × batch ${grid.batchSize} from ${path}`);
      return precomputeToySweep(grid, significantDigits(10), log);
    }),
  );
}
