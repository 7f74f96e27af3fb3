/** The double-descent page's prediction card: where does the peak go when N_train halves (predictionCard.ts)? */
import type { PredictionSpec } from "../predictionCard.js";
import {
  DEFAULT_NTRAIN,
  PEAK_SETTING,
  type PeakShift,
  SAME_PLACE,
} from "../../compute/double-descent/predictions.js";
import { num } from "../math.js";

const from = num(DEFAULT_NTRAIN, 0);
const to = num(PEAK_SETTING.ntrain, 0);

export const peakPrediction: PredictionSpec<PeakShift> = {
  name: "peak",
  question:
    `At N_train = ${from} the test error peaks near p = ${from}. Halve N_train to ${to}: where does the peak go?`,
  options: [
    { id: "left", label: "left, to fewer features" },
    { id: "right", label: "right, to more features" },
    { id: "stays", label: `it stays within ${num(100 * SAME_PLACE, 0)} % of p = ${from}` },
  ],
  setting: PEAK_SETTING,
  settingText: `N_train = ${to}, d = ${num(PEAK_SETTING.d, 0)}, σ = ${
    num(PEAK_SETTING.sigma, 1)
  }, λ = ${num(PEAK_SETTING.lambda, 2)}, seed ${num(PEAK_SETTING.seed, 0)}`,
  describe: (outcome) =>
    `the live trial's test error is now largest at p = ${num(outcome.peakP, 0)}, against p = ${
      num(outcome.referenceP, 0)
    } where the question started.`,
};
