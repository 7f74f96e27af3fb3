/**
 * The cnn-training page's data shaped for its charts, without the DOM (tested in
 * tests/components/cnnRows.test.ts): accuracy curves with their spread, a live run's curves, and
 * pictures (digits, filters, feature maps) as one row per cell.
 */
import type { EpochRecord } from "../../compute/cnn-training/cnnTrainTf.js";
import {
  type Combination,
  combinationLabel,
  COMBINATIONS,
  sameCombination,
  type SummaryRow,
} from "../../compute/cnn-training/runSummary.js";

export interface SpreadRow {
  series: string;
  epoch: number;
  mean: number;
  min: number;
  max: number;
}

/** The four combinations in legend order. */
export const COMBINATION_LABELS = COMBINATIONS.map(combinationLabel);

/** One curve per combination of the summary: the chosen quantity's mean, min and max, in %. */
export function spreadRows(
  summary: readonly SummaryRow[],
  metric: "train" | "validation" | "gap",
): SpreadRow[] {
  return summary.map((row) => ({
    series: combinationLabel(row),
    epoch: row.epoch,
    mean: 100 * row[metric].mean,
    min: 100 * row[metric].min,
    max: 100 * row[metric].max,
  }));
}

export interface LiveRow {
  epoch: number;
  /** "training" or "validation" (yours), or "precomputed training" / "precomputed validation". */
  series: string;
  accuracy: number;
}

export interface GapRow {
  epoch: number;
  train: number;
  validation: number;
}

/** A live run's accuracies in %, as curve rows and as one gap row per epoch. */
export function liveRows(history: readonly EpochRecord[]): { curves: LiveRow[]; gaps: GapRow[] } {
  const curves: LiveRow[] = [];
  const gaps: GapRow[] = [];
  for (const h of history) {
    const train = 100 * h.trainAccuracy;
    const validation = 100 * h.validationAccuracy;
    curves.push({ epoch: h.epoch, series: "training", accuracy: train });
    curves.push({ epoch: h.epoch, series: "validation", accuracy: validation });
    gaps.push({ epoch: h.epoch, train, validation });
  }
  return { curves, gaps };
}

/** The precomputed mean curves of one combination, as reference rows for the live chart. */
export function referenceRows(summary: readonly SummaryRow[], combo: Combination): LiveRow[] {
  return summary.filter((row) => sameCombination(row, combo)).flatMap((row) => [
    { epoch: row.epoch, series: "precomputed training", accuracy: 100 * row.train.mean },
    { epoch: row.epoch, series: "precomputed validation", accuracy: 100 * row.validation.mean },
  ]);
}

export interface CellRow {
  /** Which picture: filter or feature map number (1-based), or 0 for a single picture. */
  panel: number;
  row: number;
  col: number;
  value: number;
}

/** Pictures given row-major (side × side each) as cell rows, panel numbers from 1. */
export function cellRows(pictures: readonly ArrayLike<number>[], side: number): CellRow[] {
  const rows: CellRow[] = [];
  pictures.forEach((values, p) => {
    if (values.length !== side * side) {
      throw new RangeError(`picture ${p + 1} must hold ${side}² values; got ${values.length}`);
    }
    for (let i = 0; i < values.length; i++) {
      rows.push({ panel: p + 1, row: Math.floor(i / side), col: i % side, value: values[i] });
    }
  });
  return rows;
}

/** Largest absolute value, at least `floor` (so an all-zero picture does not divide by 0). */
export function largestMagnitude(rows: readonly CellRow[], floor = 1e-12): number {
  let m = floor;
  for (const r of rows) m = Math.max(m, Math.abs(r.value));
  return m;
}

/** A percentage for prose and tables: one decimal. */
export const percent = (fraction: number) => `${(100 * fraction).toFixed(1)} %`;
/** Percentage points between two fractions, one decimal. */
export const points = (fraction: number) => `${(100 * fraction).toFixed(1)}`;
