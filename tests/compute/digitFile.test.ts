import assert from "node:assert/strict";
import {
  decodeDigitFile,
  encodeDigitFile,
  packDigits,
  unpackDigits,
} from "../../src/compute/digitFile.ts";
import { DIGIT_PIXELS, type DigitSplits } from "../../src/compute/digitSet.ts";

function set(count: number, seed: number) {
  const pixels = new Uint8Array(count * DIGIT_PIXELS).map((_, i) => (i * seed) % 251);
  const labels = new Uint8Array(count).map((_, i) => (i + seed) % 10);
  return { count, pixels, labels };
}
const splits: DigitSplits = { train: set(7, 3), validation: set(2, 5), test: set(3, 11) };

Deno.test("unpackDigits(packDigits(splits)) gives the splits back", () => {
  const bytes = packDigits(splits);
  assert.equal(bytes.length, 20 + 12 * (1 + DIGIT_PIXELS));
  assert.deepEqual(unpackDigits(bytes), splits);
});

Deno.test("decodeDigitFile(encodeDigitFile(splits)) gives the splits back, smaller", async () => {
  const file = await encodeDigitFile(splits);
  assert.ok(file.length < packDigits(splits).length);
  assert.deepEqual(await decodeDigitFile(file.buffer as ArrayBuffer), splits);
});

Deno.test("unpackDigits(bytes) says what is wrong with a file that is not a digit file", () => {
  const bytes = packDigits(splits);
  assert.throws(
    () => unpackDigits(new TextEncoder().encode("<!doctype html>")),
    /not a digit file/,
  );
  assert.throws(() => unpackDigits(bytes.subarray(0, bytes.length - 1)), /header promises/);
  const badVersion = bytes.slice();
  badVersion[4] = 9;
  assert.throws(() => unpackDigits(badVersion), /version 9/);
  const badLabel = bytes.slice();
  badLabel[20] = 10;
  assert.throws(() => unpackDigits(badLabel), /label 10 is not a digit/);
});

Deno.test("decodeDigitFile(bytes) refuses bytes that are not compressed", async () => {
  await assert.rejects(decodeDigitFile(packDigits(splits)), /not valid DEFLATE|not a digit file/);
});
