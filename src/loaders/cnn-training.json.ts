/**
 * Precomputed training runs of the cnn-training page's small CNN: the four batch-norm × dropout
 * combinations over several seeds (accuracy curves with their spread, test accuracy), and the
 * trained weights of one run. The runs are made by the page's own trainer
 * (src/compute/cnn-training/cnnTrainTf.ts) on TensorFlow.js's CPU backend, on exactly the digits the page
 * loads (the split of mnist-digits.bin.ts, from the same package and seed).
 *
 * Input: data/cnn-training.json, or the file named by the first argument or by the
 * CNN_TRAINING_GRID environment variable (the tests feed it bad grids that way). stdout gets the
 * JSON once, at the end; progress goes to stderr; any failure exits 1 with nothing on stdout. The
 * output depends only on the grid and the digits (seeded weights, masks and batches; the CPU
 * backend computes in a fixed order).
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core registers gradients only on request; this bundle registers all of them in the
// registry that tfjs-core reads (Deno cannot import tfjs-core's own ESM registration file).
import "@tensorflow/tfjs";
import { splitDigits } from "../compute/digitSet.js";
import { cnnDataset } from "../compute/cnn-training/dataset.js";
import { parseCnnGrid, runCnnGrid } from "../compute/cnn-training/precompute.js";
import { CNN_MOMENTUM } from "../compute/cnn-training/settings.js";
import { readMnistByClass } from "./shared/mnistSource.js";
import { PER_CLASS, SPLIT_SEED } from "./mnist-digits.bin.js";

function gridPath(): string {
  if (Deno.args[0]) return Deno.args[0];
  const env = Deno.permissions.querySync({ name: "env", variable: "CNN_TRAINING_GRID" });
  const fromEnv = env.state === "granted" ? Deno.env.get("CNN_TRAINING_GRID") : undefined;
  return fromEnv || new URL("../../data/cnn-training.json", import.meta.url).pathname;
}

/** The grid file, checked; a missing or malformed file gets a message that names it. */
async function readGrid(path: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(await Deno.readTextFile(path));
  } catch (e) {
    const why = e instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
    throw new Error(`grid ${path} ${why}: ${(e as Error).message}`);
  }
  return parseCnnGrid(raw);
}

async function main(): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.error(`cnn-training: ${line}`);
  try {
    const path = gridPath();
    const grid = await readGrid(path);
    if (!(await tf.setBackend("cpu"))) throw new Error("tfjs could not start its CPU backend");
    const data = cnnDataset(splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED));
    log(`${grid.seeds.length} seeds × 4 combinations from ${path}`);
    const output = JSON.stringify(await runCnnGrid(tf, data, grid, CNN_MOMENTUM, log));
    console.log(output);
    const kb = (new TextEncoder().encode(output).length / 1024).toFixed(0);
    log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s, ${kb} KiB`);
    return 0;
  } catch (e) {
    log(`FAILED: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.main) Deno.exit(await main());
