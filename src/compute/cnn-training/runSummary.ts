/**
 * Precomputed CNN runs and their summary: for each of the four batch-norm × dropout combinations
 * and each epoch, the mean, smallest and largest training accuracy, validation accuracy and gap
 * (training − validation) over the seeds. The loader writes these; the page and the tests read
 * them (findings.ts).
 */
import type { EpochRecord } from "./cnnTrainTf.js";

export interface Combination {
  batchNorm: boolean;
  dropout: boolean;
}

export const COMBINATIONS: readonly Combination[] = [
  { batchNorm: false, dropout: false },
  { batchNorm: false, dropout: true },
  { batchNorm: true, dropout: false },
  { batchNorm: true, dropout: true },
];

/** "batch norm + dropout", "batch norm", "dropout", "neither". */
export function combinationLabel({ batchNorm, dropout }: Combination): string {
  if (batchNorm && dropout) return "batch norm + dropout";
  if (batchNorm) return "batch norm";
  if (dropout) return "dropout";
  return "neither";
}

export interface PrecomputedRun extends Combination {
  seed: number;
  history: EpochRecord[];
  testAccuracy: number;
}

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

export interface SummaryRow extends Combination {
  epoch: number;
  seeds: number;
  train: Spread;
  validation: Spread;
  /** Training minus validation accuracy. */
  gap: Spread;
}

export function spreadOf(values: number[]): Spread {
  if (values.length === 0) throw new RangeError("a spread needs at least one value");
  return {
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export const sameCombination = (a: Combination, b: Combination) =>
  a.batchNorm === b.batchNorm && a.dropout === b.dropout;

export function summariseCnnRuns(runs: readonly PrecomputedRun[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const combo of COMBINATIONS) {
    const mine = runs.filter((r) => sameCombination(r, combo));
    if (mine.length === 0) continue;
    const epochs = mine[0].history.length;
    if (mine.some((r) => r.history.length !== epochs)) {
      throw new RangeError(`runs of "${combinationLabel(combo)}" differ in length`);
    }
    for (let e = 0; e < epochs; e++) {
      const at = mine.map((r) => r.history[e]);
      rows.push({
        ...combo,
        epoch: at[0].epoch,
        seeds: mine.length,
        train: spreadOf(at.map((h) => h.trainAccuracy)),
        validation: spreadOf(at.map((h) => h.validationAccuracy)),
        gap: spreadOf(at.map((h) => h.trainAccuracy - h.validationAccuracy)),
      });
    }
  }
  return rows;
}
