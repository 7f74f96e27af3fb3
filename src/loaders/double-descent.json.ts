/**
 * Data loader for the double-descent page: test error against the number of random ReLU features,
 * at a fixed small ridge and with λ tuned on a validation set, over seeded trials
 * (src/compute/double-descent/precompute.ts).
 *
 * Input: data/double-descent.json, or the grid named by the first argument or by
 * DOUBLE_DESCENT_GRID (src/loaders/shared/gridPath.ts). Trials run on DOUBLE_DESCENT_WORKERS
 * Workers (default: one per core, at most 4); the output does not depend on how many. Six
 * significant digits: plenty for plots, and it keeps the file small. Output, progress and exit
 * status as every loader (src/loaders/shared/runLoader.ts).
 */
import { parseDoubleDescentGrid } from "../compute/double-descent/grid.js";
import { precomputeDoubleDescent, workerCount } from "../compute/double-descent/precompute.js";
import { significantDigits } from "../compute/round.js";
import { envVariable } from "./shared/env.js";
import { gridPath } from "./shared/gridPath.js";
import { readGrid } from "./shared/readGrid.js";
import { runLoader } from "./shared/runLoader.js";

const WORKERS = "DOUBLE_DESCENT_WORKERS";

if (import.meta.main) {
  Deno.exit(
    await runLoader("double-descent", async (log) => {
      const path = gridPath("double-descent");
      const config = await readGrid(path, parseDoubleDescentGrid);
      const workers = workerCount(envVariable(WORKERS), config.trials, WORKERS);
      log(`${config.trials} trials on ${workers} workers from ${path}`);
      return precomputeDoubleDescent(config, { workers, round: significantDigits(6), log });
    }),
  );
}
