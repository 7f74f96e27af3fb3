/**
 * The page's live measurement of how much gradient survives the centred batch norm: for the
 * reader's batch size first, then for a grid of smaller sizes, many seeded batches go through tfjs
 * autodiff (centredGradientTf) in chunks, with a macrotask between chunks so that the thread it
 * runs on (the page's live worker) hears a Stop or a new setting. Each finished size is yielded as a row: mean share, standard error and (n − 1)/n.
 */
import type { Tf } from "../tf.js";
import { macrotask } from "../macrotask.js";
import { RunningMean } from "../monteCarlo.js";
import { addShares, batchSizes, centredSampler, survivingShareTheory } from "./centredGradient.js";
import { centredGradientTf } from "./centredGradientTf.js";
import { integerAtLeast, positiveNumber, seedValue } from "../validate.js";

export interface SurvivingRow {
  n: number;
  draws: number;
  mean: number;
  /** NaN when every share is the same (n = 1 gives 0 every time). */
  standardError: number;
  theory: number;
}

export interface SurvivingFrame {
  /** Finished batch sizes, smallest first. */
  rows: SurvivingRow[];
  /** The first batch at the reader's size: x, ∂L/∂y and tfjs's ∂L/∂x. */
  oneBatch: { x: number[]; dy: number[]; dx: number[] } | null;
  done: boolean;
  /** Time spent computing (ms), without the pauses, and the longest single chunk. */
  busyMs: number;
  longestSliceMs: number;
}

export interface SurvivingOptions {
  seed: number;
  /** The reader's batch size: measured first, then the grid below it. */
  batch: number;
  draws: number;
  gamma: number;
  signal?: AbortSignal;
  /** Values per chunk (draws × n); about 2 ms of drawing and tfjs work on a laptop. */
  chunkElements?: number;
  now?: () => number;
}

export async function* streamSurvivingShares(
  tf: Tf,
  { seed, batch, draws, gamma, signal, chunkElements = 16_384, now = () => performance.now() }:
    SurvivingOptions,
): AsyncGenerator<SurvivingFrame> {
  seedValue(seed);
  integerAtLeast("draws", draws, 2, 100_000);
  positiveNumber("gamma", gamma);
  const sizes = batchSizes(batch);
  const order = [batch, ...sizes.filter((n) => n !== batch)];
  const rows: SurvivingRow[] = [];
  let oneBatch: SurvivingFrame["oneBatch"] = null;
  let busyMs = 0;
  let longestSliceMs = 0;
  for (const n of order) {
    const sampler = centredSampler(seed, n);
    const acc = new RunningMean();
    for (let done = 0; done < draws;) {
      const chunk = Math.min(draws - done, Math.max(1, Math.floor(chunkElements / n)));
      const started = now();
      const sample = sampler.next(chunk);
      const dx = await centredGradientTf(tf, sample, gamma);
      addShares(acc, sample, dx, gamma);
      if (n === batch && done === 0) {
        oneBatch = {
          x: Array.from(sample.x.subarray(0, n)),
          dy: Array.from(sample.dy.subarray(0, n)),
          dx: Array.from(dx.subarray(0, n)),
        };
      }
      const spent = now() - started;
      busyMs += spent;
      longestSliceMs = Math.max(longestSliceMs, spent);
      done += chunk;
      if (signal?.aborted) return;
      await macrotask();
      if (signal?.aborted) return;
    }
    const { mean, standardError } = acc.stats;
    rows.push({ n, draws, mean, standardError, theory: survivingShareTheory(n) });
    rows.sort((a, b) => a.n - b.n);
    const finished = rows.length === order.length;
    yield { rows: rows.slice(), oneBatch, done: finished, busyMs, longestSliceMs };
  }
}
