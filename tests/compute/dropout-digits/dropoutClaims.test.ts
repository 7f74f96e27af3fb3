import assert from "node:assert/strict";
import type { DigitRun } from "../../../src/compute/dropout-digits/digitRuns.ts";
import { DIGIT_BANDS, digitClaims } from "../../../src/compute/dropout-digits/dropoutClaims.ts";

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
  assert.deepEqual(DIGIT_BANDS.withDropout, [0.71, 0.83]);
  assert.deepEqual(DIGIT_BANDS.withoutDropout, [0.58, 0.77]);
});

Deno.test("digitClaims(without, withDropout): one seed against a claim makes it fail", () => {
  const worse = [
    withDropout[0],
    run(2, 0.99, 0.6, { noise: 0.68, honest: 0.99, blank: 0.91, followed: 0.3 }, 0.85),
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

Deno.test("digitClaims: each threshold is where the claim's text puts it", () => {
  const claim = (id: string, off = without, on = withDropout) =>
    digitClaims(off, on).find((c) => c.id === id)!;
  const withTest = (runs: DigitRun[], i: number, test: Partial<DigitRun["test"]>) =>
    runs.map((r, k) => (k === i ? { ...r, test: { ...r.test, ...test } } : r));
  // Blank block: dropout may score up to 2 points above, not more.
  assert.equal(claim("blank", without, withTest(withDropout, 0, { blank: 0.899 })).holds, true);
  assert.equal(claim("blank", without, withTest(withDropout, 0, { blank: 0.905 })).holds, false);
  // Bands: 58–77 % without dropout, 71–83 % with it.
  assert.equal(claim("band-without", withTest(without, 0, { noise: 0.575 })).holds, false);
  assert.equal(claim("band-without", withTest(without, 0, { noise: 0.585 })).holds, true);
  assert.equal(
    claim("band-with", without, withTest(withDropout, 0, { noise: 0.835 })).holds,
    false,
  );
  assert.equal(claim("band-with", without, withTest(withDropout, 0, { noise: 0.825 })).holds, true);
  // Early stopping: never 3 points worse, and better on average.
  const bestAt = (runs: DigitRun[], best: number[]) =>
    runs.map((r, i) => ({
      ...r,
      epochs: r.epochs.map((e) => (e.epoch === 1 ? { ...e, validationAccuracy: best[i] } : e)),
    }));
  const early = (off: number[], on: number[]) =>
    claim("early-stop", bestAt(without, off), bestAt(withDropout, on));
  assert.equal(early([0.8, 0.85], [0.826, 0.81]).holds, true);
  assert.equal(early([0.8, 0.85], [0.835, 0.8]).holds, false, "one seed 3.5 points worse");
  assert.equal(early([0.8, 0.8], [0.82, 0.79]).holds, false, "worse on average");
  assert.equal(
    early([0.8, 0.85], [0.826, 0.81]).detail,
    "best without dropout minus best with: −2.6 points to 4.0 points, 0.7 points on average; better on 1 of 2 seeds",
  );
  // With dropout the validation accuracy ends within 4 points of its best.
  const endAt = (runs: DigitRun[], best: number) =>
    runs.map((r) => ({
      ...r,
      epochs: r.epochs.map((e) => (e.epoch === 1 ? { ...e, validationAccuracy: best } : e)),
    }));
  assert.equal(claim("holds", without, endAt(withDropout, 0.815)).holds, true);
  assert.equal(claim("holds", without, endAt(withDropout, 0.825)).holds, false);
});
