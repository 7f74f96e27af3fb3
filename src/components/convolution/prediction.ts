/** The convolution page's prediction card: the output's size at a stride longer than the filter (predictionCard.ts). */
import type { PredictionSpec } from "../predictionCard.js";
import { GAPS_SETTING, type TransposeOutcome } from "../../compute/convolution/predictions.js";
import { TRANSPOSED_2D } from "../../compute/convolution/seeds.js";
import { num, sciText } from "../math.js";

const n = TRANSPOSED_2D.input.length;
const k = TRANSPOSED_2D.filter.length;
const s = GAPS_SETTING.stride2;
const side = (cells: number) => `${num(cells, 0)} × ${num(cells, 0)}`;
const count = (c: number, one: string, many: string) => `${num(c, 0)} ${c === 1 ? one : many}`;

export const gapsPrediction: PredictionSpec<TransposeOutcome> = {
  name: "gaps",
  question: `Set the 2-D stride to ${num(s, 0)}, longer than the ${side(k)} filter, with padding ${
    num(GAPS_SETTING.padding2, 0)
  }. How large is TensorFlow.js's conv2dTranspose output for the ${side(n)} input?`,
  // The right size, and the sizes of two slips: stamps laid without gaps (n·k), and n·s.
  options: [n * k, (n - 1) * s + k, n * s].sort((a, b) => a - b).map((cells) => ({
    id: String(cells),
    label: side(cells),
  })),
  setting: GAPS_SETTING,
  settingText: `2-D stride ${num(s, 0)}, 2-D padding ${num(GAPS_SETTING.padding2, 0)}`,
  describe: (outcome) =>
    outcome.option === "none"
      ? "TensorFlow.js returned no output at this stride and padding."
      : `TensorFlow.js returned a ${side(outcome.side)} grid with ${
        count(outcome.zeroRows, "row", "rows")
      } and ${
        count(outcome.zeroColumns, "column", "columns")
      } of zeros that no stamp reaches; its largest gap to the scatter-add is ${
        outcome.gap === 0 ? "0" : sciText(outcome.gap, 2)
      }.`,
};
