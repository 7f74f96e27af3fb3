/**
 * The page's sentences and tables against golden texts computed once from the page's code and
 * written out here, over a representative set of the settings the page offers: the defaults and
 * the sliders' ends, batches of 2 and 3, uncorrelated and correlated clouds, weight-norm runs whose
 * steps on w grow and shrink, stopped and finished tfjs checks. Numbers print with 3 to 10 digits,
 * so a 2 % change shows (mutation-checked on smallBatchSentence's bound).
 */
import assert from "node:assert/strict";
import {
  actualStepsSentence,
  batchNoiseSentence,
  batchNoiseTable,
  bn1dTable,
  bnCloudDescription,
  bnTfSummary,
  cloudTable,
  correlationSentence,
  effectiveStepDescription,
  epsilonSentence,
  equivalenceSentence,
  equivalenceTable,
  gradientSentence,
  lengthDescription,
  pathDescription,
  smallBatchSentence,
  stepGrowths,
  stepsSentence,
  type TextTable,
  whiteCloudDescription,
  wnTfSummary,
} from "../../../src/components/normalisation-geometry/geometryText.ts";
import {
  batchNormGaussian1d,
  inputMoments,
  normalWithin,
  pooledOutputBound,
  pooledOutputKurtosis,
  pooledOutputWithin,
  pooledStatistics,
  standardNormals,
} from "../../../src/compute/normalisation-geometry/gaussianBatchNorm.ts";
import {
  batchNoiseMonteCarlo,
  conditionalOutputMoments,
  deltaMethodVariance,
  TRACKED_INPUTS,
} from "../../../src/compute/normalisation-geometry/batchNoise.ts";
import {
  batchNormGaussian2d,
  cloudMoments,
  correlationSE,
} from "../../../src/compute/normalisation-geometry/gaussian2d.ts";
import {
  batchNormOfProjection,
  polarDirection,
  targetLoss,
  vectorNorm,
  weightFromDirection,
  weightNormBatchNormGap,
  weightNormSteps,
  whitenedBatch,
} from "../../../src/compute/normalisation-geometry/weightNorm.ts";
import {
  batchesFor,
  NORMALS_1D,
  SAMPLES_2D,
  WN_BATCH,
  WN_TARGET,
} from "../../../src/compute/normalisation-geometry/geometryPage.ts";

/** A table as text: the header labels, each row's cells in column order, the caption. */
const cells = (t: TextTable) => ({
  labels: t.columns.map((c) => c.label),
  rows: t.rows.map((r) => t.columns.map((c) => c.format(r))),
  caption: t.caption,
});

/** The 1-D part at the defaults, the smallest batch (2) and m = 3. */
const GOLDEN_1D = [
  {
    setting: { mean: 1.5, variance: 0.16, beta: 3, gamma: 1, batch: 256, seed: 1 },
    epsilon:
      "At your input variance σ² = 0.16 that factor is 0.99994; with TensorFlow.js's ε it is 0.9938.",
    smallBatch:
      "At your batch size m = 256 the outputs lie within 15.97γ of β, the exact share within β ± γ is 0.6817 against 0.6827 for the normal, and the fourth moment is 2.977.",
    table: {
      labels: ["quantity", "measured", "exact at m = 256", "N(β, γ²)", "gap"],
      rows: [
        ["input mean, variance", "1.4971, 0.1613", "1.5, 0.16", "", "-1.0, 0.8 SE"],
        ["output mean, variance", "3.0000, 1.0000", "3, 1.0000", "3, 1.0000", "8.0 × 10⁻¹⁵"],
        ["E[((y − β)/γ)⁴]", "2.978", "2.977", "3", "0.0 SE"],
        ["share within β ± γ", "0.6796", "0.6817", "0.6827", "-1.1 SE"],
        ["share within β ± 2γ", "0.9543", "0.9547", "0.9545", "-0.5 SE"],
      ],
      caption: "19968 outputs in 78 batches of 256; gaps in standard errors between batches",
    },
    noiseTable: {
      labels: [
        "input",
        "large-batch output",
        "mean output at m = 256",
        "spread (exact)",
        "Monte Carlo, 200 batches",
      ],
      rows: [
        ["x = μ", "β + 0.000", "β + 0.000", "0.0629", "-0.001 ± 0.0612"],
        ["x = μ + σ", "β + 1.000", "β + 1.001", "0.0767", "0.996 ± 0.0801"],
        ["x = μ + 2σ", "β + 2.000", "β + 1.990", "0.1067", "2.005 ± 0.1088"],
      ],
      caption: "Outputs of three fixed inputs with γ = 1: mean ± spread over batches of 256",
    },
    noise:
      "At m = 256 an input one standard deviation above the mean comes out on average at β + 1.001γ rather than β + γ, give or take 0.077γ from batch to batch (the approximation says 0.077γ).",
  },
  {
    setting: { mean: -3, variance: 0.01, beta: -5, gamma: 0.1, batch: 2, seed: 0 },
    epsilon:
      "At your input variance σ² = 0.01 that factor is 0.99900; with TensorFlow.js's ε it is 0.9091.",
    smallBatch:
      "At your batch size m = 2 the outputs lie within 1.00γ of β, the exact share within β ± γ is 1.0000 against 0.6827 for the normal, and the fourth moment is 1.000.",
    table: {
      labels: ["quantity", "measured", "exact at m = 2", "N(β, γ²)", "gap"],
      rows: [
        ["input mean, variance", "-3.0011, 0.0101", "-3, 0.01", "", "-1.6, 0.9 SE"],
        ["output mean, variance", "-5.0000, 0.0100", "-5, 0.0100", "-5, 0.0100", "1.9 × 10⁻¹⁵"],
        ["E[((y − β)/γ)⁴]", "1.000", "1.000", "3", "0.0 SE"],
        ["share within β ± γ", "0.9992", "1.0000", "0.6827", "-4.0 SE"],
        ["share within β ± 2γ", "1.0000", "1.0000", "0.9545", "exact"],
      ],
      caption: "20000 outputs in 10000 batches of 2; gaps in standard errors between batches",
    },
    noiseTable: {
      labels: [
        "input",
        "large-batch output",
        "mean output at m = 2",
        "spread (exact)",
        "Monte Carlo, 200 batches",
      ],
      rows: [
        ["x = μ", "β + 0.000", "β + 0.000", "0.1000", "-0.003 ± 0.1002"],
        ["x = μ + σ", "β + 0.100", "β + 0.068", "0.0731", "0.066 ± 0.0753"],
        ["x = μ + 2σ", "β + 0.200", "β + 0.095", "0.0298", "0.098 ± 0.0199"],
      ],
      caption: "Outputs of three fixed inputs with γ = 0.1: mean ± spread over batches of 2",
    },
    noise:
      "At m = 2 an input one standard deviation above the mean comes out on average at β + 0.683γ rather than β + γ, give or take 0.731γ from batch to batch (the approximation says 0.866γ).",
  },
  {
    setting: { mean: 0, variance: 1, beta: 0.5, gamma: 2.5, batch: 3, seed: 7 },
    epsilon:
      "At your input variance σ² = 1 that factor is 0.99999; with TensorFlow.js's ε it is 0.9990.",
    smallBatch:
      "At your batch size m = 3 the outputs lie within 1.41γ of β, the exact share within β ± γ is 0.5000 against 0.6827 for the normal, and the fourth moment is 1.500.",
    table: {
      labels: ["quantity", "measured", "exact at m = 3", "N(β, γ²)", "gap"],
      rows: [
        ["input mean, variance", "-0.0043, 1.0038", "0, 1", "", "-0.6, 0.4 SE"],
        ["output mean, variance", "0.5000, 6.2500", "0.5, 6.2500", "0.5, 6.2500", "9.8 × 10⁻¹⁵"],
        ["E[((y − β)/γ)⁴]", "1.500", "1.500", "3", "0.0 SE"],
        ["share within β ± γ", "0.5025", "0.5000", "0.6827", "1.2 SE"],
        ["share within β ± 2γ", "1.0000", "1.0000", "0.9545", "exact"],
      ],
      caption: "20001 outputs in 6667 batches of 3; gaps in standard errors between batches",
    },
    noiseTable: {
      labels: [
        "input",
        "large-batch output",
        "mean output at m = 3",
        "spread (exact)",
        "Monte Carlo, 200 batches",
      ],
      rows: [
        ["x = μ", "β + 0.000", "β + 0.000", "2.1390", "0.097 ± 2.0873"],
        ["x = μ + σ", "β + 2.500", "β + 2.194", "1.4090", "2.188 ± 1.4550"],
        ["x = μ + 2σ", "β + 5.000", "β + 3.033", "0.6030", "3.080 ± 0.5856"],
      ],
      caption: "Outputs of three fixed inputs with γ = 2.5: mean ± spread over batches of 3",
    },
    noise:
      "At m = 3 an input one standard deviation above the mean comes out on average at β + 0.878γ rather than β + γ, give or take 0.564γ from batch to batch (the approximation says 0.707γ).",
  },
];

const theoryAt = (batch: number) => ({
  kurtosis: pooledOutputKurtosis(batch),
  bound: pooledOutputBound(batch),
  within: [1, 2].map((k) => pooledOutputWithin(k, batch)),
  normal: [1, 2].map(normalWithin),
});

Deno.test("epsilonSentence(variance) and smallBatchSentence(batch, theory): golden sentences", () => {
  for (const { setting, epsilon, smallBatch } of GOLDEN_1D) {
    assert.equal(epsilonSentence(setting.variance), epsilon);
    assert.equal(smallBatchSentence(setting.batch, theoryAt(setting.batch)), smallBatch);
  }
});

Deno.test("bn1dTable({mean, variance, beta, gamma, batch}, input, stats, theory): the golden 1-D table cell for cell", () => {
  for (const { setting, table } of GOLDEN_1D) {
    const { mean, variance, beta, gamma, batch, seed } = setting;
    const bn1d = batchNormGaussian1d({
      mean,
      variance,
      beta,
      gamma,
      batchSize: batch,
      batches: batchesFor(batch),
      seed,
      normals: standardNormals(seed, NORMALS_1D),
    });
    const stats1d = pooledStatistics(bn1d.y, batch, beta, gamma);
    const input1d = inputMoments(bn1d.x);
    assert.deepEqual(
      cells(bn1dTable({ mean, variance, beta, gamma, batch }, input1d, stats1d, theoryAt(batch))),
      table,
    );
  }
});

Deno.test("batchNoiseTable(gamma, batch, exact, mc, draws) and batchNoiseSentence(batch, exact, approxSd): golden texts", () => {
  for (const { setting, noiseTable, noise } of GOLDEN_1D) {
    const { gamma, batch, seed } = setting;
    const draws = 200;
    const noiseMc = batchNoiseMonteCarlo({ m: batch, draws, seed });
    const noiseExact = TRACKED_INPUTS.map((z) => conditionalOutputMoments(z, batch));
    assert.deepEqual(cells(batchNoiseTable(gamma, batch, noiseExact, noiseMc, draws)), noiseTable);
    assert.equal(
      batchNoiseSentence(batch, noiseExact, Math.sqrt(deltaMethodVariance(1, batch))),
      noise,
    );
  }
});

const GOLDEN_TF = [
  {
    gamma: 0.1,
    text:
      "TensorFlow.js (wasm, float32) with ε = 0: its outputs differ from the page's by at most 3.2 × 10⁻⁸ of the largest |y − β|. With its default ε = 0.001: by up to 0.0123, and the output variance is 0.0098 instead of 0.0100.",
  },
  {
    gamma: 2.3,
    text:
      "TensorFlow.js (wasm, float32) with ε = 0: its outputs differ from the page's by at most 3.2 × 10⁻⁸ of the largest |y − β|. With its default ε = 0.001: by up to 0.0123, and the output variance is 5.1842 instead of 5.2900.",
  },
];

Deno.test("bnTfSummary(frame, gamma): finished and stopped", () => {
  for (const { gamma, text } of GOLDEN_TF) {
    const frame = {
      backend: "wasm",
      relativeGap: 3.2e-8,
      gapDefault: 0.0123456,
      varianceDefault: gamma ** 2 * 0.98,
    };
    assert.equal(bnTfSummary(frame, gamma), text);
    assert.equal(
      bnTfSummary({ stopped: true }, gamma),
      "Stopped before tfjs finished; move a control to check again.",
    );
  }
});

/** The 2-D part at the defaults and with uncorrelated unit variances. */
const GOLDEN_2D = [
  {
    setting: { mean1: 1.5, mean2: -1, var1: 2, var2: 0.5, rho: 0.7, seed: 1 },
    bnCloud:
      "400 points of a Gaussian centred at (1.5, -1) with variances 2 and 0.5 and correlation 0.7, and the same points after batch norm: centred at the origin with unit variance on each axis, their correlation still 0.696 (the input's sample correlation is 0.696), so the contours stay tilted ellipses.",
    whiteCloud:
      "The same 400 points whitened with their batch covariance: their covariance is the identity (off-diagonal -6.2 × 10⁻¹⁶), so the contours are circles, drawn beside batch norm's tilted ellipses (dashed).",
    table: {
      labels: ["points", "means", "variances", "correlation"],
      rows: [
        ["input (theory)", "1.500, -1.000", "2.000, 0.500", "0.700"],
        ["input (sample)", "1.562, -0.989", "2.031, 0.496", "0.696"],
        ["after batch norm", "0.000, 0.000", "1.000, 1.000", "0.696"],
        ["after whitening", "0.000, 0.000", "1.000, 1.000", "0.000"],
      ],
      caption: "Batch statistics of 400 points (1/n variances)",
    },
    correlation:
      "The sample correlation after batch norm equals the input's to every digit, and it sits 0.1 standard errors from the theory's ρ = 0.7.",
  },
  {
    setting: { mean1: 0, mean2: 0, var1: 1, var2: 1, rho: 0, seed: 5 },
    bnCloud:
      "400 points of a Gaussian centred at (0, 0) with variances 1 and 1 and correlation 0, and the same points after batch norm: centred at the origin with unit variance on each axis, their correlation still -0.034 (the input's sample correlation is -0.034), so the contours stay tilted ellipses.",
    whiteCloud:
      "The same 400 points whitened with their batch covariance: their covariance is the identity (off-diagonal 1.9 × 10⁻¹⁸), so the contours are circles, drawn beside batch norm's tilted ellipses (dashed).",
    table: {
      labels: ["points", "means", "variances", "correlation"],
      rows: [
        ["input (theory)", "0.000, 0.000", "1.000, 1.000", "0.000"],
        ["input (sample)", "-0.030, -0.036", "0.929, 0.986", "-0.034"],
        ["after batch norm", "0.000, 0.000", "1.000, 1.000", "-0.034"],
        ["after whitening", "0.000, 0.000", "1.000, 1.000", "0.000"],
      ],
      caption: "Batch statistics of 400 points (1/n variances)",
    },
    correlation:
      "The sample correlation after batch norm equals the input's to every digit, and it sits 0.7 standard errors from the theory's ρ = 0.",
  },
];

Deno.test("bnCloudDescription, whiteCloudDescription, cloudTable and correlationSentence: golden texts over the 2-D sliders", () => {
  for (const { setting, bnCloud, whiteCloud, table, correlation } of GOLDEN_2D) {
    const { seed, ...settings } = setting;
    const { mean1, mean2, var1, var2, rho } = settings;
    const cloud = batchNormGaussian2d({
      mean: [mean1, mean2],
      variance: [var1, var2],
      rho,
      samples: SAMPLES_2D,
      seed,
    });
    const moments2d = {
      input: cloudMoments(cloud.input),
      bn: cloudMoments(cloud.batchNorm),
      white: cloudMoments(cloud.whitened),
    };
    assert.equal(bnCloudDescription(settings, moments2d), bnCloud);
    assert.equal(whiteCloudDescription(moments2d), whiteCloud);
    assert.deepEqual(cells(cloudTable(settings, moments2d)), table);
    assert.equal(correlationSentence(rho, moments2d, correlationSE(rho, SAMPLES_2D)), correlation);
  }
});

/**
 * Weight norm at the defaults (its steps on w grow once), at the sliders' lower ends (one step)
 * and a run whose steps on w shrink every time.
 */
const GOLDEN_WN = [
  {
    setting: { uLength: 0.5, uAngle: -160, wGamma: 1, wBeta: 0.5, eta: 0.3, steps: 30 },
    table: {
      labels: ["x", "uᵀx", "BN(uᵀx)", "wᵀx + β", "difference"],
      rows: [
        ["(-1.392, -0.952)", "0.81654", "2.1330855752", "2.1330855752", "-8.9 × 10⁻¹⁶"],
        ["(0.034, 0.883)", "-0.16711", "0.1657860430", "0.1657860430", "1.1 × 10⁻¹⁶"],
        ["(-0.324, -0.833)", "0.29473", "1.0894572127", "1.0894572127", "-2.2 × 10⁻¹⁶"],
        ["(-1.108, -1.012)", "0.69350", "1.8869951322", "1.8869951322", "-4.4 × 10⁻¹⁶"],
      ],
      caption: "The first 4 of 256 white points, u₀ = (-0.470, -0.171), γ = 1, β = 0.5",
    },
    equivalence:
      "Over all 256 points the largest difference is 1.3 × 10⁻¹⁵: rounding. On the correlated, uncentred cloud of part 2 the same comparison is off by up to 2.76: without white inputs the two are different layers.",
    path: [
      "From u₀ = (-0.47, -0.17) with γ = 1 and η = 0.3, the step −η∇ᵤL is perpendicular to u₀ and 2.00 times the projection of −η∇_wL; after 30 steps u has grown from length 0.500 to 1.242 (2.48 times), while w stays on the circle of radius γ and the loss falls from 4.414 to 0.500.",
      "From u₀ = (-0.47, -0.17) with γ = 1 and η = 0.3, the step −η∇ᵤL is perpendicular to u₀ and 2.00 times the projection of −η∇_wL; after 30 steps u has grown from length 0.500 to 1.242 (2.48 times), while w stays on the circle of radius γ and the loss falls from 4.414 to 0.500; tfjs's steps (crosses) lie on the same path.",
    ],
    length:
      "‖uₜ‖ over 30 steps rises from 0.500 to 1.242; the closed form √(‖uₜ₋₁‖² + η²‖∇ᵤL‖²) (dashed) matches every step to 1.1 × 10⁻¹⁵ (relative).",
    effectiveStep:
      "The step on w per unit of the projected gradient falls from 1.032 to 0.194 over 30 steps as u grows, following the first-order rate ηγ²/‖uₜ‖² (dashed); the exact step 2γ·sin(½·atan(η‖∇ᵤL‖/‖uₜ‖)) matches the measured one to 3.3 × 10⁻¹⁶.",
    steps:
      "Over 30 steps ‖u‖ grows by a factor 2.48 and the effective step on w shrinks by a factor 6.2; the closed form for ‖uₜ₊₁‖² holds at every step to 1.1 × 10⁻¹⁵.",
    growths: [2],
    actualSteps:
      "The steps on w themselves need not shrink: here ‖wₜ₊₁ − wₜ‖ goes 0.599, 0.873, 0.535, …, and 1 of the 29 later steps are longer than the one before, because they also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves. Only the effective step ηγ²/‖uₜ‖² falls every time.",
  },
  {
    setting: { uLength: 0.1, uAngle: -180, wGamma: 0.25, wBeta: -3, eta: 0.01, steps: 1 },
    table: {
      labels: ["x", "uᵀx", "BN(uᵀx)", "wᵀx + β", "difference"],
      rows: [
        ["(-1.392, -0.952)", "0.13915", "-2.6521193325", "-2.6521193325", "0.0"],
        ["(0.034, 0.883)", "-0.00341", "-3.0085359932", "-3.0085359932", "0.0"],
        ["(-0.324, -0.833)", "0.03242", "-2.9189436265", "-2.9189436265", "0.0"],
        ["(-1.108, -1.012)", "0.11078", "-2.7230534547", "-2.7230534547", "0.0"],
      ],
      caption: "The first 4 of 256 white points, u₀ = (-0.100, 0.000), γ = 0.25, β = -3",
    },
    equivalence:
      "Over all 256 points the largest difference is 4.4 × 10⁻¹⁶: rounding. On the correlated, uncentred cloud of part 2 the same comparison is off by up to 0.73: without white inputs the two are different layers.",
    path: [
      "From u₀ = (-0.10, 0.00) with γ = 0.25 and η = 0.01, the step −η∇ᵤL is perpendicular to u₀ and 2.50 times the projection of −η∇_wL; after 1 steps u has grown from length 0.100 to 0.104 (1.04 times), while w stays on the circle of radius γ and the loss falls from 2.431 to 2.328.",
      "From u₀ = (-0.10, 0.00) with γ = 0.25 and η = 0.01, the step −η∇ᵤL is perpendicular to u₀ and 2.50 times the projection of −η∇_wL; after 1 steps u has grown from length 0.100 to 0.104 (1.04 times), while w stays on the circle of radius γ and the loss falls from 2.431 to 2.328; tfjs's steps (crosses) lie on the same path.",
    ],
    length:
      "‖uₜ‖ over 1 steps rises from 0.100 to 0.104; the closed form √(‖uₜ₋₁‖² + η²‖∇ᵤL‖²) (dashed) matches every step to 1.1 × 10⁻¹⁶ (relative).",
    effectiveStep:
      "The step on w per unit of the projected gradient falls from 0.061 to 0.061 over 1 steps as u grows, following the first-order rate ηγ²/‖uₜ‖² (dashed); the exact step 2γ·sin(½·atan(η‖∇ᵤL‖/‖uₜ‖)) matches the measured one to 0.0.",
    steps:
      "Over 1 steps ‖u‖ grows by a factor 1.04 and the effective step on w shrinks by a factor 1.0; the closed form for ‖uₜ₊₁‖² holds at every step to 1.1 × 10⁻¹⁶.",
    growths: [],
    actualSteps:
      "Here w takes one step, ‖w₁ − w₀‖ = 0.0726: with nothing to compare it with, take more steps to see whether they shrink. Only the effective step ηγ²/‖uₜ‖² is sure to fall; the steps on w also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves.",
  },
  {
    setting: { uLength: 2, uAngle: 0, wGamma: 0.8, wBeta: 1.1, eta: 0.7, steps: 4 },
    table: {
      labels: ["x", "uᵀx", "BN(uᵀx)", "wᵀx + β", "difference"],
      rows: [
        ["(-1.392, -0.952)", "-2.78305", "-0.0132181359", "-0.0132181359", "0.0"],
        ["(0.034, 0.883)", "0.06829", "1.1273151783", "1.1273151783", "0.0"],
        ["(-0.324, -0.833)", "-0.64845", "0.8406196049", "0.8406196049", "0.0"],
        ["(-1.108, -1.012)", "-2.21557", "0.2137710551", "0.2137710551", "0.0"],
      ],
      caption: "The first 4 of 256 white points, u₀ = (2.000, 0.000), γ = 0.8, β = 1.1",
    },
    equivalence:
      "Over all 256 points the largest difference is 2.2 × 10⁻¹⁶: rounding. On the correlated, uncentred cloud of part 2 the same comparison is off by up to 2.33: without white inputs the two are different layers.",
    path: [
      "From u₀ = (2.00, 0.00) with γ = 0.8 and η = 0.7, the step −η∇ᵤL is perpendicular to u₀ and 0.40 times the projection of −η∇_wL; after 4 steps u has grown from length 2.000 to 2.057 (1.03 times), while w stays on the circle of radius γ and the loss falls from 1.040 to 0.749.",
      "From u₀ = (2.00, 0.00) with γ = 0.8 and η = 0.7, the step −η∇ᵤL is perpendicular to u₀ and 0.40 times the projection of −η∇_wL; after 4 steps u has grown from length 2.000 to 2.057 (1.03 times), while w stays on the circle of radius γ and the loss falls from 1.040 to 0.749; tfjs's steps (crosses) lie on the same path.",
    ],
    length:
      "‖uₜ‖ over 4 steps rises from 2.000 to 2.057; the closed form √(‖uₜ₋₁‖² + η²‖∇ᵤL‖²) (dashed) matches every step to 4.4 × 10⁻¹⁶ (relative).",
    effectiveStep:
      "The step on w per unit of the projected gradient falls from 0.111 to 0.106 over 4 steps as u grows, following the first-order rate ηγ²/‖uₜ‖² (dashed); the exact step 2γ·sin(½·atan(η‖∇ᵤL‖/‖uₜ‖)) matches the measured one to 4.2 × 10⁻¹⁷.",
    steps:
      "Over 4 steps ‖u‖ grows by a factor 1.03 and the effective step on w shrinks by a factor 1.1; the closed form for ‖uₜ₊₁‖² holds at every step to 4.4 × 10⁻¹⁶.",
    growths: [],
    actualSteps:
      "Here the steps on w, ‖wₜ₊₁ − wₜ‖ = 0.133, 0.0994, 0.0739, …, shrink at every step too, but that is not guaranteed: they also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves. Only the effective step ηγ²/‖uₜ‖² is sure to fall.",
  },
];

Deno.test("equivalenceTable(rows, bnValues, {u0, w0, wGamma, wBeta}) and equivalenceSentence(bnGap, rawGap): golden texts", () => {
  const whiteRows = whitenedBatch(WN_BATCH, 2, 1);
  const cloud = batchNormGaussian2d({
    mean: [1.5, -1],
    variance: [2, 0.5],
    rho: 0.7,
    samples: SAMPLES_2D,
    seed: 1,
  });
  const rawRows = Array.from(cloud.input.x, (x, i) => [x, cloud.input.y[i]]);
  for (const { setting, table, equivalence } of GOLDEN_WN) {
    const { uLength, uAngle, wGamma, wBeta } = setting;
    const u0 = polarDirection(uLength, uAngle);
    const w0 = weightFromDirection(u0, wGamma);
    const bnValues = batchNormOfProjection(whiteRows, u0, wGamma, wBeta);
    assert.deepEqual(
      cells(equivalenceTable(whiteRows, bnValues, { u0, w0, wGamma, wBeta })),
      table,
    );
    const bnGap = weightNormBatchNormGap(whiteRows, u0, wGamma, wBeta);
    const rawGap = weightNormBatchNormGap(rawRows, u0, wGamma, wBeta);
    assert.equal(equivalenceSentence(bnGap, rawGap), equivalence);
  }
});

const GOLDEN_GRADIENT = [
  "At your u₀ the closed form and the finite differences differ by 3.1 × 10⁻¹¹ relative to the gradient's size, and u₀ᵀ∇ᵤL is 0.0 of ‖u₀‖·‖∇ᵤL‖.",
  "At your u₀ the closed form and the finite differences differ by 2.0 × 10⁻⁹ relative to the gradient's size, and u₀ᵀ∇ᵤL is 1.4 × 10⁻¹⁷ of ‖u₀‖·‖∇ᵤL‖.",
];

/** wnTfSummary at 30 steps: finished, stopped with no step count, stopped before and midway. */
const GOLDEN_WN_TF = [
  "TensorFlow.js (webgpu, float32) differentiated L(γu/‖u‖) by itself: its ∇ᵤL at u₀ differs from the closed form by 1.2 × 10⁻⁷ and its ∂L/∂γ by 3.0 × 10⁻⁸ (relative); its 30 steps stay within 4.5 × 10⁻⁶ (relative) of the double-precision path.",
  "Stopped before tfjs finished; move a control to check again.",
  "Stopped before tfjs finished; move a control to check again.",
  "Stopped after 12 of 30 tfjs steps.",
];

Deno.test("gradientSentence(fdError, orthogonality) and wnTfSummary(frame, steps): finished, stopped early, stopped midway", () => {
  [[3.1e-11, 0], [2e-9, 1.4e-17]].forEach(([fdError, orthogonality], k) =>
    assert.equal(gradientSentence(fdError, orthogonality), GOLDEN_GRADIENT[k])
  );
  [
    { backend: "webgpu", gradError: 1.2e-7, gammaError: 3e-8, pathGap: 4.5e-6, stepsDone: 30 },
    { stopped: true },
    { stopped: true, stepsDone: 0 },
    { stopped: true, stepsDone: 12 },
  ].forEach((frame, k) => assert.equal(wnTfSummary(frame, 30), GOLDEN_WN_TF[k]));
});

Deno.test("pathDescription, lengthDescription, effectiveStepDescription, stepsSentence, actualStepsSentence: golden texts over the weight-norm sliders (one step: nothing to compare)", () => {
  for (const golden of GOLDEN_WN) {
    const { uLength, uAngle, wGamma, eta, steps } = golden.setting;
    const u0 = polarDirection(uLength, uAngle);
    const wnRun = weightNormSteps({ u0, gamma: wGamma, eta, steps, loss: targetLoss(WN_TARGET) });
    const normGap = Math.max(
      ...wnRun.nextNormSquared.map((v, t) => Math.abs(vectorNorm(wnRun.u[t + 1]) ** 2 / v - 1)),
    );
    const stepGap = Math.max(...wnRun.wStep.map((s, t) => Math.abs(s - wnRun.wStepTheory[t])));
    const tangential = wnRun.gradU.map((g, t) => vectorNorm(g) * wnRun.uNorm[t] / wGamma);
    const effective = wnRun.wStep.map((s, t) => tangential[t] > 0 ? s / tangential[t] : NaN);
    const firstOrder = wnRun.uNorm.slice(0, steps).map((n) => eta * wGamma ** 2 / n ** 2);
    const report = {
      u0,
      uLength,
      wGamma,
      eta,
      steps,
      ...wnRun,
      effective,
      firstOrder,
      normGap,
      stepGap,
    };
    assert.deepEqual([false, true].map((done) => pathDescription(report, done)), golden.path);
    assert.equal(lengthDescription(report), golden.length);
    assert.equal(effectiveStepDescription(report), golden.effectiveStep);
    assert.equal(stepsSentence(report), golden.steps);
    assert.deepEqual(stepGrowths(wnRun.wStep), golden.growths);
    assert.equal(actualStepsSentence(wnRun.wStep), golden.actualSteps);
  }
  // Both branches of actualStepsSentence are exercised.
  const grew = GOLDEN_WN.filter((g) => g.growths.length > 0).length;
  assert.ok(grew > 0 && grew < GOLDEN_WN.length, `grew ${grew} of ${GOLDEN_WN.length}`);
});

Deno.test("actualStepsSentence(wStep) prints tiny steps to 3 significant digits, never as 0.000", () => {
  const sentence = actualStepsSentence([3.634e-4, 3.631e-4, 3.62e-4]);
  assert.match(sentence, /= 3\.63 × 10⁻⁴, 3\.63 × 10⁻⁴, 3\.62 × 10⁻⁴, shrink at every step too/);
  assert.doesNotMatch(sentence, /0\.000/);
});
