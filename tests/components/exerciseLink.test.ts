import assert from "node:assert/strict";
import { cardKey, nextSeed, readSeed } from "../../src/components/exerciseLink.ts";

const id = "convolution/filter-recovery";

Deno.test("cardKey(id) is ex-<name>, the card's element id and link parameter", () => {
  assert.equal(cardKey(id), "ex-filter-recovery");
});

Deno.test("readSeed(search, id): the card's own parameter, else ?seed=, else 1", () => {
  assert.deepEqual(readSeed("", id), { seed: 1 });
  assert.deepEqual(readSeed("?seed=42", id), { seed: 42 });
  assert.deepEqual(readSeed("?seed=42&ex-filter-recovery=7", id), { seed: 7 });
  assert.deepEqual(readSeed("?ex-transposed-1d=9", id), { seed: 1 });
  assert.deepEqual(readSeed("?seed=0", id), { seed: 0 });
});

Deno.test("readSeed(search, id) refuses a seed that is not a whole number in range, saying so", () => {
  for (const bad of ["-1", "1.5", "abc", "1e3", "1000000000", ""]) {
    const { seed, problem } = readSeed(`?ex-filter-recovery=${bad}`, id);
    assert.equal(seed, 1, bad);
    assert.match(problem!, /a seed must be a whole number from 0 to 999,999,999; using 1\.$/);
  }
  assert.match(readSeed("?seed=1&seed=2", id).problem!, /sets seed more than once/);
  const long = readSeed(`?seed=${"9".repeat(5000)}`, id).problem!;
  assert.ok(long.length < 200, long);
});

Deno.test("nextSeed(seed) steps by one and wraps at the largest seed", () => {
  assert.equal(nextSeed(1), 2);
  assert.equal(nextSeed(999_999_999), 0);
});
