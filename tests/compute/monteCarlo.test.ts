import assert from "node:assert/strict";
import { generateRegression, problemStreams } from "../../src/compute/regression.ts";
import { expectedLoss, type MaskModel } from "../../src/compute/tikhonov.ts";
import {
  lossSampler,
  monteCarloMean,
  monteCarloSteps,
  nextCheckpoint,
  RunningMean,
} from "../../src/compute/monteCarlo.ts";

const SEED = 7;
const problem = generateRegression({ n: 40, d: 4, noise: 0.5, seed: SEED });
/** Not a fit of any kind, so both terms of the identity are large. */
const w = Array.from(problem.wTrue, (v, j) => 0.8 * v + 0.1 * (j - 1.5));
const SAMPLES = 60_000;

/**
 * The Monte-Carlo mean must sit within 4 standard errors of the closed form, and this seeded run
 * must be able to tell a wrong closed form: one with its fit term or its penalty term 2 % too large
 * or too small would sit more than 4 standard errors away and fail.
 */
function checkIdentity(model: MaskModel, stream: number, samples = SAMPLES) {
  const closed = expectedLoss(problem, w, model);
  const mc = monteCarloMean(
    lossSampler(problem, w, model, problemStreams(SEED).masks(stream)),
    samples,
  );
  const label = JSON.stringify(model);
  const z = (value: number) => (mc.mean - value) / mc.standardError;
  assert.ok(
    Math.abs(z(closed.total)) < 4,
    `${label}: Monte Carlo ${mc.mean} vs closed form ${closed.total} (${
      z(closed.total).toFixed(2)
    } SE)`,
  );
  for (const term of [closed.fit, closed.penalty]) {
    for (const error of [-0.02, 0.02]) {
      const wrong = closed.total + error * term;
      assert.ok(
        Math.abs(z(wrong)) > 4,
        `${label}: a ${error * 100} % error would pass (${z(wrong).toFixed(2)} SE)`,
      );
    }
  }
}

/** (μ, σ, samples): enough samples for each that a 2 % error in either term fails. */
const GAUSSIAN: [number, number, number][] = [
  [1, 0.5, SAMPLES],
  [0.5, 1, 150_000],
  [0, 1, SAMPLES],
  [-1, 1, SAMPLES],
  [2, 1.5, 150_000],
];

Deno.test("Monte Carlo: R_ij ~ N(μ, σ²) averages to ‖y − μXw‖² + σ²‖Γw‖² within 4 standard errors, for five (μ, σ) pairs", async (t) => {
  for (const [k, [mean, sd, samples]] of GAUSSIAN.entries()) {
    await t.step(
      `μ = ${mean}, σ = ${sd}`,
      () => checkIdentity({ kind: "gaussian", mean, sd }, k, samples),
    );
  }
});

Deno.test("Monte Carlo: plain Bernoulli(p) masks average to ‖y − pXw‖² + p(1−p)‖Γw‖² within 4 standard errors", () => {
  for (const [k, keep] of [0.3, 0.5, 0.8].entries()) {
    checkIdentity({ kind: "bernoulli", keep, inverted: false }, 10 + k);
  }
});

Deno.test("Monte Carlo: inverted masks R/p average to ‖y − Xw‖² + ((1−p)/p)‖Γw‖² within 4 standard errors", () => {
  for (const [k, keep] of [0.7, 0.9].entries()) {
    checkIdentity({ kind: "bernoulli", keep, inverted: true }, 20 + k);
  }
});

Deno.test("Monte Carlo: with μ = 1, σ = 0 or p = 1 every draw is the plain loss, with no spread", () => {
  for (
    const model of [
      { kind: "gaussian", mean: 1, sd: 0 },
      { kind: "bernoulli", keep: 1, inverted: false },
      { kind: "bernoulli", keep: 1, inverted: true },
    ] as MaskModel[]
  ) {
    const mc = monteCarloMean(lossSampler(problem, w, model, problemStreams(SEED).masks(0)), 50);
    assert.equal(mc.mean, expectedLoss(problem, w, model).total);
    assert.equal(mc.variance, 0);
  }
});

Deno.test("RunningMean: Welford's mean, variance and standard error match the direct formulas", () => {
  const values = [3, 1.5, -2, 8, 0.25, 4, 4, -1];
  const acc = new RunningMean();
  values.forEach((v) => acc.add(v));
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  const { stats } = acc;
  assert.ok(Math.abs(stats.mean - mean) < 1e-15);
  assert.ok(Math.abs(stats.variance - variance) < 1e-14);
  assert.ok(Math.abs(stats.standardError - Math.sqrt(variance / values.length)) < 1e-15);
  const one = new RunningMean();
  one.add(5);
  assert.equal(one.stats.mean, 5);
  assert.ok(Number.isNaN(one.stats.standardError));
});

Deno.test("monteCarloSteps(sampler, samples, drawsPerStep): the same numbers as monteCarloMean whatever the step", () => {
  const model: MaskModel = { kind: "bernoulli", keep: 0.6, inverted: false };
  const sampler = () => lossSampler(problem, w, model, problemStreams(SEED).masks(3));
  const direct = monteCarloMean(sampler(), 5000);
  for (const drawsPerStep of [1, 64, 10_000]) {
    const steps = [...monteCarloSteps(sampler(), 5000, drawsPerStep)];
    const last = steps.at(-1)!;
    assert.equal(steps.length, Math.ceil(5000 / drawsPerStep));
    assert.ok(last.done && steps.slice(0, -1).every((s) => !s.done));
    assert.equal(last.progress, 1);
    assert.equal(last.count, 5000);
    assert.equal(last.mean, direct.mean);
    assert.equal(last.standardError, direct.standardError);
    const counts = last.checkpoints.map((c) => c.count);
    assert.deepEqual(counts.slice(0, 10), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(counts.at(-1), 5000);
    for (let k = 1; k < counts.length; k++) assert.ok(counts[k] > counts[k - 1]);
    assert.ok(counts.length < 150, `${counts.length} checkpoints`);
  }
});

Deno.test("monteCarloSteps: the first step comes after 64 draws; a consumer that stops early stops the draws", () => {
  const model: MaskModel = { kind: "gaussian", mean: 1, sd: 1 };
  let draws = 0;
  const base = lossSampler(problem, w, model, problemStreams(SEED).masks(1));
  const counted = () => (draws++, base());
  const steps: number[] = [];
  for (const step of monteCarloSteps(counted, 100_000)) {
    steps.push(step.count);
    if (steps.length === 3) break;
  }
  assert.deepEqual(steps, [64, 128, 192]);
  assert.equal(draws, 192);
  assert.throws(() => [...monteCarloSteps(counted, 0)], /samples/);
});

Deno.test("nextCheckpoint(count): every count to 10, then steps of about 5 %", () => {
  assert.equal(nextCheckpoint(1), 2);
  assert.equal(nextCheckpoint(9), 10);
  assert.equal(nextCheckpoint(10), 11);
  assert.equal(nextCheckpoint(100), 105);
  assert.equal(nextCheckpoint(1000), 1050);
});

Deno.test("monteCarloMean and lossSampler refuse bad inputs with clear messages", () => {
  const sampler = lossSampler(
    problem,
    w,
    { kind: "gaussian", mean: 1, sd: 1 },
    problemStreams(1).masks(0),
  );
  assert.throws(
    () => monteCarloMean(sampler, 0),
    /samples must be an integer in \[1, 10000000\]; got 0/,
  );
  assert.throws(
    () =>
      lossSampler(problem, w, { kind: "gaussian", mean: 1, sd: -1 }, problemStreams(1).masks(0)),
    /σ must be a finite number ≥ 0; got -1/,
  );
  assert.throws(
    () =>
      lossSampler(
        problem,
        w,
        { kind: "bernoulli", keep: 0, inverted: false },
        problemStreams(1).masks(0),
      ),
    /keep probability p must be in \(0, 1\]; got 0/,
  );
  assert.throws(
    () =>
      lossSampler(
        problem,
        [1, 2],
        { kind: "gaussian", mean: 1, sd: 1 },
        problemStreams(1).masks(0),
      ),
    /w must have d = 4 entries; got 2/,
  );
});
