/** Sentence endings of the rnn-gradients page's prose that depend on a computed number. */
import { textFromLog10 } from "./rnnRows.js";

/**
 * The largest difference between gₜ and σ(hₜ) over the default run: exactly 0 says why; anything
 * else is rounding.
 */
export function formGapText(formGap: number): string {
  return formGap === 0
    ? "exactly 0: fed the same numbers, the two forms carry out the same floating-point operations"
    : `${textFromLog10(Math.log10(formGap))}, rounding in double precision`;
}
