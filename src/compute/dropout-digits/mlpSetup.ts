/**
 * Everything a run of the digit MLP draws before its first step, from its seed alone: the initial
 * weights, the classes the cheating blocks of validation and test digits name, and the order of
 * each epoch's minibatches. Each comes from its own generator forked from createRng(seed) in a
 * fixed order, so a run with dropout and the same run without it start from the same weights, see
 * the same batches and are scored on the same noise: only the masks differ.
 */
import { createRng, type Rng } from "../prng.js";
import { integerAtLeast } from "../validate.js";
import { DIGIT_CLASSES, type DigitSet, type DigitSplits } from "../digitSet.js";
import { firstOfEachClass } from "../digitBatch.js";
import { CHEAT_INPUTS, type CheatView, cheatView, refill } from "./cheatingFeature.js";
import type { DigitMlpOptions } from "./mlpOptions.js";

export interface MlpStreams {
  weights: Rng;
  order: Rng;
  masks: Rng;
  noise: Rng;
}

export function mlpStreams(seed: number): MlpStreams {
  const root = createRng(seed);
  return { weights: root.fork(), order: root.fork(), masks: root.fork(), noise: root.fork() };
}

/** The seed of one epoch's shuffle (epochBatches), the next 32 bits of the order stream. */
export function nextEpochSeed(order: Rng): number {
  return Math.floor(order.uniform() * 2 ** 32);
}

export interface MlpWeights {
  /** inputs × hidden, row i feeding from input i. */
  w1: Float32Array;
  b1: Float32Array;
  /** hidden × 10. */
  w2: Float32Array;
  b2: Float32Array;
}

/**
 * PyTorch's default for nn.Linear: weights and biases uniform on ±1/√fan_in (see the
 * initialisation page). Drawn in the order w1, b1, w2, b2, row-major.
 */
export function mlpInitialWeights(rng: Rng, hidden: number, inputs = CHEAT_INPUTS): MlpWeights {
  integerAtLeast("hidden units", hidden, 1);
  const draw = (length: number, fanIn: number) => {
    const bound = 1 / Math.sqrt(fanIn);
    return Float32Array.from({ length }, () => (2 * rng.uniform() - 1) * bound);
  };
  return {
    w1: draw(inputs * hidden, inputs),
    b1: draw(hidden, inputs),
    w2: draw(hidden * DIGIT_CLASSES, hidden),
    b2: draw(DIGIT_CLASSES, hidden),
  };
}

/** The digits one run trains on and is scored on, with their cheating blocks filled. */
export interface MlpViews {
  /** Training digits, blocks honest: what the network learns from. */
  train: CheatView;
  /**
   * The first SCORED_PER_CLASS training digits of each class (all of them when fewer are
   * trained on), blocks honest: the training accuracy is measured on these, which keeps the
   * scoring after every epoch cheaper than the epoch itself.
   */
  trainScored: CheatView;
  /** Validation digits, blocks noise. */
  validation: CheatView;
  /** Test digits three ways: noise (the clean test), honest and blank. */
  testNoise: CheatView;
  testHonest: CheatView;
  testBlank: CheatView;
}

/** Training digits of each class that the training accuracy is measured on, at most. */
export const SCORED_PER_CLASS = 100;

const all = (set: DigitSet) => Array.from({ length: set.count }, (_, i) => i);

export function mlpViews(
  splits: DigitSplits,
  options: Pick<DigitMlpOptions, "perClass" | "strength">,
  noise: Rng,
): MlpViews {
  const { strength } = options;
  const train = cheatView(
    splits.train,
    firstOfEachClass(splits.train, options.perClass, "training digits per class"),
    strength,
    "honest",
  );
  const validation = cheatView(splits.validation, all(splits.validation), strength, "noise", noise);
  const testNoise = cheatView(splits.test, all(splits.test), strength, "noise", noise);
  const trainScored = options.perClass <= SCORED_PER_CLASS ? train : cheatView(
    splits.train,
    firstOfEachClass(splits.train, SCORED_PER_CLASS),
    strength,
    "honest",
  );
  return {
    train,
    trainScored,
    validation,
    testNoise,
    testHonest: refill(testNoise, "honest"),
    testBlank: refill(testNoise, "blank"),
  };
}
