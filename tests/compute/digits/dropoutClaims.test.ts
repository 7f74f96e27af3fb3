import assert from "node:assert/strict";
import type { DigitRun } from "../../../src/compute/digits/digitRuns.ts";
import { DIGIT_BANDS, digitClaims } from "../../../src/compute/digits/dropoutClaims.ts";

/** Epoch 1 at validation accuracy `best`, then epoch 2 at `validation`. */
const run = (
  seed: number,
  train: number,
  validation: number,
  test: DigitRun["test"],
  best = validation,
): DigitRun => ({
  seed,
  epochs: [
    { epoch: 0, trainAccuracy: 0.1, validationAccuracy: 0.1, meanLoss: null },
    { epoch: 1, trainAccuracy: 0.9, validationAccuracy: best, meanLoss: 1 },
    { epoch: 2, trainAccuracy: train, validationAccuracy: validation, meanLoss: 0.5 },
  ],
  test,
});

// Shaped like the build's runs: dropout raises the noisy-block accuracy and the validation
// accuracy, narrows the gap and the cost of a noisy block, and leaves the blank block alone.
const without = [
  run(1, 1, 0.7, { noise: 0.7, honest: 0.99, blank: 0.88, followed: 0.26 }, 0.82),
  run(2, 1, 0.68, { noise: 0.69, honest: 0.99, blank: 0.88, followed: 0.27 }, 0.81),
];
const withDropout = [
  run(1, 0.99, 0.8, { noise: 0.78, honest: 0.98, blank: 0.87, followed: 0.14 }, 0.81),
  run(2, 0.99, 0.78, { noise: 0.77, honest: 0.99, blank: 0.87, followed: 0.16 }, 0.79),
];

const verdicts = (claims: ReturnType<typeof digitClaims>) =>
  Object.fromEntries(claims.map((c) => [c.id, c.holds]));

Deno.test("digitClaims(without, withDropout): every claim holds on runs shaped like the build's", () => {
  const claims = digitClaims(without, withDropout);
  assert.deepEqual(verdicts(claims), {
    "band-without": true,
    "band-with": true,
    higher: true,
    "leans-less": true,
    "still-leans": true,
    gap: true,
    validation: true,
    falls: true,
    holds: true,
    "early-stop": true,
    blank: true,
  });
  assert.equal(claims.find((c) => c.id === "band-with")!.detail, "77.0 % to 78.0 % over 2 seeds");
  assert.equal(
    claims.find((c) => c.id === "gap")!.detail,
    "gap 19.0 points to 21.0 points with dropout, 30.0 points to 32.0 points without",
  );
  assert.deepEqual(DIGIT_BANDS.withDropout, [0.75, 0.8]);
});

Deno.test("digitClaims(without, withDropout): one seed against a claim makes it fail", () => {
  const worse = [
    withDropout[0],
    run(2, 0.99, 0.6, { noise: 0.68, honest: 0.99, blank: 0.8, followed: 0.3 }, 0.85),
  ];
  const v = verdicts(digitClaims(without, worse));
  assert.equal(v.higher, false);
  assert.equal(v["band-with"], false);
  assert.equal(v.gap, false);
  assert.equal(v.validation, false);
  assert.equal(v["leans-less"], false);
  assert.equal(v.blank, false);
  assert.equal(v.holds, false);
  assert.equal(v["early-stop"], false);
  const flat = without.map((r) => ({
    ...r,
    epochs: r.epochs.map((e) => ({ ...e, validationAccuracy: 0.7 })),
  }));
  assert.equal(verdicts(digitClaims(flat, withDropout)).falls, false);
  assert.throws(
    () => digitClaims(without, withDropout.slice(0, 1)),
    /same non-empty list of seeds/,
  );
  assert.throws(
    () => digitClaims(without, [withDropout[1], withDropout[0]]),
    /seed 1 has no run with dropout/,
  );
});
