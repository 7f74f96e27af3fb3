/**
 * The momentum page's descriptions and summaries against golden texts computed once from the page's
 * code and written out here: every surface, runs that converge and that blow up, the race at its
 * start, middle and end, Adam's and the bias sliders' ends. Every number is printed in full, so a
 * 2 % change shows (mutation-checked on distanceDescription's distances).
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
  trajectoryDescription,
} from "../../../src/components/momentum/momentumText.ts";
import {
  makeSurface,
  noiseSequence,
  SURFACE_KINDS,
  type SurfaceKind,
} from "../../../src/compute/surfaces.ts";
import {
  ADAM_DEFAULTS,
  largestGap,
  runOptimizer,
  uncorrectedStepRatio,
} from "../../../src/compute/optimizers.ts";
import {
  logGrid,
  quadraticRate,
  stableStepLimit,
} from "../../../src/compute/momentum/quadraticRate.ts";
import { rateFloor, stepSizes } from "../../../src/compute/momentum/pathStats.ts";
import { biasMonteCarlo, biasSample } from "../../../src/compute/momentum/bias.ts";
import {
  ADAM_PROBLEM,
  ADAM_START,
  ADAM_STEPS,
  adamSpec,
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

/** [momentum, Adam] summaries at 100 steps: finished, blown up after 7, stopped after 4. */
const SUMMARIES = [
  [
    "tfjs (webgpu, float32) took 100 steps; it never strays more than 3.2 × 10⁻⁷ from the Float64 momentum path.",
    "tf.train.adam (webgpu, float32) took 100 steps and never strays more than 3.2 × 10⁻⁷ from our Float64 Adam with the correction.",
  ],
  [
    "tfjs (wasm, float32) took 7 steps before the run blew up; it never strays more than 1.2 × 10⁻¹ from the Float64 momentum path.",
    "tf.train.adam (wasm, float32) took 7 steps and never strays more than 1.2 × 10⁻¹ from our Float64 Adam with the correction.",
  ],
  ["Stopped after 4 of 100 tfjs steps.", "Stopped after 4 of 100 tfjs steps."],
];

Deno.test("momentumReferenceSummary(f, steps) and adamReferenceSummary(f, steps): finished, blown up, stopped", () => {
  const reports = [
    { backend: "webgpu", stepsDone: 100, gap: 3.2e-7 },
    { backend: "wasm", stepsDone: 7, gap: 0.12 },
    { stopped: true, stepsDone: 4, gap: 0 },
  ];
  reports.forEach((f, k) => {
    assert.equal(momentumReferenceSummary(f, 100), SUMMARIES[k][0]);
    assert.equal(adamReferenceSummary(f, 100), SUMMARIES[k][1]);
  });
});

// Defaults, the sliders' ends, a step that blows momentum up but not gradient descent, and one that blows up both.
const CASES = [
  { kappa: 50, noise: 0.3, seed: 1, beta: 0.9, step: 1, steps: 100, x0: -1.8, y0: 2.5 },
  { kappa: 1, noise: 0, seed: 0, beta: 0, step: 0.01, steps: 10, x0: -2, y0: -1 },
  { kappa: 200, noise: 1, seed: 100, beta: 0.99, step: 4, steps: 500, x0: 2, y0: 3 },
  { kappa: 20, noise: 0.5, seed: 7, beta: 0.9, step: 3.9, steps: 200, x0: 1.2, y0: -0.4 },
  { kappa: 10, noise: 0, seed: 3, beta: 0.5, step: 0.3, steps: 60, x0: 0.5, y0: 2 },
];

/**
 * Golden texts for every surface, converging and blowing up, the rate floor at one step size and
 * over a range; the race at steps 0, half way and the end.
 */
const GOLDEN_RUNS: {
  surface: SurfaceKind;
  setting: (typeof CASES)[number];
  diverged: boolean;
  trajectory: string;
  distance: string;
  rate: string;
  race: string[];
}[] = [
  {
    surface: "quadratic",
    setting: CASES[0],
    diverged: false,
    trajectory:
      "From (-1.8, 2.5) momentum and the running average both reach (-0.008, 1.002) after 100 steps, 0.008 from the minimum, and never differ by more than 5.6 × 10⁻¹⁶; gradient descent with the same step ends at (-0.239, 1.000).",
    distance:
      "After 100 steps momentum is 0.0079 from the minimum and gradient descent 0.2387; the dashed line falls by the closed-form rate 0.9487 per step.",
    rate:
      "For β = 0.9 the closed-form rate is lowest, 0.949, for ε from 0.134 to 3.62, and passes 1 at ε = 3.8; rates measured from runs at 13 step sizes sit on the curve, and your setting has ρ = 0.949.",
    race: [
      "At step 0 of 100: SGD at loss 1.2, momentum at loss 1.2, Adam at loss 1.2; all three start together.",
      "At step 50 of 100: SGD at loss 0.0043, momentum at loss 0.003, Adam at loss 0.0036; momentum leads.",
      "At step 100 of 100: SGD at loss 5.7 × 10⁻⁴, momentum at loss 2.6 × 10⁻⁶, Adam at loss 4.7 × 10⁻⁵; momentum leads.",
    ],
  },
  {
    surface: "quadratic",
    setting: CASES[1],
    diverged: false,
    trajectory:
      "From (-2, -1) momentum and the running average both reach (-1.809, -0.809) after 10 steps, 2.558 from the minimum, and never differ by more than 0.0; gradient descent with the same step ends at (-1.809, -0.809).",
    distance:
      "After 10 steps momentum is 2.5580 from the minimum and gradient descent 2.5580; the dashed line falls by the closed-form rate 0.9900 per step.",
    rate:
      "For β = 0 the closed-form rate is lowest, 0.012, at ε = 0.988, and passes 1 at ε = 2; rates measured from runs at 13 step sizes sit on the curve, and your setting has ρ = 0.990.",
    race: [
      "At step 0 of 10: SGD at loss 4, momentum at loss 4, Adam at loss 4; all three start together.",
      "At step 5 of 10: SGD at loss 3.6, momentum at loss 3.6, Adam at loss 3.1; Adam leads.",
      "At step 10 of 10: SGD at loss 3.3, momentum at loss 3.3, Adam at loss 2.3; Adam leads.",
    ],
  },
  {
    surface: "rosenbrock",
    setting: CASES[0],
    diverged: false,
    trajectory:
      "From (-1.8, 2.5) momentum and the running average both reach (0.591, 0.350) after 100 steps, 0.768 from the minimum, and never differ by more than 1.8 × 10⁻¹⁵; gradient descent with the same step ends at (-1.436, 2.071).",
    distance: "After 100 steps momentum is 0.7682 from the minimum and gradient descent 2.6615.",
    rate:
      "For β = 0.9 the closed-form rate (the Rosenbrock's quadratic model at its minimum) is lowest, 0.983, at ε = 3.62, and passes 1 at ε = 3.8; rates measured from runs at 13 step sizes sit on the curve, and your setting has ρ = 0.996.",
    race: [
      "At step 0 of 100: SGD at loss 0.062, momentum at loss 0.062, Adam at loss 0.062; all three start together.",
      "At step 50 of 100: SGD at loss 0.0061, momentum at loss 9.6 × 10⁻⁴, Adam at loss 0.007; momentum leads.",
      "At step 100 of 100: SGD at loss 0.0059, momentum at loss 1.7 × 10⁻⁴, Adam at loss 0.0066; momentum leads.",
    ],
  },
  {
    surface: "rosenbrock",
    setting: CASES[3],
    diverged: true,
    trajectory:
      "With ε = 3.9 and β = 0.9 the path runs away: momentum and the running average leave the chart together, a coordinate passing 10⁶ at step 4. The bound 2(1 + β)/λ_max = 3.8 belongs to the valley's quadratic model at its minimum (ε is above it), not to this path. The valley is steeper away from its minimum: at step 0, at (1.20, -0.40), its largest curvature is 2.01, where the same bound would be ε < 1.89.",
    distance: "After 3 steps momentum is 903.3588 from the minimum and gradient descent 2409.7224.",
    rate:
      "For β = 0.9 the closed-form rate (the Rosenbrock's quadratic model at its minimum) is lowest, 0.983, at ε = 3.62, and passes 1 at ε = 3.8; rates measured from runs at 13 step sizes sit on the curve, and your setting has ρ = 1.316.",
    race: [
      "At step 0 of 200: SGD at loss 0.34, momentum at loss 0.34, Adam at loss 0.34; all three start together.",
      "At step 100 of 200: SGD at loss 3.3 × 10¹² (blew up), momentum at loss 6.6 × 10¹⁰ (blew up), Adam at loss 2.9 × 10⁻⁴; Adam leads.",
      "At step 200 of 200: SGD at loss 3.3 × 10¹² (blew up), momentum at loss 6.6 × 10¹⁰ (blew up), Adam at loss 2.6 × 10⁻⁴; Adam leads.",
    ],
  },
  {
    surface: "noisy",
    setting: CASES[0],
    diverged: false,
    trajectory:
      "From (-1.8, 2.5) momentum and the running average both reach (2.295, -0.841) after 100 steps, 2.942 from the minimum, and never differ by more than 1.5 × 10⁻¹⁵; gradient descent with the same step ends at (-1.410, 0.585).",
    distance:
      "After 100 steps momentum is 2.9425 from the minimum and gradient descent 1.4701; the dashed line falls by the closed-form rate 0.9487 per step.",
    rate:
      "For β = 0.9 the closed-form rate is lowest, 0.949, for ε from 0.134 to 3.62, and passes 1 at ε = 3.8; rates measured from runs at 13 step sizes sit on the curve, and your setting has ρ = 0.949.",
    race: [
      "At step 0 of 100: SGD at loss 1.2, momentum at loss 1.2, Adam at loss 1.2; all three start together.",
      "At step 50 of 100: SGD at loss 0.0022, momentum at loss 0.11, Adam at loss 0.018; SGD leads.",
      "At step 100 of 100: SGD at loss 0.11, momentum at loss 1.7, Adam at loss 0.025; Adam leads.",
    ],
  },
  {
    surface: "noisy",
    setting: CASES[2],
    diverged: true,
    trajectory:
      "With ε = 4 and β = 0.99 the error along the steep direction grows geometrically: momentum and the running average leave the chart together, a coordinate passing 10⁶ at step 76, because ε is above 2(1 + β)/λ_max = 3.98.",
    distance:
      "After 75 steps momentum is 884347.6974 from the minimum and gradient descent 689418.8081; the dashed line falls by the closed-form rate 1.1465 per step.",
    rate:
      "For β = 0.99 the closed-form rate is lowest, 0.995, for ε from 0.01 to 3.81, and passes 1 at ε = 3.98; rates measured from runs at 13 step sizes sit on the curve, and your setting has ρ = 1.147.",
    race: [
      "At step 0 of 500: SGD at loss 2, momentum at loss 2, Adam at loss 2; all three start together.",
      "At step 250 of 500: SGD at loss 2.4 × 10¹¹ (blew up), momentum at loss 3.9 × 10¹¹ (blew up), Adam at loss 0.007; Adam leads.",
      "At step 500 of 500: SGD at loss 2.4 × 10¹¹ (blew up), momentum at loss 3.9 × 10¹¹ (blew up), Adam at loss 0.0071; Adam leads.",
    ],
  },
];

Deno.test("trajectoryDescription, distanceDescription, rateDescription and raceDescription: golden texts on every surface, converging and blowing up", () => {
  for (const { surface, setting, diverged, trajectory, distance, rate, race } of GOLDEN_RUNS) {
    const { kappa, noise, seed, beta, step, steps, x0, y0 } = setting;
    const shape = makeSurface({ kind: surface, kappa, noise: 0, seed: 0 });
    const surf = makeSurface({ kind: surface, kappa, noise, seed });
    const start = [x0, y0] as const;
    const xi = surf.noise > 0 ? noiseSequence(seed, steps) : undefined;
    const run = (spec: Parameters<typeof runOptimizer>[1]) =>
      runOptimizer(surf, spec, { start, steps, noise: xi });
    const momentumRun = run({ kind: "momentum", alpha: beta, epsilon: step });
    const averageRun = run({ kind: "average", beta, delta: step / (1 - beta) });
    const gdRun = run({ kind: "sgd", epsilon: step });
    const formsGap = largestGap(momentumRun, averageRun);
    const closedRate = quadraticRate(shape.eigenvalues, beta, step);
    const runs = { surf, momentumRun, averageRun, gdRun, beta, step, start, formsGap };
    const where = `${surface} ${JSON.stringify(setting)}`;
    assert.equal(momentumRun.diverged, diverged, where);
    assert.equal(trajectoryDescription(runs), trajectory, where);
    assert.equal(distanceDescription(runs, surface, closedRate), distance, where);
    const floor = rateFloor(
      logGrid(0.01, 4, 121).map((epsilon) => ({
        epsilon,
        rate: quadraticRate(shape.eigenvalues, beta, epsilon),
      })),
    );
    const stepLimit = stableStepLimit(shape.eigenvalues, beta);
    const localNote = surface === "rosenbrock"
      ? " (the Rosenbrock's quadratic model at its minimum)"
      : "";
    assert.equal(
      rateDescription({ beta, localNote, floor, stepLimit, measuredCount: 13, closedRate }),
      rate,
      where,
    );
    const adamRace = run({ kind: "adam", learningRate: 0.05, ...ADAM_DEFAULTS, correct: true });
    const racers = [
      { name: "SGD", run: gdRun },
      { name: "momentum", run: momentumRun },
      { name: "Adam", run: adamRace },
    ];
    [0, Math.floor(steps / 2), steps].forEach((raceStep, k) =>
      assert.equal(raceDescription(racers, raceStep, steps), race[k], `${where} step ${raceStep}`)
    );
  }
  const outcomes = GOLDEN_RUNS.map((g) => g.diverged);
  assert.ok(outcomes.includes(true) && outcomes.includes(false));
  assert.deepEqual(new Set(GOLDEN_RUNS.map((g) => g.surface)), new Set(SURFACE_KINDS));
});

/** Over 200 draws of the same normals, at the bias sliders' defaults and ends. */
const BIAS = [
  {
    beta: 0.9,
    sigma: 1,
    horizon: 60,
    text:
      "Over 200 draws with β = 0.9 and σ = 1, the raw average's mean starts at 0.093 (closed form 0.100) and reaches 1.005 at t = 60; the corrected average's mean stays near 1, from 0.928 at t = 1.",
  },
  {
    beta: 0,
    sigma: 0,
    horizon: 5,
    text:
      "Over 200 draws with β = 0 and σ = 0, the raw average's mean starts at 1.000 (closed form 1.000) and reaches 1.000 at t = 5; the corrected average's mean stays near 1, from 1.000 at t = 1.",
  },
  {
    beta: 0.99,
    sigma: 3,
    horizon: 100,
    text:
      "Over 200 draws with β = 0.99 and σ = 3, the raw average's mean starts at 0.008 (closed form 0.010) and reaches 0.632 at t = 100; the corrected average's mean stays near 1, from 0.784 at t = 1.",
  },
  {
    beta: 0.5,
    sigma: 0.7,
    horizon: 35,
    text:
      "Over 200 draws with β = 0.5 and σ = 0.7, the raw average's mean starts at 0.475 (closed form 0.500) and reaches 0.984 at t = 35; the corrected average's mean stays near 1, from 0.950 at t = 1.",
  },
];

Deno.test("biasDescription(rows, settings): golden texts over the bias sliders", () => {
  const draws = 200;
  const normals = biasSample(3, draws, 100);
  for (const { beta, sigma, horizon, text } of BIAS) {
    const rows = biasMonteCarlo(normals, { beta, mean: 1, sigma, horizon });
    assert.equal(biasDescription(rows, { draws, beta, sigma, horizon }), text);
  }
});

/** Adam's path and step texts at the sliders' defaults and ends. */
const ADAM = [
  {
    beta1: 0.9,
    beta2: 0.999,
    eta: 0.1,
    path:
      "With β₁ = 0.9, β₂ = 0.999 and η = 0.1, the corrected Adam ends 0.145 from the minimum after 100 steps and the uncorrected one 0.245.",
    steps:
      "The uncorrected first step is 3.162 η against 1.000 η with the correction; the ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) peaks at 6.57 at t = 12 and is 3.24 at t = 100.",
  },
  {
    beta1: 0,
    beta2: 0,
    eta: 0.001,
    path:
      "With β₁ = 0, β₂ = 0 and η = 0.001, the corrected Adam ends 2.207 from the minimum after 100 steps and the uncorrected one 2.207.",
    steps:
      "The uncorrected first step is 1.000 η against 1.000 η with the correction; the ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) peaks at 1.00 at t = 1 and is 1.00 at t = 100.",
  },
  {
    beta1: 0.99,
    beta2: 0.999,
    eta: 0.5,
    path:
      "With β₁ = 0.99, β₂ = 0.999 and η = 0.5, the corrected Adam ends 0.672 from the minimum after 100 steps and the uncorrected one 0.438.",
    steps:
      "The uncorrected first step is 0.316 η against 1.000 η with the correction; the ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) peaks at 2.05 at t = 100 and is 2.05 at t = 100.",
  },
  {
    beta1: 0.5,
    beta2: 0.9,
    eta: 0.05,
    path:
      "With β₁ = 0.5, β₂ = 0.9 and η = 0.05, the corrected Adam ends 0.145 from the minimum after 100 steps and the uncorrected one 0.138.",
    steps:
      "The uncorrected first step is 1.581 η against 1.000 η with the correction; the ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) peaks at 1.72 at t = 2 and is 1.00 at t = 100.",
  },
];

Deno.test("adamPathDescription and adamStepsDescription: golden texts over Adam's sliders", () => {
  const adamSurface = makeSurface(ADAM_PROBLEM);
  for (const { beta1, beta2, eta, path, steps } of ADAM) {
    const run = (correct: boolean) =>
      runOptimizer(adamSurface, adamSpec({ beta1, beta2, eta }, correct), {
        start: ADAM_START,
        steps: ADAM_STEPS,
      });
    const [fixed, raw] = [run(true), run(false)];
    assert.equal(
      adamPathDescription({ beta1, beta2, eta, fixed, raw, minimum: adamSurface.minimum }),
      path,
    );
    const ratioCurve = Array.from(
      { length: ADAM_STEPS },
      (_, i) => uncorrectedStepRatio(beta1, beta2, i + 1),
    );
    assert.equal(
      adamStepsDescription({
        rawSteps: stepSizes(raw, eta),
        fixedSteps: stepSizes(fixed, eta),
        ratioCurve,
        steps: ADAM_STEPS,
      }),
      steps,
    );
  }
});
