/** The normalisation-geometry page's prediction card: batch norm's outputs at m = 2 (predictionCard.ts). */
import type { PredictionSpec } from "../predictionCard.js";
import {
  type OutputShape,
  TWO_BATCH_SETTING,
} from "../../compute/normalisation-geometry/predictions.js";
import { num } from "../math.js";

const { mean, variance, beta, gamma, batch, seed } = TWO_BATCH_SETTING;

export const twoBatchPrediction: PredictionSpec<OutputShape> = {
  name: "two-batch",
  question: `Shrink the batch to m = ${num(batch, 0)}. What do batch norm's outputs look like?`,
  options: [
    { id: "single", label: `every output is β = ${num(beta, 0)}` },
    {
      id: "two",
      label: `only two values: β − γ = ${num(beta - gamma, 0)} and β + γ = ${num(beta + gamma, 0)}`,
    },
    { id: "many", label: `a spread of many values around β = ${num(beta, 0)}` },
  ],
  setting: TWO_BATCH_SETTING,
  settingText: `inputs from N(${num(mean, 1)}, ${num(variance, 2)}), β = ${num(beta, 0)}, γ = ${
    num(gamma, 0)
  }, batch size m = ${num(batch, 0)}, seed ${num(seed, 0)}`,
  describe: (outcome) =>
    `of the ${outcome.count.toLocaleString("en")} outputs, ${
      outcome.below.toLocaleString("en")
    } are exactly β − γ and ${outcome.above.toLocaleString("en")} exactly β + γ${
      outcome.option === "two" ? "; there is no other value." : "; the others lie elsewhere."
    }`,
};
