/**
 * The course results the initialisation page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const initVarianceLoaderTests = "tests/loaders/initialisation.test.ts";
const initialisationBrowserTests = "tests/browser/initialisation.test.ts";
const depthSchemeTests = "tests/compute/schemes.test.ts";
const depthTheoryTests = "tests/compute/meanField.test.ts";
const depthSimulationTests = "tests/compute/simulate.test.ts";
const depthActivationTests = "tests/compute/activations.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "With PyTorch's default Linear initialisation (weights and biases ~ U(±1/√n_in)), identity activations and unit-variance inputs, E[y_L] = 0 and Var(y_L) = 1/3^L + Σ_{k=0}^{L−1} 1/(3^{L−k}·n_k).",
    sources: [["homework-6", "2"]],
    page: "initialisation",
    tests: [
      {
        file: depthSchemeTests,
        name:
          "pytorchOutputVariance([100, 50, 50, 20]) is the course's 1/3⁴ + Σ 1/(3^(4−k) n_k) = 13/405",
      },
      {
        file: depthSchemeTests,
        name:
          "pytorchOutputMonteCarlo([100, 50, 50, 20], 24000, 1): E[y_L] = 0 and Var(y_L) = 13/405 within 4 standard errors",
      },
      {
        file: depthSchemeTests,
        name:
          "pytorchVarianceRecursion(widths): Var(y_ℓ) = (Var(y_ℓ₋₁) + 1/n_ℓ₋₁)/3 ends at the closed form",
      },
      {
        file: depthSchemeTests,
        name:
          "kaimingUniformBound(d, √5) = 1/√d: nn.Linear's weights are Uniform(±1/√d), variance 1/(3d)",
      },
      {
        file: initVarianceLoaderTests,
        name:
          "pytorchCheck at [100, 50, 50, 20]: formula 13/405, its recursion, and Monte Carlo within 4 standard errors",
      },
    ],
  },
  {
    result: "For independent X and Y, Var(XY) = Var X·Var Y + Var X·(E Y)² + Var Y·(E X)².",
    sources: [["worked-exercises", "3.1(a)"]],
    page: "initialisation",
    tests: [{
      file: depthSchemeTests,
      name:
        "varianceOfProduct(X, Y) = Var X·Var Y + Var X·(E Y)² + Var Y·(E X)² for independent X, Y",
    }],
  },
  {
    result:
      "If the previous layer's outputs have mean 0, variance 1 and no correlation, zero biases and weights ~ N(0, 1/d) (d the fan-in) give pre-activations with mean 0 and variance 1.",
    sources: [["worked-exercises", "3.1(b)"], ["worked-exercises", "3.1(c)"]],
    page: "initialisation",
    tests: [
      {
        file: depthTheoryTests,
        name:
          "theoryProfile(Xavier, identity) holds pre-activation variance and squared gradient at 1",
      },
      {
        file: depthSimulationTests,
        name:
          "runExperiment(He and Xavier, identity and ReLU, width 24): forward variance and backward squared gradient match the exact recursions",
      },
    ],
  },
  {
    result:
      "A ReLU of a symmetric pre-activation with mean 0 and variance 1 has E[h²] = ½, so weights ~ N(0, 2/d) (He) bring the next pre-activation back to variance 1.",
    sources: [["worked-exercises", "3.2"]],
    page: "initialisation",
    tests: [
      {
        file: depthTheoryTests,
        name:
          "theoryProfile(He, relu): the first pre-activation variance is 2 with unit-variance raw input, and every later one is 2",
      },
      {
        file: depthSimulationTests,
        name:
          "runExperiment(He and Xavier, identity and ReLU, width 24): forward variance and backward squared gradient match the exact recursions",
      },
      {
        file: initVarianceLoaderTests,
        name:
          "identity and ReLU, where the recursion is exact: Monte Carlo within 4 standard errors at every layer that the grid resolves to 10 %",
      },
      {
        file: initialisationBrowserTests,
        name:
          "initialisation page: the live network is a typical draw around the theory, and moving σ to 1 moves it onto Xavier–ReLU's halving",
      },
    ],
  },
  {
    result:
      "Uniform weights U(−b, b) give the same variances with b = √(3/d), or b = √(6/d) after a ReLU.",
    sources: [["worked-exercises", "3.3"]],
    page: "initialisation",
    tests: [
      {
        file: depthSchemeTests,
        name: "uniformBoundForVariance(1/d) = √(3/d) (Xavier) and (2/d) = √(6/d) (He)",
      },
      {
        file: depthSchemeTests,
        name:
          "uniformVariance(c) = c²/3 against 400,000 draws of Uniform(−c, c), within 4 standard errors",
      },
    ],
  },
  {
    result:
      "Through a deep sigmoid network the gradient reaching the input is a product of slopes no larger than ¼, so it is at most (¼)^L·∏‖W_ℓ‖₂ for a unit readout and shrinks geometrically with depth; ReLU's slopes of 0 or 1 avoid that ceiling.",
    sources: [["discussion-5", "1(a)"]],
    page: "initialisation",
    tests: [
      {
        file: depthActivationTests,
        name: "sigmoidDerivative(0) = 1/4 exactly, and σ'(x) < 1/4 for every other x",
      },
      {
        file: depthSimulationTests,
        name:
          "runExperiment(sigmoid and ReLU, depth 30): every network's first-layer gradient stays under its bound ∏ γ‖W_ℓ‖₂, and sigmoid's vanishes far faster",
      },
      {
        file: initVarianceLoaderTests,
        name: "the bound √(mean of (∏ γ‖W_ℓ‖₂)²) lies above the measured gradient at every depth",
      },
    ],
  },
];
