import assert from "node:assert/strict";
import { formGapText } from "../../../src/components/rnn-gradients/proseText.ts";
import { textFromLog10 } from "../../../src/components/rnn-gradients/rnnRows.ts";

Deno.test("formGapText(formGap): exactly 0 explained, any other gap as rounding, as the page's inline conditional read", () => {
  for (const formGap of [0, 1.1e-16, 4.4e-16, 2.3e-12, 0.5]) {
    assert.equal(
      formGapText(formGap),
      formGap === 0
        ? "exactly 0: fed the same numbers, the two forms carry out the same floating-point operations"
        : `${textFromLog10(Math.log10(formGap))}, rounding in double precision`,
    );
  }
  assert.equal(formGapText(4.4e-16), "4.4 × 10⁻¹⁶, rounding in double precision");
});
