/**
 * Robustness of what the cnn-training page says about training, on fresh draws: 20 new seeds,
 * each with its own split of MNIST (freshDraws.ts), the four batch-norm × dropout runs of each at
 * the precomputed grid's settings (data/cnn-training.json). Each test asserts what the page says
 * of draws beyond its shipped seeds, no stricter and no looser. Slow (80 ten-epoch runs, spread
 * over worker threads); it prints the spreads it measured.
 */
import assert from "node:assert/strict";
import { parseCnnGrid } from "../../../src/compute/cnn-training/grid.ts";
import {
  cnnFindings,
  type Comparison,
  TEST_ACCURACY_BAND,
} from "../../../src/compute/cnn-training/findings.ts";
import {
  BATCH_NORM_EARLY_LEAD_SHARE,
  FRESH_DRAWS,
} from "../../../src/compute/cnn-training/freshDraws.ts";
import { SPLIT_SEED } from "../../../src/loaders/mnist-digits.bin.ts";
import { spreadOf } from "../../../src/compute/cnn-training/runSummary.ts";
import { freshRunsInWorkers } from "./freshRuns.ts";

const grid = parseCnnGrid(
  JSON.parse(await Deno.readTextFile(new URL("../../../data/cnn-training.json", import.meta.url))),
);
const started = performance.now();
const runs = await freshRunsInWorkers(grid.settings, FRESH_DRAWS);
const seconds = (performance.now() - started) / 1000;
const f = cnnFindings(runs);
const pct = (x: number) => (100 * x).toFixed(1);
const describe = (c: Comparison) =>
  `mean ${pct(c.meanDifference)} points, range ${pct(Math.min(...c.differences))} to ${
    pct(Math.max(...c.differences))
  }, first ahead on ${c.firstAheadOn} of ${c.seeds}`;
console.log(`${runs.length} fresh runs in ${seconds.toFixed(0)} s`);
for (const [name, pair] of Object.entries(f)) {
  if (typeof pair !== "object" || "min" in pair) continue;
  for (const [which, c] of Object.entries(pair as Record<string, Comparison>)) {
    console.log(`${name}.${which}: ${describe(c)}`);
  }
}
const test = spreadOf(runs.map((r) => r.testAccuracy));
console.log(`test accuracy ${pct(test.min)}–${pct(test.max)} %, mean ${pct(test.mean)} %`);

Deno.test("fresh draws: 20 new seeds, each on a new split of the digits (not the shipped SPLIT_SEED), 4 runs each", () => {
  assert.equal(FRESH_DRAWS.length, 20);
  assert.equal(new Set(FRESH_DRAWS.map((d) => d.seed)).size, 20);
  assert.equal(new Set(FRESH_DRAWS.map((d) => d.splitSeed)).size, 20);
  assert.ok(FRESH_DRAWS.every((d) => d.splitSeed !== SPLIT_SEED && !grid.seeds.includes(d.seed)));
  assert.equal(runs.length, 80);
  assert.equal(f.finalEpoch, grid.settings.epochs);
});

Deno.test("fresh draws: dropout narrows the train–validation gap at the last epoch on every draw, with and without batch norm", () => {
  for (const c of [f.dropoutGap.withoutBatchNorm, f.dropoutGap.withBatchNorm]) {
    assert.equal(c.firstAheadOn, c.seeds, describe(c));
  }
});

Deno.test("fresh draws: batch norm validates higher after one epoch in at least 4 of 5 pairs but not in all; by the last epoch its mean lead has shrunk", () => {
  const pairs = [f.batchNormEarly.withoutDropout, f.batchNormEarly.withDropout];
  const ahead = pairs.reduce((s, c) => s + c.firstAheadOn, 0);
  const total = pairs.reduce((s, c) => s + c.seeds, 0);
  assert.equal(BATCH_NORM_EARLY_LEAD_SHARE, 0.8);
  assert.ok(ahead >= BATCH_NORM_EARLY_LEAD_SHARE * total, `${ahead} of ${total}`);
  assert.ok(ahead < total, `${ahead} of ${total}`);
  for (const dropout of ["withoutDropout", "withDropout"] as const) {
    const early = f.batchNormEarly[dropout];
    const late = f.batchNormLate[dropout];
    assert.ok(late.meanDifference < early.meanDifference, `${dropout}: ${describe(late)}`);
  }
});

Deno.test("fresh draws: dropout's validation accuracy at the last epoch is higher on some draws and lower on others, with and without batch norm", () => {
  for (const c of [f.dropoutValidation.withoutBatchNorm, f.dropoutValidation.withBatchNorm]) {
    assert.ok(c.firstAheadOn > 0 && c.differences.some((d) => d < 0), describe(c));
  }
});

Deno.test("fresh draws: dropout lowers training accuracy on average by more than it moves validation accuracy", () => {
  for (const bn of ["withoutBatchNorm", "withBatchNorm"] as const) {
    const train = f.dropoutTrain[bn];
    const validation = f.dropoutValidation[bn];
    assert.ok(train.meanDifference < 0, describe(train));
    assert.ok(-train.meanDifference > Math.abs(validation.meanDifference), describe(validation));
  }
});

Deno.test("fresh draws: every run's test accuracy lies in TEST_ACCURACY_BAND, 80 % to 95 %", () => {
  assert.deepEqual(TEST_ACCURACY_BAND, { min: 0.8, max: 0.95 });
  for (const r of runs) {
    assert.ok(
      r.testAccuracy >= TEST_ACCURACY_BAND.min && r.testAccuracy <= TEST_ACCURACY_BAND.max,
      `seed ${r.seed}, batch norm ${r.batchNorm}, dropout ${r.dropout}: ${r.testAccuracy}`,
    );
  }
});
