/**
 * Every result of the course documents, each with where it comes from, the page that shows it (a
 * slug of the manifest, src/site.ts) and the tests that check it. The front page (src/index.md.ts)
 * renders its "Course results" table from this module at build time;
 * tests/site/courseResults.test.ts holds the list to the repository (every page has a result,
 * every named test exists under its name, no result is listed twice).
 *
 * Adding a page: give each of its results in RESULTS the tests that check them. Results are
 * stated in our own words; the documents' numbers are kept as they are.
 */

/** The course documents, named as they name themselves. */
export const DOCUMENTS = {
  // A discussion sheet with solutions, and the same questions without.
  "discussion-5": { name: "Discussion 5", course: "EECS 182, Spring 2023", part: "Q" },
  "homework-5": { name: "Homework 5", course: "EECS 182, Fall 2025", part: "Q" },
  "homework-6": {
    name: "Homework 6",
    course: "Mathematical Foundations of Deep Neural Networks, Spring 2024",
    part: "Problem ",
  },
  // Untitled in the original; its parts are numbered by section.
  "worked-exercises": {
    name: "Worked exercises",
    course: "an untitled set of solved exercises",
    part: "Section ",
  },
} as const;

export type DocumentId = keyof typeof DOCUMENTS;

/** Where a result is stated: a document and its question, e.g. ["homework-5", "5(c)"]. */
export type Source = readonly [DocumentId, string];

export interface TestRef {
  /** Path from the repository root. */
  file: string;
  /** The name given to Deno.test or to a t.step inside it, exactly as written in the file. */
  name: string;
}

export interface CourseResult {
  /** The result in our own words; math as plain Unicode. */
  result: string;
  sources: readonly Source[];
  /** Slug of the page that shows it (built or coming). */
  page: string;
  /** The tests that check it; empty exactly when its page is coming. */
  tests: readonly TestRef[];
}

const dropoutToyTests = "tests/compute/dropout-toy/dropoutToy.test.ts";
const dropoutTrainTests = "tests/compute/dropout-toy/dropoutTrain.test.ts";
const dropoutSweepTests = "tests/loaders/dropout-toy.test.ts";
const doubleDescentTests = "tests/compute/double-descent/doubleDescent.test.ts";
const doubleDescentLoaderTests = "tests/loaders/double-descent.test.ts";
const doubleDescentBrowserTests = "tests/browser/double-descent.test.ts";
const filterTests = "tests/compute/convolution/filterRecovery.test.ts";
const transposedTests = "tests/compute/convolution/transposed.test.ts";
const convolutionTfTests = "tests/compute/convolution/convolutionTf.test.ts";
const parameterTests = "tests/compute/parameterCounts.test.ts";
const layersTfTests = "tests/reference/layersTf.test.ts";
const convolutionBrowserTests = "tests/browser/convolution.test.ts";
const cnnLoaderTests = "tests/loaders/cnn-training.test.ts";
const cnnBrowserTests = "tests/browser/cnn-training.test.ts";
const cnnModelTests = "tests/compute/cnn-training/cnnModelTf.test.ts";
const cnnArchitectureTests = "tests/compute/cnn-training/architecture.test.ts";
const cnnRobustnessTests = "tests/compute/cnn-training/robustness.test.ts";
const momentumTests = "tests/compute/optimizers.test.ts";
const biasTests = "tests/compute/momentum/bias.test.ts";
const momentumBrowserTests = "tests/browser/momentum.test.ts";
const noiseTikhonovTests = "tests/compute/tikhonov.test.ts";
const noiseMonteCarloTests = "tests/compute/monteCarlo.test.ts";
const noiseActivationTests = "tests/compute/dropout-noise/activation.test.ts";
const noiseBrowserTests = "tests/browser/dropout-noise.test.ts";
const digitsLoaderTests = "tests/loaders/dropout-digits.test.ts";
const digitsBrowserTests = "tests/browser/dropout-digits.test.ts";
const digitsTrainTests = "tests/compute/dropout-digits/mlpTrainTf.test.ts";
const sharedComputeTests = (name: string) => `tests/compute/${name}.test.ts`;
const [depthSchemeTests, depthTheoryTests, depthSimulationTests, depthActivationTests] = [
  "schemes",
  "meanField",
  "simulate",
  "activations",
].map(sharedComputeTests);
const initVarianceLoaderTests = "tests/loaders/initialisation.test.ts";
const initialisationBrowserTests = "tests/browser/initialisation.test.ts";
const rnnTests = (name: string) => `tests/compute/rnn-gradients/${name}.test.ts`;
const [rnnRecurrenceTests, rnnJacobianTests, rnnExampleTests, brnnTests, brnnTfTests] = [
  "recurrence",
  "jacobian",
  "examples",
  "brnn",
  "brnnTf",
].map(rnnTests);
const rnnBrowserTests = "tests/browser/rnn-gradients.test.ts";
const normTests = (name: string) => `tests/compute/normalisation/${name}.test.ts`;
const [normAxesTests, centredGradientTests, batchNormTests] = [
  "normAxes",
  "centredGradient",
  "batchNormBackward",
].map(normTests);
const normalisationBrowserTests = "tests/browser/normalisation.test.ts";
const residualTests = (name: string) => `tests/compute/residual/${name}.test.ts`;
const [blockTests, mlpTests, liveResidualTests] = ["block", "mlp", "liveResidualTf"].map(
  residualTests,
);
const residualBrowserTests = "tests/browser/residual.test.ts";

export const RESULTS: readonly CourseResult[] = [
  // Regularisation: the two-feature toy (x = (10, 1), y = 11).
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

  // Regularisation: double descent on random ReLU features.
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

  // Regularisation: dropout and noise in general.
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

  // Depth: initialisation.
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

  // Depth: vanishing gradients and residual connections.
  {
    result:
      "The sigmoid's derivative is σ(x)(1 − σ(x)), at most ¼ (at x = 0); ReLU's derivative is 0 or 1.",
    sources: [["discussion-5", "1(a)"]],
    page: "residual",
    tests: [
      {
        file: depthActivationTests,
        name: "sigmoidDerivative(0) = 1/4 exactly, and σ'(x) < 1/4 for every other x",
      },
      {
        file: depthActivationTests,
        name: "derivative('relu', x) is 0 or 1: 1 for x > 0, 0 otherwise",
      },
    ],
  },
  {
    result: "The residual block with zero biases computes X₁ = ReLU(W₂·ReLU(W₁X₀) + X₀).",
    sources: [["discussion-5", "1(b)"]],
    page: "residual",
    tests: [
      {
        file: blockTests,
        name: "residualBlock(W₁, W₂, X₀) is ReLU(W₂·ReLU(W₁X₀) + X₀), worked by hand",
      },
      {
        file: blockTests,
        name:
          "blockJacobian = D₂(W₂D₁W₁ + I) at 160 points of every case (mixed included), against tfjs autodiff and central differences; without the skip, D₂W₂D₁W₁",
      },
    ],
  },
  {
    result:
      "Its Jacobian is ∂X₁/∂X₀ = D₂(W₂D₁W₁ + I), with D₁ and D₂ the two ReLUs' 0/1 slopes: 0 when the outer ReLU is off, W₂W₁ + I when both ReLUs are on, and I when the inner one is off and X₀ > 0.",
    sources: [["discussion-5", "1(c)"]],
    page: "residual",
    tests: [
      {
        file: blockTests,
        name:
          "caseJacobian('outer-off') = 0 where the outer ReLU is off: equals tfjs autodiff and central differences at 40 points",
      },
      {
        file: blockTests,
        name:
          "caseJacobian('both-on') = W₂W₁ + I where both ReLUs are on: equals tfjs autodiff (float32) and central differences (h = 1e-6) at 40 points",
      },
      {
        file: blockTests,
        name:
          "caseJacobian('inner-off') = I where the inner ReLU is off and X₀ > 0: equals tfjs autodiff and central differences at 40 points",
      },
      {
        file: blockTests,
        name:
          "blockCase: the only masks with a course formula are outer off, both on, and inner off with X₀ > 0",
      },
      {
        file: residualBrowserTests,
        name:
          "residual page: each case's button moves X₀ into that case, where the course's Jacobian equals the formula, central differences and tfjs autodiff",
      },
    ],
  },
  {
    result:
      "In an MLP with skips, y_ℓ = σ(A_ℓy_{ℓ−1} + b_ℓ) + y_{ℓ−1}, each layer's Jacobian is ∂y_ℓ/∂y_{ℓ−1} = diag(σ′(A_ℓy_{ℓ−1} + b_ℓ))·A_ℓ + I, and the linear top layer's is A_L.",
    sources: [["homework-6", "3(i)"]],
    page: "residual",
    tests: [
      {
        file: mlpTests,
        name: "forwardMlp and outputGradients on a 3-layer ReLU network worked by hand",
      },
      {
        file: mlpTests,
        name:
          "layerJacobian(net, pass, ℓ) = diag(φ′)A_ℓ + I equals central differences of y_{ℓ−1} ↦ y_ℓ (A_ℓ without skips, A_L at the top)",
      },
    ],
  },
  {
    result:
      "Its parameter gradients are ∂y_L/∂b_ℓ = (∂y_L/∂y_ℓ)·diag(σ′) and ∂y_L/∂A_ℓ = diag(σ′)·(∂y_L/∂y_ℓ)ᵀ·y_{ℓ−1}ᵀ, with 1 and y_{L−1}ᵀ at the top layer.",
    sources: [["homework-6", "3(ii)"]],
    page: "residual",
    tests: [
      {
        file: mlpTests,
        name:
          "outputGradients(net, x): ∂y_L/∂b_ℓ = (∂y_L/∂y_ℓ)·diag(φ′) and ∂y_L/∂A_ℓ = diag(φ′)(∂y_L/∂y_ℓ)ᵀy_{ℓ−1}ᵀ, with ∂y_L/∂y_ℓ the product of the layer Jacobians",
      },
      {
        file: mlpTests,
        name:
          "outputGradients(net, x) equals tfjs autodiff (tf.grads of y_L, float32) for every A_ℓ and b_ℓ: sigmoid, tanh and ReLU, with and without skips, n = 3 ≠ m = 4",
      },
      {
        file: mlpTests,
        name:
          "outputGradients(net, x) equals central differences of y_L in every A_ℓ and b_ℓ entry (sigmoid and tanh, with and without skips)",
      },
      {
        file: mlpTests,
        name:
          "checkInstance(activation, seed): the page's small network (n = 2, m = 3, L = 5) has formulas equal to tfjs autodiff for every activation and seeds 0–20",
      },
      {
        file: residualBrowserTests,
        name:
          "residual page: loads with no console error, draws every chart, and its block, autodiff check and live comparison match the Float64 computations",
      },
    ],
  },
  {
    result:
      "Because of the identity term, the gradient reaching early layers need not vanish when a later layer has A_j = 0 or σ′ = 0.",
    sources: [["homework-6", "3(iii)"]],
    page: "residual",
    tests: [
      {
        file: mlpTests,
        name:
          "withIntervention(zero, j): without skips every gradient below layer j is exactly 0; with skips ∂y_L/∂y_{j−1} = ∂y_L/∂y_j and the gradients below j are not 0",
      },
      {
        file: mlpTests,
        name:
          "withIntervention(saturate, j): φ′ = 0 at every unit of layer j for every input; without skips every gradient below j is exactly 0, with skips it passes through unchanged",
      },
      {
        file: liveResidualTests,
        name:
          "runLiveResidual(tf, …) equals the Float64 gradientProfile on the same draws (sigmoid, tanh, ReLU × none, zero, saturate), to float32 precision",
      },
      {
        file: residualBrowserTests,
        name:
          "residual page: setting Aⱼ = 0 or saturating layer j makes every gradient below j exactly 0 without skips, while with skips it crosses j unchanged",
      },
    ],
  },

  // Normalisation.
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

  // Convolution.
  {
    result:
      "The signal [1, 4, 0, −2, 3], filtered without flipping, padding or stride to give [−2, 2, 11], came from the filter [2, −1, 3].",
    sources: [["homework-5", "1(b)"]],
    page: "convolution",
    tests: [
      {
        file: filterTests,
        name:
          "filterSystem([1, 4, 0, −2, 3], [−2, 2, 11]) is the seed's 3 × 3 system, one window per row",
      },
      {
        file: filterTests,
        name:
          "solveFilter([1, 4, 0, −2, 3], [−2, 2, 11]) is the seed's filter [2, −1, 3], exactly, with det −52",
      },
      {
        file: convolutionTfTests,
        name:
          "correlate1dTf([1, 4, 0, −2, 3], [2, −1, 3]) with tf.conv1d is the seed's [−2, 2, 11]",
      },
      {
        file: convolutionBrowserTests,
        name:
          "convolution page: loads with the course's filter checked by TensorFlow.js, no console error, no foreign request",
      },
    ],
  },
  {
    result:
      "Transposed convolution of [a, b, c] with [x, y, z] at stride 2 gives [ax, ay, az + bx, by, bz + cx, cy, cz], 7 samples from 3; the ordinary stride-2 convolution takes 7 back to 3.",
    sources: [["homework-5", "1(c)"]],
    page: "convolution",
    tests: [
      {
        file: transposedTests,
        name:
          "transposedTerms1d(3, 3, {stride: 2}) is the seed's [ax, ay, az + bx, by, bz + cx, cy, cz]",
      },
      {
        file: transposedTests,
        name:
          "transposedLength(n, k, s, p) = (n − 1)·s + k − 2p is the length transposedConv1d returns",
      },
    ],
  },
  {
    result:
      "Transposed convolution of [[−1, 2], [3, 1]] with the filter [[1, −1], [0, 1]], stride 1 and no padding, gives [[−1, 3, −2], [3, −3, 1], [0, 3, 1]].",
    sources: [["homework-5", "1(c)"]],
    page: "convolution",
    tests: [
      {
        file: transposedTests,
        name:
          "transposedConv2d([[−1, 2], [3, 1]], [[1, −1], [0, 1]]) at stride 1, padding 0 is the seed's 3 × 3 output",
      },
      {
        file: transposedTests,
        name:
          "transposedStamps2d: the four scaled, shifted filters of the seed add up to its output",
      },
      {
        file: convolutionTfTests,
        name:
          "transposedConv2dTf (tf.conv2dTranspose, NHWC, filter [k, k, 1, 1] unflipped) gives the seed's 3 × 3 output",
      },
    ],
  },
  {
    result: "A 3 × 3 convolution from 3 to 4 channels has 4·3·3·3 = 108 weights, 112 with biases.",
    sources: [["homework-5", "3(a)"]],
    page: "convolution",
    tests: [
      {
        file: parameterTests,
        name: "standardConvParams(3 → 4, 3 × 3) is the seed's 108 without biases and 112 with them",
      },
      {
        file: layersTfTests,
        name:
          "countParams(): tf.layers.conv2d 3 → 4, 3 × 3 has 108 parameters without biases and 112 with",
      },
    ],
  },
  {
    result:
      "Its depthwise-separable version has 27 + 12 = 39 weights: 43 with biases on the pointwise part, 46 with biases on both parts.",
    sources: [["homework-5", "3(b)"]],
    page: "convolution",
    tests: [
      {
        file: parameterTests,
        name:
          "separableConvParams(3 → 4, 3 × 3) is the seed's 39 = 27 + 12, 43 with pointwise biases, 46 with both",
      },
      {
        file: layersTfTests,
        name:
          "countParams(): separableConv2d 3 → 4 has 39 (no biases) and 43 (its pointwise bias); depthwiseConv2d + conv2d with biases 46",
      },
    ],
  },
  {
    result:
      "The 1×1, 3×3, 1×1 bottleneck 256 → 128 → 128 → 256, with biases, has 213,504 parameters; 32 summed paths 256 → 4 → 4 → 256 have 78,592, about 2.72 times fewer.",
    sources: [["homework-6", "4"]],
    page: "convolution",
    tests: [
      {
        file: parameterTests,
        name: "bottleneckParams(256, 128) is the seed's 213,504, layer by layer",
      },
      {
        file: parameterTests,
        name: "splitTransformMergeParams(256, 32 paths of 4) is the seed's 78,592, layer by layer",
      },
      { file: parameterTests, name: "213,504 / 78,592 rounds to 2.72" },
      {
        file: layersTfTests,
        name:
          "countParams(): the 256–128–128–256 bottleneck has 213,504 and the 32 summed 256–4–4–256 paths 78,592",
      },
    ],
  },
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

  // Optimisation.
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

  // Recurrent networks.
  {
    result:
      "The recurrence hₜ = Wσ(hₜ₋₁) + Uxₜ + b is the usual RNN gₜ = σ(Wgₜ₋₁ + Uxₜ + b) written for gₜ = σ(hₜ).",
    sources: [["worked-exercises", "5.1"]],
    page: "rnn-gradients",
    tests: [
      {
        file: rnnRecurrenceTests,
        name:
          "conventionalStates: gₜ = σ(Wgₜ₋₁ + Uxₜ + b) equals σ(hₜ) at every step, for every activation",
      },
    ],
  },
  {
    result:
      "If |σ′| ≤ γ and λ₁(WᵀW) ≤ δ²/γ² with δ < 1, then ‖∂h_T/∂h₀‖ ≤ δ^T → 0: the gradient through time vanishes.",
    sources: [["worked-exercises", "5.2"]],
    page: "rnn-gradients",
    tests: [
      {
        file: rnnRecurrenceTests,
        name:
          "slopeCeiling: sigmoid's γ = 1/4 (at 0), tanh's γ = 1 (at 0), ReLU's γ = 1 (for every x > 0), the largest slope on a fine grid",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: ‖∂hₜ/∂h₀‖ is the norm of ∏ W·diag(σ′(hₜ₋₁)) multiplied out plainly, and of central finite differences",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: the bound ‖∂hₜ/∂h₀‖ ≤ (γs)ᵗ holds at every step on 300 random instances",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: with δ = γs < 1 the gradient vanishes: ‖∂h_T/∂h₀‖ ≤ δ^T, 0.9^500 ≈ 1.3e-23 at T = 500",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: orthogonal W resting where σ′ = γ (tanh and sigmoid at c = 0, ReLU at c > 0) meets the bound (γs)ᵗ at every step",
      },
      {
        file: rnnJacobianTests,
        name:
          "jacobianNorms: nearly tight in the linear-ish regime (orthogonal, tanh, a = 0.05): the rate ‖∂h_T/∂h₀‖^(1/T) is within 2 % of γs; loose for Gaussian W: below 0.7γs",
      },
      {
        file: rnnBrowserTests,
        name:
          "rnn-gradients page: the live ‖∂hₜ/∂h₀‖ is the compute module's exact Jacobian product and stays under (γs)ᵗ, with no console error",
      },
    ],
  },
  {
    result:
      "The reverse condition, λ₁(WᵀW) > δ²/γ², is needed for the gradient to explode but does not make it explode.",
    sources: [["worked-exercises", "5.3"]],
    page: "rnn-gradients",
    tests: [
      {
        file: rnnExampleTests,
        name:
          "necessary: on 200 random instances with γs ≤ 1 the gradient never grows, ‖∂hₜ/∂h₀‖ ≤ 1 at every step",
      },
      {
        file: rnnExampleTests,
        name:
          "not sufficient: tanh with s = 2 (γs = 2) resting at c = 1.5 vanishes as (2·tanh′(1.5))ᵗ ≈ 0.361ᵗ, 10^−26.5 at T = 60 against the bound 2⁶⁰ ≈ 1.15e18",
      },
      {
        file: rnnExampleTests,
        name:
          "not sufficient: the same W (γs = 2) driven by inputs of size a = 3 saturates and its gradient vanishes, below 1e-8 at T = 60 for seeds 1–5",
      },
      {
        file: rnnExampleTests,
        name:
          "not sufficient: ReLU with s = 1.2 (γs = 1.2), resting at its kink, on seed 1 vanishes below 10^−2 at T = 60; over the slider's seeds 0–100 the share of units on averages 0.37 to 0.77 (median 0.50) and the runs end at a median of 10^−4.3, 14 of 101 above 1 and 5 above 100",
      },
      {
        file: rnnExampleTests,
        name:
          "robustness: on 500 fresh seeds (101–600) the ReLU instance ends above 1 and above 100 about as often as on the slider's seeds (within 5 and 3 points) and its median within half a decade",
      },
      {
        file: rnnBrowserTests,
        name:
          "rnn-gradients page: moving the controls moves the chart onto its theory: the bound itself at rest for orthogonal W, (s·σ′(c))ᵗ ≪ (γs)ᵗ when saturated at γs = 2 > 1, far below it for Gaussian W",
      },
    ],
  },
  {
    result:
      "In a bidirectional sigmoid RNN with squared loss, the gradient of L_t with respect to hₜᶠ is −2Vᶠᵀ(zₜ − yₜ), and ∂hₜ₊₁ᶠ/∂hₜᶠ = diag(hₜ₊₁ᶠ ⊙ (1 − hₜ₊₁ᶠ))·Uᶠ; the backward chain mirrors both.",
    sources: [["worked-exercises", "6.2"]],
    page: "rnn-gradients",
    tests: [
      {
        file: brnnTests,
        name:
          "brnnStateGradients: the local terms ∇_{hₜᶠ}Lₜ = −2Vᶠᵀ(zₜ − yₜ) and ∇_{hₜᵇ}Lₜ = −2Vᵇᵀ(zₜ − yₜ) are the whole gradient at the chains' ends, by finite differences",
      },
      {
        file: brnnTests,
        name:
          "brnnDirectPass: ∂hₜ₊₁ᶠ/∂hₜᶠ = diag(hₜ₊₁ᶠ(1 − hₜ₊₁ᶠ))Uᶠ and ∂hₜ₋₁ᵇ/∂hₜᵇ = diag(hₜ₋₁ᵇ(1 − hₜ₋₁ᵇ))Uᵇ, by finite differences",
      },
      {
        file: brnnTests,
        name:
          "brnnStateGradients: ∇_{hₜᶠ}L and ∇_{hₜᵇ}L by the course's recursions match central finite differences at every t, initial states included",
      },
      {
        file: "tests/compute/rnn-gradients/unrolledGraph.test.ts",
        name:
          "gradientSources: ∇_{hₜᶠ}L gathers yₜ and hₜ₊₁ᶠ, ∇_{hₜᵇ}L gathers yₜ and hₜ₋₁ᵇ, the chains' ends and initial states one term each",
      },
    ],
  },
  {
    result:
      "Summing over time, the gradient for Wᶠ is Σₜ diag(hₜᶠ ⊙ (1 − hₜᶠ))·∇_{hₜᶠ}L·xₜᵀ, and for Uᵇ it is Σₜ diag(hₜᵇ ⊙ (1 − hₜᵇ))·∇_{hₜᵇ}L·hₜ₊₁ᵇᵀ.",
    sources: [["worked-exercises", "6.3"]],
    page: "rnn-gradients",
    tests: [
      {
        file: brnnTests,
        name:
          "brnnWeightGradients: ∇_{Wᶠ}L = Σₜ diag(hₜᶠ(1 − hₜᶠ))∇_{hₜᶠ}L xₜᵀ and ∇_{Uᵇ}L = Σₜ diag(hₜᵇ(1 − hₜᵇ))∇_{hₜᵇ}L hₜ₊₁ᵇᵀ match central finite differences",
      },
      {
        file: brnnTfTests,
        name:
          "brnnGradientsTf(tf, net): tfjs autodiff's ∇_{Wᶠ}L and ∇_{Uᵇ}L match the course's formulas to float32 precision (relative 1e-5)",
      },
      {
        file: rnnBrowserTests,
        name:
          "rnn-gradients page: tfjs autodiff gives the course's ∇Wᶠ and ∇Uᵇ to float32 precision and finite differences to 1e-7, seed after seed",
      },
    ],
  },
];

/** "Homework 5, Q5(c)", "Homework 6, Problem 4", "Worked exercises, Section 1.3". */
export function sourceLabel([document, part]: Source): string {
  const { name, part: prefix } = DOCUMENTS[document];
  return `${name}, ${prefix}${part}`;
}
