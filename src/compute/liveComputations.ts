/**
 * The live computations the worker runs, by name (compute/liveWorker.ts): a page names one as
 * `liveWorker.computation("<slug>/<name>")`. Only computations listed here are bundled into the
 * worker; each stays the generator its page's tests run in Deno.
 */
import { networkLive, vanishingLive } from "./initialisation/liveNetwork.js";
import { digitsTrainLive } from "./dropout-digits/liveTrain.js";
import { cnnTrainLive, digitInsideLive } from "./cnn-training/liveTrain.js";
import { liveAxes, liveBackward, liveSurviving } from "./normalisation/liveChecks.js";
import { liveBlock } from "./residual/liveBlock.js";
import { liveCheck } from "./residual/liveCheck.js";
import { liveComparison } from "./residual/liveResidualTf.js";
import type { LiveRegistry } from "./liveWorker.js";

export const liveComputations = {
  "initialisation/network": networkLive,
  "initialisation/vanishing": vanishingLive,
  "dropout-digits/train": digitsTrainLive,
  "cnn-training/train": cnnTrainLive,
  "cnn-training/inside": digitInsideLive,
  "normalisation/axes": liveAxes,
  "normalisation/surviving": liveSurviving,
  "normalisation/backward": liveBackward,
  "residual/block": liveBlock,
  "residual/check": liveCheck,
  "residual/network": liveComparison,
} satisfies LiveRegistry;

export type LiveComputationName = keyof typeof liveComputations;
