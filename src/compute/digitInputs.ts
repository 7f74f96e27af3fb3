/**
 * The digit file as a live computation's input: a page hands its bytes (an ArrayBuffer, from
 * FileAttachment("../loaders/mnist-digits.bin")) as `env.inputs.digits`, which reaches a worker as
 * well as a Deno test, and the computation decodes them here, once per file.
 */
import type { LiveEnv } from "./liveRun.js";
import type { DigitSplits } from "./digitSet.js";
import { decodeDigitFile } from "./digitFile.js";

/** The name under which a page hands the digit file's bytes to a live computation. */
export const DIGITS_INPUT = "digits";

const decoded = new WeakMap<ArrayBuffer, Promise<DigitSplits>>();

/** The digits of the run's digit file, decoded once per file (the same object every time). */
export function digitSplitsOf(env: LiveEnv): Promise<DigitSplits> {
  const bytes = env.inputs?.[DIGITS_INPUT];
  if (!(bytes instanceof ArrayBuffer)) {
    throw new Error("this live computation was started without its digit file");
  }
  let splits = decoded.get(bytes);
  if (!splits) decoded.set(bytes, splits = decodeDigitFile(bytes));
  return splits;
}
