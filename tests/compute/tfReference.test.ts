/**
 * Our Float64 optimisers against TensorFlow.js's own (tf.train.adam, tf.train.momentum, sgd) on the
 * CPU backend in Deno: the same code the page runs on the reader's backend.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as on the page.
import "@tensorflow/tfjs";
import { makeSurface, SURFACE_KINDS, type SurfaceSpec } from "../../src/compute/surfaces.ts";
import {
  adamUpdate,
  applyGradients,
  momentumFromAverage,
  type OptimizerSpec,
  runOptimizer,
} from "../../src/compute/optimizers.ts";
import { applyGradientsTf, collectTfRun, runTfOptimizer } from "../../src/compute/tfReference.ts";
import { noiseSequence } from "../../src/compute/surfaces.ts";

await tf.setBackend("cpu");

/** float32's unit roundoff. */
const U = 2 ** -24;
const f32 = Math.fround;

const noisy: SurfaceSpec = { kind: "noisy", kappa: 20, noise: 0.5, seed: 3 };
const ADAMS: { beta1: number; beta2: number; learningRate: number }[] = [
  { beta1: 0.9, beta2: 0.999, learningRate: 0.05 },
  { beta1: 0.99, beta2: 0.9, learningRate: 0.05 },
  { beta1: 0.5, beta2: 0.99, learningRate: 0.2 },
];

/**
 * Step by step from tfjs's own state: before each step we read tfjs's position and moments
 * (getWeights), compute the gradient of the noisy quadratic there in Float64 and round it to
 * float32, let tf.train.adam apply it, and apply our adamUpdate to the same state, gradient and
 * float32 constants (β's, 1 − β's, η, ϵ as float32; β₁ᵗ, β₂ᵗ as tfjs's float32 running products).
 * The two new positions may then differ only by float32 rounding of the ops of one step, u = 2⁻²⁴
 * each. A first-order bound per coordinate:
 *   u·|θₜ|        the final add;
 * + 8u·|Δθₜ|     the ops after mₜ: sₜ (two products, a square, a sum: 4u, halved by the square
 *                root), ÷(1 − β₂ᵗ), √, + ϵ, ÷(1 − β₁ᵗ), ÷, ×η: at most 7u, rounded up;
 * + 4u·η·(|β₁mₜ₋₁| + |(1 − β₁)gₜ|)/(1 − β₁ᵗ)/(√ŝₜ + ϵ)   the two products and the sum that form mₜ,
 *                which may cancel, so this term is absolute.
 * (sₜ sums positive terms and cannot cancel; 1 − βᵗ of a float32 βᵗ ≥ ½ is exact.) The largest
 * measured gap is 0.91 of this bound over 3 × 150 steps (the final add, whose rounding can reach
 * u·|θₜ| when the step is small, dominates); a 2 % error in η exceeds it by a factor above 7,000.
 */
Deno.test("adamUpdate(moments, g, spec, βᵗ) matches tf.train.adam step by step within float32 rounding", async () => {
  const surface = makeSurface(noisy);
  const xi = noiseSequence(noisy.seed, 150);
  const before = tf.memory().numTensors;
  for (const settings of ADAMS) {
    const spec = { ...settings, epsilon: 1e-8, correct: true };
    const opt = tf.train.adam(spec.learningRate, spec.beta1, spec.beta2, spec.epsilon);
    const theta = tf.tidy(() => tf.variable(tf.tensor1d([-1.8, 2.5])));
    const c32 = {
      learningRate: f32(spec.learningRate),
      beta1: f32(spec.beta1),
      beta2: f32(spec.beta2),
      epsilon: f32(spec.epsilon),
      correct: true,
      // tfjs multiplies by 1 − β computed in double and then held as a float32 scalar.
      oneMinusBeta1: f32(1 - spec.beta1),
      oneMinusBeta2: f32(1 - spec.beta2),
    };
    let acc1 = c32.beta1, acc2 = c32.beta2;
    let worst = 0;
    let worstOff = 0;
    try {
      for (let t = 1; t <= 150; t++) {
        const [x, y] = await theta.data();
        let m: [number, number] = [0, 0], s: [number, number] = [0, 0];
        if (t > 1) {
          const weights = await opt.getWeights();
          m = [...(await weights[1].tensor.data())] as [number, number];
          s = [...(await weights[2].tensor.data())] as [number, number];
          weights[0].tensor.dispose(); // the iteration count is a new scalar; the slots are not copies
        }
        const g = new Float64Array(2);
        surface.gradient(x, y, g);
        const g0 = f32(g[0] + noisy.noise * xi[2 * t - 2]);
        const g1 = f32(g[1] + noisy.noise * xi[2 * t - 1]);
        const m0 = [...m], s0 = [...s];
        const step = adamUpdate(
          { m: [...m] as [number, number], s: [...s] as [number, number] },
          g0,
          g1,
          c32,
          [acc1, acc2],
        );
        const off = adamUpdate(
          { m: [...m] as [number, number], s: [...s] as [number, number] },
          g0,
          g1,
          { ...c32, learningRate: 1.02 * c32.learningRate },
          [acc1, acc2],
        );
        tf.tidy(() => opt.applyGradients([{ name: theta.name, tensor: tf.tensor1d([g0, g1]) }]));
        const next = await theta.data();
        const gs = [g0, g1];
        for (let i = 0; i < 2; i++) {
          const sHat = (c32.beta2 * s0[i] + c32.oneMinusBeta2 * gs[i] ** 2) / (1 - acc2);
          const mTerms = (Math.abs(c32.beta1 * m0[i]) + Math.abs(c32.oneMinusBeta1 * gs[i])) /
            (1 - acc1);
          const bound = U * Math.abs(next[i]) + 8 * U * Math.abs(step[i]) +
            (4 * U * c32.learningRate * mTerms) / (Math.sqrt(sHat) + c32.epsilon);
          const prev = i === 0 ? x : y;
          worst = Math.max(worst, Math.abs(next[i] - (prev - step[i])) / bound);
          worstOff = Math.max(worstOff, Math.abs(next[i] - (prev - off[i])) / bound);
        }
        acc1 = f32(acc1 * c32.beta1);
        acc2 = f32(acc2 * c32.beta2);
      }
    } finally {
      opt.dispose();
      theta.dispose();
    }
    assert.ok(
      worst <= 1,
      `β₁ = ${spec.beta1}, β₂ = ${spec.beta2}: gap ${worst.toFixed(3)} of the float32 bound`,
    );
    // The mutation check: a 2 % error in η breaks the bound at some step by a wide margin.
    assert.ok(worstOff > 100, `a 2 % error in η passes (${worstOff})`);
  }
  assert.equal(tf.memory().numTensors, before, "tensors leaked");
});

/**
 * Whole runs, open loop (the same float32 gradients fed to both): our Float64 Adam with the exact
 * constants against tf.train.adam. Besides each step's own rounding, tfjs rounds β₂ = 0.999 to
 * float32 and forms 1 − β₂ᵗ from a float32 product, which costs up to u/(1 − β₂) ≈ 6e-5 relative
 * on the early steps. Measured: at most 57u times the path length so far; the tolerance is 200u
 * (1.2e-5) times the path length, and a 2 % error in η is 10⁵u.
 */
Deno.test("applyGradients(adam) equals applyGradientsTf(adam) over 300 steps within 200u of the path length", async () => {
  const gradients = Float32Array.from(noiseSequence(5, 300), (v, i) => v + (i % 2 ? 0.3 : -0.2));
  const start: [number, number] = [f32(-1.8), f32(2.5)];
  const before = tf.memory().numTensors;
  for (const settings of ADAMS) {
    const spec: OptimizerSpec = { kind: "adam", ...settings, epsilon: 1e-8, correct: true };
    const ours = applyGradients(spec, start, gradients);
    const theirs = await applyGradientsTf(tf, spec, start, gradients);
    let path = Math.max(Math.abs(start[0]), Math.abs(start[1]));
    for (let t = 1; t < ours.x.length; t++) {
      path += Math.max(Math.abs(ours.x[t] - ours.x[t - 1]), Math.abs(ours.y[t] - ours.y[t - 1]));
      const gap = Math.max(Math.abs(ours.x[t] - theirs.x[t]), Math.abs(ours.y[t] - theirs.y[t]));
      assert.ok(
        gap <= 200 * U * path,
        `β₁ = ${settings.beta1}, step ${t}: gap ${gap}, path ${path}`,
      );
    }
  }
  assert.equal(tf.memory().numTensors, before, "tensors leaked");
});

/**
 * Closed loop on every surface: tfjs's momentum (tf.train.momentum(ε, α), fed the running
 * average's (β, δ) through α = β, ε = δ(1 − β)) and tfjs's Adam follow our Float64 runs over the
 * page's 100 steps. Gaps measured: ≤ 3e-6 (momentum) and ≤ 1.1e-5 (Adam, whose normalised steps
 * amplify rounding near the minimum); the tolerance is 5e-5, a tiny fraction of a pixel.
 */
Deno.test("collectTfRun(tf, surface, spec) follows runOptimizer(surface, spec) over 100 steps within 5e-5", async () => {
  const start: [number, number] = [-1.8, 2.5];
  const specs: OptimizerSpec[] = [
    { kind: "average", beta: 0.9, delta: 10 },
    { kind: "momentum", ...momentumFromAverage(0.5, 2) },
    { kind: "sgd", epsilon: 1 },
    { kind: "adam", beta1: 0.9, beta2: 0.999, learningRate: 0.05, epsilon: 1e-8, correct: true },
  ];
  const before = tf.memory().numTensors;
  for (const kind of SURFACE_KINDS) {
    const surfaceSpec: SurfaceSpec = { kind, kappa: 50, noise: 0.3, seed: 1 };
    for (const spec of specs) {
      const ours = runOptimizer(makeSurface(surfaceSpec), spec, { start, steps: 100 });
      const theirs = await collectTfRun(tf, surfaceSpec, spec, { start, steps: 100 }, {
        chunkSteps: 30,
      });
      assert.equal(theirs.stepsDone, 100);
      let gap = 0;
      for (let t = 0; t <= 100; t++) {
        gap = Math.max(gap, Math.hypot(ours.x[t] - theirs.x[t], ours.y[t] - theirs.y[t]));
      }
      assert.ok(gap <= 5e-5, `${kind}, ${spec.kind}: gap ${gap}`);
    }
  }
  assert.equal(tf.memory().numTensors, before, "tensors leaked");
});

Deno.test("runTfOptimizer: chunks report progress, stopping early releases every tensor, and divergence stops the run", async () => {
  const before = tf.memory().numTensors;
  const spec: OptimizerSpec = { kind: "momentum", alpha: 0.9, epsilon: 1 };
  const chunks = [];
  for await (
    const c of runTfOptimizer(tf, noisy, spec, { start: [-1.8, 2.5], steps: 70 }, {
      chunkSteps: 30,
    })
  ) chunks.push(c);
  assert.deepEqual(chunks.map((c) => c.stepsDone), [30, 60, 70]);
  assert.deepEqual(chunks.map((c) => c.done), [false, false, true]);
  for await (
    const c of runTfOptimizer(tf, noisy, spec, { start: [-1.8, 2.5], steps: 300 }, {
      chunkSteps: 20,
    })
  ) {
    if (c.stepsDone >= 40) break;
  }
  const controller = new AbortController();
  let seen = 0;
  for await (
    const c of runTfOptimizer(tf, noisy, spec, { start: [-1.8, 2.5], steps: 300 }, {
      chunkSteps: 20,
      signal: controller.signal,
    })
  ) {
    seen = c.stepsDone;
    if (seen >= 40) controller.abort();
  }
  assert.equal(seen, 40);
  const blown = await collectTfRun(tf, noisy, { kind: "momentum", alpha: 0.5, epsilon: 5 }, {
    start: [-1.8, 2.5],
    steps: 500,
  });
  assert.ok(blown.diverged && blown.stepsDone < 100);
  assert.ok(blown.x.every(Number.isFinite));
  assert.equal(tf.memory().numTensors, before, "tensors leaked");
});

Deno.test("runTfOptimizer: Adam without correction has no tfjs twin, and bad settings are refused", async () => {
  const before = tf.memory().numTensors;
  await assert.rejects(
    () =>
      collectTfRun(tf, noisy, {
        kind: "adam",
        beta1: 0.9,
        beta2: 0.999,
        learningRate: 0.1,
        epsilon: 1e-8,
        correct: false,
      }, { start: [0, 0], steps: 5 }),
    /tf\.train\.adam always corrects its bias/,
  );
  await assert.rejects(
    () =>
      collectTfRun(tf, noisy, { kind: "average", beta: 1, delta: 1 }, { start: [0, 0], steps: 5 }),
    /β must be in \[0, 1\); got 1/,
  );
  assert.equal(tf.memory().numTensors, before, "tensors leaked");
});
