/**
 * Which exercises practise a course result: those on the result's page asked from at least one of
 * the places in the course documents that state it (an exercise may join two questions, as the
 * grouped block joins homework 5's 3(b) and homework 6's problem 4). The course-results page links
 * each result to them; its test checks that every result has one.
 */
import type { CourseResult, Source } from "../../courseResults.js";
import type { Exercise } from "../exercise.js";

const sourceKey = ([document, part]: Source) => `${document} ${part}`;

export function exercisesFor(
  result: CourseResult,
  exercises: readonly Exercise[],
): Exercise[] {
  const keys = new Set(result.sources.map(sourceKey));
  return exercises.filter((exercise) =>
    exercise.page === result.page && exercise.sources.some((source) => keys.has(sourceKey(source)))
  );
}
