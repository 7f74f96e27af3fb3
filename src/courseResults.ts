/**
 * What the course results share: the course documents, named as they name themselves, and the
 * shape of a result: where it comes from, the page that shows it (a slug of the manifest,
 * src/site.ts) and the tests that check it. Each page lists its own results in
 * src/compute/<slug>/results.ts; src/fromPages.ts gathers them in manifest order for the
 * course-results page (src/course-results.md.ts), the front page and the tests.
 * tests/site/courseResults.test.ts holds them to the repository (every page has a result, every
 * named test exists under its name, no result is listed twice).
 *
 * Adding a page: give each of its results in its results.ts the tests that check them. Results are
 * stated in our own words; the documents' numbers are kept as they are.
 */

/** The course documents, named as they name themselves. */
export const DOCUMENTS = {
  // A discussion sheet with solutions, and the same questions without.
  "discussion-5": { name: "Discussion 5", course: "EECS 182, Spring 2023", part: "Q" },
  "homework-5": { name: "Homework 5", course: "EECS 182, Fall 2025", part: "Q" },
  "homework-6": {
    name: "Homework 6",
    course: "Mathematical Foundations of Deep Neural Networks, Spring 2024",
    part: "Problem ",
  },
  // Untitled in the original; its parts are numbered by section.
  "worked-exercises": {
    name: "Worked exercises",
    course: "an untitled set of solved exercises",
    part: "Section ",
  },
} as const;

export type DocumentId = keyof typeof DOCUMENTS;

/** Where a result is stated: a document and its question, e.g. ["homework-5", "5(c)"]. */
export type Source = readonly [DocumentId, string];

export interface TestRef {
  /** Path from the repository root. */
  file: string;
  /** The name given to Deno.test or to a t.step inside it, exactly as written in the file. */
  name: string;
}

export interface CourseResult {
  /** The result in our own words; math as plain Unicode. */
  result: string;
  sources: readonly Source[];
  /** Slug of the page that shows it (built or coming). */
  page: string;
  /** The tests that check it; empty exactly when its page is coming. */
  tests: readonly TestRef[];
}

/** "Homework 5, Q5(c)", "Homework 6, Problem 4", "Worked exercises, Section 1.3". */
export function sourceLabel([document, part]: Source): string {
  const { name, part: prefix } = DOCUMENTS[document];
  return `${name}, ${prefix}${part}`;
}
