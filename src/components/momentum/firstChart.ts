/**
 * The momentum page's first chart, the paths of gradient descent, momentum and the running average
 * on the chosen surface: the page draws it with `trajectoryChart` (tfjs's path joins when its live
 * run ends), and the build draws its first picture (the Float64 paths, no tfjs path yet) at the
 * controls' defaults, TRAJECTORY_DEFAULTS, into the HTML (src/tasks/prerender.ts).
 */
import { largestGap, runOptimizer, type Trajectory } from "../../compute/optimizers.js";
import {
  contourLevels,
  DOMAIN,
  levelCurve,
  makeSurface,
  noiseSequence,
  type Surface,
  type SurfaceKind,
} from "../../compute/surfaces.js";
import { colors } from "../colors.js";
import type { FirstChart } from "../firstChart.js";
import { trajectoryDescription, type TrajectoryRuns } from "./momentumText.js";
import { type PathSeries, surfacePathChart } from "./surfacePathChart.js";

export const SURFACE_NAMES: Record<SurfaceKind, string> = {
  quadratic: "ill-conditioned quadratic",
  rosenbrock: "Rosenbrock valley",
  noisy: "noisy quadratic",
};

/** The page's controls of the surface and the three runs at their defaults. */
export const TRAJECTORY_DEFAULTS = {
  surface: "quadratic" as SurfaceKind,
  kappa: 50,
  noise: 0.3,
  seed: 1,
  beta: 0.9,
  step: 1,
  steps: 100,
  x0: -1.8,
  y0: 2.5,
};

/** A surface's contour lines. */
export const curvesOf = (surface: Surface) =>
  contourLevels(surface).map((level) => levelCurve(surface, level));

/**
 * Momentum (α = β, ε), the running average (β, δ = ε/(1 − β)) and gradient descent (ε) from
 * `start`, in Float64, meeting the same gradient noise on a noisy surface.
 */
export function trajectoryRunsOf(
  surf: Surface,
  { beta, step, steps, seed, start }: {
    beta: number;
    step: number;
    steps: number;
    seed: number;
    start: readonly [number, number];
  },
): TrajectoryRuns {
  const noise = surf.noise > 0 ? noiseSequence(seed, steps) : undefined;
  const delta = step / (1 - beta);
  const options = { start, steps, noise };
  const momentumRun = runOptimizer(surf, { kind: "momentum", alpha: beta, epsilon: step }, options);
  const averageRun = runOptimizer(surf, { kind: "average", beta, delta }, options);
  const gdRun = runOptimizer(surf, { kind: "sgd", epsilon: step }, options);
  const formsGap = largestGap(momentumRun, averageRun);
  return { surf, momentumRun, averageRun, gdRun, beta, step, start, formsGap };
}

/** The three Float64 paths, and tfjs's once its run has positions. */
export function trajectoryPathSeries(
  runs: TrajectoryRuns,
  reference: Partial<Pick<Trajectory, "x" | "y">>,
): PathSeries[] {
  return [
    {
      name: "gradient descent, same ε",
      x: runs.gdRun.x,
      y: runs.gdRun.y,
      color: colors.muted,
      mark: "dash",
    },
    {
      name: "momentum (α = β, ε)",
      x: runs.momentumRun.x,
      y: runs.momentumRun.y,
      color: colors.blue,
      mark: "line",
    },
    {
      name: "running average (β, δ = ε/(1 − β))",
      x: runs.averageRun.x,
      y: runs.averageRun.y,
      color: colors.orange,
      mark: "dots",
    },
    ...(reference.x && reference.y
      ? [{
        name: "tf.train.momentum",
        x: reference.x,
        y: reference.y,
        color: colors.green,
        mark: "cross" as const,
      }]
      : []),
  ];
}

/** The paths over the contours of the surface's shape, the start and the minimum marked. */
export function trajectoryChart(
  { surface, curves, runs, paths }: {
    surface: SurfaceKind;
    curves: ReturnType<typeof curvesOf>;
    runs: TrajectoryRuns;
    paths: PathSeries[];
  },
  width: number,
): HTMLElement {
  return surfacePathChart(
    { curves, domain: DOMAIN, paths, start: runs.start, minimum: runs.surf.minimum },
    {
      width,
      name: "trajectory",
      title: `Paths on the ${SURFACE_NAMES[surface]}`,
      description: trajectoryDescription(runs),
      live: true,
    },
  );
}

export const firstChart: FirstChart = {
  name: "trajectory",
  width: 670,
  draw: (width) => {
    const { surface, kappa, noise, seed, x0, y0 } = TRAJECTORY_DEFAULTS;
    // The contours are the shape's (no noise), the runs meet the surface's noise.
    const curves = curvesOf(makeSurface({ kind: surface, kappa, noise: 0, seed: 0 }));
    const surf = makeSurface({ kind: surface, kappa, noise, seed });
    const runs = trajectoryRunsOf(surf, { ...TRAJECTORY_DEFAULTS, start: [x0, y0] });
    return trajectoryChart({ surface, curves, runs, paths: trajectoryPathSeries(runs, {}) }, width);
  },
};
