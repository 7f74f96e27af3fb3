/**
 * What every exercise of a topic must satisfy, registered as Deno tests by each topic's
 * tests/compute/<slug>/exercises.test.ts: ids and sources that match courseResults.ts, every result
 * of the page practised, and on seeds 0..999 an instance that is deterministic, finite, printed
 * through the formatter, whose slips each sit beyond the tolerance from the answer and from each
 * other and carry a hint, whose choices are distinct, and whose answer changed by 2 % falls outside
 * the tolerance. The distances are computed here, independently of src/compute/exerciseSeeded.ts.
 */
import assert from "node:assert/strict";
import type {
  Exercise,
  ExerciseInstance,
  NumericAnswer,
  Tolerance,
} from "../../src/compute/exercise.ts";
import { formatNumber } from "../../src/compute/exerciseFormat.ts";
import { RESULTS } from "../../src/courseResults.ts";

export const SEEDS = Array.from({ length: 1000 }, (_, seed) => seed);

/** Seeds generated twice to check determinism: every hundredth and a few in between. */
const TWICE = new Set([...SEEDS.filter((seed) => seed % 100 === 0), 1, 7, 123, 999]);

const flat = (v: NumericAnswer["value"]): number[] =>
  Array.isArray(v) ? (v as (number | number[])[]).flat() : [v as number];

/** Whether every entry of `typed` is within `tolerance` of `answer`'s (same length). */
export function accepts(answer: NumericAnswer, typed: NumericAnswer["value"]): boolean {
  const a = flat(answer.value), t = flat(typed);
  const room = (v: number, tol: Tolerance) =>
    "relative" in tol ? tol.relative * Math.abs(v) : tol.absolute;
  return a.length === t.length &&
    a.every((v, i) => Math.abs(t[i] - v) <= room(v, answer.tolerance));
}

/** The answer with every entry scaled by `factor`. */
export function scaled(answer: NumericAnswer, factor: number): NumericAnswer["value"] {
  const v = answer.value;
  if (typeof v === "number") return v * factor;
  return (v as (number | number[])[]).map((x) =>
    Array.isArray(x) ? x.map((y) => y * factor) : (x as number) * factor
  ) as NumericAnswer["value"];
}

/** The numeric answer of an instance (fails the test for a choice). */
export function numeric(instance: ExerciseInstance): NumericAnswer {
  assert.notEqual(instance.answer.kind, "choice");
  return instance.answer as NumericAnswer;
}

/** The entries of an instance's numeric answer, row by row (fails the test for a choice). */
export function answerEntries(instance: ExerciseInstance): number[] {
  return flat(numeric(instance).value);
}

/** The option an instance marks right (fails the test for a numeric answer). */
export function correctOption(instance: ExerciseInstance): string {
  assert.ok(instance.answer.kind === "choice");
  return instance.answer.options[instance.answer.correct];
}

// Readers of a prompt's numbers, so tests can recompute an answer from what the reader is shown.

/** The number printed after `name = `. */
export function numberAfter(prompt: string, name: string): number {
  return Number(prompt.split(`${name} = `)[1].match(/^-?[\d.]+/)![0]);
}

/** The tuple printed after `name = (`. */
export function tupleAfter(prompt: string, name: string): number[] {
  return prompt.split(`${name} = (`)[1].split(")")[0].split(", ").map(Number);
}

/** The entries of the first pmatrix after `name = `, row by row. */
export function matrixAfter(prompt: string, name: string): number[][] {
  const body = prompt.split(`${name} = \\begin{pmatrix}`)[1].split("\\end{pmatrix}")[0];
  return body.split(" \\\\ ").map((row) => row.split(" & ").map(Number));
}

/**
 * A number printed raw rather than through the formatter: a decimal with more than its four
 * significant digits (leading zeros do not count).
 */
const rawFloat = (text: string) =>
  (text.match(/\d+\.\d+/g) ?? []).some((t) => t.replace(".", "").replace(/^0+/, "").length > 4);

/** |a − b| ≤ 1e-12·max(1, |b|): two computations of one number agree to rounding. */
export function assertSame(a: number, b: number, message?: string): void {
  assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${message ?? ""} ${a} ≠ ${b}`);
}

/** Entry by entry, to rounding. */
export function assertSameEntries(
  a: NumericAnswer["value"],
  b: NumericAnswer["value"],
  tolerance = 1e-12,
  message = "",
): void {
  const x = flat(a), y = flat(b);
  assert.equal(x.length, y.length, `${message} lengths`);
  x.forEach((v, i) =>
    assert.ok(
      Math.abs(v - y[i]) <= tolerance * Math.max(1, Math.abs(y[i])),
      `${message} [${i}] ${v} ≠ ${y[i]}`,
    )
  );
}

export function contractTests(slug: string, exercises: readonly Exercise[]): void {
  const results = RESULTS.filter((r) => r.page === slug);
  const key = ([d, q]: readonly [string, string]) => `${d} ${q}`;

  Deno.test(`EXERCISES (${slug}): ids ${slug}/<name> are unique, and each exercise's sources are one result's of the page`, () => {
    assert.ok(exercises.length > 0);
    assert.equal(new Set(exercises.map((e) => e.id)).size, exercises.length);
    for (const e of exercises) {
      assert.match(e.id, new RegExp(`^${slug}/[a-z0-9-]+$`));
      assert.equal(e.page, slug);
      assert.ok(e.title && e.toleranceText && e.answerFormat, e.id);
      const sources = e.sources.map(key).join("; ");
      assert.ok(
        results.some((r) => r.sources.map(key).join("; ") === sources),
        `${e.id}: no result of ${slug} has the sources ${sources}`,
      );
    }
  });

  Deno.test(`EXERCISES (${slug}): every course result of the page has an exercise`, () => {
    for (const r of results) {
      const sources = r.sources.map(key).join("; ");
      assert.ok(
        exercises.some((e) => e.sources.map(key).join("; ") === sources),
        `no exercise for ${sources}: ${r.result}`,
      );
    }
  });

  for (const e of exercises) {
    Deno.test(`${e.id}: generate(seed) on seeds 0..999 is deterministic and well posed (numbers printed through the formatter, distinct options, every slip with a hint); slips sit beyond the tolerance; a 2 % change is rejected`, () => {
      for (const seed of SEEDS) {
        const instance = e.generate(seed);
        if (TWICE.has(seed)) assert.deepEqual(e.generate(seed), instance, `${e.id} seed ${seed}`);
        const where = `${e.id} seed ${seed}`;
        assert.equal(instance.seed, seed);
        assert.ok(instance.prompt.length > 0 && instance.solution.length > 0, where);
        assert.ok(instance.slips.length > 0, `${where}: no slip`);
        assert.ok(
          instance.slips.every((s) => s.hint.length > 0),
          `${where}: a slip without a hint`,
        );
        const { answer } = instance;
        const options = answer.kind === "choice" ? answer.options : [];
        for (
          const text of [
            instance.prompt,
            ...instance.solution,
            ...instance.slips.map((s) => s.hint),
            ...options,
          ]
        ) {
          assert.doesNotMatch(text, /NaN|undefined|Infinity|\+ -/, `${where}: ${text}`);
          assert.ok(!rawFloat(text), `${where}: a number printed raw in ${text}`);
          assert.equal((text.match(/\$/g) ?? []).length % 2, 0, `${where}: unpaired $ in ${text}`);
        }
        if (answer.kind === "choice") {
          assert.equal(new Set(options).size, options.length, `${where}: repeated options`);
          assert.ok(answer.correct >= 0 && answer.correct < answer.options.length, where);
          const wrong = instance.slips.map((s) => s.value as number);
          assert.equal(new Set(wrong).size, wrong.length, where);
          assert.ok(
            wrong.every((i) => i !== answer.correct && i >= 0 && i < answer.options.length),
            where,
          );
          continue;
        }
        const entries = flat(answer.value);
        assert.ok(entries.every(Number.isFinite), where);
        if ("relative" in answer.tolerance) {
          // Around 0 a relative tolerance accepts only 0 itself, so such an entry is never 0.
          assert.ok(entries.every((v) => Math.abs(v) > 1e-6), `${where}: answer ${entries}`);
        }
        // The printed answer (4 significant digits) is accepted; 2 % more or less is not.
        const printed = reshape(answer, entries.map((v) => Number(formatNumber(v))));
        assert.ok(accepts(answer, printed), `${where}: its own print is rejected`);
        assert.ok(!accepts(answer, scaled(answer, 1.02)), `${where}: +2 % accepted`);
        assert.ok(!accepts(answer, scaled(answer, 0.98)), `${where}: −2 % accepted`);
        const values = instance.slips.map((s) => s.value as NumericAnswer["value"]);
        values.forEach((v, i) => {
          assert.equal(flat(v).length, entries.length, `${where}: slip ${i} shape`);
          assert.ok(flat(v).every(Number.isFinite), `${where}: slip ${i} is ${flat(v)}`);
          assert.ok(
            !accepts(answer, v),
            `${where}: slip ${i} (${instance.slips[i].hint}) is accepted`,
          );
          values.forEach((w, j) => {
            if (j !== i) {
              assert.ok(
                !accepts({ ...answer, value: w }, v),
                `${where}: slips ${i} and ${j} coincide`,
              );
            }
          });
        });
      }
    });
  }
}

/** `values` in the shape of `answer`. */
function reshape(answer: NumericAnswer, values: number[]): NumericAnswer["value"] {
  if (answer.kind === "number") return values[0];
  if (answer.kind === "vector") return values;
  const cols = (answer.value as number[][])[0].length;
  return Array.from(
    { length: values.length / cols },
    (_, i) => values.slice(i * cols, (i + 1) * cols),
  );
}
