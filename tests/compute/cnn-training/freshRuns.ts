/**
 * The precomputed grid's four batch-norm × dropout runs, repeated on fresh draws of seed and data
 * split (freshDraws.ts), scored only after the epochs the claims are about (1 and the last).
 * freshRunsInWorkers spreads the draws over worker threads, one per core.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import { splitDigits } from "../../../src/compute/digitSet.ts";
import { cnnDataset } from "../../../src/compute/cnn-training/dataset.ts";
import { PER_CLASS } from "../../../src/loaders/mnist-digits.bin.ts";
import { type CnnRunState, trainCnnTf } from "../../../src/compute/cnn-training/cnnTrainTf.ts";
import { COMBINATIONS, type PrecomputedRun } from "../../../src/compute/cnn-training/runSummary.ts";
import type { CnnGrid } from "../../../src/compute/cnn-training/grid.ts";
import type { Draw } from "../../../src/compute/cnn-training/freshDraws.ts";

/** The four runs of one draw at the grid's settings. */
export async function freshRuns(
  tf: typeof TfCore,
  settings: CnnGrid["settings"],
  { seed, splitSeed }: Draw,
  byClass: Uint8Array[],
): Promise<PrecomputedRun[]> {
  const data = cnnDataset(splitDigits(byClass, PER_CLASS, splitSeed));
  const scoreAt = (epoch: number) => epoch === 1 || epoch === settings.epochs;
  const runs: PrecomputedRun[] = [];
  for (const combo of COMBINATIONS) {
    let last: CnnRunState | undefined;
    const run = trainCnnTf(tf, data, { ...settings, ...combo, seed }, { sliceMs: 1e9, scoreAt });
    for await (const state of run) last = state;
    if (!last?.done || last.testAccuracy === undefined) throw new Error(`seed ${seed} failed`);
    runs.push({ ...combo, seed, history: last.history, testAccuracy: last.testAccuracy });
  }
  return runs;
}

/** Every draw's runs, computed by `workers` threads (each takes every workers-th draw). */
export async function freshRunsInWorkers(
  settings: CnnGrid["settings"],
  draws: readonly Draw[],
  workers = Math.max(1, Math.min(navigator.hardwareConcurrency, 4)),
): Promise<PrecomputedRun[]> {
  const parts = Array.from(
    { length: workers },
    (_, w) => draws.filter((_, i) => i % workers === w),
  );
  const results = await Promise.all(
    parts.filter((p) => p.length > 0).map((part) => {
      const worker = new Worker(new URL("./freshWorker.ts", import.meta.url), { type: "module" });
      return new Promise<PrecomputedRun[]>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<{ runs?: PrecomputedRun[]; error?: string }>) => {
          worker.terminate();
          if (e.data.error) reject(new Error(e.data.error));
          else resolve(e.data.runs!);
        };
        worker.onerror = (e) => {
          worker.terminate();
          reject(new Error(e.message));
        };
        worker.postMessage({ settings, draws: part });
      });
    }),
  );
  return results.flat();
}
