/**
 * What a training run of the small CNN takes, with the bounds the page's controls use and the
 * checks that refuse anything else (a RangeError naming the setting, the range and the value).
 */
import { inRange, integerAtLeast, seedValue } from "../validate.js";

export interface CnnSettings {
  batchNorm: boolean;
  dropout: boolean;
  /** Probability of zeroing each of the 288 features (inverted dropout); used when dropout is on. */
  dropRate: number;
  batchSize: number;
  /** SGD step size (with momentum CNN_MOMENTUM). */
  learningRate: number;
  seed: number;
  epochs: number;
}

/** Slider bounds, shared by the page's controls and the checks below. */
export const CNN_LIMITS = {
  dropRate: { min: 0.05, max: 0.8, step: 0.05 },
  batchSize: { min: 5, max: 100, step: 5 },
  learningRate: { min: 0.001, max: 0.3 },
  seed: { min: 0, max: 100, step: 1 },
  epochs: { min: 1, max: 20, step: 1 },
} as const;

export const CNN_DEFAULTS: CnnSettings = {
  batchNorm: true,
  dropout: true,
  dropRate: 0.5,
  batchSize: 25,
  learningRate: 0.02,
  seed: 1,
  epochs: 10,
};

/**
 * Settings at which batch norm's early lead reverses (the page names them; a test checks that the
 * network without batch norm validates higher after one epoch there).
 */
export const BATCH_NORM_COUNTEREXAMPLE = { learningRate: 0.1, seed: 1 } as const;

/** Heavy-ball momentum of the SGD optimiser (tf.train.momentum). */
export const CNN_MOMENTUM = 0.9;
/** Batch norm: weight of the newest batch in the running averages, and the ε under the root. */
export const BN_MOMENTUM = 0.1;
export const BN_EPSILON = 1e-5;

/**
 * Digits per class used from each split: 500 to train on, 500 to validate on after every epoch,
 * and all 1,000 test digits once, at the end (sized for the build's time budget).
 */
export const CNN_DATA = { trainPerClass: 50, validationPerClass: 50, testPerClass: 100 } as const;

const bool = (name: string, value: unknown): boolean => {
  if (typeof value !== "boolean") {
    throw new RangeError(`${name} must be true or false; got ${value}`);
  }
  return value;
};

export function checkCnnSettings(s: CnnSettings): CnnSettings {
  const L = CNN_LIMITS;
  return {
    batchNorm: bool("batch norm", s.batchNorm),
    dropout: bool("dropout", s.dropout),
    dropRate: inRange("drop rate", s.dropRate, L.dropRate),
    batchSize: integerAtLeast("batch size", s.batchSize, L.batchSize.min, L.batchSize.max),
    learningRate: inRange("learning rate", s.learningRate, L.learningRate),
    seed: seedValue(s.seed),
    epochs: integerAtLeast("epochs", s.epochs, L.epochs.min, L.epochs.max),
  };
}
