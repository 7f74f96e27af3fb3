/**
 * The settings of one training run of the digit MLP (794 inputs → hidden ReLU units → 10 classes,
 * inverted dropout on the inputs and on the hidden units, Adam on the mean cross-entropy), checked
 * once so that the browser and the build refuse the same values with the same messages.
 */
import { inRange, integerAtLeast, seedValue } from "../validate.js";

export interface DigitMlpOptions {
  /** Probability of keeping each input (pixels and cheating block); 1 = no input dropout. */
  keepInput: number;
  /** Probability of keeping each hidden unit; 1 = no hidden dropout. */
  keepHidden: number;
  /** Height of the cheating block's one-hot entry; 0 takes the feature away. */
  strength: number;
  /** Training digits of each class (the first ones of the training split). */
  perClass: number;
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/**
 * Bounds that every caller shares. The upper ones only keep a typo from freezing a tab; the pages'
 * sliders are narrower.
 */
const MLP_LIMITS = {
  strength: 10,
  perClass: 300,
  hidden: 512,
  epochs: 100,
  batchSize: 3000,
  learningRate: 1,
} as const;

/** PyTorch's defaults for Adam, which the course uses (tf.train.adam's ε is 1e-7 otherwise). */
export const MLP_ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

const keep = (name: string, value: unknown) =>
  inRange(name, value, { min: 0, max: 1, minInclusive: false });

export function resolveMlpOptions(options: DigitMlpOptions): DigitMlpOptions {
  return {
    keepInput: keep("keep probability of the inputs", options.keepInput),
    keepHidden: keep("keep probability of the hidden units", options.keepHidden),
    strength: inRange("cheating feature strength", options.strength, {
      min: 0,
      max: MLP_LIMITS.strength,
    }),
    perClass: integerAtLeast("training digits per class", options.perClass, 1, MLP_LIMITS.perClass),
    hidden: integerAtLeast("hidden units", options.hidden, 1, MLP_LIMITS.hidden),
    epochs: integerAtLeast("epochs", options.epochs, 1, MLP_LIMITS.epochs),
    batchSize: integerAtLeast("batch size", options.batchSize, 1, MLP_LIMITS.batchSize),
    learningRate: inRange("learning rate", options.learningRate, {
      min: 0,
      max: MLP_LIMITS.learningRate,
      minInclusive: false,
    }),
    seed: seedValue(options.seed),
  };
}

/** The same run without dropout: every input and hidden unit kept. */
export function withoutDropout(options: DigitMlpOptions): DigitMlpOptions {
  return { ...options, keepInput: 1, keepHidden: 1 };
}

/** Whether a run drops anything. */
export function usesDropout(options: DigitMlpOptions): boolean {
  return options.keepInput < 1 || options.keepHidden < 1;
}
