import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import {
  transposeCheck,
  type TransposeCheckFrame,
} from "../../../src/compute/convolution/liveChecks.ts";
import { GAPS_SETTING, transposeOutcome } from "../../../src/compute/convolution/predictions.ts";

await tf.setBackend("cpu");

/** The page's live check (transposeCheck, as the page runs it) at a 2-D stride and padding. */
async function lastFrame(stride: number, padding: number): Promise<TransposeCheckFrame> {
  let last: TransposeCheckFrame | undefined;
  for await (
    const frame of transposeCheck({ stride, padding }, { tf, signal: new AbortController().signal })
  ) {
    last = frame;
  }
  return last!;
}

Deno.test("transposeOutcome(frame): tfjs's side, its all-zero rows and columns, and the gap", () => {
  const got = [[1, 0, 2], [0, 0, 0], [3, 0, 4]];
  assert.deepEqual(transposeOutcome({ stride: 2, padding: 0, got, expected: got, gap: 0 }), {
    option: "3",
    side: 3,
    zeroRows: 1,
    zeroColumns: 1,
    gap: 0,
  });
  assert.equal(transposeOutcome({ stride: 1, padding: 2, error: "nothing left" }).option, "none");
});

Deno.test("the gaps card at its setting: the page's tfjs check returns 5 × 5 with a row and a column of zeros", async () => {
  const outcome = transposeOutcome(await lastFrame(GAPS_SETTING.stride2, GAPS_SETTING.padding2));
  assert.deepEqual(outcome, { option: "5", side: 5, zeroRows: 1, zeroColumns: 1, gap: 0 });
  // At stride 2, equal to the filter, the stamps touch: no zeros, 4 × 4.
  const touching = transposeOutcome(await lastFrame(2, 0));
  assert.deepEqual([touching.option, touching.zeroRows], ["4", 0]);
});
