/**
 * The normalisation-geometry page in real headless Chromium, against the built site in dist/: the
 * batch-norm views are the compute modules' results (same seeded draws) and sit on their theory,
 * the sliders move the charts onto the new theory, tfjs's autodiff matches the closed-form
 * gradient, and tensors do not leak (bad links: refusedLinks, in quality.test.ts). One browser
 * session for the file; one page load per test.
 */
import assert from "node:assert/strict";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, chartMarkup, setControl } from "./controls.ts";
import { armStop, assertStopped } from "./stopLive.ts";
import { cardIn, commitPrediction, commitThenMove } from "./predictionSteps.ts";
import {
  batchNormGaussian1d,
  normalWithin,
  pooledOutputKurtosis,
  pooledOutputWithin,
  pooledStatistics,
} from "../../src/compute/normalisation-geometry/gaussianBatchNorm.ts";
import { conditionalOutputMoments } from "../../src/compute/normalisation-geometry/batchNoise.ts";
import { batchesFor, SAMPLES_2D } from "../../src/compute/normalisation-geometry/geometryPage.ts";

const path = "/pages/normalisation-geometry";

type Settings = Record<string, number>;

interface Bn1dHook {
  settings: Settings;
  count: number;
  stats: ReturnType<typeof pooledStatistics>;
  input: { mean: number; meanSE: number; variance: number; varianceSE: number };
}

interface NoiseHook {
  settings: Settings;
  mc: { z: number; mean: number; meanSE: number; variance: number; varianceSE: number }[];
}

interface Moments {
  mean: [number, number];
  cov: { a: number; b: number; c: number };
  correlation: number;
}

interface Bn2dHook {
  settings: Settings;
  n: number;
  correlationSE: number;
  input: Moments;
  bn: Moments;
  white: Moments;
}

interface WeightNormHook {
  settings: Settings;
  fdError: number;
  orthogonality: number;
  normGap: number;
  stepGap: number;
  uNorm: number[];
}

interface BnTfHook {
  settings: Settings;
  backend: string;
  relativeGap: number;
  gapDefault: number;
  varianceDefault: number;
}

interface WeightNormTfHook {
  settings: Settings;
  backend: string;
  gradError: number;
  gammaError: number;
  pathGap: number;
  stepsDone: number;
}

/** Within 4 standard errors; plus rounding, for what every batch fixes exactly (E[u⁴] at m = 3). */
const within = (value: number, se: number, theory: number, label: string) =>
  assert.ok(
    Math.abs(value - theory) <= 4 * se + 1e-12,
    `${label}: ${value} ± ${se} against ${theory} (${((value - theory) / se).toFixed(2)} SE)`,
  );

/**
 * The page's 1-D view against theory: within every batch the outputs have mean β and variance γ²
 * exactly, and the pooled shape (fourth moment, shares within β ± γ and β ± 2γ) is the exact law
 * for batches of m, within 4 standard errors; the page's numbers are Deno's for the same seed.
 */
function checkBn1d(hook: Bn1dHook) {
  const { mean, variance, beta, gamma, batch, seed } = hook.settings;
  const { stats } = hook;
  assert.ok(Math.abs(stats.mean - beta) < 1e-12, `mean ${stats.mean} against β = ${beta}`);
  assert.ok(Math.abs(stats.variance / gamma ** 2 - 1) < 1e-12, `variance ${stats.variance}`);
  if (batch > 2) {
    within(stats.kurtosis, stats.kurtosisSE, pooledOutputKurtosis(batch), "fourth moment");
  }
  for (const { k, share, standardError } of stats.within) {
    if (k * k >= batch - 1) assert.equal(share, 1);
    else within(share, standardError, pooledOutputWithin(k, batch), `share within ${k}γ`);
  }
  within(hook.input.mean, hook.input.meanSE, mean, "input mean");
  within(hook.input.variance, hook.input.varianceSE, variance, "input variance");
  const deno = batchNormGaussian1d({
    mean,
    variance,
    beta,
    gamma,
    batchSize: batch,
    batches: batchesFor(batch),
    seed,
  });
  const denoStats = pooledStatistics(deno.y, batch, beta, gamma);
  assert.equal(hook.count, deno.y.length);
  assert.ok(Math.abs(stats.kurtosis - denoStats.kurtosis) < 1e-12);
  assert.deepEqual(stats.within.map((w) => w.share), denoStats.within.map((w) => w.share));
}

const { test, open } = browserFixture();

test({
  name:
    "normalisation-geometry page: BN output moments match N(β, γ²) within sampling error, 2-D BN keeps ρ, and tfjs autodiff matches the closed form, with no console error",
  async fn() {
    const { page } = await open(path);
    assert.equal(await backend(page), "wasm");
    await waitForDrawn(page);
    const bn1d = await waitForHook<Bn1dHook>(page, "bn1d", { mean: 1.5, variance: 0.16, beta: 3 });
    checkBn1d(bn1d);
    // At m = 256 the exact shares are within 0.5 % of the normal's.
    bn1d.stats.within.forEach(({ k }) =>
      assert.ok(Math.abs(pooledOutputWithin(k, 256) / normalWithin(k) - 1) < 0.005)
    );
    const bnTf = await waitForHook<BnTfHook>(page, "bnTf", { beta: 3, batch: 256 });
    assert.ok(bnTf.relativeGap < 2e-5, `tfjs batch norm: ${bnTf.relativeGap}`);
    assert.ok(bnTf.varianceDefault < 1 && bnTf.gapDefault > 1e-4, JSON.stringify(bnTf));
    const noise = await waitForHook<NoiseHook>(page, "batchNoise", { batch: 256 });
    for (const mc of noise.mc) {
      const exact = conditionalOutputMoments(mc.z, 256);
      within(mc.mean, mc.meanSE, exact.mean, `z = ${mc.z}: E[u | z]`);
      within(mc.variance, mc.varianceSE, exact.variance, `z = ${mc.z}: Var(u | z)`);
    }
    const bn2d = await waitForHook<Bn2dHook>(page, "bn2d", { rho: 0.7 });
    assert.equal(bn2d.n, SAMPLES_2D);
    assert.ok(Math.abs(bn2d.bn.correlation - bn2d.input.correlation) < 1e-12);
    within(bn2d.bn.correlation, bn2d.correlationSE, 0.7, "BN output correlation");
    for (const v of [...bn2d.bn.mean, ...bn2d.white.mean, bn2d.white.cov.b]) {
      assert.ok(Math.abs(v) < 1e-12);
    }
    for (const v of [bn2d.bn.cov.a, bn2d.bn.cov.c, bn2d.white.cov.a, bn2d.white.cov.c]) {
      assert.ok(Math.abs(v - 1) < 1e-12);
    }
    const wn = await waitForHook<WeightNormHook>(page, "weightNorm", { uLength: 0.5 });
    assert.ok(wn.fdError < 1e-8, `finite differences ${wn.fdError}`);
    assert.ok(wn.orthogonality < 1e-14 && wn.normGap < 1e-14 && wn.stepGap < 1e-14);
    const equivalence = await waitForHook<{ bnGap: number; rawGap: number }>(page, "wnBatchNorm", {
      uLength: 0.5,
    });
    assert.ok(equivalence.bnGap < 1e-13 && equivalence.rawGap > 0.1, JSON.stringify(equivalence));
    assert.ok(wn.uNorm.at(-1)! > 2 * wn.uNorm[0]);
    const tf = await waitForHook<WeightNormTfHook>(page, "weightNormTf", { uLength: 0.5 });
    assert.ok(tf.gradError < 2e-5 && tf.gammaError < 2e-5, JSON.stringify(tf));
    assert.ok(tf.pathGap < 1e-5 && tf.stepsDone === 30, JSON.stringify(tf));
    const status = await page.textContent(
      '[data-live-section="weight-norm-autodiff"] .live-status',
    );
    assert.match(status ?? "", /differs from the closed form by \d/);
  },
});

test({
  name:
    "normalisation-geometry page: moving β, γ and the batch size moves the histogram onto N(β, γ²) and the exact law for m",
  async fn() {
    const { page } = await open(path);
    await waitForHook<Bn1dHook>(page, "bn1d", { beta: 3 });
    const moves: [string, number, string][] = [
      ["shift β", -2, "beta"],
      ["scale γ", 2.5, "gamma"],
      ["input mean μ", -1, "mean"],
      ["input variance σ²", 3, "variance"],
      ["batch size m", 4, "batch"],
      ["batch size m", 3, "batch"],
      ["batch size m", 2, "batch"],
      ["batch size m", 32, "batch"],
    ];
    for (const [label, value, key] of moves) {
      const before = await chartMarkup(page, "bn-1d");
      await setControl(page, label, value);
      const hook = await waitForHook<Bn1dHook>(page, "bn1d", { [key]: value });
      assert.notEqual(await chartMarkup(page, "bn-1d"), before, `${label} = ${value}: no redraw`);
      checkBn1d(hook);
    }
    const tfAfter = await waitForHook<BnTfHook>(page, "bnTf", { beta: -2, gamma: 2.5, batch: 32 });
    assert.ok(
      tfAfter.relativeGap < 2e-5,
      `tfjs batch norm after the moves: ${tfAfter.relativeGap}`,
    );
    const text = await page.textContent('[data-chart="bn-1d"] .chart-description');
    assert.match(text ?? "", /sits on N\(-2, 6\.25\)/);
    const noiseBefore = await chartMarkup(page, "batch-noise");
    await setControl(page, "batch size m", 8);
    const noise = await waitForHook<NoiseHook>(page, "batchNoise", { batch: 8 });
    assert.notEqual(await chartMarkup(page, "batch-noise"), noiseBefore);
    for (const mc of noise.mc) {
      within(mc.variance, mc.varianceSE, conditionalOutputMoments(mc.z, 8).variance, `z = ${mc.z}`);
    }
    // The 2-D view: ρ moves the tilted contours, and batch norm keeps whatever ρ is.
    for (const rho of [-0.6, 0, 0.9]) {
      const before = await chartMarkup(page, "bn-2d");
      await setControl(page, "correlation ρ", rho);
      const hook = await waitForHook<Bn2dHook>(page, "bn2d", { rho });
      assert.notEqual(await chartMarkup(page, "bn-2d"), before);
      assert.ok(Math.abs(hook.bn.correlation - hook.input.correlation) < 1e-12);
      within(hook.bn.correlation, hook.correlationSE, rho, `ρ = ${rho}`);
      assert.ok(Math.abs(hook.white.cov.b) < 1e-12);
    }
    await page.waitForFunction(() =>
      /rho=0\.9/.test(location.search) && /batch=8/.test(location.search)
    );
  },
});

test({
  name: "normalisation-geometry page: sliders rerun the closed forms and both tfjs checks",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    await waitForHook<WeightNormTfHook>(page, "weightNormTf", { uLength: 0.5 });
    await setControl(page, "length ‖u₀‖", 2);
    await setControl(page, "step size η", 0.5);
    await setControl(page, "shift β", 1);
    const wn = await waitForHook<WeightNormHook>(page, "weightNorm", { uLength: 2, eta: 0.5 });
    assert.ok(wn.normGap < 1e-14 && wn.fdError < 1e-8);
    const tf = await waitForHook<WeightNormTfHook>(page, "weightNormTf", { uLength: 2, eta: 0.5 });
    assert.ok(tf.gradError < 2e-5 && tf.pathGap < 1e-5, JSON.stringify(tf));
    const bnTf = await waitForHook<BnTfHook>(page, "bnTf", { beta: 1 });
    assert.ok(bnTf.relativeGap < 2e-5, JSON.stringify(bnTf));
  },
});

test({
  name:
    "normalisation-geometry page: at the defaults the steps on w go 0.599, 0.873, 0.535 while the effective step falls; Stop in the middle of every live section leaves a clear stopped state",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    const text = ((await page.textContent("main")) ?? "").replace(/\s+/g, " ");
    assert.match(
      text,
      /The steps on w themselves need not shrink: here ‖wₜ₊₁ − wₜ‖ goes 0\.599, 0\.873, 0\.535, …, and \d+ of the 29 later steps are longer than the one before/,
    );
    await armStop(page, "bn-tfjs");
    await setControl(page, "seed", 7);
    await assertStopped(page, "bn-tfjs");
    await armStop(page, "weight-norm-autodiff");
    await setControl(page, "steps", 150);
    assert.match(await assertStopped(page, "weight-norm-autodiff"), /before tfjs finished/);
    await armStop(page, "weight-norm-autodiff", "^tfjs: \\d+ of 200 steps");
    await setControl(page, "steps", 200);
    assert.match(
      await assertStopped(page, "weight-norm-autodiff"),
      /^Stopped after \d+ of 200 tfjs steps/,
    );
  },
});

test({
  name:
    "normalisation-geometry page: the two-batch prediction card sets m = 2 and judges the guess; a moved slider is not judged",
  async fn() {
    const { page } = await open(path);
    const many = "a spread of many values around β = 3";
    await commitThenMove(page, "two-batch", many, "scale γ", 1.5);
    const moved = await cardIn(page, "two-batch", "moved");
    assert.match(moved.message, /no longer match the prediction's setting \(scale γ moved\)/);
    await page.locator('[data-prediction="two-batch"] button[data-action="commit"]').click();
    const missed = await cardIn(page, "two-batch", "settled");
    assert.equal(missed.held, "false");
    assert.match(
      missed.message,
      /^Your prediction did not hold: you predicted “a spread of many values around β = 3”, and the answer was “only two values: β − γ = 2 and β \+ γ = 4”\. Of the [\d,]+ outputs, [\d,]+ are exactly β − γ and [\d,]+ exactly β \+ γ; there is no other value\.$/,
    );
    await page.locator('[data-prediction="two-batch"] button[data-action="predict-again"]').click();
    await commitPrediction(page, "two-batch", "only two values: β − γ = 2 and β + γ = 4");
    assert.equal((await cardIn(page, "two-batch", "settled")).held, "true");
  },
});
