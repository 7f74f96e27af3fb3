/**
 * The precomputed sweep behind the double-descent page: test error against the number of random
 * ReLU features p, at a fixed small ridge (curve A) and with λ tuned on a validation set (curve B),
 * as medians and interquartile bands over seeded trials, plus the singular values of X̃ at a few p
 * from trial 0. Trials run on module Workers when asked for several; each trial depends only on
 * its seed, so the output does not depend on the number of workers.
 */
import { integerAtLeast } from "../validate.js";
import { exact, type Rounding } from "../round.js";
import {
  runSweepTrial,
  summariseSweep,
  type SweepConfig,
  type SweepTrial,
} from "./doubleDescent.js";

export interface TrialRequest {
  config: SweepConfig;
  trial: number;
  withSpectra: boolean;
}

export type TrialReply = { trial: number; result: SweepTrial } | { trial: number; error: string };

/** Most workers worth starting: more gave no speed-up on the machines measured. */
const DEFAULT_MAX_WORKERS = 4;

/**
 * How many workers to use: `requested` (text, as from an environment variable named `name`) if
 * given, else one per core up to DEFAULT_MAX_WORKERS; never more than there are trials.
 */
export function workerCount(
  requested: string | undefined,
  trials: number,
  name = "workers",
  cores = navigator.hardwareConcurrency || 1,
): number {
  if (requested !== undefined) {
    return Math.min(integerAtLeast(name, Number(requested), 1, 64), trials);
  }
  return Math.max(1, Math.min(cores, DEFAULT_MAX_WORKERS, trials));
}

/** Every trial, in trial order, on `workers` workers (in this thread when 1). */
export async function runSweepTrials(
  config: SweepConfig,
  workers: number,
  onTrial: (trial: number) => void = () => {},
): Promise<SweepTrial[]> {
  const results: SweepTrial[] = new Array(config.trials);
  if (workers === 1) {
    for (let trial = 0; trial < config.trials; trial++) {
      results[trial] = runSweepTrial(config, trial, trial === 0);
      onTrial(trial);
    }
    return results;
  }
  const pool = Array.from(
    { length: workers },
    () => new Worker(new URL("./trialWorker.ts", import.meta.url), { type: "module" }),
  );
  try {
    let next = 0;
    await Promise.all(pool.map((worker) =>
      new Promise<void>((resolve, reject) => {
        const send = () => {
          if (next >= config.trials) return resolve();
          const trial = next++;
          worker.postMessage({ config, trial, withSpectra: trial === 0 } satisfies TrialRequest);
        };
        worker.onmessage = (event: MessageEvent<TrialReply>) => {
          const reply = event.data;
          if ("error" in reply) return reject(new Error(`trial ${reply.trial}: ${reply.error}`));
          results[reply.trial] = reply.result;
          onTrial(reply.trial);
          send();
        };
        worker.onerror = (event) => {
          event.preventDefault();
          reject(new Error(`worker failed: ${event.message}`));
        };
        send();
      })
    ));
  } finally {
    for (const worker of pool) worker.terminate();
  }
  return results;
}

/** The sweep as the page reads it; `round` is applied to every error, λ and singular value. */
export async function precomputeDoubleDescent(
  config: SweepConfig,
  { workers = 1, round = exact, log = () => {} }: {
    workers?: number;
    round?: Rounding;
    log?: (line: string) => void;
  } = {},
) {
  const started = performance.now();
  const seconds = (digits: number) => ((performance.now() - started) / 1000).toFixed(digits);
  let done = 0;
  const trials = await runSweepTrials(config, workers, (trial) => {
    done++;
    log(`trial ${trial + 1} done, ${done}/${config.trials} (${seconds(1)} s)`);
  });
  const summary = summariseSweep(config, trials, round);
  log(`${config.trials} trials × ${config.pGrid.length} p in ${seconds(2)} s`);
  return {
    config: {
      seed: config.seed,
      trials: config.trials,
      trialSeed: "seed + trial index",
      nTrain: config.nTrain,
      nVal: config.nVal,
      nTest: config.nTest,
      d: config.d,
      sigma: config.sigma,
      beta: "β* ~ N(0, I_d / d), drawn per trial",
      features: "ReLU(Wx), W_ij ~ N(0, 1/p); a trial's p features are the first p of its p_max",
      error: "mean squared error against noisy labels",
      lambdaA: config.lambdaA,
      tuning: "λ minimising validation MSE over lambdas, ties to the smaller λ",
    },
    ...summary,
  };
}
