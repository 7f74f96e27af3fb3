/**
 * The precomputed runs behind the dropout-digits page: the digit MLP with the cheating feature,
 * trained for the grid's full length without dropout and with it, for every seed, by the page's
 * own trainer (trainDigitMlpTf) on whatever backend the caller set (the loader uses tfjs's CPU
 * backend, which is plain deterministic JavaScript: the same grid gives the same bytes), with
 * their summaries over seeds. `round` is applied to every accuracy, loss and spread.
 */
import type { DigitSplits } from "../digitSet.js";
import { exact, type Rounding } from "../round.js";
import type { Tf } from "../tf.js";
import { type DigitRun, summariseDigitRuns } from "./digitRuns.js";
import type { DigitGrid } from "./grid.js";
import type { DigitMlpOptions } from "./mlpOptions.js";
import { SCORED_PER_CLASS } from "./mlpSetup.js";
import { type DigitMlpFrame, trainDigitMlpTf } from "./mlpTrainTf.js";

/** One run to its end, as the page would run it (on whatever backend `tf` has). */
export async function runDigitMlpToEnd(
  tf: Tf,
  splits: DigitSplits,
  options: DigitMlpOptions,
): Promise<DigitRun> {
  let last: DigitMlpFrame | undefined;
  for await (const frame of trainDigitMlpTf(tf, splits, options)) last = frame;
  if (!last?.test) throw new Error(`run with seed ${options.seed} ended without test scores`);
  return { seed: options.seed, epochs: last.epochs, test: last.test };
}

function roundRun(run: DigitRun, round: Rounding) {
  return {
    seed: run.seed,
    epochs: run.epochs.map((e) => ({
      epoch: e.epoch,
      trainAccuracy: round(e.trainAccuracy),
      validationAccuracy: round(e.validationAccuracy),
      meanLoss: e.meanLoss === null ? null : round(e.meanLoss),
    })),
    test: {
      noise: round(run.test.noise),
      honest: round(run.test.honest),
      blank: round(run.test.blank),
      followed: round(run.test.followed),
    },
  };
}

function roundSummary(summary: ReturnType<typeof summariseDigitRuns>, round: Rounding) {
  const r = (s: { mean: number; sd: number; min: number; max: number }) => ({
    mean: round(s.mean),
    sd: round(s.sd),
    min: round(s.min),
    max: round(s.max),
  });
  return {
    epochs: summary.epochs.map((e) => ({
      epoch: e.epoch,
      train: r(e.train),
      validation: r(e.validation),
      gap: r(e.gap),
    })),
    test: Object.fromEntries(Object.entries(summary.test).map(([k, v]) => [k, r(v)])),
    finalGap: r(summary.finalGap),
  };
}

/** Every run of the grid and the summaries the page shows; `log` hears one line per run. */
export async function precomputeDigitRuns(
  tf: Tf,
  grid: DigitGrid,
  splits: DigitSplits,
  round: Rounding = exact,
  log: (line: string) => void = () => {},
) {
  const conditions = [
    { name: "without dropout", keepInput: 1, keepHidden: 1 },
    { name: "with dropout", ...grid.dropout },
  ];
  const out = [];
  for (const condition of conditions) {
    const runs: DigitRun[] = [];
    for (const seed of grid.seeds) {
      const started = performance.now();
      const { keepInput, keepHidden } = condition;
      runs.push(await runDigitMlpToEnd(tf, splits, { ...grid.base, keepInput, keepHidden, seed }));
      log(`${condition.name}, seed ${seed}: ${(performance.now() - started).toFixed(0)} ms`);
    }
    out.push({
      ...condition,
      runs: runs.map((run) => roundRun(run, round)),
      summary: roundSummary(summariseDigitRuns(runs), round),
    });
  }
  return {
    config: {
      ...(grid.note !== undefined ? { note: grid.note } : {}),
      ...grid.base,
      dropout: grid.dropout,
      seeds: grid.seeds,
      scoredPerClass: Math.min(SCORED_PER_CLASS, grid.base.perClass),
      digits: {
        train: grid.base.perClass * 10,
        validation: splits.validation.count,
        test: splits.test.count,
      },
      backend: tf.getBackend(),
    },
    conditions: out,
  };
}
