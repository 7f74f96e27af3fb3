/**
 * Whether a finished (or stopped) live run of the digit MLP is a result at all. A run whose loss
 * became NaN, whose training loss ended above that of guessing uniformly (ln 10, the loss an
 * untrained network starts near), or whose accuracy ended below chance (1 in 10) has failed,
 * and the page must say so instead of reporting its numbers as if they meant something.
 */
import { DIGIT_CLASSES } from "../digitSet.js";
import type { EpochRecord, TestRecord } from "./mlpTrainTf.js";

/** Accuracy of guessing a class at random. */
export const CHANCE_ACCURACY = 1 / DIGIT_CLASSES;

/** Cross-entropy of predicting every class with probability 1/10. */
export const GUESSING_LOSS = Math.log(DIGIT_CLASSES);

export interface RunToCheck {
  epochs: readonly EpochRecord[];
  test?: TestRecord;
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/** What went wrong with a run, as a phrase ("its loss became NaN"), or undefined for a sound run. */
export function digitRunProblem(run: RunToCheck): string | undefined {
  const trained = run.epochs.filter((e) => e.epoch > 0);
  const numbers = [
    ...run.epochs.flatMap((e) => [e.trainAccuracy, e.validationAccuracy]),
    ...trained.map((e) => e.meanLoss ?? NaN),
    ...(run.test ? [run.test.noise, run.test.honest, run.test.blank] : []),
  ];
  if (numbers.some(Number.isNaN)) return "produced NaN (its loss or its outputs are not numbers)";
  const last = trained.at(-1);
  if (last && !(last.meanLoss! <= GUESSING_LOSS)) {
    const loss = last.meanLoss!;
    // No exponent notation for the reader: a loss this far gone is just "over 10,000".
    const shown = loss < 1e4 ? loss.toFixed(2) : "over 10,000";
    return `diverged: its training loss ended at ${shown}, above the ${
      GUESSING_LOSS.toFixed(2)
    } of guessing every class alike`;
  }
  if (!last) return undefined;
  const accuracy = run.test?.noise ?? last.validationAccuracy;
  const measure = run.test ? "clean test accuracy" : "validation accuracy";
  if (accuracy < CHANCE_ACCURACY) {
    return `ended below chance: ${measure} ${pct(accuracy)}, under the ${
      pct(CHANCE_ACCURACY)
    } of guessing`;
  }
  return undefined;
}
