/**
 * What the topics' exercise tests (tests/compute/<slug>/exercises.test.ts) share to check answers'
 * values against the documents and independent computations: the seeds, an exercise by name, an instance's answer read
 * back (its number, entries or right option), the numbers its prompt shows read back, and equality
 * to rounding. The rules every exercise must follow (well posed, varied, checked in every form,
 * sources of a course result) live once, in the shared runner tests/compute/exercises/.
 */
import assert from "node:assert/strict";
import type { Exercise, ExerciseInstance, NumericAnswer } from "../../src/compute/exercise.ts";
import { entries } from "../../src/compute/exerciseCheck.ts";
import { EXERCISES } from "../../src/fromPages.ts";

/** Seeds 0 … 999: the instances every exercise test runs over (the shared runner's too). */
export const SEEDS = Array.from({ length: 1000 }, (_, seed) => seed);

/** The exercise `<page>/<name>` of the site (fails the test when there is none). */
export function exerciseNamed(page: string, name: string): Exercise {
  const found = EXERCISES.find((e) => e.id === `${page}/${name}`);
  assert.ok(found, `no exercise ${page}/${name}`);
  return found;
}

/** The numeric answer of an instance (fails the test for a choice). */
export function numeric(instance: ExerciseInstance): NumericAnswer {
  assert.notEqual(instance.answer.kind, "choice");
  return instance.answer as NumericAnswer;
}

/** The entries of an instance's numeric answer, row by row (fails the test for a choice). */
export function answerEntries(instance: ExerciseInstance): number[] {
  return entries(numeric(instance).value);
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

/** The numbers of a printed tuple's inside, "2, {-1}, 3" (texVector braces a negative entry). */
export function tupleEntries(inside: string): number[] {
  return inside.split(", ").map((entry) => Number(entry.replace(/[{}]/g, "")));
}

/** The tuple printed after `name = (`. */
export function tupleAfter(prompt: string, name: string): number[] {
  return tupleEntries(prompt.split(`${name} = (`)[1].split(")")[0]);
}

/** The entries of the first pmatrix after `name = `, row by row. */
export function matrixAfter(prompt: string, name: string): number[][] {
  const body = prompt.split(`${name} = \\begin{pmatrix}`)[1].split("\\end{pmatrix}")[0];
  return body.split(" \\\\ ").map((row) => row.split(" & ").map(Number));
}

/** ∇f(x) by central differences with step h: (f(x + h·e_k) − f(x − h·e_k))/2h for each k. */
export function centralGradient(
  f: (x: number[]) => number,
  x: readonly number[],
  h: number,
): number[] {
  const moved = (k: number, d: number) => x.map((v, j) => (j === k ? v + d : v));
  return x.map((_, k) => (f(moved(k, h)) - f(moved(k, -h))) / (2 * h));
}

/**
 * Entry by entry within `relative` times the largest |entry| of `measured` (a gradient measured by
 * differences, whose small entries carry the error of its large ones).
 */
export function assertNearMeasured(
  got: readonly number[],
  measured: readonly number[],
  relative: number,
  message: string,
): void {
  const scale = Math.max(...measured.map(Math.abs));
  got.forEach((v, k) =>
    assert.ok(
      Math.abs(v - measured[k]) <= relative * scale,
      `${message}[${k}]: ${v} vs ${measured[k]}`,
    )
  );
}

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
  const x = entries(a), y = entries(b);
  assert.equal(x.length, y.length, `${message} lengths`);
  x.forEach((v, i) =>
    assert.ok(
      Math.abs(v - y[i]) <= tolerance * Math.max(1, Math.abs(y[i])),
      `${message} [${i}] ${v} ≠ ${y[i]}`,
    )
  );
}
