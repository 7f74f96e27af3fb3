/**
 * MNIST digits for the pages that train in the browser: 500 digits of each class from the `mnist`
 * package, split 300 / 100 / 100 into training, validation and test sets by a fixed seed, packed
 * and compressed (src/compute/digitFile.ts). 5,000 digits in all.
 *
 * stdout gets the file once; progress goes to stderr; any failure exits 1 with nothing on stdout.
 * The bytes depend only on the package's data and the constants below.
 */
import { encodeDigitFile } from "../compute/digitFile.js";
import { type PerClass, splitDigits } from "../compute/digitSet.js";
import { readMnistByClass } from "./shared/mnistSource.js";

export const PER_CLASS: PerClass = { train: 300, validation: 100, test: 100 };
export const SPLIT_SEED = 20231;

async function main(): Promise<number> {
  const started = performance.now();
  try {
    const splits = splitDigits(await readMnistByClass(), PER_CLASS, SPLIT_SEED);
    const file = await encodeDigitFile(splits);
    // One write call may take only part of a large buffer.
    for (let at = 0; at < file.length;) at += await Deno.stdout.write(file.subarray(at));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`mnist-digits: ${file.length} bytes in ${seconds} s`);
    return 0;
  } catch (e) {
    console.error(`mnist-digits: FAILED: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.main) Deno.exit(await main());
