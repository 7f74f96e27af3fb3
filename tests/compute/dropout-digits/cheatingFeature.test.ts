import assert from "node:assert/strict";
import { createRng } from "../../../src/compute/prng.ts";
import { DIGIT_PIXELS } from "../../../src/compute/digitSet.ts";
import {
  accuracyOf,
  CHEAT_INPUTS,
  cheatView,
  fillInputs,
  followedShare,
  namedClasses,
  NO_CLASS,
  refill,
} from "../../../src/compute/dropout-digits/cheatingFeature.ts";

// Three digits: blank, all 51 (0.2) and all 255 (1), labelled 4, 7 and 1.
const set = {
  count: 3,
  pixels: new Uint8Array(3 * DIGIT_PIXELS).map((_, i) =>
    [0, 51, 255][Math.floor(i / DIGIT_PIXELS)]
  ),
  labels: Uint8Array.from([4, 7, 1]),
};

Deno.test("CHEAT_INPUTS: 784 pixels and one cheating input per class", () => {
  assert.equal(CHEAT_INPUTS, 794);
});

Deno.test("fillInputs(view, rows, out): the pixels, then `strength` at the named class and 0 at the other nine", () => {
  const view = cheatView(set, [2, 1], 3, "honest");
  const out = new Float32Array(2 * CHEAT_INPUTS).fill(9);
  fillInputs(view, [1, 0], out);
  // Row 0 is the view's digit 1 (set digit 1, label 7), row 1 its digit 0 (set digit 2, label 1).
  assert.equal(out[0], Math.fround(0.2));
  assert.equal(out[DIGIT_PIXELS - 1], Math.fround(0.2));
  assert.deepEqual([...out.subarray(DIGIT_PIXELS, CHEAT_INPUTS)], [0, 0, 0, 0, 0, 0, 0, 3, 0, 0]);
  assert.equal(out[CHEAT_INPUTS], 1);
  assert.deepEqual(
    [...out.subarray(CHEAT_INPUTS + DIGIT_PIXELS)],
    [0, 3, 0, 0, 0, 0, 0, 0, 0, 0],
  );
  const blank = new Float32Array(CHEAT_INPUTS).fill(9);
  fillInputs(refill(view, "blank"), [0], blank);
  assert.deepEqual([...blank.subarray(DIGIT_PIXELS)], new Array(10).fill(0));
  assert.throws(() => fillInputs(view, [0, 1], new Float32Array(CHEAT_INPUTS)), /2 rows need 1588/);
  assert.throws(
    () => cheatView(set, [0], -1, "honest"),
    /strength must be a finite number ≥ 0; got -1/,
  );
});

Deno.test("namedClasses(labels, noise): each class named a tenth of the time, whatever the label", () => {
  // 4·10⁶ draws: 4 standard errors of a share of 1/10 are 0.6 % of it, so a 2 % bias fails.
  const n = 4_000_000;
  const labels = new Uint8Array(n).map((_, i) => (i * 7) % 10);
  const named = namedClasses(labels, "noise", createRng(11));
  const counts = new Array(10).fill(0);
  let agree = 0;
  named.forEach((c, i) => {
    counts[c]++;
    if (c === labels[i]) agree++;
  });
  const se = Math.sqrt(0.1 * 0.9 / n);
  for (const c of counts) assert.ok(Math.abs(c / n - 0.1) < 4 * se, `share ${c / n}`);
  assert.ok(Math.abs(agree / n - 0.1) < 4 * se, `agrees with the label ${agree / n}`);
  assert.ok(4 * se < 0.01 * 0.1);
  assert.deepEqual([...namedClasses(labels.subarray(0, 3), "honest")], [0, 7, 4]);
  assert.deepEqual([...namedClasses(labels.subarray(0, 2), "blank")], [NO_CLASS, NO_CLASS]);
  assert.throws(() => namedClasses(labels, "noise"), /needs a generator/);
});

Deno.test("accuracyOf(view, predicted) and followedShare(view, predicted) on a hand-made case", () => {
  // Labels 4, 7, 1; blocks name 4 (agrees), 2 and 5 (both mislead).
  const view = { ...cheatView(set, [0, 1, 2], 1, "honest"), named: Int8Array.from([4, 2, 5]) };
  assert.equal(accuracyOf(view, [4, 2, 1]), 2 / 3);
  // Of the two misleading blocks, the network followed one (digit 1 → 2).
  assert.equal(followedShare(view, [4, 2, 1]), 1 / 2);
  assert.equal(followedShare(view, [4, 2, 5]), 1);
  assert.equal(followedShare(refill(view, "honest"), [0, 0, 0]), 0);
});
