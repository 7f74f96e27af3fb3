/**
 * The optimisers of the momentum page, in Float64, on a 2-D surface (surfaces.ts).
 *
 * - "momentum": vₜ = α·vₜ₋₁ + ε·gₜ, θₜ = θₜ₋₁ − vₜ (SGD with momentum);
 * - "average": vₜ = β·vₜ₋₁ + (1 − β)·gₜ, θₜ = θₜ₋₁ − δ·vₜ (SGD on a running average of gradients);
 * - "sgd": θₜ = θₜ₋₁ − ε·gₜ;
 * - "adam": mₜ and sₜ are running averages of gₜ and gₜ², divided by 1 − β₁ᵗ and 1 − β₂ᵗ when
 *   `correct` is on (as in tf.train.adam), and θₜ = θₜ₋₁ − η·m̂ₜ / (√ŝₜ + ϵ).
 *
 * Every run starts from v₀ = 0 (m₀ = s₀ = 0). The gradient at step t is taken at θₜ₋₁, plus
 * σ·ξₜ on a noisy surface, ξₜ being the t-th pair of noiseSequence(seed, steps).
 */
import { finiteVector, inRange, integerAtLeast, positiveNumber } from "./validate.js";
import { DOMAIN, noiseSequence, type Surface } from "./surfaces.js";

export type OptimizerSpec =
  | { kind: "momentum"; alpha: number; epsilon: number }
  | { kind: "average"; beta: number; delta: number }
  | { kind: "sgd"; epsilon: number }
  | {
    kind: "adam";
    learningRate: number;
    beta1: number;
    beta2: number;
    epsilon: number;
    correct: boolean;
  };

/** The most steps a run may take on the page or in a test. */
export const MAX_STEPS = 5000;

/** A run is stopped as diverged once a coordinate leaves this far beyond the drawn box. */
export const DIVERGENCE_BOUND = 1e6;

/** Adam's defaults (Kingma and Ba; tf.train.adam takes the same ϵ when given). */
export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

export interface Trajectory {
  /** Positions θ₀ … θₙ (n = steps completed). */
  x: Float64Array;
  y: Float64Array;
  /** f(θₜ), noise-free, for t = 0 … n. */
  loss: Float64Array;
  /** Steps completed: the requested number, or fewer when the run diverged. */
  stepsDone: number;
  diverged: boolean;
}

/** Momentum (α, ε) that takes exactly the running average's steps: α = β, ε = δ(1 − β). */
export function momentumFromAverage(
  beta: number,
  delta: number,
): { alpha: number; epsilon: number } {
  checkBeta(beta, "β");
  positiveNumber("step δ", delta);
  return { alpha: beta, epsilon: delta * (1 - beta) };
}

/** The running average's (β, δ) for momentum (α, ε): the inverse map, δ = ε/(1 − α). */
export function averageFromMomentum(
  alpha: number,
  epsilon: number,
): { beta: number; delta: number } {
  checkBeta(alpha, "α");
  positiveNumber("step ε", epsilon);
  return { beta: alpha, delta: epsilon / (1 - alpha) };
}

/** A momentum or averaging coefficient: in [0, 1). */
export function checkBeta(value: unknown, name = "β"): number {
  return inRange(name, value, { min: 0, max: 1, maxInclusive: false });
}

export function checkOptimizer(spec: OptimizerSpec): OptimizerSpec {
  switch (spec.kind) {
    case "momentum":
      checkBeta(spec.alpha, "α");
      positiveNumber("step ε", spec.epsilon);
      break;
    case "average":
      checkBeta(spec.beta, "β");
      positiveNumber("step δ", spec.delta);
      break;
    case "sgd":
      positiveNumber("step ε", spec.epsilon);
      break;
    case "adam":
      positiveNumber("Adam step η", spec.learningRate);
      checkBeta(spec.beta1, "β₁");
      checkBeta(spec.beta2, "β₂");
      positiveNumber("Adam ϵ", spec.epsilon);
      break;
    default:
      throw new RangeError(`unknown optimiser ${JSON.stringify((spec as { kind: unknown }).kind)}`);
  }
  return spec;
}

export interface RunOptions {
  start: readonly [number, number];
  steps: number;
  /** The noise to use (2·steps numbers); drawn from the surface's seed when absent. */
  noise?: Float64Array;
}

/** The noise a run on `surface` meets: none on a noise-free surface. */
export function runNoise(surface: Surface, steps: number): Float64Array | undefined {
  return surface.noise > 0 ? noiseSequence(surface.seed, steps) : undefined;
}

/** A start point inside the drawn box. */
export function checkStart(start: readonly [number, number]): readonly [number, number] {
  finiteVector("start", start as unknown as number[], 2);
  inRange("start x", start[0], { min: DOMAIN.x[0], max: DOMAIN.x[1] });
  inRange("start y", start[1], { min: DOMAIN.y[0], max: DOMAIN.y[1] });
  return start;
}

/**
 * One optimiser's update rule with its state (velocity, or Adam's moments and β powers): each call
 * takes the gradient gₜ and returns the step Δθₜ that is subtracted from θₜ₋₁.
 */
export type Stepper = (g0: number, g1: number) => [number, number];

function makeStepper(spec: OptimizerSpec): Stepper {
  checkOptimizer(spec);
  // The velocity of momentum and of the running average.
  let a0 = 0, a1 = 0;
  switch (spec.kind) {
    case "momentum": {
      const { alpha, epsilon } = spec;
      return (g0, g1) => {
        a0 = alpha * a0 + epsilon * g0;
        a1 = alpha * a1 + epsilon * g1;
        return [a0, a1];
      };
    }
    case "average": {
      const { beta, delta } = spec;
      return (g0, g1) => {
        a0 = beta * a0 + (1 - beta) * g0;
        a1 = beta * a1 + (1 - beta) * g1;
        return [delta * a0, delta * a1];
      };
    }
    case "sgd": {
      const { epsilon } = spec;
      return (g0, g1) => [epsilon * g0, epsilon * g1];
    }
    case "adam": {
      const moments: AdamMoments = { m: [0, 0], s: [0, 0] };
      const powers: [number, number] = [1, 1];
      return (g0, g1) => {
        // β₁ᵗ and β₂ᵗ by repeated products, as tf.train.adam keeps them.
        powers[0] *= spec.beta1;
        powers[1] *= spec.beta2;
        return adamUpdate(moments, g0, g1, spec, powers);
      };
    }
  }
}

/** Adam's running averages of g (m) and of g² (s), per coordinate. */
export interface AdamMoments {
  m: [number, number];
  s: [number, number];
}

/**
 * One Adam step from `moments` (updated in place) and the gradient (g0, g1), with β₁ᵗ and β₂ᵗ
 * given: mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ, sₜ = β₂sₜ₋₁ + (1 − β₂)gₜ², and the step
 * (mₜ/c₁)/(√(sₜ/c₂) + ϵ)·η with cᵢ = 1 − βᵢᵗ when `correct`, else 1. tf.train.adam evaluates the
 * same expression in the same order, in float32. The weights 1 − βᵢ may be given (tfjs rounds
 * 1 − β to float32, which is not 1 minus β rounded); they default to 1 − βᵢ.
 */
export function adamUpdate(
  moments: AdamMoments,
  g0: number,
  g1: number,
  spec: {
    learningRate: number;
    beta1: number;
    beta2: number;
    epsilon: number;
    correct: boolean;
    oneMinusBeta1?: number;
    oneMinusBeta2?: number;
  },
  powers: readonly [number, number],
): [number, number] {
  const { beta1, beta2, learningRate, epsilon, correct } = spec;
  const w1 = spec.oneMinusBeta1 ?? 1 - beta1;
  const w2 = spec.oneMinusBeta2 ?? 1 - beta2;
  const { m, s } = moments;
  m[0] = beta1 * m[0] + w1 * g0;
  m[1] = beta1 * m[1] + w1 * g1;
  s[0] = beta2 * s[0] + w2 * (g0 * g0);
  s[1] = beta2 * s[1] + w2 * (g1 * g1);
  const c1 = correct ? 1 - powers[0] : 1;
  const c2 = correct ? 1 - powers[1] : 1;
  return [
    ((m[0] / c1) / (Math.sqrt(s[0] / c2) + epsilon)) * learningRate,
    ((m[1] / c1) / (Math.sqrt(s[1] / c2) + epsilon)) * learningRate,
  ];
}

/** Runs one optimiser on one surface; the run stops early (diverged) if it leaves every bound. */
export function runOptimizer(
  surface: Surface,
  spec: OptimizerSpec,
  { start, steps, noise }: RunOptions,
): Trajectory {
  const step = makeStepper(spec);
  checkStart(start);
  integerAtLeast("steps", steps, 1, MAX_STEPS);
  const sigma = surface.noise;
  const xi = sigma > 0 ? (noise ?? noiseSequence(surface.seed, steps)) : undefined;
  if (xi && xi.length < 2 * steps) {
    throw new RangeError(`noise must hold 2·steps = ${2 * steps} numbers; got ${xi.length}`);
  }
  const x = new Float64Array(steps + 1);
  const y = new Float64Array(steps + 1);
  const loss = new Float64Array(steps + 1);
  let px = start[0];
  let py = start[1];
  x[0] = px;
  y[0] = py;
  loss[0] = surface.value(px, py);
  const g = new Float64Array(2);
  let t = 0;
  let diverged = false;
  while (t < steps) {
    surface.gradient(px, py, g);
    if (xi) {
      g[0] += sigma * xi[2 * t];
      g[1] += sigma * xi[2 * t + 1];
    }
    const [dx, dy] = step(g[0], g[1]);
    const nx = px - dx;
    const ny = py - dy;
    if (!(Math.abs(nx) <= DIVERGENCE_BOUND && Math.abs(ny) <= DIVERGENCE_BOUND)) {
      diverged = true;
      break;
    }
    px = nx;
    py = ny;
    t++;
    x[t] = px;
    y[t] = py;
    loss[t] = surface.value(px, py);
  }
  return {
    x: x.subarray(0, t + 1),
    y: y.subarray(0, t + 1),
    loss: loss.subarray(0, t + 1),
    stepsDone: t,
    diverged,
  };
}

/**
 * Applies a given gradient sequence (g₁, g₂, … as (x, y) pairs) from `start`, whatever the
 * positions: the update rule alone, open loop. Returns θ₀ … θₙ as [x, y] arrays.
 */
export function applyGradients(
  spec: OptimizerSpec,
  start: readonly [number, number],
  gradients: ArrayLike<number>,
): { x: Float64Array; y: Float64Array } {
  const step = makeStepper(spec);
  const n = Math.floor(gradients.length / 2);
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  x[0] = start[0];
  y[0] = start[1];
  for (let t = 1; t <= n; t++) {
    const [dx, dy] = step(gradients[2 * t - 2], gradients[2 * t - 1]);
    x[t] = x[t - 1] - dx;
    y[t] = y[t - 1] - dy;
  }
  return { x, y };
}

/** The largest distance between two runs' positions over their common steps. */
export function largestGap(a: Trajectory, b: Trajectory): number {
  const n = Math.min(a.x.length, b.x.length);
  let worst = 0;
  for (let t = 0; t < n; t++) worst = Math.max(worst, Math.hypot(a.x[t] - b.x[t], a.y[t] - b.y[t]));
  return worst;
}

/** Lengths of the steps ‖θₜ − θₜ₋₁‖, t = 1 … n. */
export function stepLengths(run: Trajectory): Float64Array {
  const out = new Float64Array(run.stepsDone);
  for (let t = 1; t <= run.stepsDone; t++) {
    out[t - 1] = Math.hypot(run.x[t] - run.x[t - 1], run.y[t] - run.y[t - 1]);
  }
  return out;
}

/**
 * How much larger Adam's uncorrected step is than its corrected one after t steps of the same
 * gradient history (ϵ aside): (1 − β₁ᵗ)/√(1 − β₂ᵗ). Above 1 the first steps are too large
 * (β₂ near 1 makes sₜ small early), below 1 too small (β₁ near 1 makes mₜ small early).
 */
export function uncorrectedStepRatio(beta1: number, beta2: number, t: number): number {
  checkBeta(beta1, "β₁");
  checkBeta(beta2, "β₂");
  integerAtLeast("t", t, 1);
  return (1 - beta1 ** t) / Math.sqrt(1 - beta2 ** t);
}
