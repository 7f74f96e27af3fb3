/**
 * The page's reference runs in TensorFlow.js: tfjs's own tf.train.momentum, tf.train.sgd and
 * tf.train.adam minimise the same surfaces (surfaces.ts) from the same start, meeting the same
 * noise, so each Float64 run of optimizers.ts can be checked against them step by step.
 *
 * tf.train.momentum(ε, α) keeps aₜ = α·aₜ₋₁ + gₜ and steps by −ε·aₜ, which is momentum with
 * vₜ = ε·aₜ; a running average (β, δ) is handed to it as α = β, ε = δ(1 − β). tf.train.adam always
 * divides by 1 − β₁ᵗ and 1 − β₂ᵗ, so only the corrected Adam has a tfjs twin.
 *
 * The tfjs namespace is passed in (see dropoutTrainTf.ts): it must have gradients registered.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "./tf.js";
import { integerAtLeast } from "./validate.js";
import { macrotask } from "./macrotask.js";
import { downloadChunk, leadingRows } from "./tfRead.js";
import {
  checkOptimizer,
  checkStart,
  DIVERGENCE_BOUND,
  MAX_STEPS,
  momentumFromAverage,
  type OptimizerSpec,
  runNoise,
} from "./optimizers.js";
import { makeSurface, ROSENBROCK_SCALE, type SurfaceSpec } from "./surfaces.js";

export interface TfChunk {
  /** Steps completed so far, over all chunks. */
  stepsDone: number;
  /** Positions after each step of this chunk, as float32. */
  x: Float32Array;
  y: Float32Array;
  done: boolean;
  diverged: boolean;
}

export interface TfRunOptions {
  chunkSteps?: number;
  /** Aborting ends the run quietly after the current chunk; every tensor is released. */
  signal?: AbortSignal;
}

// Every op in the losses below, each of which needs a registered gradient.
const LOSS_KERNELS = ["Sub", "Square", "Multiply", "Sum", "Add", "Slice", "RealDiv"];

/** The loss of `spec` as tfjs ops on θ (shape [2]), plus ξ·θ so that its gradient is ∇f + ξ. */
function lossOf(
  tf: Tf,
  spec: SurfaceSpec,
): (theta: TfCore.Tensor, xi?: TfCore.Tensor) => TfCore.Scalar {
  const surface = makeSurface(spec);
  const base = (theta: TfCore.Tensor): TfCore.Tensor => {
    if (spec.kind === "rosenbrock") {
      const x = tf.slice(theta, [0], [1]);
      const y = tf.slice(theta, [1], [1]);
      const valley = tf.add(
        tf.square(tf.sub(1, x)),
        tf.mul(100, tf.square(tf.sub(y, tf.square(x)))),
      );
      return tf.sum(tf.div(valley, ROSENBROCK_SCALE));
    }
    const half = tf.tensor1d([0.5 * surface.curvatures![0], 0.5 * surface.curvatures![1]]);
    const center = tf.tensor1d([surface.minimum[0], surface.minimum[1]]);
    return tf.sum(tf.mul(half, tf.square(tf.sub(theta, center))));
  };
  return (theta, xi) =>
    (xi ? tf.add(base(theta), tf.sum(tf.mul(xi, theta))) : base(theta)) as TfCore.Scalar;
}

function tfOptimizer(tf: Tf, spec: OptimizerSpec): TfCore.Optimizer {
  switch (spec.kind) {
    case "momentum":
      return tf.train.momentum(spec.epsilon, spec.alpha);
    case "average": {
      const { alpha, epsilon } = momentumFromAverage(spec.beta, spec.delta);
      return tf.train.momentum(epsilon, alpha);
    }
    case "sgd":
      return tf.train.sgd(spec.epsilon);
    case "adam":
      if (!spec.correct) {
        throw new RangeError("tf.train.adam always corrects its bias; ask for correct: true");
      }
      return tf.train.adam(spec.learningRate, spec.beta1, spec.beta2, spec.epsilon);
  }
}

/**
 * Disposes an optimiser and everything it holds. tfjs 4.22's MomentumOptimizer.dispose releases its
 * momentum scalar and slots but not the learning-rate scalar (`c`) that its parent SGDOptimizer
 * keeps, so one tensor would leak per momentum run; it is released here.
 */
export function disposeOptimizer(opt: TfCore.Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: TfCore.Tensor }).c;
  if (c && !c.isDisposed) c.dispose();
}

/**
 * Runs tfjs's optimiser for `steps` steps, yielding every `chunkSteps` steps. Each step is one
 * optimizer.minimize in a tf.tidy; a chunk's positions are read with a single `await data()`.
 * Every tensor made here (variable, noise, optimiser slots) is released in `finally`.
 */
export async function* runTfOptimizer(
  tf: Tf,
  surfaceSpec: SurfaceSpec,
  spec: OptimizerSpec,
  { start, steps }: { start: readonly [number, number]; steps: number },
  { chunkSteps = 100, signal }: TfRunOptions = {},
): AsyncGenerator<TfChunk, void, undefined> {
  checkOptimizer(spec);
  checkStart(start);
  integerAtLeast("steps", steps, 1, MAX_STEPS);
  integerAtLeast("chunkSteps", chunkSteps, 1);
  const missing = LOSS_KERNELS.filter((k) => !tf.getGradient(k));
  if (missing.length > 0) {
    throw new Error(`runTfOptimizer: no gradient registered for ${missing.join(", ")}`);
  }
  const surface = makeSurface(surfaceSpec);
  const xi = runNoise(surface, steps);
  const loss = lossOf(tf, surfaceSpec);
  const held: TfCore.Tensor[] = [];
  let theta: TfCore.Variable | undefined;
  let noise: TfCore.Tensor | undefined;
  let opt: TfCore.Optimizer | undefined;
  try {
    if (signal?.aborted) return;
    theta = tf.tidy(() => tf.variable(tf.tensor1d([start[0], start[1]]), true));
    if (xi) {
      noise = tf.tidy(() => tf.mul(tf.tensor2d(Float32Array.from(xi), [steps, 2]), surface.noise));
    }
    opt = tfOptimizer(tf, spec);
    const variable = theta;
    const optim = opt;
    let stepsDone = 0;
    while (stepsDone < steps) {
      if (signal?.aborted) return;
      const n = Math.min(chunkSteps, steps - stepsDone);
      for (let i = 0; i < n; i++) {
        const t = stepsDone + i;
        const snapshot = tf.tidy(() => {
          const xiT = noise ? tf.reshape(tf.slice(noise, [t, 0], [1, 2]), [2]) : undefined;
          optim.minimize(() => loss(variable, xiT), false, [variable]);
          return tf.clone(variable);
        });
        held.push(snapshot);
      }
      const values = await downloadChunk(tf, held, (all) => tf.stack(all));
      const finite = leadingRows(values, 2, n, (v) => Math.abs(v) <= DIVERGENCE_BOUND);
      const x = new Float32Array(n);
      const y = new Float32Array(n);
      for (let i = 0; i < finite; i++) {
        x[i] = values[2 * i];
        y[i] = values[2 * i + 1];
      }
      if (finite < n) {
        yield {
          stepsDone: stepsDone + finite,
          x: x.slice(0, finite),
          y: y.slice(0, finite),
          done: true,
          diverged: true,
        };
        return;
      }
      stepsDone += n;
      const done = stepsDone >= steps;
      yield { stepsDone, x, y, done, diverged: false };
      if (!done) await macrotask();
    }
  } finally {
    tf.dispose(held.splice(0));
    if (opt) disposeOptimizer(opt);
    noise?.dispose();
    theta?.dispose();
  }
}

/** Runs runTfOptimizer to the end: positions θ₀ … θₙ (θ₀ = start) as plain numbers. */
export async function collectTfRun(
  tf: Tf,
  surfaceSpec: SurfaceSpec,
  spec: OptimizerSpec,
  run: { start: readonly [number, number]; steps: number },
  options: TfRunOptions = {},
): Promise<{ x: number[]; y: number[]; stepsDone: number; diverged: boolean }> {
  const x = [run.start[0]];
  const y = [run.start[1]];
  let diverged = false;
  let stepsDone = 0;
  for await (const chunk of runTfOptimizer(tf, surfaceSpec, spec, run, options)) {
    x.push(...chunk.x);
    y.push(...chunk.y);
    diverged ||= chunk.diverged;
    stepsDone = chunk.stepsDone;
  }
  return { x, y, stepsDone, diverged };
}

/**
 * tfjs's update rule alone, open loop: the optimiser of `spec` applies the given gradients
 * (g₁, g₂, … as (x, y) pairs) to a variable that starts at `start`, through
 * optimizer.applyGradients. The twin of optimizers.ts's applyGradients, for checking the two
 * step by step on identical inputs. Returns θ₀ … θₙ as float32.
 */
export async function applyGradientsTf(
  tf: Tf,
  spec: OptimizerSpec,
  start: readonly [number, number],
  gradients: ArrayLike<number>,
): Promise<{ x: Float32Array; y: Float32Array }> {
  checkOptimizer(spec);
  const n = Math.floor(gradients.length / 2);
  const held: TfCore.Tensor[] = [];
  let theta: TfCore.Variable | undefined;
  let opt: TfCore.Optimizer | undefined;
  try {
    theta = tf.tidy(() => tf.variable(tf.tensor1d([start[0], start[1]]), true));
    opt = tfOptimizer(tf, spec);
    const variable = theta;
    const optim = opt;
    held.push(tf.clone(variable));
    for (let t = 0; t < n; t++) {
      held.push(tf.tidy(() => {
        const g = tf.tensor1d([gradients[2 * t], gradients[2 * t + 1]]);
        optim.applyGradients([{ name: variable.name, tensor: g }]);
        return tf.clone(variable);
      }));
    }
    const values = await downloadChunk(tf, held, (all) => tf.stack(all));
    const x = new Float32Array(n + 1);
    const y = new Float32Array(n + 1);
    for (let t = 0; t <= n; t++) {
      x[t] = values[2 * t];
      y[t] = values[2 * t + 1];
    }
    return { x, y };
  } finally {
    tf.dispose(held.splice(0));
    if (opt) disposeOptimizer(opt);
    theta?.dispose();
  }
}
