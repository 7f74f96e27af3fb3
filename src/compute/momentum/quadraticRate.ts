/**
 * How fast momentum converges on a quadratic, in closed form, and the same rate measured from a
 * simulated run.
 *
 * Along an eigenvector of the Hessian with eigenvalue λ the error eₜ = θₜ − θ* obeys
 * eₜ = (1 + α − ελ)·eₜ₋₁ − α·eₜ₋₂ (momentum with coefficient α and step ε; α = β and ε = δ(1 − β)
 * for the running average). Its characteristic polynomial z² − (1 + α − ελ)z + α has roots whose
 * larger modulus is the rate ρ(λ): the error shrinks like ρᵗ. On a quadratic the slowest direction
 * sets the pace, ρ = max(ρ(λ_min), ρ(λ_max)), and the run converges iff ρ < 1, that is iff
 * 0 < ελ < 2(1 + α) for every eigenvalue.
 */
import { positiveNumber } from "../validate.js";
import { checkBeta, MAX_STEPS, runOptimizer } from "../optimizers.js";
import { diagonalQuadratic } from "../surfaces.js";

/** ρ(λ): the larger modulus of the roots of z² − (1 + β − ελ)z + β. */
export function heavyBallRate(lambda: number, beta: number, epsilon: number): number {
  positiveNumber("eigenvalue λ", lambda);
  checkBeta(beta, "β");
  positiveNumber("step ε", epsilon);
  const b = 1 + beta - epsilon * lambda;
  const disc = b * b - 4 * beta;
  // Complex pair: both roots have modulus √β.
  if (disc < 0) return Math.sqrt(beta);
  const r = Math.sqrt(disc);
  return Math.max(Math.abs(b + r), Math.abs(b - r)) / 2;
}

/** The rate on a quadratic with Hessian eigenvalues [λ_min, λ_max]: the slower direction's. */
export function quadraticRate(
  eigenvalues: readonly [number, number],
  beta: number,
  epsilon: number,
): number {
  return Math.max(
    heavyBallRate(eigenvalues[0], beta, epsilon),
    heavyBallRate(eigenvalues[1], beta, epsilon),
  );
}

/**
 * The pair that minimises the rate (Polyak's heavy ball): √β* = (√κ − 1)/(√κ + 1) and
 * ε* = 4/(√λ_max + √λ_min)², giving ρ* = √β*. Plain gradient descent's best is (κ − 1)/(κ + 1) at
 * ε = 2/(λ_min + λ_max).
 */
export function optimalPair(eigenvalues: readonly [number, number]): {
  beta: number;
  epsilon: number;
  rate: number;
  gdEpsilon: number;
  gdRate: number;
} {
  const [lo, hi] = eigenvalues;
  positiveNumber("λ_min", lo);
  positiveNumber("λ_max", hi);
  const root = (Math.sqrt(hi) - Math.sqrt(lo)) / (Math.sqrt(hi) + Math.sqrt(lo));
  return {
    beta: root * root,
    epsilon: 4 / (Math.sqrt(hi) + Math.sqrt(lo)) ** 2,
    rate: root,
    gdEpsilon: 2 / (lo + hi),
    gdRate: (hi - lo) / (hi + lo),
  };
}

/**
 * The optimal pair written with four significant digits, for a slider and a link. Rounding ε*
 * moves ε·λ off the edge where the roots turn real, and past that edge the rate grows like the
 * square root of the error. So ε is rounded first and β is then the smallest four-digit value that
 * keeps the roots complex for both eigenvalues, (1 − √β)² ≤ ελ_min and ελ_max ≤ (1 + √β)²: the
 * rate is √β, a first-order distance from the optimum.
 */
export function sliderOptimalPair(eigenvalues: readonly [number, number]): {
  beta: number;
  epsilon: number;
} {
  const [lo, hi] = eigenvalues;
  const best = optimalPair(eigenvalues);
  const scale = (v: number) => 10 ** (3 - Math.floor(Math.log10(v)));
  const epsilon = Math.round(best.epsilon * scale(best.epsilon)) / scale(best.epsilon);
  const root = Math.max(0, 1 - Math.sqrt(epsilon * lo), Math.sqrt(epsilon * hi) - 1);
  const needed = root * root;
  const beta = needed === 0 ? 0 : Math.ceil(needed * scale(needed) - 1e-9) / scale(needed);
  return { beta, epsilon };
}

/** The largest step ε at which momentum β still converges on these eigenvalues: ελ_max < 2(1 + β). */
export function stableStepLimit(eigenvalues: readonly [number, number], beta: number): number {
  checkBeta(beta, "β");
  return (2 * (1 + beta)) / eigenvalues[1];
}

export interface MeasuredRate {
  /** The per-step factor by which the error's envelope shrank over the second half of the run. */
  rate: number;
  /** Steps used. */
  steps: number;
}

/**
 * The rate read off a simulation: runOptimizer's momentum (β, ε) on the noise-free quadratic with
 * Hessian eigenvalues [λ_min, λ_max], centred at the origin so that the error is the position
 * itself and can shrink far below the rounding of a shifted minimum. It starts at (1, 1), which excites both
 * eigen-directions, and is cut where the error first leaves [1e-250, 1e250]. Over the second half
 * of what is left, M(t) is the largest error in the `window` steps up to t (the envelope of an
 * oscillating error) and the rate is (M(end)/M(middle))^(1/(end − middle)).
 */
export function measuredQuadraticRate(
  eigenvalues: readonly [number, number],
  beta: number,
  epsilon: number,
  { steps = 4000, window = 50 } = {},
): MeasuredRate {
  const surface = diagonalQuadratic(eigenvalues);
  const run = runOptimizer(surface, { kind: "momentum", alpha: beta, epsilon }, {
    start: [1, 1],
    steps: Math.min(steps, MAX_STEPS),
  });
  const errors: number[] = [];
  for (let t = 0; t <= run.stepsDone; t++) {
    const e = Math.hypot(run.x[t], run.y[t]);
    errors.push(e);
    if (!(e > 1e-250 && e < 1e250)) break;
  }
  const n = errors.length - 1;
  if (n < 4) return { rate: n > 0 ? (errors[n] / errors[0]) ** (1 / n) : NaN, steps: n };
  const w = Math.max(1, Math.min(window, Math.floor(n / 4)));
  const envelope = (t: number) => {
    let m = 0;
    for (let s = t - w + 1; s <= t; s++) m = Math.max(m, errors[s]);
    return m;
  };
  const mid = Math.floor(n / 2);
  const a = envelope(mid);
  const b = envelope(n);
  return { rate: a === 0 ? 0 : (b / a) ** (1 / (n - mid)), steps: n };
}

/** Log-spaced step sizes in [lo, hi]. */
export function logGrid(lo: number, hi: number, n: number): number[] {
  positiveNumber("lo", lo);
  positiveNumber("hi", hi);
  return Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (n === 1 ? 0 : i / (n - 1)));
}
