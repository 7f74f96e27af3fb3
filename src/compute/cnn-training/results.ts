/**
 * The course results the cnn-training page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const cnnLoaderTests = "tests/loaders/cnn-training.test.ts";
const cnnBrowserTests = "tests/browser/cnn-training.test.ts";
const cnnModelTests = "tests/compute/cnn-training/cnnModelTf.test.ts";
const cnnArchitectureTests = "tests/compute/cnn-training/architecture.test.ts";
const cnnRobustnessTests = "tests/compute/cnn-training/robustness.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "In a small convolutional network trained on 500 MNIST digits, dropout narrows the gap between training and validation accuracy on every seed, the 3 shipped ones and 20 fresh draws of seed and digits, with and without batch norm; its validation accuracy is higher on some draws and lower on others.",
    sources: [["homework-5", "6(c)"]],
    page: "cnn-training",
    tests: [
      {
        file: cnnLoaderTests,
        name:
          "cnn-training.json: dropout narrows the train–validation gap at the last epoch, on every seed, with and without batch norm",
      },
      {
        file: cnnRobustnessTests,
        name:
          "fresh draws: dropout narrows the train–validation gap at the last epoch on every draw, with and without batch norm",
      },
      {
        file: cnnRobustnessTests,
        name:
          "fresh draws: dropout's validation accuracy at the last epoch is higher on some draws and lower on others, with and without batch norm",
      },
      {
        file: cnnBrowserTests,
        name:
          "cnn-training page: loads with every chart, trains the default run far above chance (10 %) to the loader's seed-1 accuracies, no console error, no foreign request",
      },
    ],
  },
  {
    result:
      "Measured here on the exercise's network (the documents set the exercise but do not state this): batch norm speeds up early training; after one epoch it validates higher in at least 80 % of 40 pairs of runs on fresh seeds and digits (not in all), and by the last epoch its mean lead has shrunk.",
    sources: [["homework-5", "6"]],
    page: "cnn-training",
    tests: [
      {
        file: cnnLoaderTests,
        name:
          "cnn-training.json: batch norm speeds up early training: after one epoch it validates higher on average; by the last epoch the mean lead has shrunk",
      },
      {
        file: cnnRobustnessTests,
        name:
          "fresh draws: batch norm validates higher after one epoch in at least 4 of 5 pairs but not in all; by the last epoch its mean lead has shrunk",
      },
    ],
  },
  {
    result:
      "Training-time batch norm, y = γ(x − μ)/√(σ² + ε) + β over the batch, has the backward pass ∂L/∂xᵢ = γ/√(σ² + ε)·(dyᵢ − mean(dy) − (xᵢ − μ)·mean(dy·(x − μ))/(σ² + ε)); autodiff through the page's batch norm gives the same.",
    sources: [["homework-5", "6(b)"]],
    page: "cnn-training",
    tests: [
      {
        file: cnnModelTests,
        name:
          "normaliseFilters: autodiff's ∂L/∂x equals the closed-form batch-norm backward of seed 002 Q6(b) (within 1e-4)",
      },
    ],
  },
  {
    result:
      "The page's CNN (conv 5×5 stride 2, batch norm, ReLU, 2×2 max pool, dropout, dense) has 3,106 parameters with batch norm and 3,098 without, as tfjs-layers counts them; its runs, the precomputed ones and 80 on fresh seeds and digits, reach 80 % to 95 % test accuracy.",
    sources: [["homework-5", "6"]],
    page: "cnn-training",
    tests: [
      {
        file: cnnArchitectureTests,
        name:
          "cnnParameterCount({batchNorm}) equals the trainable count of the same network in tf.layers, layer by layer, with and without batch norm",
      },
      {
        file: cnnLoaderTests,
        name:
          "cnn-training.json: every precomputed run reaches a test accuracy in TEST_ACCURACY_BAND, 80 % to 95 %",
      },
      {
        file: cnnRobustnessTests,
        name: "fresh draws: every run's test accuracy lies in TEST_ACCURACY_BAND, 80 % to 95 %",
      },
    ],
  },
];
