/**
 * The course results the double-descent page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const doubleDescentTests = "tests/compute/double-descent/doubleDescent.test.ts";
const doubleDescentLoaderTests = "tests/loaders/double-descent.test.ts";
const doubleDescentBrowserTests = "tests/browser/double-descent.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "Ridge regression on the random ReLU features X̃ = ReLU(XWᵀ) has the closed form θ = (X̃ᵀX̃ + λI)⁻¹X̃ᵀY.",
    sources: [["homework-6", "5"]],
    page: "double-descent",
    tests: [
      {
        file: doubleDescentTests,
        name:
          "runSweepTrial(config, t) matches a direct dense ridge solve at every p and λ, in both regimes",
      },
    ],
  },
  {
    result:
      "With d = 35, σ = 0.5, N_train = 300, Wᵢⱼ ~ N(0, 1/p) and λ = 0.01, the test error plotted against the number of features p peaks near p = N_train: double descent.",
    sources: [["homework-6", "5"]],
    page: "double-descent",
    tests: [
      {
        file: doubleDescentLoaderTests,
        name:
          "data/double-descent.json describes the full sweep: ≥ 20 trials, ~71 p up to ≥ 1000, 31 λ",
      },
      {
        file: doubleDescentLoaderTests,
        name:
          "the built double-descent data (full seeded sweep): peak at N ± 15 %, tuned λ removes it",
      },
      {
        file: doubleDescentBrowserTests,
        name:
          "double-descent page: the live trial equals a direct Float64 solve and peaks at p ≈ N_train",
      },
    ],
  },
  {
    result:
      "Choosing λ in [10⁻², 10²] separately for each p on 60 validation points removes the peak from the test error (measured on 30 test points).",
    sources: [["homework-6", "5"]],
    page: "double-descent",
    tests: [
      {
        file: doubleDescentTests,
        name:
          "summariseSweep on a reduced sweep: curve A peaks near N_train, tuned λ removes the peak",
      },
      {
        file: doubleDescentLoaderTests,
        name:
          "the built double-descent data (full seeded sweep): peak at N ± 15 %, tuned λ removes it",
      },
      {
        file: doubleDescentBrowserTests,
        name: "double-descent page: moving the λ slider redraws the curve and flattens the peak",
      },
    ],
  },
];
