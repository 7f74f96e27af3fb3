import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import {
  CHANCE_ACCURACY,
  digitRunProblem,
  GUESSING_LOSS,
  type RunToCheck,
} from "../../../src/compute/dropout-digits/runHealth.ts";
import { trainDigitMlpTf } from "../../../src/compute/dropout-digits/mlpTrainTf.ts";
import { splitDigits } from "../../../src/compute/digitSet.ts";
import { readMnistByClass } from "../../../src/loaders/shared/mnistSource.ts";
import { PER_CLASS, SPLIT_SEED } from "../../../src/loaders/mnist-digits.bin.ts";

const epoch = (epoch: number, validationAccuracy: number, meanLoss: number | null) => ({
  epoch,
  trainAccuracy: 0.9,
  validationAccuracy,
  meanLoss,
});
const test = { noise: 0.7, honest: 0.99, blank: 0.85, followed: 0.2 };
const sound: RunToCheck = { epochs: [epoch(0, 0.1, null), epoch(1, 0.7, 0.8)], test };

Deno.test("digitRunProblem: a sound run, finished or stopped midway, passes", () => {
  assert.equal(digitRunProblem(sound), undefined);
  assert.equal(digitRunProblem({ epochs: sound.epochs }), undefined);
  // Stopped before its first epoch ended: nothing trained yet, nothing to fault.
  assert.equal(digitRunProblem({ epochs: [epoch(0, 0.08, null)] }), undefined);
  // At the boundaries themselves: chance accuracy is not below chance, ln 10 is not above it.
  assert.equal(
    digitRunProblem({ epochs: [epoch(0, 0.1, null), epoch(1, 0.1, GUESSING_LOSS)] }),
    undefined,
  );
});

Deno.test("digitRunProblem: NaN anywhere is named", () => {
  const nanLoss = { ...sound, epochs: [epoch(0, 0.1, null), epoch(1, 0.7, NaN)] };
  assert.match(digitRunProblem(nanLoss)!, /^produced NaN/);
  assert.match(digitRunProblem({ ...sound, test: { ...test, blank: NaN } })!, /^produced NaN/);
  const nanAccuracy = { epochs: [epoch(0, 0.1, null), epoch(1, NaN, 0.5)] };
  assert.match(digitRunProblem(nanAccuracy)!, /^produced NaN/);
});

Deno.test("digitRunProblem: a loss above ln 10 at the end is a divergence, with its value", () => {
  const run = { epochs: [epoch(0, 0.1, null), epoch(1, 0.5, 0.9), epoch(2, 0.3, 2.31)] };
  assert.equal(
    digitRunProblem(run),
    "diverged: its training loss ended at 2.31, above the 2.30 of guessing every class alike",
  );
  const far = { epochs: [epoch(0, 0.1, null), epoch(1, 0.3, Infinity)] };
  assert.match(digitRunProblem(far)!, /ended at over 10,000, above/);
  // A loss that rose and came back below ln 10 is judged on where it ended.
  const back = { epochs: [epoch(0, 0.1, null), epoch(1, 0.3, 5), epoch(2, 0.6, 1.2)] };
  assert.equal(digitRunProblem(back), undefined);
});

Deno.test("digitRunProblem: below chance on the clean test, or on validation before the test", () => {
  assert.equal(
    digitRunProblem({ ...sound, test: { ...test, noise: 0.087 } }),
    "ended below chance: clean test accuracy 8.7 %, under the 10.0 % of guessing",
  );
  assert.equal(
    digitRunProblem({ epochs: [epoch(0, 0.1, null), epoch(1, 0.095, 2)] }),
    "ended below chance: validation accuracy 9.5 %, under the 10.0 % of guessing",
  );
  assert.equal(CHANCE_ACCURACY, 0.1);
});

Deno.test("digitRunProblem: the trainer itself, pushed to a learning rate of 1, is caught", async () => {
  await tf.setBackend("cpu");
  const splits = splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED);
  const options = {
    keepInput: 0.5,
    keepHidden: 0.5,
    strength: 10,
    perClass: 20,
    hidden: 32,
    epochs: 2,
    batchSize: 10,
    seed: 1,
  };
  const finish = async (learningRate: number) => {
    let last;
    for await (const f of trainDigitMlpTf(tf, splits, { ...options, learningRate })) last = f;
    return last!;
  };
  const wild = await finish(1);
  const problem = digitRunProblem(wild);
  console.log(`learning rate 1: ${problem}`);
  assert.match(problem ?? "", /^(diverged|ended below chance|produced NaN)/);
  // The same run at the page's learning rate is sound.
  assert.equal(digitRunProblem(await finish(0.001)), undefined);
});
