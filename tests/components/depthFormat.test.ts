import assert from "node:assert/strict";
import { sigTex, sigText } from "../../src/components/depthFormat.ts";

Deno.test("sigText and sigTex: significant digits, plain between 0.001 and 10⁴, scientific outside", () => {
  assert.equal(sigText(0.5000000000000002, 2), "0.50");
  assert.equal(sigText(0.26469, 3), "0.265");
  assert.equal(sigText(327.65, 3), "328");
  assert.equal(sigText(722.2, 2), "722");
  assert.equal(sigText(2, 2), "2.0");
  assert.equal(sigText(0, 2), "0");
  assert.equal(sigText(0.0078125, 2), "0.0078");
  assert.equal(sigText(1.5905e-63, 2), "1.6 × 10⁻⁶³");
  assert.equal(sigText(1.1259e15, 2), "1.1 × 10¹⁵");
  assert.equal(sigText(-0.25, 2), "-0.25");
  assert.equal(sigTex(1.5905e-63, 2), "1.6 \\times 10^{-63}");
  assert.equal(sigTex(0.97393, 2), "0.97");
  // Never the raw notation the audit found ("7.2e2", "0.5000000000000002").
  for (const v of [722.2, 0.5000000000000002, 3.1e-24, 1e17]) {
    assert.doesNotMatch(sigText(v), /e[+-]?\d|\d{7,}/);
  }
});
