import assert from "node:assert/strict";
import { num, sciText } from "../../src/components/math.ts";

Deno.test("sciText(value): scientific notation with superscript exponents, as plain text", () => {
  assert.equal(sciText(8.9e-16), "8.9 × 10⁻¹⁶");
  assert.equal(sciText(1234, 3), "1.23 × 10³");
  assert.equal(sciText(-2.5e10), "-2.5 × 10¹⁰");
  assert.equal(sciText(0), num(0, 1));
});
