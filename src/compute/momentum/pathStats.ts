/**
 * Small measurements of the momentum page's runs, for its captions and charts: how far a path is
 * from the minimum, how long its steps are, where a rate curve is lowest, what range losses span.
 */
import type { Trajectory } from "../optimizers.js";

type Point = readonly [number, number] | readonly number[];

/** ‖θₜ − θ*‖ for every position θ₀ … θ_T of the run (a plain array, one entry per position). */
export function distancesTo(run: Pick<Trajectory, "x" | "y">, minimum: Point): number[] {
  return Array.from(run.x, (x, t) => Math.hypot(x - minimum[0], run.y[t] - minimum[1]));
}

/** Mean distance to the minimum over the run's last `tail` positions. */
export function tailDistance(
  run: Pick<Trajectory, "x" | "y" | "stepsDone">,
  minimum: Point,
  tail: number,
): number {
  let sum = 0;
  for (let t = run.stepsDone - tail + 1; t <= run.stepsDone; t++) {
    sum += Math.hypot(run.x[t] - minimum[0], run.y[t] - minimum[1]);
  }
  return sum / tail;
}

/** Each step's largest coordinate change, in units of `scale` (Adam's η). */
export function stepSizes(run: Pick<Trajectory, "x" | "y" | "stepsDone">, scale: number): number[] {
  return Array.from(
    { length: run.stepsDone },
    (_, i) =>
      Math.max(Math.abs(run.x[i + 1] - run.x[i]), Math.abs(run.y[i + 1] - run.y[i])) / scale,
  );
}

/**
 * The lowest rate of a curve over step sizes, and the step sizes where it is reached (within 1e-9:
 * a flat floor, as momentum's √β, spans a range of ε).
 */
export function rateFloor(
  curve: readonly { epsilon: number; rate: number }[],
): { rate: number; from: number; to: number } {
  const low = Math.min(...curve.map((d) => d.rate));
  const at = curve.filter((d) => d.rate <= low + 1e-9);
  return { rate: low, from: at[0].epsilon, to: at[at.length - 1].epsilon };
}

/** [min, max] of the positive, finite values of all the series: a log axis that holds them all. */
export function positiveRange(series: readonly ArrayLike<number>[]): [number, number] {
  const all = series.flatMap((values) => Array.from(values))
    .filter((v) => v > 0 && Number.isFinite(v));
  return [Math.min(...all), Math.max(...all)];
}
