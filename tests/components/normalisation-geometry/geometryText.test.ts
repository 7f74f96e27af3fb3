/**
 * The page's sentences and tables, word for word against the template literals the page used to
 * build inline (copied here verbatim as the oracle), over the settings the page offers: the
 * sliders' ends, the defaults, batches of 2, 3 and 4, stopped and finished tfjs checks.
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
  short,
  smallBatchSentence,
  stepGrowths,
  stepsSentence,
  type TextTable,
  whiteCloudDescription,
  wnTfSummary,
} from "../../../src/components/normalisation-geometry/geometryText.ts";
import { num, sciText } from "../../../src/components/math.ts";
import { TFJS_EPSILON, TORCH_EPSILON } from "../../../src/compute/epsilons.ts";
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
  dotProduct,
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

type Row = Record<string, string>;
/** A table as text: the header labels, each row's cells in column order, the caption. */
const cells = (t: TextTable) => ({
  labels: t.columns.map((c) => c.label),
  rows: t.rows.map((r) => t.columns.map((c) => c.format(r))),
  caption: t.caption,
});
const oldCells = (labels: string[], keys: string[], rows: Row[], caption: string) => ({
  labels,
  rows: rows.map((r) => keys.map((k) => r[k])),
  caption,
});

// The sliders' ends and the defaults.
const CASES_1D = [
  { mean: 1.5, variance: 0.16, beta: 3, gamma: 1, batch: 256, seed: 1 },
  { mean: -3, variance: 0.01, beta: -5, gamma: 0.1, batch: 2, seed: 0 },
  { mean: 3, variance: 4, beta: 5, gamma: 3, batch: 1024, seed: 100 },
  { mean: 0, variance: 1, beta: 0.5, gamma: 2.5, batch: 3, seed: 7 },
  { mean: 0.3, variance: 2.22, beta: -1.2, gamma: 0.7, batch: 4, seed: 42 },
  { mean: -1.1, variance: 0.5, beta: 0, gamma: 1.3, batch: 17, seed: 3 },
];

Deno.test("epsilonSentence(variance) and smallBatchSentence(batch, theory) read as the page's inline sentences did", () => {
  for (const { variance, batch } of CASES_1D) {
    assert.equal(
      epsilonSentence(variance),
      `At your input variance σ² = ${variance} that factor is ${
        num(variance / (variance + TORCH_EPSILON), 5)
      }; with TensorFlow.js's ε it is ${num(variance / (variance + TFJS_EPSILON), 4)}.`,
    );
    const theory1d = {
      kurtosis: pooledOutputKurtosis(batch),
      bound: pooledOutputBound(batch),
      within: [1, 2].map((k) => pooledOutputWithin(k, batch)),
      normal: [1, 2].map(normalWithin),
    };
    assert.equal(
      smallBatchSentence(batch, theory1d),
      `At your batch size m = ${batch} the outputs lie within ${
        num(theory1d.bound, 2)
      }γ of β, the exact share within β ± γ is ${num(theory1d.within[0], 4)} against ${
        num(theory1d.normal[0], 4)
      } for the normal, and the fourth moment is ${num(theory1d.kurtosis, 3)}.`,
    );
  }
});

Deno.test("bn1dTable({mean, variance, beta, gamma, batch}, input, stats, theory): the 1-D table cell for cell", () => {
  for (const { mean, variance, beta, gamma, batch, seed } of CASES_1D) {
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
    const theory1d = {
      kurtosis: pooledOutputKurtosis(batch),
      bound: pooledOutputBound(batch),
      within: [1, 2].map((k) => pooledOutputWithin(k, batch)),
      normal: [1, 2].map(normalWithin),
    };
    const z4 = (value: number, se: number, theory: number) =>
      se > 0 ? `${num((value - theory) / se, 1)} SE` : "exact";
    const expected = oldCells(
      ["quantity", "measured", `exact at m = ${batch}`, "N(β, γ²)", "gap"],
      ["quantity", "measured", "exact", "normal", "gap"],
      [
        {
          quantity: "input mean, variance",
          measured: `${num(input1d.mean, 4)}, ${num(input1d.variance, 4)}`,
          exact: `${mean}, ${variance}`,
          normal: "",
          gap: `${num((input1d.mean - mean) / input1d.meanSE, 1)}, ${
            num((input1d.variance - variance) / input1d.varianceSE, 1)
          } SE`,
        },
        {
          quantity: "output mean, variance",
          measured: `${num(stats1d.mean, 4)}, ${num(stats1d.variance, 4)}`,
          exact: `${beta}, ${num(gamma ** 2, 4)}`,
          normal: `${beta}, ${num(gamma ** 2, 4)}`,
          gap: sciText(
            Math.max(Math.abs(stats1d.mean - beta), Math.abs(stats1d.variance - gamma ** 2)),
          ),
        },
        {
          quantity: "E[((y − β)/γ)⁴]",
          measured: num(stats1d.kurtosis, 3),
          exact: num(theory1d.kurtosis, 3),
          normal: "3",
          gap: z4(stats1d.kurtosis, stats1d.kurtosisSE, theory1d.kurtosis),
        },
        ...stats1d.within.map((w, j) => ({
          quantity: `share within β ± ${w.k === 1 ? "" : w.k}γ`,
          measured: num(w.share, 4),
          exact: num(theory1d.within[j], 4),
          normal: num(theory1d.normal[j], 4),
          gap: z4(w.share, w.standardError, theory1d.within[j]),
        })),
      ],
      `${stats1d.count} outputs in ${stats1d.batches} batches of ${batch}; gaps in standard errors between batches`,
    );
    assert.deepEqual(
      cells(bn1dTable({ mean, variance, beta, gamma, batch }, input1d, stats1d, theory1d)),
      expected,
    );
  }
});

Deno.test("batchNoiseTable(gamma, batch, exact, mc, draws) and batchNoiseSentence(batch, exact, approxSd)", () => {
  for (const { gamma, batch, seed } of CASES_1D) {
    const draws = 200;
    const noiseMc = batchNoiseMonteCarlo({ m: batch, draws, seed });
    const noiseExact = TRACKED_INPUTS.map((z) => conditionalOutputMoments(z, batch));
    const expected = oldCells(
      [
        "input",
        "large-batch output",
        `mean output at m = ${batch}`,
        "spread (exact)",
        `Monte Carlo, ${draws} batches`,
      ],
      ["input", "limit", "mean", "sd", "mc"],
      TRACKED_INPUTS.map((z, j) => ({
        input: z === 0 ? "x = μ" : `x = μ + ${z === 1 ? "" : z}σ`,
        limit: `β + ${num(z * gamma, 3)}`,
        mean: `β + ${num(gamma * noiseExact[j].mean, 3)}`,
        sd: `${num(gamma * Math.sqrt(noiseExact[j].variance), 4)}`,
        mc: `${num(gamma * noiseMc[j].mean, 3)} ± ${
          num(gamma * Math.sqrt(noiseMc[j].variance), 4)
        }`,
      })),
      `Outputs of three fixed inputs with γ = ${gamma}: mean ± spread over batches of ${batch}`,
    );
    assert.deepEqual(cells(batchNoiseTable(gamma, batch, noiseExact, noiseMc, draws)), expected);
    assert.equal(
      batchNoiseSentence(batch, noiseExact, Math.sqrt(deltaMethodVariance(1, batch))),
      `At m = ${batch} an input one standard deviation above the mean comes out on average at β + ${
        num(noiseExact[1].mean, 3)
      }γ rather than β + γ, give or take ${
        num(Math.sqrt(noiseExact[1].variance), 3)
      }γ from batch to batch (the approximation says ${
        num(Math.sqrt(deltaMethodVariance(1, batch)), 3)
      }γ).`,
    );
  }
});

Deno.test("bnTfSummary(frame, gamma): finished and stopped", () => {
  for (const gamma of [0.1, 1, 2.3, 3]) {
    const frame = {
      backend: "wasm",
      relativeGap: 3.2e-8,
      gapDefault: 0.0123456,
      varianceDefault: gamma ** 2 * 0.98,
    };
    assert.equal(
      bnTfSummary(frame, gamma),
      `TensorFlow.js (${frame.backend}, float32) with ε = 0: its outputs differ from the page's by at most ${
        sciText(frame.relativeGap)
      } of the largest |y − β|. With its default ε = ${TFJS_EPSILON}: by up to ${
        num(frame.gapDefault, 4)
      }, and the output variance is ${num(frame.varianceDefault, 4)} instead of ${
        num(gamma ** 2, 4)
      }.`,
    );
    assert.equal(
      bnTfSummary({ stopped: true }, gamma),
      "Stopped before tfjs finished; move a control to check again.",
    );
  }
});

const CASES_2D = [
  { mean1: 1.5, mean2: -1, var1: 2, var2: 0.5, rho: 0.7, seed: 1 },
  { mean1: -3, mean2: 3, var1: 0.05, var2: 4, rho: -0.95, seed: 0 },
  { mean1: 3, mean2: -3, var1: 4, var2: 0.05, rho: 0.95, seed: 100 },
  { mean1: 0, mean2: 0, var1: 1, var2: 1, rho: 0, seed: 5 },
];

Deno.test("bnCloudDescription, whiteCloudDescription, cloudTable and correlationSentence over the 2-D sliders", () => {
  for (const { mean1, mean2, var1, var2, rho, seed } of CASES_2D) {
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
    const settings = { mean1, mean2, var1, var2, rho };
    assert.equal(
      bnCloudDescription(settings, moments2d),
      `${SAMPLES_2D} points of a Gaussian centred at (${mean1}, ${mean2}) with variances ${var1} and ${var2} and correlation ${rho}, and the same points after batch norm: centred at the origin with unit variance on each axis, their correlation still ${
        num(moments2d.bn.correlation, 3)
      } (the input's sample correlation is ${
        num(moments2d.input.correlation, 3)
      }), so the contours stay tilted ellipses.`,
    );
    assert.equal(
      whiteCloudDescription(moments2d),
      `The same ${SAMPLES_2D} points whitened with their batch covariance: their covariance is the identity (off-diagonal ${
        sciText(moments2d.white.cov.b)
      }), so the contours are circles, drawn beside batch norm's tilted ellipses (dashed).`,
    );
    const fmtPair = (a: number, b: number) => `${num(a, 3)}, ${num(b, 3)}`;
    const expected = oldCells(
      ["points", "means", "variances", "correlation"],
      ["name", "means", "variances", "corr"],
      [
        {
          name: "input (theory)",
          means: fmtPair(mean1, mean2),
          variances: fmtPair(var1, var2),
          corr: num(rho, 3),
        },
        {
          name: "input (sample)",
          means: fmtPair(...moments2d.input.mean),
          variances: fmtPair(moments2d.input.cov.a, moments2d.input.cov.c),
          corr: num(moments2d.input.correlation, 3),
        },
        {
          name: "after batch norm",
          means: fmtPair(...moments2d.bn.mean),
          variances: fmtPair(moments2d.bn.cov.a, moments2d.bn.cov.c),
          corr: num(moments2d.bn.correlation, 3),
        },
        {
          name: "after whitening",
          means: fmtPair(...moments2d.white.mean),
          variances: fmtPair(moments2d.white.cov.a, moments2d.white.cov.c),
          corr: num(moments2d.white.correlation, 3),
        },
      ],
      `Batch statistics of ${SAMPLES_2D} points (1/n variances)`,
    );
    assert.deepEqual(cells(cloudTable(settings, moments2d)), expected);
    assert.equal(
      correlationSentence(rho, moments2d, correlationSE(rho, SAMPLES_2D)),
      `The sample correlation after batch norm equals the input's to every digit, and it sits ${
        num(Math.abs(moments2d.bn.correlation - rho) / correlationSE(rho, SAMPLES_2D), 1)
      } standard errors from the theory's ρ = ${rho}.`,
    );
  }
});

// u₀ length, angle, γ, β, η, steps: defaults, the sliders' ends, and runs whose steps on w grow or shrink.
const CASES_WN = [
  { uLength: 0.5, uAngle: -160, wGamma: 1, wBeta: 0.5, eta: 0.3, steps: 30 },
  { uLength: 0.1, uAngle: -180, wGamma: 0.25, wBeta: -3, eta: 0.01, steps: 1 },
  { uLength: 4, uAngle: 180, wGamma: 3, wBeta: 3, eta: 2, steps: 200 },
  { uLength: 1.2, uAngle: 37, wGamma: 1.5, wBeta: 0, eta: 0.05, steps: 3 },
  { uLength: 2, uAngle: 0, wGamma: 0.8, wBeta: 1.1, eta: 0.7, steps: 4 },
];

Deno.test("equivalenceTable(rows, bnValues, {u0, w0, wGamma, wBeta}) and equivalenceSentence(bnGap, rawGap)", () => {
  const whiteRows = whitenedBatch(WN_BATCH, 2, 1);
  const cloud = batchNormGaussian2d({
    mean: [1.5, -1],
    variance: [2, 0.5],
    rho: 0.7,
    samples: SAMPLES_2D,
    seed: 1,
  });
  const rawRows = Array.from(cloud.input.x, (x, i) => [x, cloud.input.y[i]]);
  for (const { uLength, uAngle, wGamma, wBeta } of CASES_WN) {
    const u0 = polarDirection(uLength, uAngle);
    const w0 = weightFromDirection(u0, wGamma);
    const bnValues = batchNormOfProjection(whiteRows, u0, wGamma, wBeta);
    const expected = oldCells(
      ["x", "uᵀx", "BN(uᵀx)", "wᵀx + β", "difference"],
      ["x", "pre", "bn", "wx", "gap"],
      whiteRows.slice(0, 4).map((x, i) => ({
        x: `(${num(x[0], 3)}, ${num(x[1], 3)})`,
        pre: num(dotProduct(u0, x), 5),
        bn: num(bnValues[i], 10),
        wx: num(dotProduct(w0, x) + wBeta, 10),
        gap: sciText(bnValues[i] - dotProduct(w0, x) - wBeta),
      })),
      `The first 4 of ${WN_BATCH} white points, u₀ = (${num(u0[0], 3)}, ${
        num(u0[1], 3)
      }), γ = ${wGamma}, β = ${wBeta}`,
    );
    assert.deepEqual(
      cells(equivalenceTable(whiteRows, bnValues, { u0, w0, wGamma, wBeta })),
      expected,
    );
    const bnGap = weightNormBatchNormGap(whiteRows, u0, wGamma, wBeta);
    const rawGap = weightNormBatchNormGap(rawRows, u0, wGamma, wBeta);
    assert.equal(
      equivalenceSentence(bnGap, rawGap),
      `Over all ${WN_BATCH} points the largest difference is ${
        sciText(bnGap)
      }: rounding. On the correlated, uncentred cloud of part 2 the same comparison is off by up to ${
        num(rawGap, 2)
      }: without white inputs the two are different layers.`,
    );
  }
});

Deno.test("gradientSentence(fdError, orthogonality) and wnTfSummary(frame, steps): finished, stopped early, stopped midway", () => {
  for (const [fdError, orthogonality] of [[3.1e-11, 0], [2e-9, 1.4e-17]]) {
    assert.equal(
      gradientSentence(fdError, orthogonality),
      `At your u₀ the closed form and the finite differences differ by ${
        sciText(fdError)
      } relative to the gradient's size, and u₀ᵀ∇ᵤL is ${sciText(orthogonality)} of ‖u₀‖·‖∇ᵤL‖.`,
    );
  }
  const old = (frame: Record<string, number | string | boolean | undefined>, steps: number) =>
    frame.stopped
      ? (frame.stepsDone
        ? `Stopped after ${frame.stepsDone} of ${steps} tfjs steps.`
        : "Stopped before tfjs finished; move a control to check again.")
      : `TensorFlow.js (${frame.backend}, float32) differentiated L(γu/‖u‖) by itself: its ∇ᵤL at u₀ differs from the closed form by ${
        sciText(frame.gradError as number)
      } and its ∂L/∂γ by ${
        sciText(frame.gammaError as number)
      } (relative); its ${frame.stepsDone} steps stay within ${
        sciText(frame.pathGap as number)
      } (relative) of the double-precision path.`;
  for (
    const frame of [
      { backend: "webgpu", gradError: 1.2e-7, gammaError: 3e-8, pathGap: 4.5e-6, stepsDone: 30 },
      { stopped: true },
      { stopped: true, stepsDone: 0 },
      { stopped: true, stepsDone: 12 },
    ]
  ) {
    for (const steps of [1, 30, 200]) assert.equal(wnTfSummary(frame, steps), old(frame, steps));
  }
});

Deno.test("pathDescription, lengthDescription, effectiveStepDescription, stepsSentence, actualStepsSentence over the weight-norm sliders", () => {
  let grew = 0, shrank = 0;
  for (const { uLength, uAngle, wGamma, eta, steps } of CASES_WN) {
    const u0 = polarDirection(uLength, uAngle);
    const wnRun = weightNormSteps({ u0, gamma: wGamma, eta, steps, loss: targetLoss(WN_TARGET) });
    const normGap = Math.max(
      ...wnRun.nextNormSquared.map((v, t) => Math.abs(vectorNorm(wnRun.u[t + 1]) ** 2 / v - 1)),
    );
    const stepGap = Math.max(...wnRun.wStep.map((s, t) => Math.abs(s - wnRun.wStepTheory[t])));
    const tangential = wnRun.gradU.map((g, t) => vectorNorm(g) * wnRun.uNorm[t] / wGamma);
    const effective = wnRun.wStep.map((s, t) => tangential[t] > 0 ? s / tangential[t] : NaN);
    const firstOrder = wnRun.uNorm.slice(0, steps).map((n) => eta * wGamma ** 2 / n ** 2);
    const grow = (wnRun.uNorm.at(-1) as number) / wnRun.uNorm[0];
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
    for (const done of [false, true]) {
      assert.equal(
        pathDescription(report, done),
        `From u₀ = (${num(u0[0], 2)}, ${num(u0[1], 2)}) with γ = ${wGamma} and η = ${
          short(eta)
        }, the step −η∇ᵤL is perpendicular to u₀ and ${
          num(wGamma / uLength, 2)
        } times the projection of −η∇_wL; after ${steps} steps u has grown from length ${
          num(wnRun.uNorm[0], 3)
        } to ${num(wnRun.uNorm.at(-1) as number, 3)} (${
          num(grow, 2)
        } times), while w stays on the circle of radius γ and the loss falls from ${
          num(wnRun.loss[0], 3)
        } to ${num(wnRun.loss.at(-1) as number, 3)}${
          done ? "; tfjs's steps (crosses) lie on the same path" : ""
        }.`,
      );
    }
    assert.equal(
      lengthDescription(report),
      `‖uₜ‖ over ${steps} steps rises from ${num(wnRun.uNorm[0], 3)} to ${
        num(wnRun.uNorm.at(-1) as number, 3)
      }; the closed form √(‖uₜ₋₁‖² + η²‖∇ᵤL‖²) (dashed) matches every step to ${
        sciText(normGap)
      } (relative).`,
    );
    assert.equal(
      effectiveStepDescription(report),
      `The step on w per unit of the projected gradient falls from ${num(effective[0], 3)} to ${
        num(effective.at(-1) as number, 3)
      } over ${steps} steps as u grows, following the first-order rate ηγ²/‖uₜ‖² (dashed); the exact step 2γ·sin(½·atan(η‖∇ᵤL‖/‖uₜ‖)) matches the measured one to ${
        sciText(stepGap)
      }.`,
    );
    assert.equal(
      stepsSentence(report),
      `Over ${steps} steps ‖u‖ grows by a factor ${
        num(grow, 2)
      } and the effective step on w shrinks by a factor ${
        num(firstOrder[0] / (firstOrder.at(-1) as number), 1)
      }; the closed form for ‖uₜ₊₁‖² holds at every step to ${sciText(normGap)}.`,
    );
    const growths = wnRun.wStep.flatMap((s, t) => (t > 0 && s > wnRun.wStep[t - 1] ? [t + 1] : []));
    assert.deepEqual(stepGrowths(wnRun.wStep), growths);
    const firstSteps = wnRun.wStep.slice(0, 3).map((s) => num(s, 3)).join(", ");
    const more = wnRun.wStep.length > 3 ? ", …" : "";
    assert.equal(
      actualStepsSentence(wnRun.wStep),
      growths.length
        ? `The steps on w themselves need not shrink: here ‖wₜ₊₁ − wₜ‖ goes ${firstSteps}${more}, and ${growths.length} of the ${
          wnRun.wStep.length - 1
        } later steps are longer than the one before, because they also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves. Only the effective step ηγ²/‖uₜ‖² falls every time.`
        : `Here the steps on w, ‖wₜ₊₁ − wₜ‖ = ${firstSteps}${more}, shrink at every step too, but that is not guaranteed: they also follow the projected gradient ‖W⊥∇_wL‖, which changes as w moves. Only the effective step ηγ²/‖uₜ‖² is sure to fall.`,
    );
    if (growths.length) grew++;
    else shrank++;
  }
  // Both branches of actualStepsSentence are exercised.
  assert.ok(grew > 0 && shrank > 0, `grew ${grew}, shrank ${shrank}`);
});
