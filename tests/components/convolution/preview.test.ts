/**
 * The front page's preview of convolution (src/components/convolution/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { convolutionPreview } from "../../../src/components/convolution/preview.ts";

Deno.test("convolutionPreview(): the filter (2, −1, 3) gives the page's output (−2, 2, 11) back", () => {
  const spec = convolutionPreview();
  const x = [1, 4, 0, -2, 3];
  const h = [2, -1, 3];
  const y = [0, 1, 2].map((j) => h.reduce((s, hk, k) => s + hk * x[j + k], 0));
  assert.deepEqual(y, [-2, 2, 11]);
  assert.match(spec.label, /x = \(1, 4, 0, −2, 3\) and its output y = \(−2, 2, 11\)/);
  assert.match(
    spec.label,
    /recovers the filter \(2, −1, 3\), which gives the output \(−2, 2, 11\)/,
  );
});
