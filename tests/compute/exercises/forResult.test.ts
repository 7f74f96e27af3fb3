import assert from "node:assert/strict";
import { exercisesFor } from "../../../src/compute/exercises/forResult.ts";
import { EXERCISES, RESULTS } from "../../../src/fromPages.ts";

Deno.test("exercisesFor(result): every course result has an exercise on its own page, and every exercise practises a result", () => {
  const used = new Set<string>();
  for (const result of RESULTS) {
    const found = exercisesFor(result, EXERCISES);
    assert.ok(found.length > 0, `no exercise for: ${result.result}`);
    for (const exercise of found) {
      assert.equal(exercise.page, result.page);
      used.add(exercise.id);
    }
  }
  assert.deepEqual(EXERCISES.filter((e) => !used.has(e.id)).map((e) => e.id), []);
});

Deno.test("exercisesFor(result, exercises) takes the exercises on the result's page that share one of its sources", () => {
  const result = RESULTS.find((r) => r.sources.length > 1)!;
  const base = EXERCISES[0];
  const same = { ...base, id: "x/same", page: result.page, sources: result.sources };
  const part = { ...base, id: "x/part", page: result.page, sources: result.sources.slice(1) };
  const other = { ...base, id: "x/other", page: result.page, sources: [["homework-5", "99"]] };
  const elsewhere = { ...base, id: "x/elsewhere", page: "nowhere", sources: result.sources };
  assert.deepEqual(
    exercisesFor(result, [same, part, other, elsewhere] as typeof EXERCISES).map((e) => e.id),
    ["x/same", "x/part"],
  );
});
