/**
 * What the dropout-digits trainer tests share: tfjs on its CPU backend with the gradient kernels
 * (tfjs-core ships none; the full bundle registers them, as on the page), the page's split of the
 * mnist digits, and a run small enough for a unit test (50 training digits, 8 hidden units).
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { splitDigits } from "../../../src/compute/digitSet.ts";
import type { DigitMlpOptions } from "../../../src/compute/dropout-digits/mlpOptions.ts";
import { readMnistByClass } from "../../../src/loaders/shared/mnistSource.ts";
import { PER_CLASS, SPLIT_SEED } from "../../../src/loaders/mnist-digits.bin.ts";

await tf.setBackend("cpu");
export const splits = splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED);

export const small: DigitMlpOptions = {
  keepInput: 0.7,
  keepHidden: 0.6,
  strength: 3,
  perClass: 5,
  hidden: 8,
  epochs: 2,
  batchSize: 10,
  learningRate: 0.01,
  seed: 5,
};
