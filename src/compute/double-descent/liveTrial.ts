/**
 * The double-descent page's live trial (the contract is compute/liveRun.ts): prepareLiveTrial's
 * snapshots as steps, and what the page reads off a trial once λ and σ are chosen. The run depends
 * only on the data (N_train, d, seed); λ and σ are applied to its factorisations afterwards
 * (evaluateLiveTrial), so moving them redraws without running the trial again.
 */
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import { type LiveCurve, type LiveTrial, prepareLiveTrial } from "./liveRidgeTrial.js";

/** The controls the trial depends on, as the page names them, and the held-out set sizes. */
export interface TrialSettings {
  ntrain: number;
  d: number;
  seed: number;
  nVal: number;
  nTest: number;
}

export interface TrialFrame {
  /** The trial so far; undefined until its first values of p are factored. */
  trial?: LiveTrial;
}

export async function* ridgeTrialLive(
  settings: TrialSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<TrialFrame>, void, undefined> {
  const { ntrain: nTrain, d, seed, nVal, nTest } = settings;
  const params = { nTrain, nVal, nTest, d, seed };
  for await (const trial of prepareLiveTrial(tfOf(env), params, { signal: env.signal })) {
    yield { trial, progress: trial.completed / trial.pGrid.length, done: trial.done };
  }
}

/** The smallest singular value of X̃ at every p factored so far. */
export function smallestSingularRows(trial: LiveTrial): { p: number; sMin: number }[] {
  return trial.factors.flatMap((f) =>
    f ? [{ p: f.p, sMin: f.singularValues[f.singularValues.length - 1] }] : []
  );
}

/** The factored p nearest to `p` (its singular values, for the spectrum chart), if any. */
export function nearestFactored(
  trial: LiveTrial,
  p: number,
): { p: number; singularValues: Float64Array } | undefined {
  let best: { p: number; singularValues: Float64Array } | undefined;
  for (const f of trial.factors) {
    if (f && (!best || Math.abs(f.p - p) < Math.abs(best.p - p))) best = f;
  }
  return best;
}

export type { LiveCurve };
