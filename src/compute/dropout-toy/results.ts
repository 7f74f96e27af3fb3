/**
 * The course results the dropout-toy page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const dropoutToyTests = "tests/compute/dropout-toy/dropoutToy.test.ts";
const dropoutTrainTests = "tests/compute/dropout-toy/dropoutTrain.test.ts";
const dropoutSweepTests = "tests/loaders/dropout-toy.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "On the single example x = (10, 1), y = 11 every w with 10w₁ + w₂ = 11 fits exactly; the fit of least norm is (110/101, 11/101) ≈ (1.0891, 0.1089), and gradient descent from zero lands on it.",
    sources: [["homework-5", "5(a)"], ["homework-5", "5(b)"]],
    page: "dropout-toy",
    tests: [
      {
        file: dropoutToyTests,
        name:
          "olsMinNorm() and the rate-0 minimisers are the course's 11/101·(10, 1) ≈ (1.0891, 0.1089)",
      },
      {
        file: dropoutToyTests,
        name: "toy: gradient descent from zero reaches the minimum-norm solution",
      },
      {
        file: dropoutTrainTests,
        name: "train: SGD at r = 0 converges to the minimum-norm solution (1.0891, 0.1089)",
      },
    ],
  },
  {
    result:
      "Dropout at rate ½ is least squares on four equally likely masked copies, (20, 2), (20, 0), (0, 2), (0, 0), all with target 11; its fit is (11/30, 11/3) ≈ (0.3667, 3.6667).",
    sources: [["homework-5", "5(c)"]],
    page: "dropout-toy",
    tests: [
      {
        file: dropoutToyTests,
        name:
          "expectedLossMinimiser(0.5) and expandedLeastSquares(0.5) are the course's (11/30, 11/3) ≈ (0.3667, 3.6667)",
      },
      {
        file: dropoutToyTests,
        name: "toy: expanded data at r = 0.5 is the four equally likely scaled masks",
      },
      {
        file: dropoutTrainTests,
        name: "train: SGD and Adam at r = 0.5 converge to (0.3667, 3.6667)",
      },
    ],
  },
  {
    result:
      "The dropout minimiser is a ridge fit with a penalty per feature: p·w = (XᵀX + λΓ²)⁻¹Xᵀy with Γ² = diag(XᵀX) and λ = (1 − p)/p for keep probability p, so the penalty vanishes as p → 1 and grows without bound as p → 0.",
    sources: [["worked-exercises", "2.2"]],
    page: "dropout-toy",
    tests: [
      {
        file: dropoutToyTests,
        name:
          "expectedLossMinimiser(r) equals expandedLeastSquares(r), QR on the enumerated masks, for r from 1e-300 to 0.99",
      },
    ],
  },
  {
    result:
      "Without dropout w₁ is ten times w₂ and the large feature supplies a hundred times more of the prediction; with dropout w₂ is ten times w₁ and both features contribute the same, xⱼwⱼ = y(1 − r)/(d(1 − r) + r).",
    sources: [["homework-5", "5(f)"]],
    page: "dropout-toy",
    tests: [
      {
        file: dropoutToyTests,
        name: "contributions(expandedLeastSquares(r)): every feature contributes y(1−r)/(d(1−r)+r)",
      },
      { file: dropoutToyTests, name: "toy: contributions are (10 w1, w2)" },
    ],
  },
  {
    result:
      "As the drop rate falls to 0 the dropout fit tends to (0.55, 5.5), an exact fit other than the minimum-norm one, so the learned weights jump at rate 0.",
    sources: [["homework-5", "5(g)"]],
    page: "dropout-toy",
    tests: [
      {
        file: dropoutToyTests,
        name:
          "expectedLossMinimiser(r) → (0.55, 5.5) = limitAsRateToZero() as r → 0+, to rounding below 1e-16",
      },
    ],
  },
  {
    result:
      "With dropout on, SGD and Adam reach the same fit, since the expected loss has one minimiser; without dropout Adam ends near equal weights (1, 1) while SGD ends at the minimum-norm fit.",
    sources: [["homework-5", "5(h)"]],
    page: "dropout-toy",
    tests: [
      { file: dropoutTrainTests, name: "train: Adam at r = 0 ends with equal weights (1, 1)" },
      {
        file: dropoutSweepTests,
        name:
          "every positive rate: both optimisers' means sit within 1 % of w*(r), SGD's after its offset",
      },
      {
        file: dropoutSweepTests,
        name: "rate 0: SGD finds the minimum-norm fit, Adam the equal-weights one",
      },
    ],
  },
  {
    result:
      "Trained with dropout on batches of one, the loss jumps from step to step, because no weight vector fits every mask; larger batches average the masks and smooth the curve.",
    sources: [["homework-5", "5(d)"], ["homework-5", "5(e)"]],
    page: "dropout-toy",
    tests: [{
      file: dropoutTrainTests,
      name: "train: batch 1 gives a much spikier loss curve than batch 256",
    }],
  },
];
