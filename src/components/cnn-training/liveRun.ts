/**
 * What the cnn-training page says about its live computations (compute/cnn-training/
 * liveTrain.ts): the training run's end status and test hook (its lines are runStatus.ts's), the
 * inside view's status line, and the box its wide tables scroll in.
 */
import type { CnnSettings } from "../../compute/cnn-training/settings.js";
import type {
  CnnTrainFrame,
  InsideFrame,
  InsideNetwork,
} from "../../compute/cnn-training/liveTrain.js";
import { doneText, runFailure, runLabel, stoppedText } from "./runStatus.js";
import { percent } from "./cnnRows.js";
import { scrollBox } from "../scrollBox.js";

/** A training frame as the page's runner hands it over. */
export type CnnShown = CnnTrainFrame & {
  settings: CnnSettings;
  backend?: string;
  elapsedMs: number;
  stopped?: boolean;
};

/** The status line at the end of a training run, finished (a result or a failure) or stopped. */
export function cnnSummary(frame: CnnShown): string {
  return frame.stopped
    ? stoppedText(frame)
    : doneText(frame, frame.backend ?? "", frame.settings.epochs);
}

/**
 * The page's test hook `lastCnnRun`: for a finished run its accuracies, losses, timings (the
 * trainer's own longest slice of work) and failure (or null); for a stopped one what it had.
 */
export function cnnRunHook(frame: CnnShown) {
  const { settings, history, backend } = frame;
  if (frame.stopped) return { settings, history, stopped: true, backend };
  return {
    settings,
    history,
    firstStepLoss: frame.firstStepLoss,
    testAccuracy: frame.testAccuracy,
    elapsedMs: frame.elapsedMs,
    epochMs: frame.epochMs,
    longestSliceMs: frame.workSliceMs,
    backend,
    stopped: false,
    failure: runFailure(frame),
  };
}

/**
 * The network a finished run trained, for the inside view; null for a stopped run, and for one
 * that diverged, which stopped before its weights came back (one that did not learn still has
 * them, and looking inside it shows why).
 */
export function trainedNetwork(frame: CnnShown): InsideNetwork | null {
  if (frame.stopped || !frame.weights || !frame.running) return null;
  return {
    weights: frame.weights,
    running: frame.running,
    batchNorm: frame.settings.batchNorm,
    label: `your last run (${runLabel(frame.settings)})`,
  };
}

/** The inside view's status line: the digit, its label and the network's answer. */
export function insideSummary(frame: Partial<InsideFrame> & { digit: number; network: string }) {
  const { digit, label, network, probabilities, guess } = frame;
  if (!probabilities || guess === undefined) {
    return `Stopped before test digit ${digit} came back from ${network}.`;
  }
  return `Test digit ${digit} is a ${label}; ${network} says ${guess} (${
    percent(probabilities[guess])
  }).`;
}

/**
 * A table that may be wider than a phone, in the shared scrolling box. Row labels sit at the top
 * of their row, like the values: the theme puts th at the bottom and td at the top, which at phone
 * widths, where cells wrap, sets a label a line off its values.
 */
export function tableBox(table: HTMLTableElement, label: string): HTMLDivElement {
  for (const th of table.querySelectorAll<HTMLElement>("tbody th")) th.style.verticalAlign = "top";
  return scrollBox(table, label);
}
