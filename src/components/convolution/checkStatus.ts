/**
 * The status lines of the convolution page's two TensorFlow.js checks (compute/convolution/
 * liveChecks.ts), for a finished or a stopped run. A stopped run, or a frame without tfjs's answer,
 * says it was stopped before the answer was read: the page's exact result stands, unchecked this
 * time. (The checks run in the live worker, whose answer can still arrive after the page sent
 * Stop; the page does not show it then.)
 */
import { sciText } from "../math.js";
import { signed } from "../cellDiagram.js";
import type {
  FilterCheckFrame,
  TransposeCheckFrame,
} from "../../compute/convolution/liveChecks.js";

/** (2, −1, 3): a vector as the page prints it. */
export const vectorText = (values: readonly number[]) => `(${values.map(signed).join(", ")})`;

const gapText = (gap: number) => gap === 0 ? "0" : sciText(gap, 2);

/** A frame as the section hands it to the status line: `stopped` on a run the reader stopped. */
type Ended<F> = F & { stopped?: boolean };

export function filterCheckStatus(frame: Ended<FilterCheckFrame>): string {
  const { filter, got, gap, stopped } = frame;
  if (!filter) {
    return "No filter fits these outputs, so there is nothing for TensorFlow.js to check.";
  }
  if (stopped || !got || gap === undefined) {
    return `Stopped before TensorFlow.js's answer was read: the filter ${
      vectorText(filter)
    } above was solved exactly, but TensorFlow.js has not checked it this time.`;
  }
  return `TensorFlow.js's conv1d (no flip) of the signal with ${vectorText(filter)} gives ${
    vectorText(got)
  }; the largest difference from the outputs asked for is ${gapText(gap)} (float32 rounding).`;
}

export function transposeCheckStatus(frame: Ended<TransposeCheckFrame>): string {
  const { stride, padding, error, got, gap, stopped } = frame;
  if (error) return `Nothing to check at stride ${stride}, padding ${padding}: ${error}.`;
  if (stopped || !got || gap === undefined) {
    return `Stopped before TensorFlow.js's answer was read: the scatter-add output above (stride ${stride}, padding ${padding}) stands, but TensorFlow.js has not checked it this time.`;
  }
  return `TensorFlow.js's conv2dTranspose at stride ${stride}, padding ${padding} gives the same ${got.length} × ${
    got[0].length
  } output as the scatter-add; largest difference ${gapText(gap)}.`;
}
