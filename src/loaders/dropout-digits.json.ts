/**
 * Data loader for the dropout-digits page: the digit MLP with the cheating feature trained for the
 * full length of the grid, without dropout and with it, for several seeds, so the page shows the
 * answer before a reader trains anything (src/compute/dropout-digits/precompute.ts). The runs are
 * the page's own trainer on TensorFlow.js's CPU backend, which is deterministic; the digits are the
 * ones the page reads from mnist-digits.bin (same package, PER_CLASS and SPLIT_SEED).
 *
 * Input: data/dropout-digits.json, or the grid named by the first argument or by
 * DROPOUT_DIGITS_GRID (src/loaders/shared/gridPath.ts). Six significant digits. Output, progress
 * and exit status as every loader (src/loaders/shared/runLoader.ts).
 */
import { splitDigits } from "../compute/digitSet.js";
import { parseDigitGrid } from "../compute/dropout-digits/grid.js";
import { precomputeDigitRuns } from "../compute/dropout-digits/precompute.js";
import { significantDigits } from "../compute/round.js";
import { gridPath } from "./shared/gridPath.js";
import { readMnistByClass } from "./shared/mnistSource.js";
import { readGrid } from "./shared/readGrid.js";
import { runLoader } from "./shared/runLoader.js";
import { cpuTf } from "./shared/tfCpu.js";
import { PER_CLASS, SPLIT_SEED } from "./mnist-digits.bin.js";

if (import.meta.main) {
  Deno.exit(
    await runLoader("dropout-digits", async (log) => {
      const path = gridPath("dropout-digits");
      const grid = await readGrid(path, parseDigitGrid);
      const tf = await cpuTf();
      const splits = splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED);
      log(`${grid.seeds.length} seeds × 2 runs of ${grid.base.epochs} epochs from ${path}`);
      return precomputeDigitRuns(tf, grid, splits, significantDigits(6), log);
    }),
  );
}
