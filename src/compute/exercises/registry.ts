/**
 * Every exercise of the site, page by page in the manifest's order: each page's `EXERCISES` from
 * src/compute/<slug>/exercises.ts. The exercises page lists them from here, and the shared runner
 * (tests/compute/exercises/exercises.test.ts) holds each one to the checker's rules. Ids are
 * unique across the site (the runner checks it).
 */
import type { Exercise } from "../exercise.js";
import { EXERCISES as dropoutToy } from "../dropout-toy/exercises.js";
import { EXERCISES as dropoutNoise } from "../dropout-noise/exercises.js";
import { EXERCISES as dropoutDigits } from "../dropout-digits/exercises.js";
import { EXERCISES as doubleDescent } from "../double-descent/exercises.js";
import { EXERCISES as initialisation } from "../initialisation/exercises.js";
import { EXERCISES as residual } from "../residual/exercises.js";
import { EXERCISES as normalisation } from "../normalisation/exercises.js";
import { EXERCISES as normalisationGeometry } from "../normalisation-geometry/exercises.js";
import { EXERCISES as convolution } from "../convolution/exercises.js";
import { EXERCISES as cnnTraining } from "../cnn-training/exercises.js";
import { EXERCISES as momentum } from "../momentum/exercises.js";
import { EXERCISES as rnnGradients } from "../rnn-gradients/exercises.js";

export const EXERCISES: readonly Exercise[] = [
  ...dropoutToy,
  ...dropoutNoise,
  ...dropoutDigits,
  ...doubleDescent,
  ...initialisation,
  ...residual,
  ...normalisation,
  ...normalisationGeometry,
  ...convolution,
  ...cnnTraining,
  ...momentum,
  ...rnnGradients,
];
