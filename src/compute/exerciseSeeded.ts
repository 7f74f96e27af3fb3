/**
 * How a topic builds a seeded exercise from two parts: `draw` picks an instance's parameters from
 * the seeded generator, and `build` turns parameters into the prompt, the answer (computed by the
 * page's own functions), the slips and the worked solution. A seed's instance is the first draw
 * that is well posed (wellPosed below), so redrawing never depends on anything but the seed.
 *
 * The exercise also exposes `params(seed)` and `instance(params)`: tests recompute a seed's answer
 * independently from its parameters, and build the documents' own instances to check their numbers.
 *
 * It also holds the parts every topic's exercises share, whether or not they use seededExercise:
 * drawing (pick, intBetween, shuffle, withRandomSigns, WHOLE_LENGTH_TRIPLES, noTinyEntry),
 * printing numbers into prose and TeX (factor, tuple, sumText, texMatrixBareMinus; plain numbers
 * through exerciseFormat's formatNumber), the usual tolerance and how a card states it
 * (FOUR_FIGURES, fourFigures, halfPercent, ONE_CHOICE), and assembling an instance
 * (numericInstance, choiceInstance, distinctSlips, pageExercises).
 */
import type {
  ChoiceAnswer,
  Exercise,
  ExerciseInstance,
  NumericAnswer,
  Slip,
  Tolerance,
} from "./exercise.ts";
import { allowance, entries, withinTolerance } from "./exerciseCheck.js";
import { formatNumber } from "./exerciseFormat.js";
import { createRng, type Rng } from "./prng.js";

export type Draft = Omit<ExerciseInstance, "seed">;

export interface SeededExercise<P> extends Exercise {
  /** The parameters of `seed`'s instance: the first well-posed draw of createRng(seed). */
  params(seed: number): P;
  /** The instance for given parameters (`seed` only labels it). */
  instance(params: P, seed?: number): ExerciseInstance;
}

/** A slip must sit this many tolerances away from the answer and from every other slip. */
export const SLIP_MARGIN = 2;

/** Draws before a generator gives up: a well-posed draw takes a handful at most. */
const MAX_DRAWS = 10_000;

export function seededExercise<P>(
  meta: Omit<Exercise, "generate">,
  draw: (rng: Rng) => P,
  build: (params: P) => Draft,
): SeededExercise<P> {
  const params = (seed: number): P => {
    const rng = createRng(seed);
    for (let k = 0; k < MAX_DRAWS; k++) {
      const p = draw(rng);
      if (wellPosed(build(p))) return p;
    }
    throw new Error(`${meta.id}: no well-posed instance for seed ${seed}`);
  };
  const instance = (p: P, seed = 0): ExerciseInstance => ({ seed, ...build(p) });
  return { ...meta, params, instance, generate: (seed) => instance(params(seed), seed) };
}

/**
 * Well posed: every number finite and printable (its 4-digit print is within half the tolerance),
 * at least one slip (a known mistake with its hint), each slip of the answer's shape and more than SLIP_MARGIN tolerances from the answer and from the
 * other slips, so a typed slip gets its own hint; a choice's slips are distinct wrong options.
 */
export function wellPosed(draft: Draft): boolean {
  const { answer, slips } = draft;
  if (answer.kind === "choice") {
    const seen = new Set<number>();
    return slips.every((s) => {
      const i = s.value as number;
      const ok = Number.isInteger(i) && i >= 0 && i < answer.options.length &&
        i !== answer.correct && !seen.has(i);
      seen.add(i);
      return ok;
    });
  }
  if (slips.length === 0) return false;
  const values = [answer.value, ...slips.map((s) => s.value as NumericAnswer["value"])];
  const size = entries(answer.value).length;
  if (!values.every((v) => entries(v).length === size && entries(v).every(Number.isFinite))) {
    return false;
  }
  const printable = entries(answer.value).every((v) =>
    Math.abs(v) < 1e9 && (v === 0 || Math.abs(v) >= 1e-6) &&
    Math.abs(Number(formatNumber(v)) - v) <= allowance(answer.tolerance, v) / 2
  );
  return printable &&
    values.every((v, i) =>
      values.every((w, j) => i === j || apart(v, w, answer.tolerance, SLIP_MARGIN))
    );
}

/** One of `options`, uniformly. */
export function pick<T>(rng: Rng, options: readonly T[]): T {
  return options[rng.int(options.length)];
}

/** `items` in a seeded random order (Fisher–Yates, from the last position down). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `v` with each entry's sign flipped with probability `p`, independently. */
export const withRandomSigns = (rng: Rng, v: readonly number[], p = 0.3) =>
  v.map((x) => (rng.uniform() < p ? -x : x));

/**
 * Integer vectors of three entries whose lengths are whole numbers (1² + 2² + 2² = 3², …), so
 * that dividing by a length leaves short decimals. Topics draw from them by index: append only.
 */
export const WHOLE_LENGTH_TRIPLES: readonly (readonly number[])[] = [
  [1, 2, 2],
  [2, 1, 2],
  [2, 3, 6],
  [3, 6, 2],
  [1, 4, 8],
  [4, 4, 7],
  [4, 8, 1],
  [2, 6, 9],
  [6, 6, 7],
];

/** An integer uniform on {min, …, max}. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + rng.int(max - min + 1);
}

/**
 * The slips that give a different answer on this instance: a mistake that happens to land on the
 * answer (forgetting a mask that is all ones) or on an earlier slip is no slip here, so it is left
 * out rather than given a misleading hint. "Lands on" means within `margin` tolerances.
 */
export function distinctSlips(
  answer: NumericAnswer,
  slips: readonly Slip[],
  margin = SLIP_MARGIN,
): Slip[] {
  const kept: Slip[] = [];
  for (const slip of slips) {
    const value = slip.value as NumericAnswer["value"];
    const apartFrom = (other: NumericAnswer["value"]) =>
      apart(value, other, answer.tolerance, margin);
    if (apartFrom(answer.value) && kept.every((k) => apartFrom(k.value as typeof value))) {
      kept.push(slip);
    }
  }
  return kept;
}

/** Whether `a` and `b` are more than `margin` tolerances apart, measured from either one. */
function apart(
  a: NumericAnswer["value"],
  b: NumericAnswer["value"],
  tolerance: Tolerance,
  margin: number,
): boolean {
  const exactly = { scale: margin, noise: 0 };
  return !withinTolerance(a, b, tolerance, exactly) && !withinTolerance(b, a, tolerance, exactly);
}

/**
 * Every entry at least 5 % of the largest, so "within 0.5 % of each entry" is fair, and the largest
 * well away from 0: a gradient that is exactly 0 (∇_wL ∥ u, an upstream gradient affine in x)
 * comes out as rounding noise.
 */
export const noTinyEntry = (v: readonly number[]) => {
  const largest = Math.max(...v.map(Math.abs));
  return largest > 0.01 && Math.min(...v.map(Math.abs)) > 0.05 * largest;
};

/** The usual tolerance of a numeric answer: four significant figures always land within it. */
export const FOUR_FIGURES: Tolerance = { relative: 0.005 };
export const FOUR_FIGURES_TEXT =
  "within 0.5 % (of each entry, for a vector or matrix); four significant figures are enough";

/** How a card states a numeric answer asked to FOUR_FIGURES, with an example of what to type. */
export const fourFigures = (answerFormat: string) => ({
  toleranceText: FOUR_FIGURES_TEXT,
  answerFormat,
});

/** How a card states a numeric answer asked to FOUR_FIGURES in brief: "within 0.5 %". */
export const halfPercent = (answerFormat: string) => ({
  toleranceText: "within 0.5 %",
  answerFormat,
});

/** How a card states a choice's answer. */
export const ONE_CHOICE = { toleranceText: "one choice", answerFormat: "pick one option" };

/** An exercise before pageExercises gives it its page and its id. */
export type PageExercise = Omit<Exercise, "id" | "page">;

/** A page's exercises from their names, in order: each id is `<page>/<name>`. */
export function pageExercises(page: string, byName: Record<string, PageExercise>): Exercise[] {
  return Object.entries(byName).map(([name, exercise]) => ({
    id: `${page}/${name}`,
    page,
    ...exercise,
  }));
}

/**
 * A numeric instance. Only its distinct slips are kept, each more than one tolerance from the
 * answer and from the slips before it, so no slip marks a right answer wrong or hides another's hint.
 */
export function numericInstance(
  seed: number,
  prompt: string,
  kind: NumericAnswer["kind"],
  value: NumericAnswer["value"],
  slips: readonly Slip[],
  solution: string[],
  tolerance: Tolerance = FOUR_FIGURES,
): ExerciseInstance {
  const answer: NumericAnswer = { kind, value, tolerance };
  return { seed, prompt, answer, slips: distinctSlips(answer, slips, 1), solution };
}

/**
 * A choice instance with `options` shuffled by `rng`: `correct` and the keys of `hints` (the slips)
 * index the options before the shuffle.
 */
export function choiceInstance(
  seed: number,
  rng: Rng,
  prompt: string,
  options: readonly string[],
  correct: number,
  hints: Record<number, string>,
  solution: string[],
): ExerciseInstance {
  const order = shuffle(rng, options.map((_, i) => i));
  const answer: ChoiceAnswer = {
    kind: "choice",
    options: order.map((i) => options[i]),
    correct: order.indexOf(correct),
  };
  const slips = Object.entries(hints).map(([i, hint]) => ({
    value: order.indexOf(Number(i)),
    hint,
  }));
  return { seed, prompt, answer, slips, solution };
}

/**
 * A matrix in TeX with its negatives printed bare, \begin{pmatrix} 1 & -2 \\ 0 & 3 \end{pmatrix}
 * (each cell starts its own formula, so the minus is a sign), where exerciseFormat's texMatrix
 * braces them, {-2}. Two names because the pages' prompts already print one or the other.
 */
export function texMatrixBareMinus(m: readonly (readonly number[])[]): string {
  const rows = m.map((row) => row.map((v) => formatNumber(v)).join(" & ")).join(" \\\\ ");
  return `\\begin{pmatrix} ${rows} \\end{pmatrix}`;
}

/** A column vector in TeX. */
export const texColumn = (v: readonly number[]) => texMatrixBareMinus(v.map((x) => [x]));

/** A number as a factor in TeX: a negative one in parentheses, as in 2\cdot(-3). */
export const factor = (x: number, digits?: number) =>
  x < 0 ? `(${formatNumber(x, digits)})` : formatNumber(x, digits);

/** Terms joined by their own signs, "a + b - c", never "a + -b". */
export function sumText(xs: readonly string[] | readonly number[], digits?: number): string {
  return xs.map((x, i) => {
    if (typeof x === "string") return i === 0 ? x : `+ ${x}`;
    if (i === 0) return formatNumber(x, digits);
    return x < 0 ? `- ${formatNumber(-x, digits)}` : `+ ${formatNumber(x, digits)}`;
  }).join(" ");
}
