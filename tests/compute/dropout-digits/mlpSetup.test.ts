import assert from "node:assert/strict";
import { DIGIT_PIXELS, type DigitSet } from "../../../src/compute/digitSet.ts";
import { NO_CLASS } from "../../../src/compute/dropout-digits/cheatingFeature.ts";
import {
  mlpInitialWeights,
  mlpStreams,
  mlpViews,
  nextEpochSeed,
  SCORED_PER_CLASS,
} from "../../../src/compute/dropout-digits/mlpSetup.ts";

/** `perClass` digits of each class, labels cycling 0–9, pixels all equal to the label. */
function fakeSet(perClass: number): DigitSet {
  const count = 10 * perClass;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const pixels = new Uint8Array(count * DIGIT_PIXELS).map((_, k) =>
    labels[Math.floor(k / DIGIT_PIXELS)]
  );
  return { count, pixels, labels };
}

Deno.test("mlpInitialWeights(rng, hidden): PyTorch's U(±1/√fan_in), variance 1/(3·fan_in)", () => {
  const hidden = 256;
  const w = mlpInitialWeights(mlpStreams(3).weights, hidden);
  assert.equal(w.w1.length, 794 * hidden);
  assert.equal(w.b2.length, 10);
  for (
    const [values, fanIn] of [[w.w1, 794], [w.b1, 794], [w.w2, hidden], [w.b2, hidden]] as const
  ) {
    const bound = 1 / Math.sqrt(fanIn);
    for (const v of values) assert.ok(Math.abs(v) <= bound, `${v} beyond ±${bound}`);
  }
  // Mean square of w1 against b²/3: for a uniform weight Var(w²) = 4b⁴/45, so with 203,264
  // weights 4 standard errors are 0.8 % of b²/3 and a 2 % error in the bound's square fails.
  const b2 = 1 / 794;
  const n = w.w1.length;
  const meanSquare = w.w1.reduce((s, v) => s + v * v, 0) / n;
  const se = Math.sqrt((4 * b2 * b2) / 45 / n);
  assert.ok(Math.abs(meanSquare - b2 / 3) < 4 * se, `${meanSquare} vs ${b2 / 3}`);
  assert.ok(4 * se < 0.01 * (b2 / 3));
});

Deno.test("mlpStreams(seed): the same seed gives the same weights and epoch orders; the streams are distinct", () => {
  const a = mlpStreams(7);
  const b = mlpStreams(7);
  assert.deepEqual(mlpInitialWeights(a.weights, 4), mlpInitialWeights(b.weights, 4));
  assert.equal(nextEpochSeed(a.order), nextEpochSeed(b.order));
  const c = mlpStreams(7);
  const firsts = [c.weights, c.order, c.masks, c.noise].map((r) => r.uniform());
  assert.equal(new Set(firsts).size, 4);
  assert.notDeepEqual(
    mlpInitialWeights(mlpStreams(8).weights, 4),
    mlpInitialWeights(mlpStreams(7).weights, 4),
  );
});

Deno.test("mlpViews(splits, options, noise): honest training blocks, noise on validation and test, and the test three ways", () => {
  const splits = { train: fakeSet(120), validation: fakeSet(20), test: fakeSet(20) };
  const views = mlpViews(splits, { perClass: 110, strength: 2 }, mlpStreams(1).noise);
  assert.equal(views.train.count, 1100);
  assert.deepEqual([...views.train.named], [...views.train.labels]);
  // Training accuracy is scored on the first 100 of each class, all of them trained on.
  assert.equal(views.trainScored.count, 10 * SCORED_PER_CLASS);
  assert.deepEqual([...views.trainScored.labels], [...views.train.labels.subarray(0, 1000)]);
  assert.equal(
    mlpViews(splits, { perClass: 50, strength: 2 }, mlpStreams(1).noise).trainScored.count,
    500,
  );
  // Noise: not the labels (it agrees with them about a tenth of the time).
  const agree = views.validation.named.filter((c, i) => c === views.validation.labels[i]).length;
  assert.ok(agree < 0.3 * views.validation.count, `${agree} of ${views.validation.count}`);
  assert.deepEqual([...views.testHonest.named], [...views.testHonest.labels]);
  assert.ok(views.testBlank.named.every((c) => c === NO_CLASS));
  assert.equal(views.testHonest.set, views.testNoise.set);
  assert.deepEqual(views.testHonest.indices, views.testNoise.indices);
  // The test noise follows the validation noise in the same stream, and differs from it.
  assert.notDeepEqual([...views.testNoise.named], [...views.validation.named]);
});
