/**
 * The dropout-noise page's status lines at the end of its live runs (compute/dropout-noise/
 * liveChecks.ts): a finished or stopped Monte-Carlo run, and the activation-order check.
 */
import { significant } from "../math.js";
import type { LiveFrame } from "../../compute/liveRun.js";
import type { MonteCarloFrame, OrdersFrame } from "../../compute/dropout-noise/liveChecks.js";
import { agreementText } from "./monteCarloAgreement.js";
import { activationName } from "./activationCharts.js";

type Ended<F> = F & LiveFrame & { stopped?: boolean; backend?: string };

export function monteCarloSummary(frame: Ended<MonteCarloFrame>): string {
  if (frame.stopped && frame.count === 0) {
    return "Stopped before the first draw; move a control to run again.";
  }
  const summary = agreementText(frame, frame.exact);
  return frame.stopped
    ? `Stopped after ${summary}.`
    : `${summary}. Drawing took ${Math.round(frame.elapsedMs)} ms; the longest slice ${
      frame.longestSliceMs.toFixed(0)
    } ms.`;
}

export function ordersSummary(
  frame: Ended<OrdersFrame> & { settings: { activation: string } },
): string {
  if (frame.stopped) {
    return "Stopped before the two orders were compared; move a control to run again.";
  }
  const name = activationName(frame.settings.activation);
  const { units, nonZero, maxAbsDifference, reference, backend } = frame;
  return nonZero === 0
    ? `${name} on ${backend}: the two orders agree exactly on all ${units} units (largest difference 0), in ${
      Math.round(frame.elapsedMs)
    } ms.`
    : `${name} on ${backend}: the two orders differ on ${nonZero} of ${units} units, by up to ${
      significant(maxAbsDifference, 3)
    } (double precision gives ${reference.nonZero} units, up to ${
      significant(reference.maxAbsDifference, 3)
    }).`;
}
