/**
 * The cnn-training page's longer sentences and its results table's rows, on made-up numbers:
 * each says what the numbers say, in the page's formats.
 */
import assert from "node:assert/strict";
import {
  aheadInBothPairs,
  digitDescription,
  everySeed,
  gapDescription,
  liveDescription,
  mapsDescription,
  predictionDescription,
  resultRows,
  validationDescription,
} from "../../../src/components/cnn-training/pageParts.ts";
import type { Comparison } from "../../../src/compute/cnn-training/findings.ts";
import type { InsideFrame } from "../../../src/compute/cnn-training/liveTrain.ts";
import { CNN_DEFAULTS } from "../../../src/compute/cnn-training/settings.ts";

const pair = (firstAheadOn: number) => ({ firstAheadOn, seeds: 3 }) as Comparison;

Deno.test("everySeed and aheadInBothPairs: every seed in both pairs, or each pair's count", () => {
  assert.equal(everySeed(pair(3)), "on every one of the 3 seeds");
  assert.equal(everySeed(pair(2)), "on 2 of 3 seeds");
  assert.equal(
    aheadInBothPairs(pair(3), pair(3), 3, "dropout"),
    "on every one of the 3 seeds in both pairs",
  );
  assert.equal(
    aheadInBothPairs(pair(3), pair(1), 3, "batch norm"),
    "on every one of the 3 seeds without batch norm and on 1 of 3 seeds with it",
  );
});

const series = ["neither", "dropout", "batch norm", "batch norm + dropout"];
const rows = series.flatMap((s, i) =>
  [1, 10].map((epoch) => ({ series: s, epoch, mean: 50 + 10 * i + epoch, min: 0, max: 100 }))
);

Deno.test("validationDescription and gapDescription quote the rows at epoch 1 and the last", () => {
  assert.equal(
    validationDescription(rows, 10, 3),
    "Validation accuracy against epoch for the 4 combinations, 3 seeds each: after epoch 1 the runs with batch norm score 71.0 % and 81.0 % against 51.0 % and 61.0 % without it; at epoch 10 all 4 lie between 60.0 % and 90.0 %.",
  );
  assert.equal(
    gapDescription(rows, 10),
    "The gap between training and validation accuracy, in percentage points, against epoch: at epoch 10 it is 60.0 without dropout and 70.0 with it (no batch norm), 80.0 and 90.0 with batch norm.",
  );
});

Deno.test("liveDescription: waiting before the first scores, then the last epoch's accuracies and gap", () => {
  const settings = { ...CNN_DEFAULTS, epochs: 2 };
  assert.match(liveDescription([], settings, 3), /^Waiting for the first scores of your run \(/);
  const history = [
    { epoch: 0, trainAccuracy: 0.1, validationAccuracy: 0.1, loss: null },
    { epoch: 1, trainAccuracy: 0.9, validationAccuracy: 0.85, loss: 0.5 },
  ];
  assert.match(
    liveDescription(history, settings, 3),
    /, 1 of 2 epochs: training accuracy 90\.0 %, validation 85\.0 %, gap 5\.0 points; .*\(3 seeds\)\.$/,
  );
});

const inside = {
  digit: 7,
  label: 2,
  network: "x",
  probabilities: [0.05, 0, 0.25, 0.7, 0, 0, 0, 0, 0, 0],
  guess: 3,
} as InsideFrame;

Deno.test("the inside charts' descriptions: waiting, then the digit, its maps and the network's answer", () => {
  assert.equal(mapsDescription(null, []), "Waiting for TensorFlow.js.");
  assert.equal(digitDescription(null, 1000), "Waiting for the digits.");
  assert.equal(predictionDescription(null), "Waiting for the network's answer.");
  const cells = [0, 0, 1.5, 3].map((value) => ({ panel: 1, row: 0, col: 0, value }));
  assert.match(
    mapsDescription(inside, cells),
    /strongest answer, 3\.00, .* and 50\.0 % of the cells are zero\.$/,
  );
  assert.match(digitDescription(inside, 1000), /^Test digit 7 of 1,000, labelled 2, as 28 × 28/);
  assert.equal(
    predictionDescription(inside),
    "The softmax of the 10 scores for test digit 7: the network gives 70.0 % to 3 and 25.0 % to the right answer, 2.",
  );
  assert.match(
    predictionDescription({ ...inside, guess: 2 }),
    /gives 25\.0 % to 2, the right answer\.$/,
  );
});

Deno.test("resultRows(runs): each combination's means over seeds at the last epoch and its test range", () => {
  const run = (batchNorm: boolean, dropout: boolean, train: number, test: number) => ({
    batchNorm,
    dropout,
    seed: 1,
    history: [{ epoch: 1, trainAccuracy: train, validationAccuracy: 0.8, loss: 0.5 }],
    testAccuracy: test,
  });
  const [neither] = resultRows([
    run(false, false, 0.9, 0.8),
    run(false, false, 0.96, 0.84),
    run(true, true, 0.9, 0.8),
  ]);
  assert.equal(neither.label, "neither");
  assert.ok(Math.abs(neither.train - 0.93) < 1e-12);
  assert.ok(Math.abs(neither.gap - 0.13) < 1e-12);
  assert.ok(Math.abs(neither.test - 0.82) < 1e-12);
  assert.deepEqual([neither.lo, neither.hi], [0.8, 0.84]);
});
