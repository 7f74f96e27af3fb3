/**
 * A worker that runs sweep trials for runSweepTrials (precompute.ts): one reply per request, the
 * trial's errors or the message of what went wrong.
 */
import { runSweepTrial } from "./doubleDescent.js";
import type { TrialReply, TrialRequest } from "./precompute.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<TrialRequest>) => void) | null;
  postMessage(message: TrialReply): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { config, trial, withSpectra } = event.data;
  try {
    scope.postMessage({ trial, result: runSweepTrial(config, trial, withSpectra) });
  } catch (error) {
    scope.postMessage({ trial, error: (error as Error).message });
  }
};
