/**
 * The status lines of the convolution page's TensorFlow.js checks, for each way a run ends, and
 * the TeX count text.
 */
import assert from "node:assert/strict";
import {
  filterCheckStatus,
  transposeCheckStatus,
  vectorText,
} from "../../../src/components/convolution/checkStatus.ts";
import {
  count,
  partsText,
  ratioWords,
  sumText,
  texCount,
} from "../../../src/components/convolution/countText.ts";
import { separableConvParams } from "../../../src/compute/parameterCounts.ts";

const asked = { signal: [1, 4, 0, -2, 3], output: [-2, 2, 11] };

Deno.test("vectorText([2, -1, 3]) is (2, −1, 3) with a true minus", () => {
  assert.equal(vectorText([2, -1, 3]), "(2, −1, 3)");
});

Deno.test("filterCheckStatus: checked, checked with a float32 gap, stopped, and no filter", () => {
  const filter = [2, -1, 3];
  assert.equal(
    filterCheckStatus({ ...asked, filter, got: [-2, 2, 11], gap: 0 }),
    "TensorFlow.js's conv1d (no flip) of the signal with (2, −1, 3) gives (−2, 2, 11); the largest difference from the outputs asked for is 0 (float32 rounding).",
  );
  assert.match(
    filterCheckStatus({ ...asked, filter, got: [-2, 2, 11.000001], gap: 1.2e-6 }),
    /is 1\.2 × 10⁻⁶ \(float32 rounding\)\.$/,
  );
  assert.equal(
    filterCheckStatus({ ...asked, filter }),
    "Stopped before TensorFlow.js's answer was read: the filter (2, −1, 3) above was solved exactly, but TensorFlow.js has not checked it this time.",
  );
  // Stopped, though the worker's answer arrived after Stop: the page does not show it.
  assert.equal(
    filterCheckStatus({ ...asked, filter, got: [-2, 2, 11], gap: 0, stopped: true }),
    filterCheckStatus({ ...asked, filter }),
  );
  assert.equal(
    filterCheckStatus({ ...asked, filter: null }),
    "No filter fits these outputs, so there is nothing for TensorFlow.js to check.",
  );
});

Deno.test("transposeCheckStatus: checked, stopped, and nothing to check", () => {
  const got = [[-1, 3, -2], [3, -3, 1], [0, 3, 1]];
  assert.equal(
    transposeCheckStatus({ stride: 1, padding: 0, got, expected: got, gap: 0 }),
    "TensorFlow.js's conv2dTranspose at stride 1, padding 0 gives the same 3 × 3 output as the scatter-add; largest difference 0.",
  );
  assert.equal(
    transposeCheckStatus({ stride: 2, padding: 1 }),
    "Stopped before TensorFlow.js's answer was read: the scatter-add output above (stride 2, padding 1) stands, but TensorFlow.js has not checked it this time.",
  );
  assert.equal(
    transposeCheckStatus({ stride: 2, padding: 1, got, expected: got, gap: 0, stopped: true }),
    transposeCheckStatus({ stride: 2, padding: 1 }),
  );
  assert.equal(
    transposeCheckStatus({ stride: 1, padding: 2, error: "nothing is left" }),
    "Nothing to check at stride 1, padding 2: nothing is left.",
  );
});

Deno.test("count(213504) is 213,504; texCount braces the comma; parts add up in TeX", () => {
  assert.equal(count(213504), "213,504");
  assert.equal(texCount(213504), "213{,}504");
  const separable = separableConvParams({
    inChannels: 3,
    outChannels: 4,
    kernel: 3,
    bias: "none",
  });
  assert.equal(partsText(separable), "27 + 12");
  assert.equal(sumText(separable), "27 + 12 = 39");
});

Deno.test("ratioWords: fewer from a ratio of 1 up, more (and why) below", () => {
  assert.equal(ratioWords(1), "times fewer");
  assert.match(ratioWords(0.9), /^times more \(with so few output channels/);
});
