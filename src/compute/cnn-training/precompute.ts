/**
 * The precomputed CNN runs behind the cnn-training page: every batch-norm × dropout combination
 * over the grid's seeds, trained by trainCnnTf (the page's own trainer) on whatever backend the
 * caller set (the loader uses tfjs's CPU backend, so every build writes the same bytes), plus the
 * trained weights of one run for the "inside the network" view.
 */
import type { Tf } from "../tf.js";
import { decimalPlaces, significantDigits } from "../round.js";
import { type CnnRunState, type EpochRecord, trainCnnTf } from "./cnnTrainTf.js";
import type { CnnDataset } from "./dataset.js";
import {
  type Combination,
  combinationLabel,
  COMBINATIONS,
  type PrecomputedRun,
  summariseCnnRuns,
  type SummaryRow,
} from "./runSummary.js";
import type { CnnGrid } from "./grid.js";
import { type CnnWeights, type RunningStats, WEIGHT_NAMES } from "./weights.js";

/** Float32 values at 9 significant digits: enough to get every float32 back exactly. */
const float32 = (xs: ArrayLike<number>) => Array.from(xs, significantDigits(9));
/** Accuracies are counts over 500 or 1,000 digits; a difference of two is rounded to 1e-9. */
const tidy = decimalPlaces(9);
const lossDigits = significantDigits(6);

export interface ShippedNetwork extends Combination {
  seed: number;
  weights: Record<keyof CnnWeights, number[]>;
  running: { mean: number[]; variance: number[] };
  testAccuracy: number;
}

export interface CnnTrainingOutput {
  config: CnnGrid & {
    momentum: number;
    trainCount: number;
    validationCount: number;
    testCount: number;
  };
  runs: PrecomputedRun[];
  summary: SummaryRow[];
  network: ShippedNetwork;
}

function roundHistory(history: EpochRecord[]): EpochRecord[] {
  return history.map((h) => ({
    epoch: h.epoch,
    trainAccuracy: tidy(h.trainAccuracy),
    validationAccuracy: tidy(h.validationAccuracy),
    loss: h.loss === null ? null : lossDigits(h.loss),
  }));
}

/** Runs the grid; `log` hears one line per run. */
export async function runCnnGrid(
  tf: Tf,
  data: CnnDataset,
  grid: CnnGrid,
  momentum: number,
  log: (line: string) => void = () => {},
): Promise<CnnTrainingOutput> {
  const runs: PrecomputedRun[] = [];
  let network: ShippedNetwork | undefined;
  for (const combo of COMBINATIONS) {
    for (const seed of grid.seeds) {
      const settings = { ...grid.settings, ...combo, seed };
      let last: CnnRunState | undefined;
      // A large slice: nothing waits on the loader, so it never needs to pause.
      for await (const state of trainCnnTf(tf, data, settings, { sliceMs: 1e9 })) last = state;
      if (!last?.done || last.testAccuracy === undefined) {
        throw new Error(`the run "${combinationLabel(combo)}", seed ${seed} did not finish`);
      }
      runs.push({
        ...combo,
        seed,
        history: roundHistory(last.history),
        testAccuracy: last.testAccuracy,
      });
      log(
        `${combinationLabel(combo)}, seed ${seed}: test accuracy ${last.testAccuracy} ` +
          `(${(last.elapsedMs / 1000).toFixed(1)} s)`,
      );
      const n = grid.network;
      if (n.batchNorm === combo.batchNorm && n.dropout === combo.dropout && n.seed === seed) {
        network = shipped(combo, seed, last.weights!, last.running!, last.testAccuracy);
      }
    }
  }
  return {
    config: {
      ...grid,
      momentum,
      trainCount: data.train.count,
      validationCount: data.validation.count,
      testCount: data.test().count,
    },
    runs,
    summary: summariseCnnRuns(runs).map((row) => ({
      ...row,
      train: spreadRounded(row.train),
      validation: spreadRounded(row.validation),
      gap: spreadRounded(row.gap),
    })),
    network: network!,
  };
}

const spreadRounded = (s: { mean: number; min: number; max: number }) => ({
  mean: tidy(s.mean),
  min: tidy(s.min),
  max: tidy(s.max),
});

function shipped(
  combo: Combination,
  seed: number,
  weights: CnnWeights,
  running: RunningStats,
  testAccuracy: number,
): ShippedNetwork {
  return {
    ...combo,
    seed,
    weights: Object.fromEntries(WEIGHT_NAMES.map((k) => [k, float32(weights[k])])) as Record<
      keyof CnnWeights,
      number[]
    >,
    running: { mean: float32(running.mean), variance: float32(running.variance) },
    testAccuracy,
  };
}

/** Shipped weights back as Float32Arrays (for cnnVariables and the filter pictures). */
export function shippedWeights(
  network: ShippedNetwork,
): { weights: CnnWeights; running: RunningStats } {
  return {
    weights: Object.fromEntries(
      WEIGHT_NAMES.map((k) => [k, Float32Array.from(network.weights[k])]),
    ) as unknown as CnnWeights,
    running: {
      mean: Float32Array.from(network.running.mean),
      variance: Float32Array.from(network.running.variance),
    },
  };
}
