/** The momentum page's prediction card: which racer first reaches the target loss (predictionCard.ts). */
import type { PredictionSpec } from "../predictionCard.js";
import { RACE_SETTING, RACE_TARGET, type RaceOutcome } from "../../compute/momentum/predictions.js";
import { num, sciText } from "../math.js";

const target = sciText(RACE_TARGET, 1);

/** One racer's result in words: "Adam, 38", "SGD, not within the race's 100". */
function arrival({ name, step }: RaceOutcome["reached"][number], steps: number): string {
  return step === null
    ? `${name}, not within the race's ${num(steps, 0)}`
    : `${name}, ${num(step, 0)}`;
}

export const racePrediction: PredictionSpec<RaceOutcome> = {
  name: "race",
  question: `In the race, which optimiser is first to bring the loss down to ${target}?`,
  options: [
    { id: "SGD", label: "plain SGD" },
    { id: "momentum", label: "momentum" },
    { id: "Adam", label: "Adam" },
    { id: "none", label: "none of them, within the race" },
  ],
  setting: RACE_SETTING,
  settingText: `the quadratic with κ = ${num(RACE_SETTING.kappa, 0)}, β = ${
    num(RACE_SETTING.beta, 1)
  }, ε = ${num(RACE_SETTING.step, 0)}, Adam's η = ${num(RACE_SETTING.adamStep, 2)}, ${
    num(RACE_SETTING.steps, 0)
  } steps from the default start`,
  describe: (outcome) =>
    `steps until the loss is at most ${target}: ${
      outcome.reached.map((r) => arrival(r, outcome.steps)).join("; ")
    }.`,
};
