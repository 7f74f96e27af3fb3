/**
 * The momentum page's "predict, then run" card: which optimiser of the race first brings the loss
 * down to a target. The outcome is read from the race's own runs (the Trajectories the page draws).
 */
import type { Trajectory } from "../optimizers.js";

/** The loss the race card asks about. */
export const RACE_TARGET = 1e-3;

/** The race's setting the card runs at: the ill-conditioned quadratic, every other control at its default. */
export const RACE_SETTING = {
  surface: "quadratic",
  kappa: 100,
  beta: 0.9,
  step: 1,
  steps: 100,
  x0: -1.8,
  y0: 2.5,
  adamStep: 0.05,
} as const;

/** The first step t at which the run's loss is at most `target`, or null if it never is. */
export function firstStepBelow(
  run: Pick<Trajectory, "loss" | "stepsDone">,
  target: number,
): number | null {
  for (let t = 0; t <= run.stepsDone; t++) if (run.loss[t] <= target) return t;
  return null;
}

export interface RaceOutcome {
  /** The racer's name that got there first, "none" if no racer did, "tie" if several did at once. */
  option: string;
  /** Each racer's first step at the target (null: never within the race). */
  reached: { name: string; step: number | null }[];
  target: number;
  steps: number;
}

/** Who reaches `target` first among `racers` (the page's race: SGD, momentum, Adam). */
export function raceOutcome(
  racers: readonly { name: string; run: Pick<Trajectory, "loss" | "stepsDone"> }[],
  target: number,
  steps: number,
): RaceOutcome {
  const reached = racers.map(({ name, run }) => ({ name, step: firstStepBelow(run, target) }));
  const arrived = reached.filter((r) => r.step !== null) as { name: string; step: number }[];
  const best = Math.min(...arrived.map((r) => r.step));
  const winners = arrived.filter((r) => r.step === best);
  const option = winners.length === 0 ? "none" : winners.length > 1 ? "tie" : winners[0].name;
  return { option, reached, target, steps };
}
