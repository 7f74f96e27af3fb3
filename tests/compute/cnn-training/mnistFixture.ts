/** The page's digits (the split of mnist-digits.bin.ts), prepared for the CNN, once per test file. */
import { splitDigits } from "../../../src/compute/digitSet.ts";
import { cnnDataset } from "../../../src/compute/cnn-training/dataset.ts";
import { readMnistByClass } from "../../../src/loaders/shared/mnistSource.ts";
import { PER_CLASS, SPLIT_SEED } from "../../../src/loaders/mnist-digits.bin.ts";

export const splits = splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED);
export const data = cnnDataset(splits);
