/**
 * What the page claims about training runs beyond the precomputed seeds, and the draws the
 * robustness test (tests/compute/cnn-training/robustness.test.ts) checks them on. Each draw has its own
 * seed (weights, batch order, masks) and its own split of MNIST into training, validation and
 * test digits, so both the run's randomness and the data sample vary. The page prints these
 * bounds; the test holds 4 runs per draw to them, no stricter and no looser.
 */
export interface Draw {
  /** The run's seed; distinct over draws, so findings.ts can pair runs by it. */
  seed: number;
  splitSeed: number;
}

/** 20 draws: seeds 11–30 (none of the shipped ones) and split seeds 101–120 (not SPLIT_SEED). */
export const FRESH_DRAWS: readonly Draw[] = Array.from({ length: 20 }, (_, i) => ({
  seed: 11 + i,
  splitSeed: 101 + i,
}));

/**
 * Batch norm's lead after one epoch: over 2 × 20 pairs (with and without dropout) it was ahead in
 * 37 of 40 on these fresh draws (and 39 of 40 on 20 other seeds on the shipped split), so the
 * page claims "in at least 80 % of the pairs, though not in every one".
 */
export const BATCH_NORM_EARLY_LEAD_SHARE = 0.8;
