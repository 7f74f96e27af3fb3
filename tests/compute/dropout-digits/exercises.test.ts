import assert from "node:assert/strict";
import type { Exercise, ExerciseInstance, NumericAnswer } from "../../../src/compute/exercise.ts";
import { RESULTS } from "../../../src/courseResults.ts";
import {
  cheatReliance,
  dropoutEffect,
  EXERCISES,
  gapNarrowing,
} from "../../../src/compute/dropout-digits/exercises.ts";

const PAGE = "dropout-digits";
const SEEDS = Array.from({ length: 1000 }, (_, s) => s);

type Value = NumericAnswer["value"];
const flat = (v: Value): number[] => (typeof v === "number" ? [v] : (v as number[]).flat());
const numericValue = (i: ExerciseInstance): number[] => {
  assert.ok(i.answer.kind !== "choice", `${i.prompt} should have a numeric answer`);
  return flat(i.answer.value);
};
/** Agreement to 1e-9 relative: far tighter than a 2 % error, so a 2 % change fails. */
const close = (got: readonly number[], want: readonly number[], what: string) => {
  assert.equal(got.length, want.length, `${what}: length`);
  got.forEach((g, k) =>
    assert.ok(
      Math.abs(g - want[k]) <= 1e-9 * Math.max(1, Math.abs(want[k])),
      `${what}[${k}]: ${g} vs ${want[k]}`,
    )
  );
};
/** A decimal with more than the formatter's four significant digits: a number printed raw. */
const rawFloat = (text: string) =>
  (text.match(/\d+\.\d+/g) ?? []).some((t) => t.replace(".", "").replace(/^0+/, "").length > 4);
const byId = (name: string): Exercise => EXERCISES.find((e) => e.id === `${PAGE}/${name}`)!;

Deno.test("EXERCISES: ids, pages and sources match dropout-digits's course results, one exercise or more per result", () => {
  const ids = EXERCISES.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  const results = RESULTS.filter((r) => r.page === PAGE);
  const key = (sources: readonly (readonly string[])[]) => JSON.stringify(sources);
  for (const e of EXERCISES) {
    assert.ok(e.id.startsWith(`${PAGE}/`), e.id);
    assert.equal(e.page, PAGE);
    assert.ok(
      results.some((r) => key(r.sources) === key(e.sources)),
      `${e.id}: sources of a result`,
    );
    assert.ok(e.title && e.toleranceText && e.answerFormat, `${e.id}: texts`);
  }
  for (const r of results) {
    assert.ok(
      EXERCISES.some((e) => key(e.sources) === key(r.sources)),
      `no exercise for ${r.result}`,
    );
  }
});

Deno.test("generate(seed) is deterministic for every dropout-digits exercise", () => {
  for (const e of EXERCISES) {
    for (const seed of [0, 1, 7, 123, 999]) {
      assert.deepEqual(e.generate(seed), e.generate(seed), e.id);
    }
  }
});

Deno.test("generate(seed), seeds 0..999: finite non-zero answers, formatted texts, at least one slip, every slip beyond the tolerance of the answer and of the other slips", () => {
  for (const e of EXERCISES) {
    for (const seed of SEEDS) {
      const i = e.generate(seed);
      assert.equal(i.seed, seed);
      assert.ok(i.slips.length > 0, `${e.id} ${seed}: no slip to name`);
      for (const text of [i.prompt, ...i.solution]) {
        assert.ok(
          !/NaN|undefined|Infinity/.test(text) && !rawFloat(text),
          `${e.id} ${seed}: ${text}`,
        );
        assert.equal(
          (text.match(/\$/g) ?? []).length % 2,
          0,
          `${e.id} ${seed}: unbalanced $ in ${text}`,
        );
      }
      if (i.answer.kind === "choice") {
        const { options, correct } = i.answer;
        assert.equal(new Set(options).size, options.length, `${e.id} ${seed}: distinct options`);
        assert.ok(correct >= 0 && correct < options.length);
        for (const s of i.slips) {
          assert.ok(
            s.value !== correct && (s.value as number) >= 0 && (s.value as number) < options.length,
          );
          assert.ok(s.hint.length > 0);
        }
        continue;
      }
      const answer = flat(i.answer.value);
      const tolerance = i.answer.tolerance;
      /** How far a typed entry may sit from `v` and still count as `v`. */
      const allowed = (v: number) =>
        "relative" in tolerance ? tolerance.relative * Math.abs(v) : tolerance.absolute;
      assert.ok(
        answer.some((v) => 0.02 * Math.abs(v) > allowed(v)),
        `${e.id} ${seed}: a 2 % error must fall outside the tolerance`,
      );
      answer.forEach((v) =>
        assert.ok(Number.isFinite(v) && Math.abs(v) > 1e-6, `${e.id} ${seed}: answer ${answer}`)
      );
      const slips = i.slips.map((s) => flat(s.value as Value));
      slips.forEach((slip, k) =>
        slips.slice(0, k).forEach((earlier) =>
          assert.ok(
            slip.some((v, m) => Math.abs(v - earlier[m]) > allowed(earlier[m])),
            `${e.id} ${seed}: slips ${earlier} and ${slip} coincide`,
          )
        )
      );
      for (const s of i.slips) {
        const slip = flat(s.value as Value);
        assert.equal(slip.length, answer.length, `${e.id} ${seed}: slip shape`);
        assert.ok(slip.every(Number.isFinite), `${e.id} ${seed}: slip ${slip}`);
        assert.ok(
          slip.some((v, k) => Math.abs(v - answer[k]) > allowed(answer[k])),
          `${e.id} ${seed}: slip ${slip} is within the tolerance of ${answer}`,
        );
      }
    }
  }
});

const listAfter = (prompt: string, name: string) =>
  prompt.split(`${name}: $(`)[1].split(")")[0].split(", ").map(Number);

Deno.test("cheatReliance({labels: (1, 2, 3, 4), named: (1, 5, 6, 7), predicted: (1, 5, 3, 0)}) is (1/2, 1/3)", () => {
  const i = cheatReliance({ labels: [1, 2, 3, 4], named: [1, 5, 6, 7], predicted: [1, 5, 3, 0] });
  close(numericValue(i), [1 / 2, 1 / 3], "measures");
});

Deno.test("cheatReliance(digits) counts right predictions and followed misleading blocks, seeds 0..999", () => {
  for (const seed of SEEDS) {
    const i = byId("cheat-reliance").generate(seed);
    const labels = listAfter(i.prompt, "Labels");
    const named = listAfter(i.prompt, "classes the blocks name");
    const predicted = listAfter(i.prompt, "predictions");
    let right = 0;
    let misleading = 0;
    let followed = 0;
    labels.forEach((l, k) => {
      if (predicted[k] === l) right++;
      if (named[k] !== l) {
        misleading++;
        if (predicted[k] === named[k]) followed++;
      }
    });
    close(numericValue(i), [right / labels.length, followed / misleading], `seed ${seed}`);
  }
});

Deno.test("gapNarrowing({without: 99 % / 65 %, with: 90 % / 78 %}) is 22 points, homework 5 6(c); every seed gives the difference of the gaps", () => {
  const i = gapNarrowing({
    without: { trainAccuracy: 0.99, validationAccuracy: 0.65 },
    with: { trainAccuracy: 0.9, validationAccuracy: 0.78 },
  });
  close(numericValue(i), [22], "points");
  for (const seed of SEEDS) {
    const g = byId("gap-narrowing").generate(seed);
    const [trainOff, valOff, trainOn, valOn] = [...g.prompt.matchAll(/\$([\d.]+)\\,\\%\$/g)].map((
      m,
    ) => Number(m[1]));
    close(numericValue(g), [(trainOff - valOff) - (trainOn - valOn)], `seed ${seed}`);
  }
});

Deno.test("dropoutEffect(seed) has the answer of homework 5 5(i): clean accuracy up, the block still leaned on", () => {
  for (const seed of [0, 1, 2, 3]) {
    const i = dropoutEffect(seed);
    assert.ok(i.answer.kind === "choice");
    assert.match(
      i.answer.options[i.answer.correct],
      /^It raises clean test accuracy, and the network leans less on the block, though still heavily/,
    );
  }
});
