/**
 * MNIST digits for the pages that train in the browser: 500 digits of each class from the `mnist`
 * package, split 300 / 100 / 100 into training, validation and test sets by a fixed seed, packed
 * and compressed (src/compute/digitFile.ts). 5,000 digits in all. The bytes depend only on the
 * package's data and the constants below. Output, progress and exit status as every loader
 * (src/loaders/shared/runLoader.ts).
 */
import { encodeDigitFile } from "../compute/digitFile.js";
import { type PerClass, splitDigits } from "../compute/digitSet.js";
import { readMnistByClass } from "./shared/mnistSource.js";
import { runLoader } from "./shared/runLoader.js";

export const PER_CLASS: PerClass = { train: 300, validation: 100, test: 100 };
export const SPLIT_SEED = 20231;

if (import.meta.main) {
  Deno.exit(
    await runLoader("mnist-digits", async () => {
      return encodeDigitFile(splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED));
    }),
  );
}
