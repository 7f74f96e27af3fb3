/**
 * Runs of the digit MLP over several seeds, summarised the way the page shows them: per epoch and
 * for the final test scores, the mean over seeds, the sample standard deviation and the range.
 * The gap is training accuracy minus validation accuracy (the gap homework 5, 6(c), speaks of); the drop is
 * the test accuracy with the cheating block honest minus with it noise, a measure of how much the
 * network leans on the block.
 */
import type { EpochRecord, TestRecord } from "./mlpTrainTf.js";

export interface DigitRun {
  seed: number;
  epochs: EpochRecord[];
  test: TestRecord;
}

export interface SeedSpread {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single run. */
  sd: number;
  min: number;
  max: number;
}

export function seedSpread(values: readonly number[]): SeedSpread {
  if (values.length === 0) throw new RangeError("seedSpread needs at least one value");
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return {
    mean,
    sd: values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Training minus validation accuracy at the end of an epoch. */
export function accuracyGap(record: EpochRecord): number {
  return record.trainAccuracy - record.validationAccuracy;
}

/** What handing the network the right answer instead of noise is worth on the test digits. */
export function cheatDrop(test: TestRecord): number {
  return test.honest - test.noise;
}

export interface EpochSpread {
  epoch: number;
  train: SeedSpread;
  validation: SeedSpread;
  gap: SeedSpread;
}

export interface RunsSummary {
  epochs: EpochSpread[];
  test: Record<keyof TestRecord | "drop", SeedSpread>;
  /** The gap after the last epoch. */
  finalGap: SeedSpread;
}

export function summariseDigitRuns(runs: readonly DigitRun[]): RunsSummary {
  if (runs.length === 0) throw new RangeError("summariseDigitRuns needs at least one run");
  const length = runs[0].epochs.length;
  if (runs.some((r) => r.epochs.length !== length)) {
    throw new RangeError("summariseDigitRuns: every run must have the same number of epochs");
  }
  const epochs = runs[0].epochs.map((_, e) => ({
    epoch: e,
    train: seedSpread(runs.map((r) => r.epochs[e].trainAccuracy)),
    validation: seedSpread(runs.map((r) => r.epochs[e].validationAccuracy)),
    gap: seedSpread(runs.map((r) => accuracyGap(r.epochs[e]))),
  }));
  const of = (f: (t: TestRecord) => number) => seedSpread(runs.map((r) => f(r.test)));
  return {
    epochs,
    test: {
      noise: of((t) => t.noise),
      honest: of((t) => t.honest),
      blank: of((t) => t.blank),
      followed: of((t) => t.followed),
      drop: of(cheatDrop),
    },
    finalGap: epochs[length - 1].gap,
  };
}
