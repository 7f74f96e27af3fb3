import assert from "node:assert/strict";
import { asFraction, texMatrix, texNumber, texVector } from "../../src/compute/exerciseFormat.ts";

Deno.test("asFraction(x) finds p/q with a small denominator, and nothing for irrationals", () => {
  assert.deepEqual(asFraction(13 / 405), [13, 405]);
  assert.deepEqual(asFraction(-2 / 3), [-2, 3]);
  assert.deepEqual(asFraction(4), [4, 1]);
  assert.deepEqual(asFraction(0), [0, 1]);
  assert.equal(asFraction(Math.PI), undefined);
  assert.equal(asFraction(1 / 1009), undefined);
});

Deno.test("texNumber(x) braces a negative number so TeX spaces its minus as a sign", () => {
  assert.equal(texNumber(-4), "{-4}");
  assert.equal(texNumber(2.5), "2.5");
  assert.equal(texVector([2, -1, 3]), "(2, {-1}, 3)");
  assert.equal(
    texMatrix([[1, -2], [3, 4]]),
    String.raw`\begin{pmatrix} 1 & {-2} \\ 3 & 4 \end{pmatrix}`,
  );
});
