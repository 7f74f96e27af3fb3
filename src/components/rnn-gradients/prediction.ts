/** The RNN page's prediction card: γs > 1 and large inputs; explode or vanish (predictionCard.ts)? */
import type { PredictionSpec } from "../predictionCard.js";
import {
  BEYOND,
  DRIVEN_SETTING,
  type DrivenOutcome,
} from "../../compute/rnn-gradients/predictions.js";
import { slopeCeiling } from "../../compute/rnn-gradients/recurrence.js";
import { num, sciText } from "../math.js";
import { textFromLog10 } from "./rnnRows.js";

const { s, act, a, T } = DRIVEN_SETTING;
const big = sciText(10 ** BEYOND, 1);
const small = sciText(10 ** -BEYOND, 1);

export const drivenPrediction: PredictionSpec<DrivenOutcome> = {
  name: "driven",
  question: `With tanh and s = ${num(s, 0)}, γs = ${
    num(slopeCeiling(act) * s, 0)
  } > 1, so the bound (γs)ᵗ grows. Now drive the state with large inputs, a = ${num(a, 0)}: after ${
    num(T, 0)
  } steps, what does ‖∂hₜ/∂h₀‖ do?`,
  options: [
    { id: "explodes", label: `it explodes: above ${big}` },
    { id: "vanishes", label: `it vanishes: below ${small}` },
    { id: "between", label: `it stays between ${small} and ${big}` },
  ],
  setting: DRIVEN_SETTING,
  settingText: `tanh, orthogonal W, s = ${num(s, 0)}, at rest at c = ${
    num(DRIVEN_SETTING.c, 0)
  }, a = ${num(a, 0)}, n = ${num(DRIVEN_SETTING.n, 0)}, T = ${num(T, 0)}, seed ${
    num(DRIVEN_SETTING.seed, 0)
  }`,
  describe: (outcome) =>
    `after ${num(outcome.steps, 0)} steps ‖∂hₜ/∂h₀‖ is ${
      textFromLog10(outcome.log10Norm, 2)
    }, while the bound (γs)ᵗ is ${textFromLog10(outcome.log10Bound, 2)}.`,
};
