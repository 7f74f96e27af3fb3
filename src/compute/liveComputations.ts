/**
 * The live computations the worker runs, by name (compute/liveWorker.ts): a page names one as
 * `liveWorker.computation("<slug>/<name>")`. Only computations listed here are bundled into the
 * worker; each stays the generator its page's tests run in Deno.
 */
import { networkLive, vanishingLive } from "./initialisation/liveNetwork.js";
import { digitsTrainLive } from "./dropout-digits/liveTrain.js";
import { cnnTrainLive, digitInsideLive } from "./cnn-training/liveTrain.js";
import { filterCheck, transposeCheck } from "./convolution/liveChecks.js";
import { trainLive as dropoutToyTrainLive } from "./dropout-toy/liveTrain.js";
import { liveJacobian } from "./rnn-gradients/liveJacobian.js";
import { liveBrnnCheck } from "./rnn-gradients/liveBrnnCheck.js";
import { ridgeTrialLive } from "./double-descent/liveTrial.js";
import {
  activationOrders,
  dropoutMonteCarlo,
  gaussianMonteCarlo,
} from "./dropout-noise/liveChecks.js";
import { liveAxes, liveBackward, liveSurviving } from "./normalisation/liveChecks.js";
import { liveBlock } from "./residual/liveBlock.js";
import { liveCheck } from "./residual/liveCheck.js";
import { liveComparison } from "./residual/liveResidualTf.js";
import { adamReference, momentumReference } from "./momentum/liveReference.js";
import { liveBatchNormTf, liveWeightNormTf } from "./normalisation-geometry/liveChecks.js";
import type { LiveRegistry } from "./liveWorker.js";

export const liveComputations = {
  "initialisation/network": networkLive,
  "initialisation/vanishing": vanishingLive,
  "dropout-digits/train": digitsTrainLive,
  "cnn-training/train": cnnTrainLive,
  "cnn-training/inside": digitInsideLive,
  "convolution/filter-check": filterCheck,
  "convolution/transpose-check": transposeCheck,
  "dropout-toy/train": dropoutToyTrainLive,
  "rnn-gradients/jacobian": liveJacobian,
  "rnn-gradients/brnn-check": liveBrnnCheck,
  "double-descent/trial": ridgeTrialLive,
  "dropout-noise/dropout-monte-carlo": dropoutMonteCarlo,
  "dropout-noise/gaussian-monte-carlo": gaussianMonteCarlo,
  "dropout-noise/activation-orders": activationOrders,
  "normalisation/axes": liveAxes,
  "normalisation/surviving": liveSurviving,
  "normalisation/backward": liveBackward,
  "residual/block": liveBlock,
  "residual/check": liveCheck,
  "residual/network": liveComparison,
  "momentum/adam": adamReference,
  "momentum/reference": momentumReference,
  "normalisation-geometry/batch-norm": liveBatchNormTf,
  "normalisation-geometry/weight-norm": liveWeightNormTf,
} satisfies LiveRegistry;

export type LiveComputationName = keyof typeof liveComputations;
