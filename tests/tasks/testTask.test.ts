import assert from "node:assert/strict";
import { readsBuiltSite, slots, testGroups } from "../../src/tasks/test.ts";

Deno.test("testGroups(): the unit files that read the built site wait for it; no file is in two groups", async () => {
  const { unit, readsSite, browser } = await testGroups();
  assert.ok(readsSite.includes("tests/offline.test.ts"), readsSite.join(", "));
  assert.ok(readsSite.includes("tests/tasks/postProcessHtml.test.ts"));
  // It reads the cnn-training runs as the build computed them.
  assert.ok(readsSite.includes("tests/loaders/cnn-training.test.ts"));
  assert.ok(unit.includes("tests/tasks/testTask.test.ts"));
  for (const path of unit) {
    assert.equal(readsBuiltSite(await Deno.readTextFile(path)), false, path);
  }
  const all = [...unit, ...readsSite, ...browser];
  assert.equal(new Set(all).size, all.length);
  assert.ok(browser.every((path) => path.startsWith("tests/browser/")));
  assert.ok(unit.every((path) => !path.startsWith("tests/browser/")));
  assert.equal(
    browser[0],
    "tests/browser/backends.test.ts",
    "the longest browser file starts first",
  );
});

Deno.test("slots(2): at most two tasks run at once, started in the order they were queued", async () => {
  const slot = slots(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const task = (id: number, ms: number) => () => {
    started.push(id);
    running += 1;
    most = Math.max(most, running);
    return new Promise<number>((resolve) =>
      setTimeout(() => {
        running -= 1;
        resolve(id);
      }, ms)
    );
  };
  const results = await Promise.all([
    slot(task(0, 30)),
    slot(task(1, 5)),
    slot(task(2, 5)),
    slot(task(3, 5)),
  ]);
  assert.deepEqual(results, [0, 1, 2, 3]);
  assert.deepEqual(started, [0, 1, 2, 3]);
  assert.equal(most, 2);
});

Deno.test("slots(1): a failing task frees its slot for the next", async () => {
  const slot = slots(1);
  const failed = slot(() => Promise.reject(new Error("no")));
  const next = slot(() => Promise.resolve("ran"));
  await assert.rejects(failed, /no/);
  assert.equal(await next, "ran");
});
