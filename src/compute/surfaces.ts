/**
 * The three 2-D loss surfaces of the momentum page, with their gradients and the gradient noise
 * of the stochastic case. Pure functions, no DOM; the page, the tfjs runs and the tests share them.
 *
 * - "quadratic": f = ½(λ₁(x − c_x)² + λ₂(y − c_y)²) with λ₁ = 1/κ (the long, flat axis) and
 *   λ₂ = 1, so κ is the condition number and the largest curvature is 1.
 * - "rosenbrock": the Rosenbrock valley (1 − x)² + 100(y − x²)², divided by the largest eigenvalue
 *   of its Hessian at the minimum (1, 1), so that there too the largest curvature is 1 and one step
 *   size suits every surface.
 * - "noisy": the quadratic, with every gradient perturbed by σ·ξₜ, ξₜ ~ N(0, I) drawn from
 *   createRng(seed) in step order.
 */
import { createRng } from "./prng.js";
import {
  inRange,
  integerAtLeast,
  nonNegativeNumber,
  oneOf,
  positiveNumber,
  seedValue,
} from "./validate.js";

export const SURFACE_KINDS = ["quadratic", "rosenbrock", "noisy"] as const;
export type SurfaceKind = (typeof SURFACE_KINDS)[number];

/** The box every surface is drawn in, and the range of start points a reader may choose. */
export const DOMAIN = { x: [-2, 2], y: [-1, 3] } as const;

/** Where the quadratic's minimum sits: the middle of DOMAIN. */
const QUADRATIC_CENTER = [0, 1] as const;

/** Condition numbers the page offers. */
const KAPPA_RANGE = [1, 200] as const;

/** Rosenbrock's unscaled Hessian at (1, 1) is [[802, −400], [−400, 200]]; its eigenvalues 501 ± √250601. */
const ROSENBROCK_HESSIAN_EIGS = [501 - Math.sqrt(250601), 501 + Math.sqrt(250601)] as const;
/** The factor that brings the Rosenbrock's largest curvature at its minimum to 1. */
export const ROSENBROCK_SCALE = ROSENBROCK_HESSIAN_EIGS[1];

export interface SurfaceSpec {
  kind: SurfaceKind;
  /** Condition number of the quadratic (ignored by the Rosenbrock). */
  kappa: number;
  /** Gradient noise σ (used by "noisy" only). */
  noise: number;
  /** Seed of the noise (used by "noisy" only). */
  seed: number;
  /** Where the quadratic's minimum sits; QUADRATIC_CENTER unless given. */
  center?: readonly [number, number];
}

export interface Surface {
  readonly kind: SurfaceKind;
  value(x: number, y: number): number;
  /** Writes the exact gradient ∇f(x, y) into out[0], out[1]. */
  gradient(x: number, y: number, out: Float64Array): void;
  /** The minimiser, where f = 0. */
  readonly minimum: readonly [number, number];
  /** The Hessian's eigenvalues at the minimum, smallest first (everywhere, for the quadratics). */
  readonly eigenvalues: readonly [number, number];
  /** Per-axis curvatures of the quadratic, (λ₁, λ₂); undefined for the Rosenbrock. */
  readonly curvatures?: readonly [number, number];
  /** Gradient noise σ (0 for the noise-free surfaces). */
  readonly noise: number;
  readonly seed: number;
}

/** Checks a surface description; the RangeError names the bad parameter, its range and value. */
function checkSurfaceSpec(spec: SurfaceSpec): SurfaceSpec {
  oneOf("surface", spec.kind, SURFACE_KINDS);
  inRange("condition number κ", spec.kappa, { min: KAPPA_RANGE[0], max: KAPPA_RANGE[1] });
  nonNegativeNumber("noise σ", spec.noise);
  seedValue(spec.seed);
  return spec;
}

export function makeSurface(spec: SurfaceSpec): Surface {
  checkSurfaceSpec(spec);
  if (spec.kind === "rosenbrock") {
    const s = ROSENBROCK_SCALE;
    return {
      kind: "rosenbrock",
      value: (x, y) => ((1 - x) ** 2 + 100 * (y - x * x) ** 2) / s,
      gradient(x, y, out) {
        const r = y - x * x;
        out[0] = (-2 * (1 - x) - 400 * x * r) / s;
        out[1] = (200 * r) / s;
      },
      minimum: [1, 1],
      eigenvalues: [ROSENBROCK_HESSIAN_EIGS[0] / s, 1],
      noise: 0,
      seed: spec.seed,
    };
  }
  const [cx, cy] = spec.center ?? QUADRATIC_CENTER;
  const l1 = 1 / spec.kappa;
  const l2 = 1;
  return {
    kind: spec.kind,
    value: (x, y) => 0.5 * (l1 * (x - cx) ** 2 + l2 * (y - cy) ** 2),
    gradient(x, y, out) {
      out[0] = l1 * (x - cx);
      out[1] = l2 * (y - cy);
    },
    minimum: [cx, cy],
    eigenvalues: [l1, l2],
    curvatures: [l1, l2],
    noise: spec.kind === "noisy" ? spec.noise : 0,
    seed: spec.seed,
  };
}

/**
 * The noise-free quadratic ½(λ₁x² + λ₂y²) centred at the origin, for any positive curvatures
 * (the Rosenbrock's quadratic model at its minimum has a condition number far above KAPPA_RANGE).
 */
export function diagonalQuadratic(curvatures: readonly [number, number]): Surface {
  const [l1, l2] = curvatures;
  positiveNumber("λ₁", l1);
  positiveNumber("λ₂", l2);
  return {
    kind: "quadratic",
    value: (x, y) => 0.5 * (l1 * x * x + l2 * y * y),
    gradient(x, y, out) {
      out[0] = l1 * x;
      out[1] = l2 * y;
    },
    minimum: [0, 0],
    eigenvalues: l1 <= l2 ? [l1, l2] : [l2, l1],
    curvatures: [l1, l2],
    noise: 0,
    seed: 0,
  };
}

/**
 * The noise of `steps` steps, ξ₁, ξ₂, … as (x, y) pairs: 2·steps standard normals from
 * createRng(seed), in step order. Every optimiser on the page reads this same sequence, so all
 * of them meet the same noise at the same step.
 */
export function noiseSequence(seed: number, steps: number): Float64Array {
  integerAtLeast("steps", steps, 0);
  const rng = createRng(seed);
  const out = new Float64Array(2 * steps);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal();
  return out;
}

/** A closed level curve f = level, as a polyline (first point repeated at the end). */
export interface LevelCurve {
  level: number;
  x: Float64Array;
  y: Float64Array;
}

/**
 * The level curve f = level of a noise-free surface, exactly: an ellipse for the quadratic, and
 * for the Rosenbrock, with C = level·S, the curve x = 1 − √C·cos φ, y = x² + (√C/10)·sin φ,
 * φ ∈ [0, 2π] (then (1 − x)² = C cos²φ and 100(y − x²)² = C sin²φ). No grid, no marching squares.
 */
export function levelCurve(surface: Surface, level: number, samples = 160): LevelCurve {
  positiveNumber("level", level);
  integerAtLeast("samples", samples, 8);
  const x = new Float64Array(samples + 1);
  const y = new Float64Array(samples + 1);
  const [cx, cy] = surface.minimum;
  for (let k = 0; k <= samples; k++) {
    const phi = (2 * Math.PI * (k % samples)) / samples;
    if (surface.curvatures) {
      x[k] = cx + Math.sqrt((2 * level) / surface.curvatures[0]) * Math.cos(phi);
      y[k] = cy + Math.sqrt((2 * level) / surface.curvatures[1]) * Math.sin(phi);
    } else {
      const r = Math.sqrt(level * ROSENBROCK_SCALE);
      x[k] = 1 - r * Math.cos(phi);
      y[k] = x[k] * x[k] + (r / 10) * Math.sin(phi);
    }
  }
  return { level, x, y };
}

/**
 * Contour levels for the drawn box: `n` − 1 geometric steps from 10⁻³ of the largest value at
 * the box's corners (where both surfaces are largest) up to just below it.
 */
export function contourLevels(surface: Surface, n = 12): number[] {
  const corners = [DOMAIN.x[0], DOMAIN.x[1]].flatMap((x) =>
    [DOMAIN.y[0], DOMAIN.y[1]].map((y) => surface.value(x, y))
  );
  const max = Math.max(...corners);
  return Array.from({ length: n - 1 }, (_, k) => max * 1e-3 ** (1 - k / (n - 1)));
}
