/**
 * The momentum page's descriptions and summaries, word for word against the template literals the
 * page used to build inline (copied here verbatim as the oracle), over every surface, settings that
 * converge and that blow up, the race at its start, middle and end, and Adam's sliders' ends.
 */
import assert from "node:assert/strict";
import {
  adamPathDescription,
  adamReferenceSummary,
  adamStepsDescription,
  bestPairEnding,
  biasDescription,
  distanceDescription,
  momentumReferenceSummary,
  raceDescription,
  rateDescription,
  short,
  trajectoryDescription,
} from "../../../src/components/momentum/momentumText.ts";
import { divergedCaption } from "../../../src/components/momentum/trajectoryCaption.ts";
import { num, sciText, significant } from "../../../src/components/math.ts";
import { makeSurface, noiseSequence, SURFACE_KINDS } from "../../../src/compute/surfaces.ts";
import {
  ADAM_DEFAULTS,
  largestGap,
  runOptimizer,
  type Trajectory,
  uncorrectedStepRatio,
} from "../../../src/compute/optimizers.ts";
import {
  logGrid,
  quadraticRate,
  stableStepLimit,
} from "../../../src/compute/momentum/quadraticRate.ts";
import { distancesTo, rateFloor, stepSizes } from "../../../src/compute/momentum/pathStats.ts";
import {
  type DivergenceReport,
  divergenceReport,
} from "../../../src/compute/momentum/divergence.ts";
import { biasMonteCarlo, biasSample } from "../../../src/compute/momentum/bias.ts";
import { adamSpec } from "../../../src/compute/momentum/liveReference.ts";
import {
  ADAM_PROBLEM,
  ADAM_START,
  ADAM_STEPS,
} from "../../../src/compute/momentum/pageProblems.ts";

Deno.test("bestPairEnding(surface) for every surface", () => {
  for (const surface of SURFACE_KINDS) {
    assert.equal(
      bestPairEnding(surface),
      surface === "rosenbrock"
        ? ". On the Rosenbrock valley these are the numbers of its quadratic model at the minimum, and the button is off: from the default start the pair diverges, because the valley is steeper there"
        : ": the button above sets it",
    );
  }
});

Deno.test("momentumReferenceSummary(f, steps) and adamReferenceSummary(f, steps): finished, blown up, stopped", () => {
  for (const steps of [10, 100, 500]) {
    for (
      const f of [{ backend: "webgpu", stepsDone: steps, gap: 3.2e-7 }, {
        backend: "wasm",
        stepsDone: 7,
        gap: 0.12,
      }, { stopped: true, stepsDone: 4, gap: 0 }]
    ) {
      assert.equal(
        momentumReferenceSummary(f, steps),
        f.stopped
          ? `Stopped after ${f.stepsDone} of ${steps} tfjs steps.`
          : `tfjs (${f.backend}, float32) took ${f.stepsDone} steps${
            f.stepsDone < steps ? " before the run blew up" : ""
          }; it never strays more than ${sciText(f.gap, 2)} from the Float64 momentum path.`,
      );
      assert.equal(
        adamReferenceSummary(f, steps),
        f.stopped
          ? `Stopped after ${f.stepsDone} of ${steps} tfjs steps.`
          : `tf.train.adam (${f.backend}, float32) took ${f.stepsDone} steps and never strays more than ${
            sciText(f.gap, 2)
          } from our Float64 Adam with the correction.`,
      );
    }
  }
});

// Defaults, the sliders' ends, a step that blows momentum up but not gradient descent, and one that blows up both.
const CASES = [
  { kappa: 50, noise: 0.3, seed: 1, beta: 0.9, step: 1, steps: 100, x0: -1.8, y0: 2.5 },
  { kappa: 1, noise: 0, seed: 0, beta: 0, step: 0.01, steps: 10, x0: -2, y0: -1 },
  { kappa: 200, noise: 1, seed: 100, beta: 0.99, step: 4, steps: 500, x0: 2, y0: 3 },
  { kappa: 20, noise: 0.5, seed: 7, beta: 0.9, step: 3.9, steps: 200, x0: 1.2, y0: -0.4 },
  { kappa: 10, noise: 0, seed: 3, beta: 0.5, step: 0.3, steps: 60, x0: 0.5, y0: 2 },
];

Deno.test("trajectoryDescription, distanceDescription, rateDescription and raceDescription over every surface", () => {
  let diverged = 0, converged = 0;
  for (const surface of SURFACE_KINDS) {
    for (const { kappa, noise, seed, beta, step, steps, x0, y0 } of CASES) {
      const shape = makeSurface({ kind: surface, kappa, noise: 0, seed: 0 });
      const surf = makeSurface({ kind: surface, kappa, noise, seed });
      const start = [x0, y0] as const;
      const xi = surf.noise > 0 ? noiseSequence(seed, steps) : undefined;
      const momentumRun = runOptimizer(surf, { kind: "momentum", alpha: beta, epsilon: step }, {
        start,
        steps,
        noise: xi,
      });
      const averageRun = runOptimizer(surf, { kind: "average", beta, delta: step / (1 - beta) }, {
        start,
        steps,
        noise: xi,
      });
      const gdRun = runOptimizer(surf, { kind: "sgd", epsilon: step }, { start, steps, noise: xi });
      const formsGap = largestGap(momentumRun, averageRun);
      const closedRate = quadraticRate(shape.eigenvalues, beta, step);
      const runs = { surf, momentumRun, averageRun, gdRun, beta, step, start, formsGap };
      const endOf = (run: Trajectory) =>
        `(${num(run.x[run.stepsDone], 3)}, ${num(run.y[run.stepsDone], 3)})`;
      assert.equal(
        trajectoryDescription(runs),
        momentumRun.diverged
          ? divergedCaption(divergenceReport(surf, momentumRun, beta, step) as DivergenceReport, {
            beta,
            epsilon: step,
            together: averageRun.diverged && averageRun.stepsDone === momentumRun.stepsDone,
          })
          : `From (${x0}, ${y0}) momentum and the running average both reach ${
            endOf(momentumRun)
          } after ${momentumRun.stepsDone} steps, ${
            num(distancesTo(momentumRun, surf.minimum).at(-1) as number, 3)
          } from the minimum, and never differ by more than ${
            sciText(formsGap, 2)
          }; gradient descent with the same step ends at ${endOf(gdRun)}${
            gdRun.diverged ? " before it blows up" : ""
          }.`,
      );
      if (momentumRun.diverged) diverged++;
      else converged++;
      assert.equal(
        distanceDescription(runs, surface, closedRate),
        `After ${momentumRun.stepsDone} steps momentum is ${
          num(distancesTo(momentumRun, surf.minimum).at(-1) as number, 4)
        } from the minimum and gradient descent ${
          num(distancesTo(gdRun, surf.minimum).at(-1) as number, 4)
        }${
          surface === "rosenbrock"
            ? ""
            : `; the dashed line falls by the closed-form rate ${num(closedRate, 4)} per step`
        }.`,
      );
      const rateCurveNow = logGrid(0.01, 4, 121).map((epsilon) => ({
        epsilon,
        rate: quadraticRate(shape.eigenvalues, beta, epsilon),
      }));
      const floor = rateFloor(rateCurveNow);
      const stepLimit = stableStepLimit(shape.eigenvalues, beta);
      const localNote = surface === "rosenbrock"
        ? " (the Rosenbrock's quadratic model at its minimum)"
        : "";
      const measuredCount = 13;
      assert.equal(
        rateDescription({ beta, localNote, floor, stepLimit, measuredCount, closedRate }),
        `For β = ${short(beta)} the closed-form rate${localNote} is lowest, ${
          num(floor.rate, 3)
        }, ${
          floor.from === floor.to
            ? `at ε = ${short(floor.from)}`
            : `for ε from ${short(floor.from)} to ${short(floor.to)}`
        }, and passes 1 at ε = ${
          short(stepLimit)
        }; rates measured from runs at ${measuredCount} step sizes sit on the curve, and your setting has ρ = ${
          num(closedRate, 3)
        }.`,
      );
      const adamRace = runOptimizer(surf, {
        kind: "adam",
        learningRate: 0.05,
        ...ADAM_DEFAULTS,
        correct: true,
      }, { start, steps, noise: xi });
      const racers = [{ name: "SGD", run: gdRun }, { name: "momentum", run: momentumRun }, {
        name: "Adam",
        run: adamRace,
      }];
      for (const raceStep of [0, 1, Math.floor(steps / 2), steps]) {
        const shown = (run: Trajectory) => Math.min(raceStep, run.stepsDone);
        const leader = racers.reduce((
          a,
          b,
        ) => (b.run.loss[shown(b.run)] < a.run.loss[shown(a.run)] ? b : a));
        assert.equal(
          raceDescription(racers, raceStep, steps),
          `At step ${raceStep} of ${steps}: ${
            racers.map(({ name, run }) =>
              `${name} at loss ${significant(run.loss[shown(run)], 2)}${
                run.diverged && raceStep > run.stepsDone ? " (blew up)" : ""
              }`
            )
              .join(", ")
          }${raceStep === 0 ? "; all three start together." : `; ${leader.name} leads.`}`,
        );
      }
    }
  }
  assert.ok(diverged > 0 && converged > 0, `diverged ${diverged}, converged ${converged}`);
});

Deno.test("biasDescription(rows, settings) over the bias sliders", () => {
  const draws = 200;
  const normals = biasSample(3, draws, 100);
  for (const [beta, sigma, horizon] of [[0.9, 1, 60], [0, 0, 5], [0.99, 3, 100], [0.5, 0.7, 35]]) {
    const rows = biasMonteCarlo(normals, { beta, mean: 1, sigma, horizon });
    assert.equal(
      biasDescription(rows, { draws, beta, sigma, horizon }),
      `Over ${draws} draws with β = ${beta} and σ = ${sigma}, the raw average's mean starts at ${
        num(rows[0].rawMean, 3)
      } (closed form ${num(rows[0].theory, 3)}) and reaches ${
        num(rows.at(-1)!.rawMean, 3)
      } at t = ${horizon}; the corrected average's mean stays near 1, from ${
        num(rows[0].correctedMean, 3)
      } at t = 1.`,
    );
  }
});

Deno.test("adamPathDescription and adamStepsDescription over Adam's sliders", () => {
  const adamSurface = makeSurface(ADAM_PROBLEM);
  for (
    const [beta1, beta2, eta] of [[0.9, 0.999, 0.1], [0, 0, 0.001], [0.99, 0.999, 0.5], [
      0.5,
      0.9,
      0.05,
    ]]
  ) {
    const adamFixed = runOptimizer(adamSurface, adamSpec({ beta1, beta2, eta }, true), {
      start: ADAM_START,
      steps: ADAM_STEPS,
    });
    const adamRaw = runOptimizer(adamSurface, adamSpec({ beta1, beta2, eta }, false), {
      start: ADAM_START,
      steps: ADAM_STEPS,
    });
    const adamEnd = (run: Trajectory) =>
      Math.hypot(
        run.x[run.stepsDone] - adamSurface.minimum[0],
        run.y[run.stepsDone] - adamSurface.minimum[1],
      );
    assert.equal(
      adamPathDescription({
        beta1,
        beta2,
        eta,
        fixed: adamFixed,
        raw: adamRaw,
        minimum: adamSurface.minimum,
      }),
      `With β₁ = ${beta1}, β₂ = ${beta2} and η = ${short(eta)}, the corrected Adam ends ${
        num(adamEnd(adamFixed), 3)
      } from the minimum after ${adamFixed.stepsDone} steps and the uncorrected one ${
        num(adamEnd(adamRaw), 3)
      }${adamRaw.diverged ? ", after blowing up" : ""}.`,
    );
    const relativeSteps = (run: Trajectory) => stepSizes(run, eta);
    const ratioCurve = Array.from(
      { length: ADAM_STEPS },
      (_, i) => uncorrectedStepRatio(beta1, beta2, i + 1),
    );
    const ratioPeak = ratioCurve.reduce((a, r, i) => (r > a.r ? { r, t: i + 1 } : a), {
      r: -Infinity,
      t: 0,
    });
    assert.equal(
      adamStepsDescription({
        rawSteps: relativeSteps(adamRaw),
        fixedSteps: relativeSteps(adamFixed),
        ratioCurve,
        steps: ADAM_STEPS,
      }),
      `The uncorrected first step is ${num(relativeSteps(adamRaw)[0], 3)} η against ${
        num(relativeSteps(adamFixed)[0], 3)
      } η with the correction; the ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) peaks at ${
        num(ratioPeak.r, 2)
      } at t = ${ratioPeak.t} and is ${num(ratioCurve.at(-1)!, 2)} at t = ${ADAM_STEPS}.`,
    );
  }
});
