/**
 * Every exercise of the site, topic by topic: each page's `EXERCISES` from
 * src/compute/<slug>/exercises.ts. The exercises page lists them from here, and the shared runner
 * (tests/compute/exercises/exercises.test.ts) holds each one to the checker's rules. Ids are
 * unique across the site (the runner checks it).
 */
import type { Exercise } from "../exercise.js";
import { EXERCISES as convolution } from "../convolution/exercises.js";

export const EXERCISES: readonly Exercise[] = [...convolution];

