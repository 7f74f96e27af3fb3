/**
 * Double descent with random ReLU features: test error against the number of features p, at a
 * fixed small ridge (curve A) and with λ tuned on a validation set (curve B), as medians and
 * interquartile bands over seeded trials, plus the singular values of X̃ at a few p from trial 0.
 *
 * Input: data/double-descent.json, or the file named by the first argument or by the
 * DOUBLE_DESCENT_CONFIG environment variable. Trials run on DOUBLE_DESCENT_WORKERS Deno Workers
 * (default: one per core, at most 4); this module is its own worker script. The output depends only
 * on the input, not on the number of workers. stdout gets the JSON once, at the end; progress and
 * timing go to stderr; any failure exits 1 with nothing on stdout.
 */
import {
  logGrid,
  runSweepTrial,
  summariseSweep,
  type SweepConfig,
  type SweepTrial,
  validateSweepConfig,
} from "../compute/double-descent/doubleDescent.js";

interface TrialRequest {
  config: SweepConfig;
  trial: number;
  withSpectra: boolean;
}

type TrialReply = { trial: number; result: SweepTrial } | { trial: number; error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<TrialRequest>) => void) | null;
  postMessage(message: TrialReply): void;
}

const isWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !==
  "undefined";

/** Six significant digits: plenty for plots, and it keeps the file small. */
const round = (x: number) => Number(x.toPrecision(6));

async function readConfig(): Promise<SweepConfig> {
  const named = Deno.args[0] ?? Deno.env.get("DOUBLE_DESCENT_CONFIG");
  const url = named ? new URL(named, `file://${Deno.cwd()}/`) : new URL(
    "../../data/double-descent.json",
    import.meta.url,
  );
  let text: string;
  try {
    text = await Deno.readTextFile(url);
  } catch (error) {
    throw new Error(`cannot read the input ${url.pathname}: ${(error as Error).message}`);
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${url.pathname} is not valid JSON: ${(error as Error).message}`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new Error(`${url.pathname} must hold a JSON object`);
  }
  const grid = raw.lambdaGrid as { min?: unknown; max?: unknown; count?: unknown } | undefined;
  if (!grid || typeof grid !== "object") {
    throw new RangeError(`lambdaGrid must be an object {min, max, count}, got ${String(grid)}`);
  }
  const config = {
    seed: raw.seed,
    trials: raw.trials,
    nTrain: raw.nTrain,
    nVal: raw.nVal,
    nTest: raw.nTest,
    d: raw.d,
    sigma: raw.sigma,
    lambdaA: raw.lambdaA,
    lambdas: logGrid(grid.min as number, grid.max as number, grid.count as number),
    pGrid: raw.pGrid,
    spectrumP: raw.spectrumP ?? [],
  } as SweepConfig;
  validateSweepConfig(config);
  return config;
}

function workerCount(trials: number): number {
  const named = Deno.env.get("DOUBLE_DESCENT_WORKERS");
  if (named !== undefined) {
    const n = Number(named);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      throw new RangeError(`DOUBLE_DESCENT_WORKERS must be an integer in [1, 64], got ${named}`);
    }
    return Math.min(n, trials);
  }
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 4, trials));
}

/** Runs every trial, on workers when there are several, and returns them in trial order. */
async function runTrials(config: SweepConfig, started: number): Promise<SweepTrial[]> {
  const results: SweepTrial[] = new Array(config.trials);
  let done = 0;
  const report = (trial: number) => {
    done++;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(
      `double-descent: trial ${trial + 1} done, ${done}/${config.trials} (${seconds} s)`,
    );
  };
  const count = workerCount(config.trials);
  if (count === 1) {
    for (let trial = 0; trial < config.trials; trial++) {
      results[trial] = runSweepTrial(config, trial, trial === 0);
      report(trial);
    }
    return results;
  }
  const workers = Array.from(
    { length: count },
    () => new Worker(import.meta.url, { type: "module" }),
  );
  try {
    let next = 0;
    await Promise.all(workers.map((worker) =>
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
          report(reply.trial);
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
    for (const worker of workers) worker.terminate();
  }
  return results;
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = await readConfig();
  const trials = await runTrials(config, started);
  const summary = summariseSweep(config, trials, round);
  const output = {
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
  const json = JSON.stringify(output);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.error(
    `double-descent: ${config.trials} trials × ${config.pGrid.length} p in ${seconds} s`,
  );
  const bytes = new TextEncoder().encode(json);
  // write() may take only part of the buffer.
  for (let offset = 0; offset < bytes.length;) {
    offset += await Deno.stdout.write(bytes.subarray(offset));
  }
}

if (isWorker) {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => {
    const { config, trial, withSpectra } = event.data;
    try {
      scope.postMessage({ trial, result: runSweepTrial(config, trial, withSpectra) });
    } catch (error) {
      scope.postMessage({ trial, error: (error as Error).message });
    }
  };
} else if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`double-descent loader failed: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
