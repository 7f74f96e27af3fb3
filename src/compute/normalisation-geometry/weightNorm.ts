/**
 * Weight normalisation (worked exercises, section 4): w = γu/‖u‖ splits a weight vector into a
 * length γ and a direction u. Differentiating,
 *
 *   ∂w/∂u = (γ/‖u‖)(I − uuᵀ/‖u‖²) = (γ/‖u‖)W⊥,   so   ∇ᵤL = (γ/‖u‖)W⊥∇_wL,   ∂L/∂γ = uᵀ∇_wL/‖u‖,
 *
 * and W⊥u = 0 makes ∇ᵤL orthogonal to u. A gradient step on u therefore never shortens it:
 * ‖u − η∇ᵤL‖² = ‖u‖² + η²‖∇ᵤL‖² exactly, and the direction turns by atan(η‖∇ᵤL‖/‖u‖), which moves
 * w by 2γ·sin(½·atan(η‖∇ᵤL‖/‖u‖)): as ‖u‖ grows, the same η moves w less.
 */
import { createRng } from "../prng.js";
import { finiteNumber, finiteVector, integerAtLeast, positiveNumber } from "../validate.js";

export type Vector = readonly number[];

export const dotProduct = (a: Vector, b: Vector): number => a.reduce((s, v, i) => s + v * b[i], 0);
export const vectorNorm = (a: Vector): number => Math.sqrt(dotProduct(a, a));

/** A direction u: finite and not the zero vector (w = γu/‖u‖ needs ‖u‖ > 0). */
export function checkDirection(u: unknown): number[] {
  const v = finiteVector("u", u);
  if (vectorNorm(v) === 0) {
    throw new RangeError("u must not be the zero vector: its direction is undefined");
  }
  return v;
}

/** w = γu/‖u‖. */
export function weightFromDirection(u: Vector, gamma: number): number[] {
  checkDirection(u);
  finiteNumber("γ", gamma);
  const s = gamma / vectorNorm(u);
  return u.map((v) => s * v);
}

/** W⊥v = v − u(uᵀv)/‖u‖²: v with its component along u removed. */
function projectOut(u: Vector, v: Vector): number[] {
  const k = dotProduct(u, v) / dotProduct(u, u);
  return v.map((x, i) => x - k * u[i]);
}

export interface WeightNormGradient {
  /** ∇ᵤL = (γ/‖u‖)W⊥∇_wL. */
  gradU: number[];
  /** ∂L/∂γ = uᵀ∇_wL/‖u‖. */
  gradGamma: number;
}

/** The closed form: the gradients on u and γ from the gradient on w at w = γu/‖u‖. */
export function weightNormGradient(u: Vector, gamma: number, gradW: Vector): WeightNormGradient {
  checkDirection(u);
  finiteVector("∇_wL", gradW, u.length);
  const length = vectorNorm(u);
  return {
    gradU: projectOut(u, gradW).map((v) => (gamma / length) * v),
    gradGamma: dotProduct(u, gradW) / length,
  };
}

/** A loss of w in Float64 with its gradient. */
export interface Loss {
  value(w: Vector): number;
  gradient(w: Vector): number[];
}

/** L(w) = ½‖w − w*‖², whose gradient is w − w*. */
export function targetLoss(target: Vector): Loss {
  finiteVector("w*", target);
  return {
    value: (w) => 0.5 * w.reduce((s, v, i) => s + (v - target[i]) ** 2, 0),
    gradient: (w) => w.map((v, i) => v - target[i]),
  };
}

/** Largest |aᵢ − bᵢ| over the largest |bᵢ|: one relative error for a whole vector. */
export function maxRelativeError(a: Vector, b: Vector): number {
  const scale = Math.max(...b.map(Math.abs));
  const gap = Math.max(...a.map((v, i) => Math.abs(v - b[i])));
  return scale === 0 ? gap : gap / scale;
}

export interface WeightNormRun {
  /** u₀ … u_T. */
  u: number[][];
  /** w_t = γu_t/‖u_t‖. */
  w: number[][];
  /** ∇_wL and ∇ᵤL at each of u₀ … u_{T−1}. */
  gradW: number[][];
  gradU: number[][];
  loss: number[];
  uNorm: number[];
  /** ‖w_{t+1} − w_t‖, measured. */
  wStep: number[];
  /** 2γ·sin(½·atan(η‖∇ᵤL‖/‖u_t‖)), the closed form of the same step. */
  wStepTheory: number[];
  /** ‖u_t‖² + η²‖∇ᵤL‖², the closed form of ‖u_{t+1}‖². */
  nextNormSquared: number[];
}

/** T gradient steps u ← u − η∇ᵤL on the loss of w = γu/‖u‖, with γ held fixed. */
export function weightNormSteps(
  { u0, gamma, eta, steps, loss }: {
    u0: Vector;
    gamma: number;
    eta: number;
    steps: number;
    loss: Loss;
  },
): WeightNormRun {
  checkDirection(u0);
  positiveNumber("γ", gamma);
  positiveNumber("step size η", eta);
  integerAtLeast("steps", steps, 1, 10_000);
  const run: WeightNormRun = {
    u: [u0.slice()],
    w: [],
    gradW: [],
    gradU: [],
    loss: [],
    uNorm: [],
    wStep: [],
    wStepTheory: [],
    nextNormSquared: [],
  };
  for (let t = 0; t <= steps; t++) {
    const u = run.u[t];
    const w = weightFromDirection(u, gamma);
    const length = vectorNorm(u);
    run.w.push(w);
    run.loss.push(loss.value(w));
    run.uNorm.push(length);
    if (t === steps) break;
    const gradW = loss.gradient(w);
    const { gradU } = weightNormGradient(u, gamma, gradW);
    const g = vectorNorm(gradU);
    run.gradW.push(gradW);
    run.gradU.push(gradU);
    run.nextNormSquared.push(length * length + eta * eta * g * g);
    run.wStepTheory.push(2 * gamma * Math.sin(0.5 * Math.atan((eta * g) / length)));
    run.u.push(u.map((v, i) => v - eta * gradU[i]));
  }
  for (let t = 0; t < steps; t++) {
    run.wStep.push(vectorNorm(run.w[t + 1].map((v, i) => v - run.w[t][i])));
  }
  return run;
}

/** The direction at `angle` degrees with length `length`: the page's way of setting u₀. */
export function polarDirection(length: number, angle: number): [number, number] {
  positiveNumber("‖u₀‖", length);
  finiteNumber("angle of u₀", angle);
  const radians = (angle * Math.PI) / 180;
  return [length * Math.cos(radians), length * Math.sin(radians)];
}

/**
 * n points in d dimensions, centred and whitened with their own statistics, so that their sample
 * mean is 0 and their (1/n) sample covariance is I exactly (up to rounding): Gaussian draws,
 * centred, then multiplied by the inverse of the Cholesky factor of their covariance.
 */
export function whitenedBatch(n: number, d: number, seed: number): number[][] {
  integerAtLeast("dimension d", d, 1, 64);
  integerAtLeast("samples n", n, d + 1);
  const rng = createRng(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  for (const r of rows) for (let j = 0; j < d; j++) r[j] -= mean[j];
  const cov = Array.from(
    { length: d },
    (_, i) => Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0) / n),
  );
  // Cholesky: cov = LLᵀ; each row x becomes L⁻¹x by forward substitution.
  const l = cov.map(() => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = cov[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = i === j ? Math.sqrt(s) : s / l[j][j];
    }
  }
  return rows.map((r) => {
    const out = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) {
      let s = r[i];
      for (let k = 0; k < i; k++) s -= l[i][k] * out[k];
      out[i] = s / l[i][i];
    }
    return out;
  });
}

/** Batch norm of the pre-activations uᵀx over a batch: γ(yᵢ − ȳ)/s_y + β (ε = 0, 1/n variance). */
export function batchNormOfProjection(
  rows: readonly Vector[],
  u: Vector,
  gamma: number,
  beta: number,
): number[] {
  checkDirection(u);
  const pre = rows.map((x) => dotProduct(u, x));
  const mean = pre.reduce((s, v) => s + v, 0) / pre.length;
  const sd = Math.sqrt(pre.reduce((s, v) => s + (v - mean) ** 2, 0) / pre.length);
  return pre.map((v) => (gamma * (v - mean)) / sd + beta);
}

/**
 * Largest |BN(uᵀxᵢ) − (wᵀxᵢ + β)| over a batch: 0 up to rounding when the batch is centred and
 * whitened (ȳ = uᵀx̄ = 0 and s_y² = uᵀSu = ‖u‖²), not otherwise.
 */
export function weightNormBatchNormGap(
  rows: readonly Vector[],
  u: Vector,
  gamma: number,
  beta: number,
): number {
  const bn = batchNormOfProjection(rows, u, gamma, beta);
  const w = weightFromDirection(u, gamma);
  return Math.max(...rows.map((x, i) => Math.abs(bn[i] - (dotProduct(w, x) + beta))));
}
