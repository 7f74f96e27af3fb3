/**
 * The course results the normalisation page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const normalisationBrowserTests = "tests/browser/normalisation.test.ts";
const normAxesTests = "tests/compute/normalisation/normAxes.test.ts";
const centredGradientTests = "tests/compute/normalisation/centredGradient.test.ts";
const batchNormTests = "tests/compute/normalisation/batchNormBackward.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "On an N × C × H × W activation, batch norm shares one mean and variance per channel (over N, H and W), layer norm one per example (over C, H and W).",
    sources: [["homework-5", "2(a)"]],
    page: "normalisation",
    tests: [
      {
        file: normAxesTests,
        name:
          "groupMates(batch | layer, N×C×H×W, cell): batch norm shares over N, H, W per channel; layer norm over C, H, W per example",
      },
      {
        file: normAxesTests,
        name:
          "normaliseAllTf(tf, x, …): tfjs's four normalisations equal the Float64 ones to float32 precision, with output moments 0 and σ²/(σ² + ε)",
      },
      {
        file: normalisationBrowserTests,
        name:
          "normalisation page: loads with its charts and no console error; the lit cells are each method's groups (batch: N, H, W per channel; layer: C, H, W per example)",
      },
      {
        file: normalisationBrowserTests,
        name:
          "normalisation page: tfjs gives every group mean 0 and variance σ²/(σ² + ε); changing examples 2 and 3 moves example 1 under batch norm only",
      },
    ],
  },
  {
    result:
      "Batch norm without the division, yᵢ = γ(xᵢ − μ) + β, has ∂L/∂xᵢ = γ(∂L/∂yᵢ − (1/n)Σⱼ ∂L/∂yⱼ): exactly 0 for a batch of one, and γ·∂L/∂yᵢ as n → ∞.",
    sources: [["homework-5", "2(b)"]],
    page: "normalisation",
    tests: [
      {
        file: centredGradientTests,
        name:
          "centredBackward(dy, γ): ∂L/∂xᵢ = γ(∂L/∂yᵢ − (1/n)Σⱼ ∂L/∂yⱼ) equals tfjs autodiff and central differences",
      },
      {
        file: centredGradientTests,
        name:
          "centredBackward at n = 1 is exactly 0, and tends to γ·∂L/∂y as n grows (the gap is γ times the batch mean of ∂L/∂y)",
      },
      {
        file: centredGradientTests,
        name:
          "survivingShareTheory(n) = (n − 1)/n: the Monte-Carlo share for Gaussian ∂L/∂y lands within 4 standard errors, and 4 s.e. < 2 %",
      },
      {
        file: normalisationBrowserTests,
        name:
          "normalisation page: moving the batch-size slider moves the surviving-gradient curve onto (n − 1)/n, exactly 0 at n = 1",
      },
    ],
  },
  {
    result:
      "Batch norm's training-time graph: X feeds μ, σ² and Z; μ and σ² feed Z; Z, γ and β feed Y.",
    sources: [["homework-5", "6(a)"]],
    page: "normalisation",
    tests: [
      {
        file: batchNormTests,
        name:
          "GRAPH_EDGES: X feeds μ, σ² and Z; μ and σ² feed Z; Z, γ and β feed Y (the eight edges of the course's graph)",
      },
      {
        file: batchNormTests,
        name:
          "GRAPH_EDGES: what flows back along each edge is the derivative of L with respect to that node, by central differences",
      },
    ],
  },
  {
    result:
      "Batch norm's backward pass: ∂L/∂Xᵢⱼ = γⱼ/√(σⱼ² + ε) · (dyᵢⱼ − (1/n)Σₖ dyₖⱼ − (Xᵢⱼ − μⱼ)/(n(σⱼ² + ε)) · Σₖ dyₖⱼ(Xₖⱼ − μⱼ)).",
    sources: [["homework-5", "6(b)"]],
    page: "normalisation",
    tests: [
      {
        file: batchNormTests,
        name:
          "batchNormInputGradient(X, dY, γ, ε): the closed form equals the chain rule, central differences and tfjs autodiff (through tf.moments, and through the two means the page uses)",
      },
      {
        file: batchNormTests,
        name:
          "batchNormBackward with a batch of one: σ² = 0, so Z = 0, Y = β and ∂L/∂X = 0 for ε > 0; ε = 0 is refused",
      },
      {
        file: normalisationBrowserTests,
        name:
          "normalisation page: editing X updates the closed form and the tfjs check; a bad entry, a batch of one and a constant column get clear messages",
      },
    ],
  },
];
