/**
 * The convolution page's "predict, then run" card: how large is TensorFlow.js's conv2dTranspose
 * output for the course's 2-D example at a stride longer than the filter? Read from the page's live
 * check (transposeCheck's frame: tfjs's output and the scatter-add's).
 */
import type { TransposeCheckFrame } from "./liveChecks.js";

/** The card's setting: the 2-D stride 3 (longer than the 2 × 2 filter), padding 0. */
export const GAPS_SETTING = { stride2: 3, padding2: 0 } as const;

export interface TransposeOutcome {
  /** The side of tfjs's square output as a string ("5"), or "none" when there is no output. */
  option: string;
  side: number;
  /** Rows and columns of tfjs's output that are all zeros (no stamp reaches them). */
  zeroRows: number;
  zeroColumns: number;
  /** Largest gap between tfjs's output and the scatter-add's. */
  gap: number;
}

const zero = (values: readonly number[]) => values.every((v) => v === 0);

/** What tfjs returned in a finished transpose check. */
export function transposeOutcome(frame: TransposeCheckFrame): TransposeOutcome {
  const got = frame.got;
  if (!got || got.length === 0) {
    return { option: "none", side: 0, zeroRows: 0, zeroColumns: 0, gap: NaN };
  }
  const columns = got[0].map((_, j) => got.map((row) => row[j]));
  return {
    option: String(got.length),
    side: got.length,
    zeroRows: got.filter(zero).length,
    zeroColumns: columns.filter(zero).length,
    gap: frame.gap ?? NaN,
  };
}
