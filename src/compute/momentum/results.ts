/**
 * The course results the momentum page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const momentumTests = "tests/compute/optimizers.test.ts";
const biasTests = "tests/compute/momentum/bias.test.ts";
const momentumBrowserTests = "tests/browser/momentum.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "SGD with momentum (vₜ = αvₜ₋₁ + εgₜ) and SGD on a running average of gradients (vₜ = βvₜ₋₁ + (1 − β)gₜ, step δ) take the same steps when α = β and ε = δ(1 − β).",
    sources: [["worked-exercises", "1.1"]],
    page: "momentum",
    tests: [
      {
        file: momentumTests,
        name:
          "runOptimizer(surface, average(β, δ)) equals runOptimizer(surface, momentum(α = β, ε = δ(1 − β))) to rounding over 100 steps",
      },
      {
        file: momentumTests,
        name:
          "runOptimizer(momentum): each step is Δθₜ = αΔθₜ₋₁ − εgₜ (the recursion behind the equivalence)",
      },
      {
        file: momentumBrowserTests,
        name:
          "momentum page: moving β moves the trajectories, and their measured rate sits on the closed form",
      },
    ],
  },
  {
    result: "Unrolled from v₀ = 0, the running average is vₜ = (1 − β)·Σᵢ₌₁ᵗ βᵗ⁻ⁱgᵢ.",
    sources: [["worked-exercises", "1.2"]],
    page: "momentum",
    tests: [
      {
        file: biasTests,
        name: "unrolledAverage(gs, β, t) = (1 − β)Σᵢ βᵗ⁻ⁱgᵢ equals the recursion at every t",
      },
    ],
  },
  {
    result:
      "For gradients with a fixed distribution, E[vₜ] = (1 − βᵗ)·E[g]: the average starts biased towards zero, and dividing by 1 − βᵗ removes the bias.",
    sources: [["worked-exercises", "1.3"]],
    page: "momentum",
    tests: [
      {
        file: biasTests,
        name: "runningAverage(g ≡ 1, β = 0.9): v₁ = 0.1 and v₁₀ = 0.6513, the course's numbers",
      },
      {
        file: biasTests,
        name: "biasMonteCarlo: E[vₜ] = (1 − βᵗ)E[g] within 4 standard errors at every t ≤ 30",
      },
      {
        file: biasTests,
        name:
          "biasMonteCarlo: the corrected v̂ₜ = vₜ/(1 − βᵗ) is unbiased, E[v̂ₜ] = E[g] within 4 standard errors",
      },
      {
        file: momentumBrowserTests,
        name:
          "momentum page: moving β moves the Monte Carlo means onto E[vₜ] = (1 − βᵗ)E[g], and the corrected mean onto E[g]",
      },
    ],
  },
];
