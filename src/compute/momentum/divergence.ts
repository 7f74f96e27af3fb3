/**
 * Why a run on the momentum page left the chart, in numbers the caption can state truthfully.
 *
 * On the quadratics (noisy or not) the Hessian is the same everywhere, so momentum diverges exactly
 * when ελ_max > 2(1 + β): the bound is the cause. The Rosenbrock valley has no such bound. Its
 * curvature grows away from the minimum (1200x² − 400y + 2 along x, unscaled), so the bound of its
 * quadratic model at the minimum says nothing about a path that starts elsewhere; what can be
 * said is where the run left (the step at which a coordinate passed DIVERGENCE_BOUND) and the
 * first point on the path where the local curvature λ puts ε above 2(1 + β)/λ.
 */
import type { Trajectory } from "../optimizers.js";
import { stableStepLimit } from "./quadraticRate.js";
import { ROSENBROCK_SCALE, type Surface } from "../surfaces.js";

/** The largest eigenvalue of the surface's Hessian at (x, y). */
export function largestCurvature(surface: Surface, x: number, y: number): number {
  if (surface.kind !== "rosenbrock") return surface.eigenvalues[1];
  const s = ROSENBROCK_SCALE;
  const a = (1200 * x * x - 400 * y + 2) / s;
  const b = (-400 * x) / s;
  const c = 200 / s;
  // Largest eigenvalue of [[a, b], [b, c]].
  return (a + c) / 2 + Math.hypot((a - c) / 2, b);
}

export type DivergenceReport =
  | {
    /** A quadratic: ε is above 2(1 + β)/λ_max, which is why the steep direction grows. */
    cause: "step above the bound";
    limit: number;
    /** The step at which a coordinate passed DIVERGENCE_BOUND. */
    leftAt: number;
  }
  | {
    /** The Rosenbrock valley (or a quadratic run that left below its bound, which cannot happen). */
    cause: "left the valley";
    limit: number;
    leftAt: number;
    /** The first point of the path where ε > 2(1 + β)/λ, λ the curvature there; absent if none. */
    steep?: { step: number; x: number; y: number; curvature: number; localLimit: number };
  };

/** Why a diverged run diverged; undefined for a run that did not. */
export function divergenceReport(
  surface: Surface,
  run: Trajectory,
  beta: number,
  epsilon: number,
): DivergenceReport | undefined {
  if (!run.diverged) return undefined;
  const limit = stableStepLimit(surface.eigenvalues, beta);
  const leftAt = run.stepsDone + 1;
  if (surface.kind !== "rosenbrock" && epsilon > limit) {
    return { cause: "step above the bound", limit, leftAt };
  }
  for (let t = 0; t <= run.stepsDone; t++) {
    const curvature = largestCurvature(surface, run.x[t], run.y[t]);
    const localLimit = (2 * (1 + beta)) / curvature;
    if (epsilon > localLimit) {
      return {
        cause: "left the valley",
        limit,
        leftAt,
        steep: { step: t, x: run.x[t], y: run.y[t], curvature, localLimit },
      };
    }
  }
  return { cause: "left the valley", limit, leftAt };
}
