/**
 * The one runner every exercise of the site goes through (src/fromPages.ts gathers them): every
 * page's exercises, each practising one or more course results of its page
 * (src/compute/<slug>/results.ts) and every result practised; for each exercise, 1,000 generated instances
 * (seeds 0 … 999) are well-posed and reproducible, and the checker
 * (src/compute/exerciseCheck.ts) accepts the answer in every form a reader may type it, accepts
 * it rounded within the stated tolerance, rejects it changed by 2 % (a choice: its neighbouring
 * wrong options), names each slip with its hint and answers malformed input with a message,
 * never "wrong". Topic tests then only check their answers against the documents and
 * independent computations.
 */
import assert from "node:assert/strict";
import { EXERCISES, RESULTS } from "../../../src/fromPages.ts";
import type {
  Exercise,
  ExerciseInstance,
  NumericAnswer,
  Slip,
} from "../../../src/compute/exercise.ts";
import { checkAnswer, optionLetter, withinTolerance } from "../../../src/compute/exerciseCheck.ts";
import { asFraction, formatFraction, formatNumber } from "../../../src/compute/exerciseFormat.ts";
import { DOCUMENTS, type Source } from "../../../src/courseResults.ts";
import { pageBySlug, sidebar } from "../../../src/site.ts";
import { textProblems } from "../../browser/pageText.ts";
import { SEEDS } from "../exerciseValues.ts";

type Value = NumericAnswer["value"];

/** Entries as rows: a number is one row of one, a vector one row. */
function rowsOf(kind: NumericAnswer["kind"], value: Value): number[][] {
  if (kind === "number") return [[value as number]];
  if (kind === "vector") return [[...(value as readonly number[])]];
  return (value as readonly (readonly number[])[]).map((row) => [...row]);
}

function fromRows(kind: NumericAnswer["kind"], rows: number[][]): Value {
  return kind === "number" ? rows[0][0] : kind === "vector" ? rows[0] : rows;
}

/** One entry in the forms a reader may type it: the formatted decimal, and p/q when rational. */
function entryForms(x: number, digits: number): string[] {
  const forms = [formatNumber(x, digits)];
  const fraction = asFraction(x);
  if (fraction && fraction[1] !== 1) forms.push(formatFraction(...fraction));
  return forms;
}

/**
 * Every way of typing `value` that the checker accepts: each entry as a decimal (and as a fraction
 * when every non-whole entry is one with a small denominator), in every bracket style.
 */
function typedForms(kind: NumericAnswer["kind"], value: Value, digits: number): string[] {
  const rows = rowsOf(kind, value);
  const decimals = rows.map((row) => row.map((x) => formatNumber(x, digits)));
  const allRational = rows.flat().every((x) => asFraction(x));
  const fractions = allRational
    ? rows.map((row) => row.map((x) => entryForms(x, digits).at(-1)!))
    : undefined;
  const grids = [decimals, ...(fractions ? [fractions] : [])];
  return grids.flatMap((grid) => {
    const minus = (text: string) => text.replace(/-/g, "−");
    if (kind === "number") {
      const x = grid[0][0];
      const n = Number(x);
      return [
        x,
        minus(x),
        ...(Number.isInteger(n) && Math.abs(n) >= 1000 ? [n.toLocaleString("en-US")] : []),
      ];
    }
    if (kind === "vector") {
      const v = grid[0];
      return [
        `[${v.join(", ")}]`,
        v.join(", "),
        `(${v.join(", ")})`,
        v.join(" "),
        minus(v.join(", ")),
      ];
    }
    return [
      `[${grid.map((row) => `[${row.join(", ")}]`).join(", ")}]`,
      grid.map((row) => row.join(", ")).join("; "),
      `[${grid.map((row) => row.join(" ")).join("; ")}]`,
    ];
  });
}

const instances = new Map<string, ExerciseInstance[]>();
function generated(exercise: Exercise): ExerciseInstance[] {
  if (!instances.has(exercise.id)) {
    instances.set(exercise.id, SEEDS.map((seed) => exercise.generate(seed)));
  }
  return instances.get(exercise.id)!;
}

/** Runs `check` on every instance with the seed it was generated from, naming the first that fails. */
function everyInstance(
  exercise: Exercise,
  check: (instance: ExerciseInstance, seed: number) => void,
): void {
  generated(exercise).forEach((instance, seed) => {
    try {
      check(instance, seed);
    } catch (error) {
      (error as Error).message = `${exercise.id}, seed ${seed}: ${(error as Error).message}`;
      throw error;
    }
  });
}

const isNumeric = (answer: ExerciseInstance["answer"]): answer is NumericAnswer =>
  answer.kind !== "choice";

/** Rows × columns of a value read as `kind`. */
function shapeOf(kind: NumericAnswer["kind"], value: Value): number[] {
  if (kind === "number") return typeof value === "number" ? [] : [NaN];
  const rows = rowsOf(kind, value);
  return [rows.length, ...rows.map((row) => row.length)];
}

/**
 * What the exercises' prose must never show, on top of what no page may (textProblems): a decimal
 * with more than the formatter's 4 significant digits (leading zeros do not count), a sign pair
 * "+ -", NaN, undefined or Infinity even inside a word, or an unpaired $ that breaks the TeX.
 */
function proseProblems(text: string): string[] {
  const problems: string[] = [];
  for (const decimal of text.match(/\d+\.\d+/g) ?? []) {
    if (decimal.replace(".", "").replace(/^0+/, "").length > 4) problems.push(`raw ${decimal}`);
  }
  problems.push(...(text.match(/NaN|undefined|Infinity|\+ -/g) ?? []));
  if ((text.match(/\$/g) ?? []).length % 2 !== 0) problems.push("unpaired $");
  return problems;
}

Deno.test("EXERCISES: ids are unique, each is <page>/<name> of a built page, with sources and stated tolerance and format", () => {
  assert.ok(EXERCISES.length > 0);
  assert.equal(new Set(EXERCISES.map((e) => e.id)).size, EXERCISES.length, "duplicate ids");
  for (const exercise of EXERCISES) {
    assert.match(exercise.id, /^[a-z0-9-]+\/[a-z0-9-]+$/);
    assert.ok(exercise.id.startsWith(`${exercise.page}/`), `${exercise.id} is not on its page`);
    assert.equal(pageBySlug(exercise.page)?.status, "built", `${exercise.id}: no built page`);
    assert.ok(exercise.title && exercise.toleranceText && exercise.answerFormat, exercise.id);
    assert.ok(exercise.sources.length > 0, `${exercise.id}: no source`);
    for (const [document] of exercise.sources) assert.ok(document in DOCUMENTS, document);
  }
});

/** A result's or an exercise's sources as one line, "homework-5 5(a); homework-5 5(b)". */
const sourceLine = (sources: readonly Source[]) =>
  sources.map(([document, part]) => `${document} ${part}`).join("; ");

/**
 * Whether `sources` are, in order, the whole sources of one result of `page`, or of several joined
 * (a question that combines results, as a grouped convolution combines two parameter counts).
 */
function sourcesOfResults(page: string, sources: readonly Source[]): boolean {
  if (sources.length === 0) return true;
  return RESULTS.some((result) =>
    result.page === page && result.sources.length <= sources.length &&
    sourceLine(sources.slice(0, result.sources.length)) === sourceLine(result.sources) &&
    sourcesOfResults(page, sources.slice(result.sources.length))
  );
}

Deno.test("EXERCISES: each exercise's sources are exactly those of a course result of its page (or of several joined), and every course result has an exercise with exactly its sources", () => {
  for (const exercise of EXERCISES) {
    assert.ok(
      sourcesOfResults(exercise.page, exercise.sources),
      `${exercise.id}: no result of ${exercise.page} has the sources ${
        sourceLine(exercise.sources)
      }`,
    );
  }
  for (const result of RESULTS) {
    const line = sourceLine(result.sources);
    assert.ok(
      EXERCISES.some((e) => e.page === result.page && sourceLine(e.sources) === line),
      `no exercise on ${result.page} for ${line}: ${result.result}`,
    );
  }
});

Deno.test("EXERCISES: gathered from every page's src/compute/<slug>/exercises.ts in the sidebar's order, and each lists only exercises of its own page", async () => {
  const gathered: Exercise[] = [];
  const inSidebar = sidebar().flatMap((section) => section.pages.map((page) => page.path))
    .filter((path) => path.startsWith("/pages/")).map((path) => path.slice("/pages/".length));
  for (const slug of inSidebar) {
    const module = new URL(`../../../src/compute/${slug}/exercises.ts`, import.meta.url);
    try {
      await Deno.stat(module);
    } catch {
      continue;
    }
    const topic: readonly Exercise[] = (await import(module.href)).EXERCISES;
    assert.ok(topic.length > 0, `${slug}: no exercise`);
    for (const exercise of topic) {
      assert.equal(exercise.page, slug, `${exercise.id} is listed by ${slug}`);
    }
    gathered.push(...topic);
  }
  assert.deepEqual(
    EXERCISES,
    gathered,
    "EXERCISES is not every page's list in the sidebar's order",
  );
});

/**
 * "New numbers" must give new numbers: at least this many different prompts in 1,000 seeds. Some
 * questions have few honest variants (σ′ at a dozen points, a momentum pair on a grid of rates).
 */
const MIN_VARIANTS = 10;
/** A choice about one measured property (a fixed run) varies only in its options' order. */
const MIN_CHOICE_VARIANTS = 2;

for (const exercise of EXERCISES) {
  Deno.test(`${exercise.id}: generate(seed) for seeds 0 … 999 is deterministic and well-posed (finite answer, numbers printed through the formatter, every slip with a hint, slips apart from the answer and each other, distinct options) and varied`, () => {
    const prompts = new Set<string>();
    everyInstance(exercise, (instance, seed) => {
      assert.deepEqual(exercise.generate(seed), instance, "not deterministic");
      assert.equal(instance.seed, seed, "labelled with another seed");
      // A choice about a measured property keeps its question; its options change order.
      prompts.add(
        isNumeric(instance.answer)
          ? instance.prompt
          : JSON.stringify([instance.prompt, instance.answer.options]),
      );
      assert.ok(instance.solution.length > 0, "no worked solution");
      assert.ok(instance.slips.length > 0, "no slip");
      const answer = instance.answer;
      const options = isNumeric(answer) ? [] : answer.options;
      const hints = instance.slips.map((slip) => slip.hint);
      for (const text of [instance.prompt, ...instance.solution, ...hints, ...options]) {
        assert.ok(text.trim().length > 0, "an empty prompt, solution step, hint or option");
        assert.deepEqual(textProblems(text), [], text);
        assert.deepEqual(proseProblems(text), [], text);
      }
      if (!isNumeric(answer)) {
        assert.ok(answer.options.length >= 2);
        assert.equal(new Set(answer.options).size, answer.options.length, "repeated option");
        assert.ok(Number.isInteger(answer.correct) && answer.options[answer.correct] !== undefined);
        const wrong = instance.slips.map((slip) => slip.value as number);
        assert.equal(new Set(wrong).size, wrong.length, "two slips name one option");
        for (const index of wrong) {
          assert.ok(Number.isInteger(index) && index !== answer.correct, `slip ${index}`);
          assert.ok(answer.options[index] !== undefined, `slip ${index}`);
        }
        return;
      }
      const rows = rowsOf(answer.kind, answer.value);
      assert.ok(rows.length > 0 && rows[0].length > 0, "empty answer");
      assert.ok(rows.every((row) => row.length === rows[0].length), "ragged answer");
      assert.ok(rows.flat().every(Number.isFinite), "answer not finite");
      assert.ok(rows.flat().some((x) => x !== 0), "an answer of zeros cannot be changed by 2 %");
      if ("relative" in answer.tolerance) {
        // Around 0 a relative tolerance accepts only 0 itself, so no entry may be (nearly) 0.
        assert.ok(
          rows.flat().every((x) => Math.abs(x) > 1e-6),
          "an entry near 0, asked relatively",
        );
      }
      for (const slip of instance.slips) {
        const value = slip.value as Value;
        assert.deepEqual(
          shapeOf(answer.kind, value),
          shapeOf(answer.kind, answer.value),
          slip.hint,
        );
        assert.ok(rowsOf(answer.kind, value).flat().every(Number.isFinite), slip.hint);
        assert.ok(
          !withinTolerance(value, answer.value, answer.tolerance),
          `slip equals the answer: ${slip.hint}`,
        );
      }
      // Apart measured from either slip: a typed slip must get its own hint, not the other's.
      instance.slips.forEach((slip, i) =>
        instance.slips.slice(0, i).forEach((earlier) =>
          assert.ok(
            !withinTolerance(slip.value, earlier.value, answer.tolerance) &&
              !withinTolerance(earlier.value, slip.value, answer.tolerance),
            `two slips are equal: ${earlier.hint} / ${slip.hint}`,
          )
        )
      );
    });
    const least = exercise.generate(0).answer.kind === "choice"
      ? MIN_CHOICE_VARIANTS
      : MIN_VARIANTS;
    assert.ok(prompts.size >= least, `only ${prompts.size} different variants in 1,000 seeds`);
  });

  Deno.test(`${exercise.id}: checkAnswer accepts the answer in every form a reader may type it`, () => {
    everyInstance(exercise, (instance) => {
      const answer = instance.answer;
      const forms = isNumeric(answer)
        ? typedForms(answer.kind, answer.value, answer.digits ?? 4)
        : [
          optionLetter(answer.correct),
          optionLetter(answer.correct).toUpperCase(),
          `(${optionLetter(answer.correct)})`,
        ];
      for (const typed of forms) {
        assert.deepEqual(checkAnswer(instance, typed).verdict, "correct", typed);
      }
    });
  });

  Deno.test(`${exercise.id}: checkAnswer accepts the answer moved by 0.9 of the tolerance and rejects it changed by 2 %`, () => {
    everyInstance(exercise, (instance) => {
      const answer = instance.answer;
      if (!isNumeric(answer)) {
        // The nearest wrong options: the neighbours of the right one.
        for (const other of [answer.correct - 1, answer.correct + 1]) {
          if (answer.options[other] === undefined) continue;
          assert.equal(checkAnswer(instance, optionLetter(other)).verdict, "wrong");
        }
        return;
      }
      const rows = rowsOf(answer.kind, answer.value);
      const tol = answer.tolerance;
      for (const sign of [1, -1]) {
        const moved: number[][] = rows.map((row) =>
          row.map((x) =>
            x + sign * 0.9 * ("relative" in tol ? tol.relative * Math.abs(x) : tol.absolute)
          )
        );
        const typed: string = JSON.stringify(fromRows(answer.kind, moved));
        assert.equal(checkAnswer(instance, typed).verdict, "correct", `moved: ${typed}`);
        // The largest entry changed by 2 %: one wrong entry is a wrong answer.
        const flat = rows.flat();
        const largest = flat.reduce(
          (best, x, i) => Math.abs(x) > Math.abs(flat[best]) ? i : best,
          0,
        );
        const width = rows[0].length;
        const changed = rows.map((row) => [...row]);
        changed[Math.floor(largest / width)][largest % width] *= 1 + sign * 0.02;
        const off: string = JSON.stringify(fromRows(answer.kind, changed));
        assert.notEqual(checkAnswer(instance, off).verdict, "correct", `changed by 2 %: ${off}`);
      }
    });
  });

  Deno.test(`${exercise.id}: checkAnswer rejects each slip with its hint`, () => {
    let slips = 0;
    everyInstance(exercise, (instance) => {
      const answer = instance.answer;
      for (const slip of instance.slips as Slip[]) {
        slips++;
        const typed = isNumeric(answer)
          ? typedForms(answer.kind, slip.value, answer.digits ?? 4)[0]
          : optionLetter(slip.value as number);
        const feedback = checkAnswer(instance, typed);
        assert.ok(["wrong", "close"].includes(feedback.verdict), `${typed}: ${feedback.verdict}`);
        assert.ok(feedback.message.includes(slip.hint), `${typed}: ${feedback.message}`);
      }
    });
    assert.ok(slips > 0, "no instance names a slip");
  });

  Deno.test(`${exercise.id}: checkAnswer answers malformed input (empty, abc, [1, 2, 1/0, wrong length or ragged rows) with a message, never "wrong"`, () => {
    everyInstance(exercise, (instance) => {
      const answer = instance.answer;
      const bad = ["", "   ", "abc", "[1, 2", "1/0"];
      if (answer.kind === "vector") {
        const v = answer.value as readonly number[];
        bad.push(`[${[...v, 1].join(", ")}]`);
        if (v.length > 1) bad.push(`[${v.slice(1).join(", ")}]`);
      }
      if (answer.kind === "matrix") {
        const m = (answer.value as readonly (readonly number[])[]).map((row) => [...row]);
        const ragged = m.map((row, r) => (r === m.length - 1 ? row.slice(0, -1) : row));
        bad.push(JSON.stringify(ragged), JSON.stringify(m.slice(1)));
      }
      for (const typed of bad) {
        const feedback = checkAnswer(instance, typed);
        assert.equal(
          feedback.verdict,
          "malformed",
          `${JSON.stringify(typed)}: ${feedback.message}`,
        );
        assert.match(feedback.message, /^[A-Z“].{10,}\.$/, feedback.message);
        assert.doesNotMatch(feedback.message, /wrong|not right|correct/i);
      }
    });
  });
}
