import assert from "node:assert/strict";
import { DIGIT_PIXELS, pixelBytes, splitDigits } from "../../src/compute/digitSet.ts";

/** Ten classes of `n` fake digits; every pixel of digit k of class c holds (c * 20 + k) % 256. */
function fakeClasses(n: number): Uint8Array[] {
  return Array.from({ length: 10 }, (_, c) => {
    const bytes = new Uint8Array(n * DIGIT_PIXELS);
    for (let k = 0; k < n; k++) {
      bytes.fill((c * 20 + k) % 256, k * DIGIT_PIXELS, (k + 1) * DIGIT_PIXELS);
    }
    return bytes;
  });
}

Deno.test("pixelBytes(levels) recovers the bytes from three-decimal grey levels", () => {
  const bytes = Array.from({ length: 256 }, (_, b) => b);
  const levels = bytes.map((b) => Number((b / 255).toFixed(3)));
  assert.deepEqual([...pixelBytes(levels)], bytes);
});

Deno.test("pixelBytes(levels) refuses values that are not grey levels", () => {
  assert.throws(() => pixelBytes([0.5 / 255 + 0.0006]), /pixel 0 must be a grey level/);
  assert.throws(() => pixelBytes([1.01]), RangeError);
  assert.throws(() => pixelBytes([NaN]), RangeError);
});

Deno.test("splitDigits(byClass, perClass, seed) deals each class's digits to the splits without overlap", () => {
  const classes = fakeClasses(12);
  const splits = splitDigits(classes, { train: 5, validation: 3, test: 2 }, 7);
  assert.deepEqual([splits.train.count, splits.validation.count, splits.test.count], [50, 30, 20]);
  const seen = new Set<string>();
  for (const [name, set] of Object.entries(splits)) {
    const perLabel = new Array(10).fill(0);
    for (let i = 0; i < set.count; i++) {
      const label = set.labels[i];
      perLabel[label]++;
      const first = set.pixels[i * DIGIT_PIXELS];
      // Every pixel of a fake digit is the same, and names its class and index.
      assert.ok(
        set.pixels.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS).every((p: number) =>
          p === first
        ),
      );
      const k = first - label * 20;
      assert.ok(k >= 0 && k < 12, `${name} digit ${i} belongs to class ${label}`);
      const key = `${label}:${k}`;
      assert.ok(!seen.has(key), `digit ${key} dealt twice`);
      seen.add(key);
    }
    const want = { train: 5, validation: 3, test: 2 }[name];
    assert.deepEqual(perLabel, new Array(10).fill(want), `${name} is stratified`);
  }
});

Deno.test("splitDigits(byClass, perClass, seed) mixes labels, and is the same for the same seed", () => {
  const classes = fakeClasses(12);
  const a = splitDigits(classes, { train: 5, validation: 3, test: 2 }, 7);
  const b = splitDigits(classes, { train: 5, validation: 3, test: 2 }, 7);
  const c = splitDigits(classes, { train: 5, validation: 3, test: 2 }, 8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.train.labels, c.train.labels);
  // Not sorted by label: the first ten training labels are not all one class.
  assert.ok(new Set(a.train.labels.subarray(0, 10)).size > 1);
});

Deno.test("splitDigits(byClass, perClass, seed) refuses too few digits and bad counts", () => {
  assert.throws(
    () => splitDigits(fakeClasses(5), { train: 3, validation: 2, test: 1 }, 1),
    /has 5 digits; the split needs 6/,
  );
  assert.throws(
    () => splitDigits(fakeClasses(5), { train: 0, validation: 2, test: 1 }, 1),
    RangeError,
  );
  assert.throws(
    () => splitDigits(fakeClasses(5).slice(1), { train: 1, validation: 1, test: 1 }, 1),
    /need 10 classes/,
  );
});
