import assert from "node:assert/strict";
import {
  PROGRESS_KEY,
  progressText,
  readProgress,
  recordAttempt,
} from "../../src/components/exerciseProgress.ts";

/** An in-memory Storage, optionally one whose every call throws (storage blocked). */
function store(blocked = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem(key: string) {
      if (blocked) throw new DOMException("blocked", "SecurityError");
      return items.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (blocked) throw new DOMException("quota", "QuotaExceededError");
      items.set(key, value);
    },
  };
}

Deno.test("recordAttempt(store, id, seed, correct) counts attempts and each solved seed once", () => {
  const s = store();
  assert.deepEqual(readProgress(s, "convolution/a"), { solved: [], attempts: 0 });
  recordAttempt(s, "convolution/a", 3, false);
  recordAttempt(s, "convolution/a", 3, true);
  recordAttempt(s, "convolution/a", 3, true);
  const after = recordAttempt(s, "convolution/a", 4, true);
  assert.deepEqual(after, { solved: [3, 4], attempts: 4 });
  assert.deepEqual(readProgress(s, "convolution/a"), after);
  assert.deepEqual(readProgress(s, "convolution/b"), { solved: [], attempts: 0 });
  assert.deepEqual(Object.keys(JSON.parse(s.items.get(PROGRESS_KEY)!)), ["convolution/a"]);
});

Deno.test("readProgress and recordAttempt never throw: blocked storage, no storage, junk in it", () => {
  const blocked = store(true);
  assert.deepEqual(recordAttempt(blocked, "x/y", 1, true), { solved: [1], attempts: 1 });
  assert.deepEqual(readProgress(blocked, "x/y"), { solved: [], attempts: 0 });
  assert.deepEqual(recordAttempt(null, "x/y", 1, false), { solved: [], attempts: 1 });
  const junk = store();
  for (
    const value of ["not json", "[1, 2]", "null", '{"x/y": {"solved": "no", "attempts": -0.5}}']
  ) {
    junk.items.set(PROGRESS_KEY, value);
    assert.deepEqual(readProgress(junk, "x/y"), { solved: [], attempts: 0 }, value);
  }
});

Deno.test("progressText(progress) says solved with how many sets, tried, or not tried", () => {
  assert.equal(progressText({ solved: [], attempts: 0 }), "Not tried yet");
  assert.equal(progressText({ solved: [], attempts: 2 }), "Tried, not solved yet");
  assert.equal(progressText({ solved: [5], attempts: 2 }), "Solved with one set of numbers");
  assert.equal(progressText({ solved: [5, 6], attempts: 2 }), "Solved with 2 sets of numbers");
});
