import assert from "node:assert/strict";
import {
  digitInputs,
  digitLabels,
  epochBatches,
  firstOfEachClass,
} from "../../src/compute/digitBatch.ts";
import { DIGIT_PIXELS } from "../../src/compute/digitSet.ts";

const set = {
  count: 3,
  pixels: new Uint8Array(3 * DIGIT_PIXELS).map((_, i) =>
    [0, 51, 255][Math.floor(i / DIGIT_PIXELS)]
  ),
  labels: Uint8Array.from([4, 7, 1]),
};

Deno.test("digitInputs(set, indices) scales bytes to [0, 1] in the order asked", () => {
  const x = digitInputs(set, [2, 0, 1]);
  assert.equal(x.length, 3 * DIGIT_PIXELS);
  assert.equal(x[0], 1);
  assert.equal(x[DIGIT_PIXELS], 0);
  assert.equal(x[2 * DIGIT_PIXELS + 5], Math.fround(0.2));
  assert.deepEqual([...digitLabels(set, [2, 0, 1])], [1, 4, 7]);
  assert.throws(() => digitInputs(set, [3]), /digit index must be an integer in \[0, 2\]; got 3/);
});

Deno.test("epochBatches(count, batchSize, seed) covers every example once, in seeded batches", () => {
  const batches = epochBatches(10, 4, 3);
  assert.deepEqual(batches.map((b) => b.length), [4, 4, 2]);
  assert.deepEqual(batches.flat().sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(epochBatches(10, 4, 3), batches);
  assert.notDeepEqual(epochBatches(10, 4, 4), batches);
  assert.throws(() => epochBatches(10, 0, 3), /batch size/);
  assert.throws(() => epochBatches(10, 11, 3), /batch size/);
});

Deno.test("firstOfEachClass(set, perClass, name) takes the first perClass digits of each class, in the set's order", () => {
  const labels = Uint8Array.from({ length: 40 }, (_, i) => (i * 7) % 10);
  const digits = { count: 40, pixels: new Uint8Array(40 * DIGIT_PIXELS), labels };
  const picked = firstOfEachClass(digits, 3);
  assert.equal(picked.length, 30);
  assert.deepEqual(picked, [...picked].sort((a, b) => a - b));
  for (let label = 0; label < 10; label++) {
    const ofClass = Array.from({ length: 40 }, (_, i) => i).filter((i) => labels[i] === label);
    assert.deepEqual(picked.filter((i) => labels[i] === label), ofClass.slice(0, 3));
  }
  assert.throws(
    () => firstOfEachClass(digits, 5, "training digits per class"),
    /^RangeError: training digits per class must be at most 4 \(class 0 has no more\); got 5$/,
  );
  assert.throws(() => firstOfEachClass(digits, 0), /digits per class must be an integer/);
});
