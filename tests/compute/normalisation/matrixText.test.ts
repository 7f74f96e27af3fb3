import assert from "node:assert/strict";
import { matrixText, parseMatrixText } from "../../../src/compute/normalisation/matrixText.ts";
import { DEFAULT_BATCH } from "../../../src/compute/normalisation/backwardExample.ts";

Deno.test("parseMatrixText(text): rows on lines or after ';', entries after commas or spaces, '−' read as minus", () => {
  assert.deepEqual(parseMatrixText("1, 2, 3\n4 5 6\n"), [[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(parseMatrixText("1,−2;3,4e-1"), [[1, -2], [3, 0.4]]);
  assert.deepEqual(parseMatrixText("  7  "), [[7]]);
  const rows = DEFAULT_BATCH.map((row) => [...row]);
  assert.deepEqual(parseMatrixText(matrixText(rows)), rows);
  assert.deepEqual(parseMatrixText(matrixText(rows, { link: true })), rows);
  assert.equal(matrixText([[1, -0.5], [2, 3]], { link: true }), "1,-0.5;2,3");
});

Deno.test("parseMatrixText(text): an empty batch, NaN, words, ragged rows and oversize matrices get messages that say where", () => {
  assert.throws(() => parseMatrixText(""), /X has no rows: a batch needs at least one example/);
  assert.throws(() => parseMatrixText(" ;\n "), /X has no rows/);
  assert.throws(
    () => parseMatrixText("1, NaN"),
    /X, row 1, entry 2 is NaN: every entry must be a finite number/,
  );
  assert.throws(() => parseMatrixText("1\n-Infinity"), /row 2, entry 1 is -Infinity/);
  assert.throws(
    () => parseMatrixText("1, 2\n3, abc"),
    /X, row 2, entry 2 is "abc", which is not a number/,
  );
  assert.throws(() => parseMatrixText("1e999"), /"1e999", which is not a number/);
  assert.throws(
    () => parseMatrixText("1, 2, 3\n4, 5"),
    /X, row 2 has 2 entries but row 1 has 3: every row needs the same number/,
  );
  assert.throws(
    () => parseMatrixText("1;2;3;4;5;6;7;8;9"),
    /X has 9 rows; this view takes at most 8/,
  );
  assert.throws(() => parseMatrixText("1 2 3 4 5"), /X has 5 columns; this view takes at most 4/);
});
