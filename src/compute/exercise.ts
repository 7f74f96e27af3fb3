/**
 * The shape every exercise shares. An exercise is a seeded generator: the same seed always gives
 * the same instance, so a seed in the URL hands out one exact variant. Each topic's exercises live
 * in `src/compute/<slug>/exercises.ts` and compute their answers with the same functions the topic's
 * page uses; the checker (`exerciseCheck.ts`) and the card only read these shapes.
 *
 * Text fields are plain prose in our own words with inline TeX between `$…$`. Every number in them
 * is printed through a formatter (`formatNumber` and friends in `exerciseFormat.ts`), never a raw float.
 */
import type { Source } from "../courseResults.ts";

/** How far a typed number may sit from the answer and still count as right. */
export type Tolerance =
  /** |typed − answer| ≤ relative · |answer| (for example 0.005 for "within 0.5 %"). */
  | { relative: number }
  /** |typed − answer| ≤ absolute (for answers near 0, or rounded to a stated place). */
  | { absolute: number };

/** A numeric answer: one number, a vector or a matrix (rows), compared entry by entry. */
export interface NumericAnswer {
  kind: "number" | "vector" | "matrix";
  value: number | readonly number[] | readonly (readonly number[])[];
  tolerance: Tolerance;
  /**
   * Significant digits the worked solution prints the answer to (formatNumber's, 4 when absent).
   * The tolerance must accept the answer rounded to them: the shared runner checks it, since a
   * reader who copies the solution's number must be told "correct".
   */
  digits?: number;
}

/** A choice: the reader picks one of `options` (plain text, may hold `$…$`). */
export interface ChoiceAnswer {
  kind: "choice";
  options: readonly string[];
  correct: number;
}

export type Answer = NumericAnswer | ChoiceAnswer;

/**
 * A known wrong answer and what usually causes it (a flipped filter, a forgotten bias, the
 * unbiased variance…). A typed answer that matches `value` within the exercise's tolerance gets
 * `hint` instead of a bare "wrong". For a choice, `value` is the wrong option's index.
 */
export interface Slip {
  value: NumericAnswer["value"] | number;
  hint: string;
}

/** One generated variant. */
export interface ExerciseInstance {
  seed: number;
  /** The question with this instance's numbers. */
  prompt: string;
  answer: Answer;
  slips: readonly Slip[];
  /** The worked solution, one step a string, with this instance's numbers, computed. */
  solution: readonly string[];
}

export interface Exercise {
  /** Stable and unique across the site: `<page slug>/<name>`, e.g. "convolution/filter-recovery". */
  id: string;
  /** Slug of the page whose result it practises (src/site.ts). */
  page: string;
  title: string;
  /** Where the course asks it, as in the page's results.ts, so a result links to its exercises. */
  sources: readonly Source[];
  /** The tolerance in words, shown on the card, e.g. "within 0.5 %" or "to 3 decimal places". */
  toleranceText: string;
  /** What to type, e.g. "a vector such as [2, -1, 3]" or "a fraction such as 13/405". */
  answerFormat: string;
  /** A well-posed instance for any integer seed; throws only on a non-integer seed. */
  generate(seed: number): ExerciseInstance;
}
