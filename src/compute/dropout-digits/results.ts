/**
 * The course results the dropout-digits page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const digitsLoaderTests = "tests/loaders/dropout-digits.test.ts";
const digitsBrowserTests = "tests/browser/dropout-digits.test.ts";
const digitsTrainTests = "tests/compute/dropout-digits/mlpTrainTf.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "On real images, dropout raises clean test accuracy and makes the network lean less, though still heavily, on a feature that gives the label away during training.",
    sources: [["homework-5", "5(i)"]],
    page: "dropout-digits",
    tests: [
      {
        file: digitsLoaderTests,
        name: "dropout-digits loader: every claim the page states holds on the seeded runs",
      },
      {
        file: "tests/compute/dropout-digits/dropoutRobustness.test.ts",
        name:
          "dropout-digits robustness: every claim on the page holds on every fresh draw (FRESH_DRAWS seeds, each with its own split of the digits)",
      },
      {
        file: digitsTrainTests,
        name:
          "trainDigitMlpTf(tf, splits, ${label}) takes the steps of a Float64 MLP with the same masks",
      },
      {
        file: digitsBrowserTests,
        name:
          "dropout-digits page: loads with its charts and no console error; the live run at the defaults is the first precomputed seed",
      },
    ],
  },
  {
    result:
      "What homework 5 observes of its question-6 notebook experiment, that dropout narrows the gap between training and validation accuracy and raises validation accuracy, holds for the cheating-feature MLP on digits too.",
    sources: [["homework-5", "6(c)"]],
    page: "dropout-digits",
    tests: [
      {
        file: digitsLoaderTests,
        name: "dropout-digits loader: every claim the page states holds on the seeded runs",
      },
      {
        file: "tests/compute/dropout-digits/dropoutRobustness.test.ts",
        name:
          "dropout-digits robustness: every claim on the page holds on every fresh draw (FRESH_DRAWS seeds, each with its own split of the digits)",
      },
      {
        file: digitsBrowserTests,
        name:
          "dropout-digits page: the prose and the claims table quote the built runs' numbers, recomputed here from the raw runs, and no chart text is clipped",
      },
    ],
  },
];
