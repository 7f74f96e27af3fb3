/**
 * The momentum page's chart descriptions, live-check summaries and the one sentence that depends
 * on the surface, built from numbers the page has already computed. Plain strings, no DOM; tested
 * word for word against the page's former inline template literals over the page's settings.
 */
import { num, sciText, significant } from "../math.js";
import { divergedCaption } from "./trajectoryCaption.js";
import type { Surface } from "../../compute/surfaces.js";
import type { Trajectory } from "../../compute/optimizers.js";
import { distancesTo } from "../../compute/momentum/pathStats.js";
import { type DivergenceReport, divergenceReport } from "../../compute/momentum/divergence.js";
import type { BiasRow } from "../../compute/momentum/bias.js";

/** Sliders' values to three significant digits, as the controls show them. */
export const short = (v: number): string => String(Number(v.toPrecision(3)));

/** The end of the prose sentence on the best pair: on the Rosenbrock it is only the local model's. */
export function bestPairEnding(surface: string): string {
  return surface === "rosenbrock"
    ? ". On the Rosenbrock valley these are the numbers of its quadratic model at the minimum, and the button is off: from the default start the pair diverges, because the valley is steeper there"
    : ": the button above sets it";
}

/** The last frame of a tfjs reference run. */
export interface ReferenceFrame {
  stopped?: boolean;
  backend?: string;
  stepsDone: number;
  gap: number;
}

/** tf.train.momentum against the Float64 path; a run that blew up took fewer than `steps`. */
export function momentumReferenceSummary(f: ReferenceFrame, steps: number): string {
  return f.stopped
    ? `Stopped after ${f.stepsDone} of ${steps} tfjs steps.`
    : `tfjs (${f.backend}, float32) took ${f.stepsDone} steps${
      f.stepsDone < steps ? " before the run blew up" : ""
    }; it never strays more than ${sciText(f.gap, 2)} from the Float64 momentum path.`;
}

/** tf.train.adam against our Float64 Adam with the correction. */
export function adamReferenceSummary(f: ReferenceFrame, steps: number): string {
  return f.stopped
    ? `Stopped after ${f.stepsDone} of ${steps} tfjs steps.`
    : `tf.train.adam (${f.backend}, float32) took ${f.stepsDone} steps and never strays more than ${
      sciText(f.gap, 2)
    } from our Float64 Adam with the correction.`;
}

/** The section's three runs on one surface and their settings. */
export interface TrajectoryRuns {
  surf: Surface;
  momentumRun: Trajectory;
  averageRun: Trajectory;
  gdRun: Trajectory;
  beta: number;
  step: number;
  start: readonly [number, number];
  formsGap: number;
}

const endOf = (run: Trajectory) =>
  `(${num(run.x[run.stepsDone], 3)}, ${num(run.y[run.stepsDone], 3)})`;

/** The trajectory chart's description: where the runs end, or why momentum blew up. */
export function trajectoryDescription(r: TrajectoryRuns): string {
  const { surf, momentumRun, averageRun, gdRun, beta, step, start, formsGap } = r;
  return momentumRun.diverged
    ? divergedCaption(divergenceReport(surf, momentumRun, beta, step) as DivergenceReport, {
      beta,
      epsilon: step,
      together: averageRun.diverged && averageRun.stepsDone === momentumRun.stepsDone,
    })
    : `From (${start[0]}, ${start[1]}) momentum and the running average both reach ${
      endOf(momentumRun)
    } after ${momentumRun.stepsDone} steps, ${
      num(distancesTo(momentumRun, surf.minimum).at(-1) as number, 3)
    } from the minimum, and never differ by more than ${
      sciText(formsGap, 2)
    }; gradient descent with the same step ends at ${endOf(gdRun)}${
      gdRun.diverged ? " before it blows up" : ""
    }.`;
}

/** The distance chart's description; the closed-form rate is drawn except on the Rosenbrock. */
export function distanceDescription(
  r: TrajectoryRuns,
  surface: string,
  closedRate: number,
): string {
  const { surf, momentumRun, gdRun } = r;
  return `After ${momentumRun.stepsDone} steps momentum is ${
    num(distancesTo(momentumRun, surf.minimum).at(-1) as number, 4)
  } from the minimum and gradient descent ${
    num(distancesTo(gdRun, surf.minimum).at(-1) as number, 4)
  }${
    surface === "rosenbrock"
      ? ""
      : `; the dashed line falls by the closed-form rate ${num(closedRate, 4)} per step`
  }.`;
}

/** The rate chart's description: where the rate bottoms out, where it passes 1, and the reader's ρ. */
export function rateDescription(
  { beta, localNote, floor, stepLimit, measuredCount, closedRate }: {
    beta: number;
    localNote: string;
    floor: { rate: number; from: number; to: number };
    stepLimit: number;
    measuredCount: number;
    closedRate: number;
  },
): string {
  return `For β = ${short(beta)} the closed-form rate${localNote} is lowest, ${
    num(floor.rate, 3)
  }, ${
    floor.from === floor.to
      ? `at ε = ${short(floor.from)}`
      : `for ε from ${short(floor.from)} to ${short(floor.to)}`
  }, and passes 1 at ε = ${
    short(stepLimit)
  }; rates measured from runs at ${measuredCount} step sizes sit on the curve, and your setting has ρ = ${
    num(closedRate, 3)
  }.`;
}

/** One racer: its name and run. */
export interface Racer {
  name: string;
  run: Trajectory;
}

/** The race at `raceStep`: every racer's loss so far and who leads. */
export function raceDescription(racers: readonly Racer[], raceStep: number, steps: number): string {
  const shown = (run: Trajectory) => Math.min(raceStep, run.stepsDone);
  const leader = racers.reduce((
    a,
    b,
  ) => (b.run.loss[shown(b.run)] < a.run.loss[shown(a.run)] ? b : a));
  return `At step ${raceStep} of ${steps}: ${
    racers.map(({ name, run }) =>
      `${name} at loss ${significant(run.loss[shown(run)], 2)}${
        run.diverged && raceStep > run.stepsDone ? " (blew up)" : ""
      }`
    ).join(
      ", ",
    )
  }${raceStep === 0 ? "; all three start together." : `; ${leader.name} leads.`}`;
}

/** The bias chart's description: the raw average's mean from t = 1 to the horizon, the corrected one's. */
export function biasDescription(
  rows: readonly BiasRow[],
  { draws, beta, sigma, horizon }: { draws: number; beta: number; sigma: number; horizon: number },
): string {
  return `Over ${draws} draws with β = ${beta} and σ = ${sigma}, the raw average's mean starts at ${
    num(rows[0].rawMean, 3)
  } (closed form ${num(rows[0].theory, 3)}) and reaches ${
    num((rows.at(-1) as BiasRow).rawMean, 3)
  } at t = ${horizon}; the corrected average's mean stays near 1, from ${
    num(rows[0].correctedMean, 3)
  } at t = 1.`;
}

/** Adam's two paths: how far each ends from the minimum. */
export function adamPathDescription(
  { beta1, beta2, eta, fixed, raw, minimum }: {
    beta1: number;
    beta2: number;
    eta: number;
    fixed: Trajectory;
    raw: Trajectory;
    minimum: readonly number[];
  },
): string {
  const fromMinimum = (run: Trajectory) =>
    Math.hypot(run.x[run.stepsDone] - minimum[0], run.y[run.stepsDone] - minimum[1]);
  return `With β₁ = ${beta1}, β₂ = ${beta2} and η = ${short(eta)}, the corrected Adam ends ${
    num(fromMinimum(fixed), 3)
  } from the minimum after ${fixed.stepsDone} steps and the uncorrected one ${
    num(fromMinimum(raw), 3)
  }${raw.diverged ? ", after blowing up" : ""}.`;
}

/** Adam's step sizes: the first step with and without the correction, and the ratio's peak and end. */
export function adamStepsDescription(
  { rawSteps, fixedSteps, ratioCurve, steps }: {
    rawSteps: readonly number[];
    fixedSteps: readonly number[];
    ratioCurve: readonly number[];
    steps: number;
  },
): string {
  const peak = ratioCurve.reduce((a, r, i) => (r > a.r ? { r, t: i + 1 } : a), {
    r: -Infinity,
    t: 0,
  });
  return `The uncorrected first step is ${num(rawSteps[0], 3)} η against ${
    num(fixedSteps[0], 3)
  } η with the correction; the ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) peaks at ${
    num(peak.r, 2)
  } at t = ${peak.t} and is ${num(ratioCurve.at(-1) as number, 2)} at t = ${steps}.`;
}
