/**
 * The live training section's status lines, without the DOM (tested in
 * tests/components/cnn-training/runStatus.test.ts). A finished run is reported as a result only if it
 * learned: a loss that stopped being finite, a last epoch worse than guessing, or accuracy at or
 * below chance is named as such, so a broken run (a backend's bad kernel, too large a step) is
 * never read as a measurement.
 */
import { DIGIT_CLASSES } from "../../compute/digitSet.js";
import type { CnnRunState, EpochRecord } from "../../compute/cnn-training/cnnTrainTf.js";
import type { CnnSettings } from "../../compute/cnn-training/settings.js";
import { percent, points } from "./cnnRows.js";

/** Accuracy of guessing: one class in DIGIT_CLASSES. */
export const CHANCE_ACCURACY = 1 / DIGIT_CLASSES;
/** Cross-entropy of the uniform guess, ln 10: a mean loss above it is worse than knowing nothing. */
export const GUESS_LOSS = Math.log(DIGIT_CLASSES);

type RunState = Pick<
  CnnRunState,
  "history" | "stepsDone" | "totalSteps" | "elapsedMs" | "diverged" | "testAccuracy"
>;

export function runLabel(s: CnnSettings): string {
  return `${s.batchNorm ? "batch norm" : "no batch norm"}, ${
    s.dropout ? `dropout ${s.dropRate}` : "no dropout"
  }, batch ${s.batchSize}, learning rate ${s.learningRate}, seed ${s.seed}`;
}

export function accuracies(h: EpochRecord): string {
  return `training ${percent(h.trainAccuracy)}, validation ${percent(h.validationAccuracy)} (gap ${
    points(h.trainAccuracy - h.validationAccuracy)
  } points)`;
}

export function progressText(state: RunState, epochs: number): string {
  const h = state.history.at(-1);
  const epoch = Math.min(epochs, Math.floor(state.stepsDone / (state.totalSteps / epochs)) + 1);
  return `Epoch ${epoch} of ${epochs}, step ${state.stepsDone} of ${state.totalSteps}${
    h ? `; after epoch ${h.epoch}: ${accuracies(h)}` : ""
  }…`;
}

export function stoppedText(state: RunState | undefined): string {
  const h = state?.history.at(-1);
  return `Stopped after ${state?.stepsDone ?? 0} of ${state?.totalSteps ?? "?"} steps${
    h ? `; after epoch ${h.epoch}: ${accuracies(h)}` : ""
  }.`;
}

/**
 * Why a finished run is not a result, or null when it learned. Checked in this order: a loss
 * that is not finite (the trainer stops there), an accuracy that is not a number, a last epoch's
 * mean loss above ln 10, and a validation or test accuracy at or below chance.
 */
export function runFailure(state: RunState): string | null {
  const h = state.history.at(-1);
  const chance = percent(CHANCE_ACCURACY);
  if (state.diverged) {
    return `Diverged: the mean training loss of epoch ${state.history.length} is not a finite ` +
      `number, so the run stopped there; try a smaller learning rate.`;
  }
  const values = [h?.trainAccuracy, h?.validationAccuracy, state.testAccuracy];
  if (!h || values.some((v) => v === undefined || !Number.isFinite(v))) {
    return "Failed: the run produced no accuracy, or one that is not a number (NaN).";
  }
  if (h.loss !== null && h.loss > GUESS_LOSS) {
    return `Diverged: the mean training loss of epoch ${h.epoch} is ${h.loss.toFixed(2)}, above ` +
      `ln ${DIGIT_CLASSES} = ${GUESS_LOSS.toFixed(2)}, the loss of guessing uniformly; ` +
      `validation ${percent(h.validationAccuracy)}, test ${percent(state.testAccuracy!)}.`;
  }
  if (Math.min(h.validationAccuracy, state.testAccuracy!) <= CHANCE_ACCURACY) {
    return `Did not learn: after epoch ${h.epoch} validation accuracy is ` +
      `${percent(h.validationAccuracy)} and test accuracy ${percent(state.testAccuracy!)}, no ` +
      `better than chance (${chance}, one of ${DIGIT_CLASSES} digits).`;
  }
  return null;
}

export function doneText(state: RunState, backend: string, epochs: number): string {
  const failure = runFailure(state);
  if (failure) return `${failure} (${backend})`;
  const h = state.history.at(-1)!;
  const seconds = state.elapsedMs / 1000;
  return `Done: ${epochs} epoch${epochs === 1 ? "" : "s"} in ${
    seconds.toFixed(1)
  } s on ${backend} (${
    (seconds / epochs).toFixed(2)
  } s an epoch, scoring included). After epoch ${h.epoch}: ${accuracies(h)}; test accuracy ${
    percent(state.testAccuracy!)
  }.`;
}
