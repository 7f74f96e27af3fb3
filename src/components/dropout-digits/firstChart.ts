/**
 * The dropout-digits page's first chart, a strip of digits with their cheating blocks: the page
 * draws it with `digitStripOf` from the digit file, and the build draws the same from the same
 * loader files into the HTML (src/tasks/prerender.ts).
 */
import { decodeDigitFile } from "../../compute/digitFile.js";
import type { DigitSplits } from "../../compute/digitSet.js";
import { mlpStreams, mlpViews } from "../../compute/dropout-digits/mlpSetup.js";
import type { FirstChart } from "../firstChart.js";
import { digitStripChart, type StripDigit } from "./digitStripChart.js";

/** How many digits of each set the strip shows. */
const STRIP_COUNT = 6;
const PIXELS = 28 * 28;

/** The precomputed runs' configuration (src/loaders/dropout-digits.json.ts), as the strip reads it. */
export interface StripConfig {
  strength: number;
  seeds: readonly number[];
}

/**
 * The first training digits, whose block names their own label, and the first test digits, whose
 * block names the class the first seed's noise stream draws for them.
 */
export function stripDigitsOf(splits: DigitSplits, config: StripConfig): StripDigit[] {
  const views = mlpViews(
    splits,
    { perClass: 1, strength: config.strength },
    mlpStreams(config.seeds[0]).noise,
  );
  const pixels = (set: DigitSplits["train"], i: number) =>
    set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS);
  return [
    ...Array.from({ length: STRIP_COUNT }, (_, i) => ({
      set: "training" as const,
      pixels: pixels(splits.train, i),
      label: splits.train.labels[i],
      named: splits.train.labels[i],
    })),
    ...Array.from({ length: STRIP_COUNT }, (_, i) => ({
      set: "test" as const,
      pixels: pixels(splits.test, i),
      label: views.testNoise.labels[i],
      named: views.testNoise.named[i],
    })),
  ];
}

/** The strip of `stripDigitsOf`. */
export function digitStripOf(splits: DigitSplits, config: StripConfig, width: number): HTMLElement {
  return digitStripChart({ digits: stripDigitsOf(splits, config) }, { width });
}

export const firstChart: FirstChart = {
  name: "digit-strip",
  width: 704,
  draw: async (width, loaderOutput) => {
    const { config } = await loaderOutput("dropout-digits.json") as { config: StripConfig };
    const splits = await decodeDigitFile(await loaderOutput("mnist-digits.bin") as ArrayBuffer);
    return digitStripOf(splits, config, width);
  },
};
