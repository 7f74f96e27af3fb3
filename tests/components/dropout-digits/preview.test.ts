/**
 * The front page's preview of dropout-digits (src/components/dropout-digits/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { type DigitsData, digitsPreview } from "../../../src/components/dropout-digits/preview.ts";

Deno.test("digitsPreview(data): the final gaps in percentage points, with and without dropout", () => {
  const epochs = (gaps: number[]) => gaps.map((mean, epoch) => ({ epoch, gap: { mean } }));
  const data: DigitsData = {
    conditions: [
      {
        name: "without",
        keepInput: 1,
        keepHidden: 1,
        summary: { epochs: epochs([0, 0.2, 0.307]) },
      },
      {
        name: "with",
        keepInput: 0.5,
        keepHidden: 0.5,
        summary: { epochs: epochs([0, 0.1, 0.211]) },
      },
    ],
  };
  const spec = digitsPreview(data);
  assert.match(spec.label, /over 2 epochs.*it is 30\.7 without dropout and 21\.1 with it/);
});
