import assert from "node:assert/strict";
import { makeSurface, SURFACE_KINDS, type SurfaceSpec } from "../../src/compute/surfaces.ts";
import {
  ADAM_PAGE_STEP,
  ADAM_PROBLEM,
  ADAM_START,
  ADAM_STEPS,
} from "../../src/compute/momentum/pageProblems.ts";
import {
  applyGradients,
  averageFromMomentum,
  largestGap,
  momentumFromAverage,
  type OptimizerSpec,
  runOptimizer,
  stepLengths,
  uncorrectedStepRatio,
} from "../../src/compute/optimizers.ts";

const surfaceSpec = (kind: SurfaceSpec["kind"]): SurfaceSpec => ({
  kind,
  kappa: 50,
  noise: 0.3,
  seed: 7,
});

/**
 * Pairs (β, δ) for the equality test: small and large β, β = 0 (plain SGD), and the quadratic's
 * optimal pair for κ = 50 (β ≈ 0.566, ε ≈ 3.07), each from three start points.
 */
const PAIRS: [number, number][] = [[0, 1], [0.5, 2], [0.9, 10], [0.99, 50], [
  0.5658,
  3.07 / (1 - 0.5658),
]];
const STARTS: [number, number][] = [[-1.8, 2.5], [1.9, -0.9], [-0.5, 0.2]];

/**
 * Rounding differs between the two forms (one multiplies the velocity by δ every step, the other
 * folds δ(1 − β) into it), and the largest gap seen over these cases is 5e-14 (the Rosenbrock at
 * β = 0.99). 1e-12 sits above that and eleven orders of magnitude below what a 2 % change of
 * ε does to the same runs (at least 0.02).
 */
const ROUNDING = 1e-12;

Deno.test("runOptimizer(surface, average(β, δ)) equals runOptimizer(surface, momentum(α = β, ε = δ(1 − β))) to rounding over 100 steps", () => {
  for (const kind of SURFACE_KINDS) {
    const surface = makeSurface(surfaceSpec(kind));
    for (const [beta, delta] of PAIRS) {
      for (const start of STARTS) {
        const average = runOptimizer(surface, { kind: "average", beta, delta }, {
          start,
          steps: 100,
        });
        const { alpha, epsilon } = momentumFromAverage(beta, delta);
        const momentum = runOptimizer(surface, { kind: "momentum", alpha, epsilon }, {
          start,
          steps: 100,
        });
        const what = `${kind}, β = ${beta}, δ = ${delta}, start (${start})`;
        if (average.diverged) {
          assert.ok(momentum.diverged, what);
          continue;
        }
        assert.equal(average.stepsDone, 100, what);
        assert.equal(momentum.stepsDone, 100, what);
        const gap = largestGap(average, momentum);
        assert.ok(gap <= ROUNDING, `${what}: gap ${gap}`);
        // A 2 % error in the step the map gives must show (the mutation check of this tolerance).
        const off = runOptimizer(surface, { kind: "momentum", alpha, epsilon: 1.02 * epsilon }, {
          start,
          steps: 100,
        });
        assert.ok(largestGap(average, off) > 1e3 * ROUNDING, `${what}: a 2 % error passes`);
      }
    }
  }
});

Deno.test("runOptimizer(momentum): each step is Δθₜ = αΔθₜ₋₁ − εgₜ (the recursion behind the equivalence)", () => {
  const surface = makeSurface({ ...surfaceSpec("quadratic") });
  const [alpha, epsilon] = [0.8, 0.7];
  const run = runOptimizer(surface, { kind: "momentum", alpha, epsilon }, {
    start: [-1.8, 2.5],
    steps: 30,
  });
  const g = new Float64Array(2);
  for (let t = 2; t <= 30; t++) {
    surface.gradient(run.x[t - 1], run.y[t - 1], g);
    const want = alpha * (run.x[t - 1] - run.x[t - 2]) - epsilon * g[0];
    assert.ok(Math.abs(run.x[t] - run.x[t - 1] - want) < 1e-14, `step ${t}`);
  }
});

Deno.test("momentumFromAverage(β, δ) = (β, δ(1 − β)) and averageFromMomentum inverts it", () => {
  assert.deepEqual(momentumFromAverage(0.9, 10), { alpha: 0.9, epsilon: 10 * (1 - 0.9) });
  const back = averageFromMomentum(0.9, 1);
  assert.equal(back.beta, 0.9);
  assert.ok(Math.abs(back.delta - 10) < 1e-12);
});

Deno.test("runOptimizer on a noisy surface: every optimiser meets the same noise, and a seed repeats its run", () => {
  const surface = makeSurface(surfaceSpec("noisy"));
  const start: [number, number] = [-1.8, 2.5];
  const a = runOptimizer(surface, { kind: "sgd", epsilon: 0.5 }, { start, steps: 20 });
  const b = runOptimizer(surface, { kind: "sgd", epsilon: 0.5 }, { start, steps: 20 });
  assert.deepEqual([...a.x], [...b.x]);
  const other = runOptimizer(makeSurface({ ...surfaceSpec("noisy"), seed: 8 }), {
    kind: "sgd",
    epsilon: 0.5,
  }, { start, steps: 20 });
  assert.notDeepEqual([...a.x], [...other.x]);
  // Noise-free twin: the first step differs by exactly ε·σ·ξ₁.
  const clean = runOptimizer(makeSurface(surfaceSpec("quadratic")), { kind: "sgd", epsilon: 0.5 }, {
    start,
    steps: 1,
  });
  assert.ok(Math.abs(a.x[1] - clean.x[1]) > 0);
});

Deno.test("runOptimizer: a step beyond the stable range diverges and stops with finite positions", () => {
  const surface = makeSurface(surfaceSpec("quadratic"));
  // On the quadratic, λ_max = 1: ε = 5 > 2(1 + 0.5) makes the steep direction grow.
  const run = runOptimizer(surface, { kind: "momentum", alpha: 0.5, epsilon: 5 }, {
    start: [-1.8, 2.5],
    steps: 500,
  });
  assert.ok(run.diverged);
  assert.ok(run.stepsDone < 100);
  assert.ok(run.x.every(Number.isFinite) && run.y.every(Number.isFinite));
});

Deno.test("applyGradients(spec, start, gradients) is the update rule of runOptimizer, open loop", () => {
  const surface = makeSurface(surfaceSpec("rosenbrock"));
  const spec: OptimizerSpec = {
    kind: "adam",
    learningRate: 0.05,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
    correct: true,
  };
  const run = runOptimizer(surface, spec, { start: [-1.8, 2.5], steps: 40 });
  const gradients: number[] = [];
  const g = new Float64Array(2);
  for (let t = 0; t < 40; t++) {
    surface.gradient(run.x[t], run.y[t], g);
    gradients.push(g[0], g[1]);
  }
  const open = applyGradients(spec, [-1.8, 2.5], gradients);
  assert.deepEqual([...open.x], [...run.x]);
  assert.deepEqual([...open.y], [...run.y]);
});

Deno.test("runOptimizer(adam) with g ≡ const: the corrected first step is η, the uncorrected one η(1 − β₁)/√(1 − β₂)", () => {
  const steps = (correct: boolean, beta1: number, beta2: number) => {
    const spec: OptimizerSpec = {
      kind: "adam",
      learningRate: 0.01,
      beta1,
      beta2,
      epsilon: 1e-12,
      correct,
    };
    return applyGradients(spec, [0, 0], new Array(20).fill(0.5));
  };
  for (const [b1, b2] of [[0.9, 0.999], [0.99, 0.9]]) {
    const fixed = steps(true, b1, b2);
    const raw = steps(false, b1, b2);
    // ϵ = 1e-12 against √s ≥ 0.016 moves the steps by less than 1e-9 relative.
    assert.ok(Math.abs(-fixed.x[1] / 0.01 - 1) < 1e-9);
    assert.ok(Math.abs(-raw.x[1] / ((0.01 * (1 - b1)) / Math.sqrt(1 - b2)) - 1) < 1e-9);
    // Constant gradients: every corrected step is exactly η.
    const lengths = stepLengths({
      x: fixed.x,
      y: fixed.y,
      loss: fixed.x,
      stepsDone: 10,
      diverged: false,
    });
    for (const l of lengths) assert.ok(Math.abs(l / (0.01 * Math.SQRT2) - 1) < 1e-9);
  }
});

Deno.test("runOptimizer: bad settings throw RangeErrors naming β outside [0, 1), a step ≤ 0 and NaN", () => {
  const surface = makeSurface(surfaceSpec("quadratic"));
  const run = (spec: OptimizerSpec, start: [number, number] = [0, 0], steps = 10) => () =>
    runOptimizer(surface, spec, { start, steps });
  const cases: [() => unknown, RegExp][] = [
    [run({ kind: "average", beta: 1, delta: 1 }), /^β must be in \[0, 1\); got 1$/],
    [run({ kind: "average", beta: -0.1, delta: 1 }), /^β must be in \[0, 1\); got -0\.1$/],
    [run({ kind: "average", beta: NaN, delta: 1 }), /^β must be in \[0, 1\); got NaN$/],
    [run({ kind: "average", beta: 0.9, delta: 0 }), /^step δ must be a finite number > 0; got 0$/],
    [
      run({ kind: "momentum", alpha: 0.9, epsilon: -1 }),
      /^step ε must be a finite number > 0; got -1$/,
    ],
    [run({ kind: "sgd", epsilon: NaN }), /^step ε must be a finite number > 0; got NaN$/],
    [
      run({ kind: "adam", learningRate: 0.1, beta1: 0.9, beta2: 1, epsilon: 1e-8, correct: true }),
      /^β₂ must be in \[0, 1\); got 1$/,
    ],
    [run({ kind: "sgd", epsilon: 1 }, [3, 0]), /^start x must be in \[-2, 2\]; got 3$/],
    [run({ kind: "sgd", epsilon: 1 }, [0, NaN]), /^start\[1\] must be a finite number; got NaN$/],
    [
      run({ kind: "sgd", epsilon: 1 }, [0, 0], 0),
      /^steps must be an integer in \[1, 5000\]; got 0$/,
    ],
    [() => momentumFromAverage(1.5, 1), /^β must be in \[0, 1\); got 1\.5$/],
  ];
  for (const [fn, message] of cases) {
    assert.throws(
      fn,
      (e: unknown) => e instanceof RangeError && message.test(e.message),
      String(message),
    );
  }
});

Deno.test("uncorrectedStepRatio(β₁, β₂, t) is the uncorrected over the corrected Adam step under constant gradients", () => {
  const gradients = new Array(400).fill(0.7);
  for (const [b1, b2] of [[0.9, 0.999], [0.99, 0.9], [0.5, 0.5]]) {
    const spec = (correct: boolean): OptimizerSpec => ({
      kind: "adam",
      learningRate: 0.01,
      beta1: b1,
      beta2: b2,
      epsilon: 1e-14,
      correct,
    });
    const raw = applyGradients(spec(false), [0, 0], gradients);
    const fixed = applyGradients(spec(true), [0, 0], gradients);
    for (let t = 1; t <= 200; t++) {
      const ratio = (raw.x[t] - raw.x[t - 1]) / (fixed.x[t] - fixed.x[t - 1]);
      assert.ok(
        Math.abs(ratio / uncorrectedStepRatio(b1, b2, t) - 1) < 1e-9,
        `β = (${b1}, ${b2}), t = ${t}`,
      );
    }
  }
  // Too large with the usual (0.9, 0.999): 3.16 at t = 1, above 6 near t = 10; too small with (0.99, 0.9).
  assert.ok(Math.abs(uncorrectedStepRatio(0.9, 0.999, 1) - 0.1 / Math.sqrt(0.001)) < 1e-12);
  assert.ok(uncorrectedStepRatio(0.9, 0.999, 10) > 6);
  assert.ok(Math.abs(uncorrectedStepRatio(0.99, 0.9, 1) - 0.01 / Math.sqrt(0.1)) < 1e-12);
});

Deno.test("with ϵ > 0 the uncorrected/corrected Adam step is uncorrectedStepRatio times (√sₜ + ϵ√(1 − β₂ᵗ))/(√sₜ + ϵ), as the page says", () => {
  const g = 0.7;
  // (x, y) pairs: 100 steps.
  const gradients = new Array(200).fill(g);
  for (const epsilon of [0.5, 1e-3]) {
    const spec = (correct: boolean): OptimizerSpec => ({
      kind: "adam",
      learningRate: 0.01,
      beta1: 0.9,
      beta2: 0.999,
      epsilon,
      correct,
    });
    const raw = applyGradients(spec(false), [0, 0], gradients);
    const fixed = applyGradients(spec(true), [0, 0], gradients);
    for (let t = 1; t <= 100; t++) {
      const c2 = 1 - 0.999 ** t;
      // Constant gradients: the uncorrected second moment is sₜ = (1 − β₂ᵗ)g².
      const root = g * Math.sqrt(c2);
      const factor = (root + epsilon * Math.sqrt(c2)) / (root + epsilon);
      const ratio = (raw.x[t] - raw.x[t - 1]) / (fixed.x[t] - fixed.x[t - 1]);
      assert.ok(
        Math.abs(ratio / (uncorrectedStepRatio(0.9, 0.999, t) * factor) - 1) < 1e-9,
        `ϵ = ${epsilon}, t = ${t}: ${ratio} vs ${uncorrectedStepRatio(0.9, 0.999, t) * factor}`,
      );
      // Between √(1 − β₂ᵗ) and 1, and within ϵ/√sₜ of 1.
      assert.ok(factor >= Math.sqrt(c2) && factor <= 1 && 1 - factor <= epsilon / root);
    }
    // At ϵ = 0.5 the factor is far from 1 at the first step: the ratio alone would be wrong by 2 % and more.
    if (epsilon === 0.5) {
      const ratio1 = (raw.x[1] - raw.x[0]) / (fixed.x[1] - fixed.x[0]);
      assert.ok(Math.abs(ratio1 / uncorrectedStepRatio(0.9, 0.999, 1) - 1) > 0.02);
    }
  }
});

Deno.test("runOptimizer(adam) on ADAM_PROBLEM: with (0.9, 0.999) the uncorrected run jumps about more near the minimum; with (0.99, 0.9) it has not arrived after 100 steps", () => {
  const surface = makeSurface(ADAM_PROBLEM);
  const run = (beta1: number, beta2: number, correct: boolean) =>
    runOptimizer(surface, {
      kind: "adam",
      learningRate: ADAM_PAGE_STEP,
      beta1,
      beta2,
      epsilon: 1e-8,
      correct,
    }, { start: ADAM_START, steps: ADAM_STEPS });
  const distances = (r: ReturnType<typeof run>) =>
    Array.from(r.x, (x, t) => Math.hypot(x - surface.minimum[0], r.y[t] - surface.minimum[1]));
  const tail = (r: ReturnType<typeof run>) => distances(r).slice(-20).reduce((a, b) => a + b) / 20;
  // Too large: for constant gradients the uncorrected steps are over 3 times the corrected ones
  // for all 100 steps, and on the noisy problem its jitter near the minimum is over twice as large.
  for (let t = 1; t <= ADAM_STEPS; t++) assert.ok(uncorrectedStepRatio(0.9, 0.999, t) > 3);
  const fixed = run(0.9, 0.999, true);
  const raw = run(0.9, 0.999, false);
  assert.ok(tail(raw) > 2 * tail(fixed), `tails ${tail(raw)} vs ${tail(fixed)}`);
  // Too small: the corrected run gets within 0.3 of the minimum, the uncorrected one never does.
  const slowFixed = distances(run(0.99, 0.9, true));
  const slowRaw = distances(run(0.99, 0.9, false));
  assert.ok(slowFixed.some((d) => d < 0.3));
  assert.ok(slowRaw.every((d) => d > 0.3), `closest ${Math.min(...slowRaw)}`);
  assert.ok(uncorrectedStepRatio(0.99, 0.9, 1) < 0.04);
});
