/**
 * The course results the dropout-noise page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const noiseTikhonovTests = "tests/compute/tikhonov.test.ts";
const noiseMonteCarloTests = "tests/compute/monteCarlo.test.ts";
const noiseActivationTests = "tests/compute/dropout-noise/activation.test.ts";
const noiseBrowserTests = "tests/browser/dropout-noise.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "Averaged over plain Bernoulli(p) keep masks R, dropout's loss is E‖y − (R⊙X)w‖² = ‖y − pXw‖² + p(1 − p)‖Γw‖², with Γ = diag(XᵀX)^½.",
    sources: [["discussion-5", "2"], ["homework-5", "4(a)"], ["worked-exercises", "2.1"]],
    page: "dropout-noise",
    tests: [
      {
        file: noiseTikhonovTests,
        name:
          "dropoutExpectedLoss(problem, w, p) = ‖y − pXw‖² + p(1−p)‖Γw‖², the exact mean over all 64 plain masks",
      },
      {
        file: noiseMonteCarloTests,
        name:
          "Monte Carlo: plain Bernoulli(p) masks average to ‖y − pXw‖² + p(1−p)‖Γw‖² within 4 standard errors",
      },
      {
        file: noiseBrowserTests,
        name:
          "dropout-noise page: each live Monte-Carlo mean lands within 4 standard errors of the closed form",
      },
    ],
  },
  {
    result:
      "Rescaling the weights learned with dropout, w = p·w̌, gives Tikhonov regression ‖y − Xw‖² + ‖Γw‖² with Γ = √((1 − p)/p)·diag(XᵀX)^½.",
    sources: [["discussion-5", "2(a)"], ["homework-5", "4(b)"]],
    page: "dropout-noise",
    tests: [
      {
        file: noiseTikhonovTests,
        name:
          "w = p·w̌: dropout's loss at w̌ is ‖y − Xw‖² + ((1−p)/p)‖Γw‖², inverted dropout's loss at w",
      },
      {
        file: noiseTikhonovTests,
        name:
          "invertedDropoutExpectedLoss(problem, w, p) = ‖y − Xw‖² + ((1−p)/p)‖Γw‖², the exact mean over all 64 inverted masks",
      },
    ],
  },
  {
    result:
      "Substituting w̃ = Γw turns Tikhonov regression into ordinary ridge regression on the data X̃ = XΓ⁻¹.",
    sources: [["discussion-5", "2(b)"], ["homework-5", "4(c)"]],
    page: "dropout-noise",
    tests: [
      {
        file: noiseTikhonovTests,
        name:
          "rescaleColumns(problem): every column of X̃ = XΓ⁻¹ has norm 1, and ridge on X̃ gives back p·w̌ (dropoutViaRescaledRidge)",
      },
    ],
  },
  {
    result:
      "With Γ proportional to the column norms, every column of X̃ has the same norm: dropout evens out the features much as batch norm's per-feature scaling does.",
    sources: [["discussion-5", "2(c)"], ["homework-5", "4(d)"]],
    page: "dropout-noise",
    tests: [
      {
        file: noiseTikhonovTests,
        name:
          "commonColumnNorm(p): with Γ = √((1−p)/p)·diag(XᵀX)^½, every column of XΓ⁻¹ has norm √(p/(1−p))",
      },
      {
        file: noiseTikhonovTests,
        name:
          "scaleColumn: the dropout fit is scale-equivariant (w_j ÷ s, same predictions); ridge's is not",
      },
    ],
  },
  {
    result:
      "Plain ridge, w = (XᵀX + λI)⁻¹Xᵀy, charges every weight alike; dropout's penalty on wⱼ is scaled by its feature's squared norm (XᵀX)ⱼⱼ.",
    sources: [["worked-exercises", "2.3"], ["worked-exercises", "2.4"]],
    page: "dropout-noise",
    tests: [
      {
        file: noiseTikhonovTests,
        name:
          "penalties: dropout charges w_j by its feature's squared norm p(1−p)‖x_j‖², ridge charges every weight λ",
      },
      {
        file: noiseTikhonovTests,
        name: "ridgeMinimiser(problem, λ) solves (XᵀX + λI)w = Xᵀy",
      },
      {
        file: noiseTikhonovTests,
        name: "dropoutMinimiser(problem, p): p·w̌ solves (XᵀX + ((1−p)/p)Γ²)v = Xᵀy",
      },
      {
        file: noiseTikhonovTests,
        name:
          "coefficientPaths(problem): ‖Γ p·w̌‖ shrinks as p falls, and both paths meet least squares at p = 1",
      },
    ],
  },
  {
    result:
      "Multiplying each input by independent Rᵢⱼ ~ N(μ, σ²) gives, on average, E‖y − (R⊙X)w‖² = ‖y − μXw‖² + σ²‖Γw‖².",
    sources: [["homework-5", "8"]],
    page: "dropout-noise",
    tests: [
      {
        file: noiseTikhonovTests,
        name:
          "homework 5 Q8: of the offered choices only A = μ and B = σ² fit E‖y − (R∘X)w‖² = ‖y − A·Xw‖² + B‖Γw‖²",
      },
      {
        file: noiseTikhonovTests,
        name:
          "gaussianNoiseExpectedLoss(problem, w, μ, σ) = ‖y − μXw‖² + σ²‖Γw‖², exact for every two-moment-matched R",
      },
      {
        file: noiseTikhonovTests,
        name:
          "homework 5 Q8 hint: μ = 1, σ = 0 leaves the plain loss ‖y − Xw‖²; large σ with μ = 0 drives the best w to 0",
      },
      {
        file: noiseTikhonovTests,
        name:
          "gaussianMatchingDropout(p): N(p, p(1−p)) gives dropout's loss, N(1, (1−p)/p) inverted dropout's",
      },
      {
        file: noiseMonteCarloTests,
        name:
          "Monte Carlo: R_ij ~ N(μ, σ²) averages to ‖y − μXw‖² + σ²‖Γw‖² within 4 standard errors, for five (μ, σ) pairs",
      },
    ],
  },
  {
    result:
      "Dropout commutes with ReLU and leaky ReLU, which satisfy σ(cx) = cσ(x) for c ≥ 0, but not with sigmoid: at drop rate 0.4 a kept unit gives σ(ax)/0.6 one way and σ(ax/0.6) the other.",
    sources: [["homework-6", "1"]],
    page: "dropout-noise",
    tests: [
      {
        file: noiseActivationTests,
        name:
          "compareOrders(layer, relu): linear → dropout → ReLU equals linear → ReLU → dropout exactly, on every unit",
      },
      {
        file: noiseActivationTests,
        name:
          "compareOrders(layer, leaky-relu): with slope 2⁻⁶ the two orders agree exactly, on every unit",
      },
      {
        file: noiseActivationTests,
        name:
          "compareOrders(layer, sigmoid): the orders differ on every unit; dropped units by σ(0) = ½, kept ones by σ(z/q) − σ(z)/q",
      },
      {
        file: noiseActivationTests,
        name:
          "the page's claim on commuting: at one drop rate only h ∈ {0, 1/q} matters, so a non-homogeneous σ with σ(2z) = 2σ(z) commutes at r = 1/2 but not at r = 0.4",
      },
      {
        file: noiseActivationTests,
        name:
          "homework 6 Problem 1: at drop rate 0.4 a kept unit gives σ(ax)/0.6 one way and σ(ax/0.6) the other",
      },
      {
        file: "tests/compute/dropout-noise/activationTf.test.ts",
        name:
          "compareOrdersTf(tf, layer, relu | leaky-relu): tfjs's two orders give exactly zero difference",
      },
      {
        file: noiseBrowserTests,
        name:
          "dropout-noise page: the live check gives exactly zero difference for ReLU and leaky ReLU, and the sigmoid's double-precision difference",
      },
    ],
  },
];
