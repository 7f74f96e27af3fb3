import assert from "node:assert/strict";
import {
  expectedLossMinimiser,
  maxMeanSquareStableLearningRate,
  maxStableLearningRate,
  olsMinNorm,
} from "../../../src/compute/dropout-toy/dropoutToy.ts";
import {
  type DropoutTrainOptions,
  trainDropout,
} from "../../../src/compute/dropout-toy/dropoutTrain.ts";

const near = (
  got: readonly number[],
  want: readonly number[],
  tol: readonly number[],
  what: string,
) =>
  want.forEach((v, i) =>
    assert.ok(
      Math.abs(got[i] - v) <= tol[i],
      `${what} w${i + 1}: ${got[i]} vs ${v} (tol ${tol[i]})`,
    )
  );

const base: DropoutTrainOptions = {
  rate: 0.5,
  batchSize: 64,
  learningRate: 0.004,
  steps: 20_000,
  optimizer: "sgd",
  seed: 1,
};

/**
 * Tolerances for 20 000 steps of batch 64 at r = 0.5 (SGD lr 0.004, Adam lr 0.01): over 40
 * seeds the tail means scattered with standard deviation 0.0006 (w1) and 0.0053 (w2) for both
 * optimisers, so 0.003 and 0.03 are five standard deviations.
 */
const TOL_20K = [0.003, 0.03];

Deno.test("train: same seed, same run; different seed, different run", () => {
  const a = trainDropout({ ...base, steps: 500 });
  const b = trainDropout({ ...base, steps: 500 });
  const c = trainDropout({ ...base, steps: 500, seed: 2 });
  assert.deepEqual(a.losses, b.losses);
  assert.deepEqual(a.w1, b.w1);
  assert.notDeepEqual(a.losses, c.losses);
  assert.equal(a.losses.length, 500);
  assert.deepEqual(a.final, [a.w1[499], a.w2[499]]);
});

Deno.test("train: SGD at r = 0 converges to the minimum-norm solution (1.0891, 0.1089)", () => {
  // No masks are ever dropped, so this is plain gradient descent and converges exactly.
  const r = trainDropout({ ...base, rate: 0, batchSize: 32, learningRate: 0.009, steps: 2000 });
  near(r.tailMean, olsMinNorm(), [1e-6, 1e-6], "SGD r=0");
  near(r.final, [1.0891, 0.1089], [5e-5, 5e-5], "SGD r=0");
});

Deno.test("train: Adam at r = 0 ends with equal weights (1, 1)", () => {
  // Adam divides each coordinate's gradient by its own running RMS. At r = 0 the gradient is
  // always a multiple of x = (10, 1), so m₁/√v₁ = m₂/√v₂ exactly and both weights take identical
  // steps: they stay equal and stop on 10 w + w = 11, i.e. w = (1, 1).
  const r = trainDropout({ ...base, rate: 0, optimizer: "adam", learningRate: 0.01, steps: 3000 });
  near(r.tailMean, [1, 1], [1e-4, 1e-4], "Adam r=0");
  for (let i = 0; i < r.w1.length; i += 97) assert.ok(Math.abs(r.w1[i] - r.w2[i]) < 1e-6);
});

Deno.test("train: SGD and Adam at r = 0.5 converge to (0.3667, 3.6667)", () => {
  const want = expectedLossMinimiser(0.5);
  for (const seed of [1, 2, 3]) {
    near(trainDropout({ ...base, seed }).tailMean, want, TOL_20K, `SGD seed ${seed}`);
    near(
      trainDropout({ ...base, seed, optimizer: "adam", learningRate: 0.01 }).tailMean,
      want,
      TOL_20K,
      `Adam seed ${seed}`,
    );
  }
  const big = trainDropout({ ...base, batchSize: 256 });
  near(big.tailMean, want, TOL_20K, "SGD batch 256");
});

Deno.test("train: SGD converges to the closed form at small and large rates", () => {
  // Scaling lr by 1 − r keeps lr·E‖x̃‖² fixed, so every rate is equally far from its bound.
  for (const rate of [0.05, 0.2, 0.9]) {
    const r = trainDropout({ ...base, rate, learningRate: 0.008 * (1 - rate) });
    const want = expectedLossMinimiser(rate);
    // Seed 1's tail means sit within 0.45 % (seed noise is about 0.55 % at r = 0.05).
    near(r.tailMean, want, [0.015 * want[0], 0.015 * want[1]], `rate ${rate}`);
  }
});

const stepDiffSd = (losses: Float64Array) => {
  const d = Array.from({ length: losses.length - 1 }, (_, i) => losses[i + 1] - losses[i]);
  const m = d.reduce((s, v) => s + v, 0) / d.length;
  return Math.sqrt(d.reduce((s, v) => s + (v - m) ** 2, 0) / (d.length - 1));
};

Deno.test("train: batch 1 gives a much spikier loss curve than batch 256", () => {
  // lr 0.002 is below the mean-square bound for batch 1 at r = 0.5 (≈ 0.0025).
  const opts = { ...base, learningRate: 0.002, steps: 4000 };
  const one = trainDropout({ ...opts, batchSize: 1 });
  const many = trainDropout({ ...opts, batchSize: 256 });
  assert.ok(!one.diverged && !many.diverged);
  const late = (l: Float64Array) => l.subarray(1000);
  const ratio = stepDiffSd(late(one.losses)) / stepDiffSd(late(many.losses));
  // Averaging B independent masks shrinks the loss noise by about √B = 16.
  assert.ok(ratio > 8, `spikiness ratio ${ratio}`);
});

Deno.test("train: maxStableLearningRate separates convergence from divergence", () => {
  // r = 0 is noise-free, so the bound is sharp whatever the batch.
  const lr0 = maxStableLearningRate(0);
  const below0 = trainDropout({
    ...base,
    rate: 0,
    batchSize: 1,
    learningRate: 0.99 * lr0,
    steps: 3000,
  });
  assert.ok(!below0.diverged);
  near(below0.final, olsMinNorm(), [1e-6, 1e-6], "just below the bound");
  const above0 = trainDropout({
    ...base,
    rate: 0,
    batchSize: 1,
    learningRate: 1.1 * lr0,
    steps: 6000,
  });
  assert.ok(above0.diverged, "just above the bound must diverge");
  assert.equal(above0.w1.length, above0.divergedAt! - 1);
  assert.ok(above0.w1.every(Number.isFinite) && above0.losses.every(Number.isFinite));

  // With dropout noise and a large batch the mean bound still decides.
  const lr5 = maxStableLearningRate(0.5);
  const below5 = trainDropout({ ...base, batchSize: 256, learningRate: 0.9 * lr5, steps: 5000 });
  assert.ok(!below5.diverged);
  const want5 = expectedLossMinimiser(0.5);
  near(below5.tailMean, want5, [0.01 * want5[0], 0.01 * want5[1]], "0.9× bound");
  const above5 = trainDropout({ ...base, batchSize: 256, learningRate: 1.1 * lr5, steps: 5000 });
  assert.ok(above5.diverged);
});

Deno.test("train: with batch 1 only the mean-square bound is safe", () => {
  const ms = maxMeanSquareStableLearningRate(0.5, 1);
  const safe = trainDropout({ ...base, batchSize: 1, learningRate: 0.9 * ms });
  assert.ok(!safe.diverged);
  // Batch 1 is noisy (about 1.2 % seed to seed); seed 1 lands within 0.8 %.
  const want = expectedLossMinimiser(0.5);
  near(safe.tailMean, want, [0.015 * want[0], 0.015 * want[1]], "batch 1, 0.9× mean-square bound");
  // 0.9× the mean bound is about 1.8× the mean-square bound: every seed blows up.
  for (const seed of [1, 2, 3]) {
    const lr = 0.9 * maxStableLearningRate(0.5);
    assert.ok(trainDropout({ ...base, seed, batchSize: 1, learningRate: lr }).diverged);
  }
});

Deno.test("train: bad options throw RangeError naming the option", () => {
  const cases: [Partial<DropoutTrainOptions> & Record<string, unknown>, RegExp][] = [
    [{ batchSize: 0 }, /batchSize must be an integer in \[1, 1000000\]; got 0/],
    [{ batchSize: 2.5 }, /batchSize/],
    [{ rate: 1 }, /drop rate must be in \[0, 1\); got 1/],
    [{ rate: NaN }, /drop rate .* got NaN/],
    [{ learningRate: -0.1 }, /learningRate must be a finite number > 0; got -0\.1/],
    [{ learningRate: Infinity }, /learningRate/],
    [{ steps: 0 }, /steps must be an integer/],
    [{ optimizer: "rmsprop" as "sgd" }, /optimizer must be one of "sgd", "adam"; got "rmsprop"/],
    [{ seed: NaN }, /^seed must be an integer in \[0, 4294967295\]; got NaN$/],
    [{ seed: 2 ** 32 + 1 }, /^seed must be an integer in \[0, 4294967295\]; got 4294967297$/],
    [{ seed: -1 }, /^seed must be an integer in \[0, 4294967295\]; got -1$/],
    [{ x: [10, 1, 3] }, /x must have exactly 2 entries/],
    [{ y: NaN }, /y must be a finite number/],
  ];
  for (const [patch, msg] of cases) {
    assert.throws(
      () => trainDropout({ ...base, ...patch } as DropoutTrainOptions),
      (e: unknown) => e instanceof RangeError && msg.test(e.message),
      JSON.stringify(patch),
    );
  }
});
