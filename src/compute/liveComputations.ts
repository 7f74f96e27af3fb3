/**
 * The live computations the worker runs, by name (compute/liveWorker.ts): a page names one as
 * `liveWorker.computation("<slug>/<name>")`. Only computations listed here are bundled into the
 * worker; each stays the generator its page's tests run in Deno.
 */
import { networkLive, vanishingLive } from "./initialisation/liveNetwork.js";
import { digitsTrainLive } from "./dropout-digits/liveTrain.js";
import { cnnTrainLive, digitInsideLive } from "./cnn-training/liveTrain.js";
import { adamReference, momentumReference } from "./momentum/liveReference.js";
import { liveBatchNormTf, liveWeightNormTf } from "./normalisation-geometry/liveChecks.js";
import type { LiveRegistry } from "./liveWorker.js";

export const liveComputations = {
  "initialisation/network": networkLive,
  "initialisation/vanishing": vanishingLive,
  "dropout-digits/train": digitsTrainLive,
  "cnn-training/train": cnnTrainLive,
  "cnn-training/inside": digitInsideLive,
  "momentum/adam": adamReference,
  "momentum/reference": momentumReference,
  "normalisation-geometry/batch-norm": liveBatchNormTf,
  "normalisation-geometry/weight-norm": liveWeightNormTf,
} satisfies LiveRegistry;

export type LiveComputationName = keyof typeof liveComputations;
