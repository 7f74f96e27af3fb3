/**
 * The course results the normalisation-geometry page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "Over a large batch, batch norm with β = 3 and γ = 1 turns N(1.5, 0.16) into N(3, 1): the output is N(β, γ²) whatever the input's mean and variance.",
    sources: [["homework-5", "9(a)"]],
    page: "normalisation-geometry",
    tests: [
      {
        file: "tests/compute/normalisation-geometry/gaussianBatchNorm.test.ts",
        name:
          "batchNormGaussian1d(μ = 1.5, σ² = 0.16, β = 3, γ = 1): every batch comes out with mean β and variance γ² exactly",
      },
      {
        file: "tests/compute/normalisation-geometry/gaussianBatchNorm.test.ts",
        name:
          "batchNormGaussian1d: at m = 256 the pooled outputs are N(β, γ²): kurtosis 3 and normal coverage of β ± γ and β ± 2γ, within 4 SE",
      },
      {
        file: "tests/browser/normalisation-geometry.test.ts",
        name:
          "normalisation-geometry page: BN output moments match N(β, γ²) within sampling error, 2-D BN keeps ρ, and tfjs autodiff matches the closed form, with no console error",
      },
      {
        file: "tests/browser/normalisation-geometry.test.ts",
        name:
          "normalisation-geometry page: moving β, γ and the batch size moves the histogram onto N(β, γ²) and the exact law for m",
      },
    ],
  },
  {
    result:
      "On 2-D Gaussian data, batch norm with β = 0, γ = 1 centres the cloud and gives each axis unit variance, but keeps the correlation between the axes.",
    sources: [["homework-5", "9(b)"]],
    page: "normalisation-geometry",
    tests: [
      {
        file: "tests/compute/normalisation-geometry/gaussian2d.test.ts",
        name:
          "batchNormGaussian2d: batch norm centres each axis and gives it unit variance exactly, and keeps the correlation exactly",
      },
      {
        file: "tests/compute/normalisation-geometry/gaussian2d.test.ts",
        name:
          "batchNormGaussian2d: over a large batch the BN output has the correlation matrix of Σ, ρ within 4 SE, still tilted",
      },
      {
        file: "tests/compute/normalisation-geometry/gaussian2d.test.ts",
        name:
          "batchNormGaussian2d: whitening gives covariance I exactly (circles), unlike batch norm",
      },
    ],
  },
  {
    result:
      "Weight normalisation w = γu/‖u‖ on whitened, centred inputs matches batch norm: batch-normalising uᵀx gives wᵀx + β.",
    sources: [["worked-exercises", "4"]],
    page: "normalisation-geometry",
    tests: [
      {
        file: "tests/compute/normalisation-geometry/weightNorm.test.ts",
        name:
          "weightNormBatchNormGap: on whitened, centred inputs BN(uᵀx) = wᵀx + β to rounding; on raw inputs it does not",
      },
    ],
  },
  {
    result: "Its gradient ∇ᵤL = (γ/‖u‖)(I − uuᵀ/‖u‖²)∇_wL is orthogonal to u.",
    sources: [["worked-exercises", "4"]],
    page: "normalisation-geometry",
    tests: [
      {
        file: "tests/compute/normalisation-geometry/weightNorm.test.ts",
        name:
          "weightNormGradient(u, γ, ∇_wL): ∇ᵤL = (γ/‖u‖)W⊥∇_wL matches central finite differences of L(γu/‖u‖) to 10⁻⁸",
      },
      {
        file: "tests/compute/normalisation-geometry/weightNorm.test.ts",
        name: "weightNormGradient: ∇ᵤL is orthogonal to u (W⊥u = 0), to rounding",
      },
      {
        file: "tests/compute/normalisation-geometry/weightNormTf.test.ts",
        name:
          "weightNormGradientTf (tfjs autodiff) matches the closed form (γ/‖u‖)W⊥∇_wL within float32 rounding",
      },
    ],
  },
];
