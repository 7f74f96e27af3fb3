/** The residual page's prediction card: does layer 1's gradient vanish without skips (predictionCard.ts)? */
import type { PredictionSpec } from "../predictionCard.js";
import {
  LAYER_ONE_SETTING,
  type LayerOneOutcome,
  VANISHED_BELOW,
} from "../../compute/residual/predictions.js";
import { num, significant } from "../math.js";

const threshold = significant(VANISHED_BELOW, 1);
const top = LAYER_ONE_SETTING.depth - 1;

export const layerOnePrediction: PredictionSpec<LayerOneOutcome> = {
  name: "layer-one",
  question:
    `Swap the sigmoid for tanh. Without skips, what happens to the gradient reaching layer 1, against its value at layer ${
      num(top, 0)
    }?`,
  options: [
    { id: "vanishes", label: `it vanishes: less than ${threshold} of it` },
    { id: "shrinks", label: `it shrinks, but keeps at least ${threshold} of it` },
    { id: "grows", label: "it grows" },
  ],
  setting: LAYER_ONE_SETTING,
  settingText: `tanh, depth L = ${num(LAYER_ONE_SETTING.depth, 0)}, width m = ${
    num(LAYER_ONE_SETTING.width, 0)
  }, σ = ${num(LAYER_ONE_SETTING.sigma, 0)}, seed ${
    num(LAYER_ONE_SETTING.seed, 0)
  }, no layer switched off`,
  describe: (outcome) =>
    `without skips, the gradient at layer 1 is ${
      significant(outcome.plainRatio, 2)
    } times its value at layer ${num(outcome.depth - 1, 0)}; with skips, ${
      significant(outcome.skipRatio, 2)
    } times.`,
};
