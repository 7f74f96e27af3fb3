/**
 * The dropout-digits page's live training (the contract is compute/liveRun.ts): the digit MLP
 * trained twice from the same seed, without dropout and then with the reader's keep
 * probabilities (once, without, when nothing is dropped). A run without dropout that finished
 * with the same other settings is reused instead of trained again: moving a keep probability
 * retrains only the run with dropout.
 *
 * The digits are loaded data, not settings: the page hands the bytes of its digit file as
 * `env.inputs.digits` (compute/digitInputs.ts). Finished runs without dropout are kept per file,
 * for as long as the file is.
 */
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import type { DigitSplits } from "../digitSet.js";
import { digitSplitsOf } from "../digitInputs.js";
import { type DigitMlpOptions, usesDropout, withoutDropout } from "./mlpOptions.js";
import { type EpochRecord, mlpTotalSteps, type TestRecord, trainDigitMlpTf } from "./mlpTrainTf.js";

/** One run as the page shows it: every epoch scored so far, and the test scores once done. */
export interface LiveDigitRun {
  epochs: EpochRecord[];
  test?: TestRecord;
}

export type RunName = "without dropout" | "with dropout";

export interface DigitsTrainFrame {
  /** The runs so far, by name. */
  runs: Partial<Record<RunName, LiveDigitRun>>;
  /** The run in training, its epoch in training (from 1) and its steps so far. */
  training?: RunName;
  epoch: number;
  stepsDone: number;
  /** Steps of one run. */
  stepsPerRun: number;
  /** True when the run without dropout came from an earlier run. */
  reused: boolean;
  /** The trainers' longest stretch of work between two pauses, ms (their own measure). */
  workSliceMs: number;
}

/** The runs for these settings, in order: the one without dropout first. */
export function runPlan(settings: DigitMlpOptions): [RunName, DigitMlpOptions][] {
  return usesDropout(settings)
    ? [["without dropout", withoutDropout(settings)], ["with dropout", settings]]
    : [["without dropout", settings]];
}

/** Finished runs without dropout, by digit file and settings. */
const baselinesOf = new WeakMap<DigitSplits, Map<string, LiveDigitRun>>();

export async function* digitsTrainLive(
  settings: DigitMlpOptions,
  env: LiveEnv,
): AsyncGenerator<LiveStep<DigitsTrainFrame>, void, undefined> {
  const tf = tfOf(env);
  const data = await digitSplitsOf(env);
  let baselines = baselinesOf.get(data);
  if (!baselines) baselinesOf.set(data, baselines = new Map());
  const plan = runPlan(settings);
  const stepsPerRun = mlpTotalSteps(settings);
  const totalSteps = stepsPerRun * plan.length;
  const runs: DigitsTrainFrame["runs"] = {};
  let reused = false;
  let workSliceMs = 0;
  let step: LiveStep<DigitsTrainFrame> = {
    runs: {},
    epoch: 0,
    stepsDone: 0,
    stepsPerRun,
    reused,
    workSliceMs,
    progress: 0,
  };
  for (const [index, [name, options]] of plan.entries()) {
    const key = JSON.stringify(withoutDropout(options));
    const earlier = name === "without dropout" ? baselines.get(key) : undefined;
    if (earlier) {
      runs[name] = earlier;
      reused = true;
      continue;
    }
    for await (const frame of trainDigitMlpTf(tf, data, options, { signal: env.signal })) {
      workSliceMs = Math.max(workSliceMs, frame.longestSliceMs);
      runs[name] = { epochs: frame.epochs, ...(frame.test ? { test: frame.test } : {}) };
      step = {
        runs: { ...runs },
        training: name,
        epoch: Math.min(frame.epochs.length, settings.epochs),
        stepsDone: frame.stepsDone,
        stepsPerRun,
        reused,
        workSliceMs,
        progress: (index * stepsPerRun + frame.stepsDone) / totalSteps,
      };
      yield step;
    }
    if (env.signal.aborted) return;
    if (name === "without dropout") baselines.set(key, runs[name]!);
  }
  yield { ...step, runs: { ...runs }, reused, progress: 1, done: true };
}
