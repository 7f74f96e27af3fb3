/**
 * The cnn-training page's longer pieces of text and its two tables: the charts' one-sentence
 * descriptions, the "ahead on every seed" phrases of the findings, the table of layers and the
 * table of final accuracies. Numbers are formatted as the page prints them (cnnRows.ts).
 */
import { combinationLabel, COMBINATIONS } from "../../compute/cnn-training/runSummary.js";
import type { PrecomputedRun } from "../../compute/cnn-training/runSummary.js";
import type { Comparison } from "../../compute/cnn-training/findings.js";
import type { EpochRecord } from "../../compute/cnn-training/cnnTrainTf.js";
import type { InsideFrame } from "../../compute/cnn-training/liveTrain.js";
import type { CnnSettings } from "../../compute/cnn-training/settings.js";
import {
  CNN_FILTERS,
  CNN_KERNEL,
  type CnnLayerRow,
  CONV_SIDE,
} from "../../compute/cnn-training/architecture.js";
import { DIGIT_CLASSES, DIGIT_SIDE } from "../../compute/digitSet.js";
import { valueTable } from "../valueTable.js";
import { type CellRow, percent, points, type SpreadRow } from "./cnnRows.js";
import { runLabel } from "./runStatus.js";
import { tableBox } from "./liveRun.js";

const count = (n: number) => n.toLocaleString("en");
/** A percentage without its sign, for table cells headed "(%)". */
const pct = (fraction: number) => (100 * fraction).toFixed(1);

/** "on every one of the 3 seeds", or "on 2 of 3 seeds": where the first of a pair was ahead. */
export function everySeed(c: Pick<Comparison, "firstAheadOn" | "seeds">): string {
  return c.firstAheadOn === c.seeds
    ? `on every one of the ${c.seeds} seeds`
    : `on ${c.firstAheadOn} of ${c.seeds} seeds`;
}

/**
 * Where the first of each of two pairs was ahead: "on every one of the 3 seeds in both pairs", or
 * each pair's count, "… without dropout and … with it" (`switched` names the other switch).
 */
export function aheadInBothPairs(
  without: Comparison,
  withIt: Comparison,
  seeds: number,
  switched: string,
): string {
  return without.firstAheadOn === without.seeds && withIt.firstAheadOn === withIt.seeds
    ? `on every one of the ${seeds} seeds in both pairs`
    : `${everySeed(without)} without ${switched} and ${everySeed(withIt)} with it`;
}

const at = (rows: readonly SpreadRow[], series: string, epoch: number) =>
  rows.find((d) => d.series === series && d.epoch === epoch)!.mean.toFixed(1);

export function validationDescription(
  rows: readonly SpreadRow[],
  last: number,
  seeds: number,
): string {
  const final = rows.filter((d) => d.epoch === last).map((d) => d.mean);
  return `Validation accuracy against epoch for the ${COMBINATIONS.length} combinations, ${seeds} seeds each: after epoch 1 the runs with batch norm score ${
    at(rows, "batch norm", 1)
  } % and ${at(rows, "batch norm + dropout", 1)} % against ${at(rows, "neither", 1)} % and ${
    at(rows, "dropout", 1)
  } % without it; at epoch ${last} all ${COMBINATIONS.length} lie between ${
    Math.min(...final).toFixed(1)
  } % and ${Math.max(...final).toFixed(1)} %.`;
}

export function gapDescription(rows: readonly SpreadRow[], last: number): string {
  return `The gap between training and validation accuracy, in percentage points, against epoch: at epoch ${last} it is ${
    at(rows, "neither", last)
  } without dropout and ${at(rows, "dropout", last)} with it (no batch norm), ${
    at(rows, "batch norm", last)
  } and ${at(rows, "batch norm + dropout", last)} with batch norm.`;
}

export function liveDescription(
  history: readonly EpochRecord[],
  settings: CnnSettings,
  seeds: number,
): string {
  const h = history.at(-1);
  if (!h) return `Waiting for the first scores of your run (${runLabel(settings)}).`;
  return `Your run (${runLabel(settings)}), ${
    history.length - 1
  } of ${settings.epochs} epochs: training accuracy ${percent(h.trainAccuracy)}, validation ${
    percent(h.validationAccuracy)
  }, gap ${
    points(h.trainAccuracy - h.validationAccuracy)
  } points; the shaded band between the curves is the gap, and the dashed lines are the precomputed means for the same switches (${seeds} seeds).`;
}

export function filtersDescription(network: string, cells: readonly CellRow[]): string {
  return `The ${CNN_FILTERS} filters of ${network}, ${CNN_KERNEL} × ${CNN_KERNEL} weights each: blue cells are positive weights, red negative, and the largest weight in size, ${
    Math.max(...cells.map((d) => Math.abs(d.value))).toFixed(2)
  }, is drawn at full strength.`;
}

export function mapsDescription(inside: InsideFrame | null, cells: readonly CellRow[]): string {
  if (!inside) return "Waiting for TensorFlow.js.";
  const zero = cells.filter((d) => d.value === 0).length / Math.max(1, cells.length);
  return `The ${CNN_FILTERS} feature maps (${CONV_SIDE} × ${CONV_SIDE}) of test digit ${inside.digit}, a ${inside.label}, after batch norm and ReLU; the strongest answer, ${
    Math.max(...cells.map((d) => d.value)).toFixed(2)
  }, is drawn strongest and ${percent(zero)} of the cells are zero.`;
}

export function digitDescription(inside: InsideFrame | null, testCount: number): string {
  if (!inside) return "Waiting for the digits.";
  return `Test digit ${inside.digit} of ${
    count(testCount)
  }, labelled ${inside.label}, as ${DIGIT_SIDE} × ${DIGIT_SIDE} grey levels (stronger cells hold more ink).`;
}

export function predictionDescription(inside: InsideFrame | null): string {
  if (!inside) return "Waiting for the network's answer.";
  const { probabilities: p, guess, label, digit } = inside;
  return `The softmax of the ${DIGIT_CLASSES} scores for test digit ${digit}: the network gives ${
    percent(p[guess])
  } to ${guess}${
    guess === label
      ? ", the right answer"
      : ` and ${percent(p[label])} to the right answer, ${label}`
  }.`;
}

/** The network's layers, what each outputs per digit and its parameters, in a scrolling box. */
export function layerTable(layers: readonly CnnLayerRow[]): HTMLDivElement {
  const table = valueTable(
    [
      { label: "layer", format: (d: CnnLayerRow) => d.layer },
      { label: "output per digit", format: (d: CnnLayerRow) => d.output },
      { label: "parameters", format: (d: CnnLayerRow) => count(d.parameters) },
      { label: "count", format: (d: CnnLayerRow) => d.formula },
    ],
    layers,
    { className: "cnn-layers" },
  );
  return tableBox(table, "Layers of the network with batch norm");
}

export interface ResultRow {
  label: string;
  /** Means over seeds at the last epoch. */
  train: number;
  validation: number;
  gap: number;
  /** Test accuracy: mean and range over seeds. */
  test: number;
  lo: number;
  hi: number;
}

/** Each combination's final accuracies, means over its seeds, in legend order. */
export function resultRows(runs: readonly PrecomputedRun[]): ResultRow[] {
  return ["neither", "dropout", "batch norm", "batch norm + dropout"].map((label) => {
    const mine = runs.filter((r) => combinationLabel(r) === label);
    const finalOf = (r: PrecomputedRun) => r.history[r.history.length - 1];
    const mean = (f: (r: PrecomputedRun) => number) =>
      mine.reduce((s, r) => s + f(r), 0) / mine.length;
    return {
      label,
      train: mean((r) => finalOf(r).trainAccuracy),
      validation: mean((r) => finalOf(r).validationAccuracy),
      gap: mean((r) => finalOf(r).trainAccuracy - finalOf(r).validationAccuracy),
      test: mean((r) => r.testAccuracy),
      lo: Math.min(...mine.map((r) => r.testAccuracy)),
      hi: Math.max(...mine.map((r) => r.testAccuracy)),
    };
  });
}

/** The table of final accuracies of the precomputed runs, in a scrolling box. */
export function resultTable(rows: readonly ResultRow[], last: number): HTMLDivElement {
  const table = valueTable(
    [
      { label: "combination", format: (d: ResultRow) => d.label },
      { label: `training (%), epoch ${last}`, format: (d: ResultRow) => pct(d.train) },
      { label: `validation (%), epoch ${last}`, format: (d: ResultRow) => pct(d.validation) },
      { label: "gap (points)", format: (d: ResultRow) => points(d.gap) },
      {
        label: "test (%), mean (range)",
        format: (d: ResultRow) => `${pct(d.test)} (${pct(d.lo)}–${pct(d.hi)})`,
      },
    ],
    rows,
    { className: "cnn-results" },
  );
  return tableBox(table, "Final accuracies of the precomputed runs, means over seeds");
}
