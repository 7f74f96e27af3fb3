/**
 * Precomputed training runs of the cnn-training page's small CNN: the four batch-norm × dropout
 * combinations over several seeds (accuracy curves with their spread, test accuracy), and the
 * trained weights of one run (src/compute/cnn-training/precompute.ts). The runs are made by the
 * page's own trainer on TensorFlow.js's CPU backend, on exactly the digits the page loads (the
 * split of mnist-digits.bin.ts, from the same package and seed). The output depends only on the
 * grid and the digits (seeded weights, masks and batches; the CPU backend computes in a fixed
 * order); precompute.ts rounds what it ships.
 *
 * Input: data/cnn-training.json, or the grid named by the first argument or by CNN_TRAINING_GRID
 * (src/loaders/shared/gridPath.ts). Output, progress and exit status as every loader
 * (src/loaders/shared/runLoader.ts).
 */
import { splitDigits } from "../compute/digitSet.js";
import { cnnDataset } from "../compute/cnn-training/dataset.js";
import { parseCnnGrid } from "../compute/cnn-training/grid.js";
import { runCnnGrid } from "../compute/cnn-training/precompute.js";
import { CNN_MOMENTUM } from "../compute/cnn-training/settings.js";
import { gridPath } from "./shared/gridPath.js";
import { readMnistByClass } from "./shared/mnistSource.js";
import { readGrid } from "./shared/readGrid.js";
import { runLoader } from "./shared/runLoader.js";
import { cpuTf } from "./shared/tfCpu.js";
import { PER_CLASS, SPLIT_SEED } from "./mnist-digits.bin.js";

if (import.meta.main) {
  Deno.exit(
    await runLoader("cnn-training", async (log) => {
      const path = gridPath("cnn-training");
      const grid = await readGrid(path, parseCnnGrid);
      const tf = await cpuTf();
      const data = cnnDataset(splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED));
      log(`${grid.seeds.length} seeds × 4 combinations from ${path}`);
      return runCnnGrid(tf, data, grid, CNN_MOMENTUM, log);
    }),
  );
}
