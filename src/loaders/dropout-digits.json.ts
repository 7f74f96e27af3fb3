/**
 * Data loader for the dropout-digits page: the digit MLP with the cheating feature trained for the
 * full length of the grid, without dropout and with it, for several seeds, so the page shows the
 * answer before a reader trains anything.
 *
 * The runs are the page's own trainer (src/compute/dropout-digits/mlpTrainTf.ts) on TensorFlow.js's CPU
 * backend, which is plain deterministic JavaScript: the same grid gives the same bytes on every
 * run. The digits are the ones the page reads from mnist-digits.bin, taken from the mnist package
 * with the same split (PER_CLASS, SPLIT_SEED).
 *
 * Input: data/dropout-digits.json, or the grid file named by the first CLI argument (the tests
 * feed it small and bad grids that way). The JSON goes to stdout in one write at the end, so a
 * failure leaves stdout empty; progress and errors go to stderr, and any problem exits with 1.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// Registers tfjs-core's gradients (Deno cannot import tfjs-core's extensionless ES module that
// does this alone); the CPU backend above stays the one in use.
import "@tensorflow/tfjs";
import { splitDigits } from "../compute/digitSet.js";
import { type DigitMlpOptions, resolveMlpOptions } from "../compute/dropout-digits/mlpOptions.js";
import { type DigitMlpFrame, trainDigitMlpTf } from "../compute/dropout-digits/mlpTrainTf.js";
import { type DigitRun, summariseDigitRuns } from "../compute/dropout-digits/digitRuns.js";
import { SCORED_PER_CLASS } from "../compute/dropout-digits/mlpSetup.js";
import { seedValue } from "../compute/validate.js";
import type { DigitSplits } from "../compute/digitSet.js";
import { readMnistByClass } from "./shared/mnistSource.js";
import { PER_CLASS, SPLIT_SEED } from "./mnist-digits.bin.js";

export interface DigitGrid {
  note?: string;
  /** Settings shared by every run; keepInput and keepHidden are 1 for the run without dropout. */
  base: Omit<DigitMlpOptions, "seed" | "keepInput" | "keepHidden">;
  dropout: { keepInput: number; keepHidden: number };
  seeds: number[];
}

/** The grid file's fields, checked with the trainer's own bounds. */
export function gridFromJson(raw: unknown): DigitGrid {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new RangeError("grid must be a JSON object");
  }
  const g = raw as Record<string, unknown>;
  const dropout = g.dropout as Record<string, unknown> | undefined;
  if (dropout === null || typeof dropout !== "object") {
    throw new RangeError("grid.dropout must be an object {keepInput, keepHidden}");
  }
  if (!Array.isArray(g.seeds) || g.seeds.length === 0) {
    throw new RangeError("grid.seeds must be a non-empty array of seeds");
  }
  const seeds = g.seeds.map((s, i) => seedValue(s, `grid.seeds[${i}]`));
  if (new Set(seeds).size !== seeds.length) throw new RangeError("grid.seeds repeats a seed");
  if (g.note !== undefined && typeof g.note !== "string") {
    throw new RangeError("grid.note must be a string");
  }
  const { keepInput, keepHidden, seed: _, ...base } = resolveMlpOptions({
    hidden: g.hidden as number,
    batchSize: g.batchSize as number,
    learningRate: g.learningRate as number,
    epochs: g.epochs as number,
    strength: g.strength as number,
    perClass: g.perClass as number,
    keepInput: dropout.keepInput as number,
    keepHidden: dropout.keepHidden as number,
    seed: seeds[0],
  });
  return {
    ...(g.note !== undefined ? { note: g.note as string } : {}),
    base,
    dropout: { keepInput, keepHidden },
    seeds,
  };
}

const round = (v: number) => Number(v.toPrecision(6));

/** One run to its end, as the page would run it (on whatever backend `tf` has). */
export async function runToEnd(
  splits: DigitSplits,
  options: DigitMlpOptions,
): Promise<DigitRun> {
  let last: DigitMlpFrame | undefined;
  for await (const frame of trainDigitMlpTf(tf, splits, options)) last = frame;
  if (!last?.test) throw new Error(`run with seed ${options.seed} ended without test scores`);
  return { seed: options.seed, epochs: last.epochs, test: last.test };
}

function roundRun(run: DigitRun) {
  return {
    seed: run.seed,
    epochs: run.epochs.map((e) => ({
      epoch: e.epoch,
      trainAccuracy: round(e.trainAccuracy),
      validationAccuracy: round(e.validationAccuracy),
      meanLoss: e.meanLoss === null ? null : round(e.meanLoss),
    })),
    test: {
      noise: round(run.test.noise),
      honest: round(run.test.honest),
      blank: round(run.test.blank),
      followed: round(run.test.followed),
    },
  };
}

function roundSummary(summary: ReturnType<typeof summariseDigitRuns>) {
  const r = (s: { mean: number; sd: number; min: number; max: number }) => ({
    mean: round(s.mean),
    sd: round(s.sd),
    min: round(s.min),
    max: round(s.max),
  });
  return {
    epochs: summary.epochs.map((e) => ({
      epoch: e.epoch,
      train: r(e.train),
      validation: r(e.validation),
      gap: r(e.gap),
    })),
    test: Object.fromEntries(Object.entries(summary.test).map(([k, v]) => [k, r(v)])),
    finalGap: r(summary.finalGap),
  };
}

/** Every run of the grid and the summaries the page shows. */
export async function digitRunsOutput(
  grid: DigitGrid,
  splits: DigitSplits,
  log: (line: string) => void = () => {},
) {
  const conditions = [
    { name: "without dropout", keepInput: 1, keepHidden: 1 },
    { name: "with dropout", ...grid.dropout },
  ];
  const out = [];
  for (const condition of conditions) {
    const runs: DigitRun[] = [];
    for (const seed of grid.seeds) {
      const started = performance.now();
      const { keepInput, keepHidden } = condition;
      runs.push(await runToEnd(splits, { ...grid.base, keepInput, keepHidden, seed }));
      log(`${condition.name}, seed ${seed}: ${(performance.now() - started).toFixed(0)} ms`);
    }
    out.push({
      ...condition,
      runs: runs.map(roundRun),
      summary: roundSummary(summariseDigitRuns(runs)),
    });
  }
  return {
    config: {
      ...(grid.note !== undefined ? { note: grid.note } : {}),
      ...grid.base,
      dropout: grid.dropout,
      seeds: grid.seeds,
      scoredPerClass: Math.min(SCORED_PER_CLASS, grid.base.perClass),
      digits: {
        train: grid.base.perClass * 10,
        validation: splits.validation.count,
        test: splits.test.count,
      },
      backend: tf.getBackend(),
    },
    conditions: out,
  };
}

if (import.meta.main) {
  const started = performance.now();
  const path = Deno.args[0] ??
    new URL("../../data/dropout-digits.json", import.meta.url).pathname;
  let output = "";
  try {
    const grid = gridFromJson(JSON.parse(await Deno.readTextFile(path)));
    if (!(await tf.setBackend("cpu"))) throw new Error("the tfjs CPU backend did not start");
    const splits = splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED);
    console.error(
      `dropout-digits: ${grid.seeds.length} seeds × 2 runs of ${grid.base.epochs} epochs from ${path}`,
    );
    const result = await digitRunsOutput(grid, splits, (line) => console.error(`  ${line}`));
    output = JSON.stringify(result);
  } catch (error) {
    console.error(`dropout-digits: FAILED (${path}): ${(error as Error).message}`);
    Deno.exit(1);
  }
  console.log(output);
  console.error(`dropout-digits: done in ${(performance.now() - started).toFixed(0)} ms`);
}
