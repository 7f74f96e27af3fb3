/**
 * Batch norm against whitening on 2-D Gaussian data (homework 5, question 9(b)).
 *
 * Batch norm standardises each coordinate with its own batch mean and variance: the cloud is
 * centred and both marginal variances become 1, but the correlation between the coordinates is
 * untouched (a per-axis affine map with positive scales keeps Pearson's r exactly), so the
 * contours of N(μ, Σ) become those of N(0, R), R the correlation matrix: still tilted ellipses.
 * Whitening multiplies the centred data by S^(−1/2) (ZCA, S the batch covariance): its output has
 * covariance exactly I, and the contours become circles.
 */
import { createRng } from "../prng.js";
import { finiteNumber, inRange, integerAtLeast, positiveNumber } from "../validate.js";

/** A symmetric 2 × 2 matrix [[a, b], [b, c]]. */
export interface Sym2 {
  a: number;
  b: number;
  c: number;
}

export interface Gaussian2dSpec {
  mean: readonly [number, number];
  variance: readonly [number, number];
  rho: number;
  samples: number;
  seed: number;
}

export interface Cloud {
  x: Float64Array;
  y: Float64Array;
}

export interface Gaussian2dResult {
  input: Cloud;
  batchNorm: Cloud;
  whitened: Cloud;
  /** The population covariance Σ of the input. */
  sigma: Sym2;
}

function checkGaussian2d(spec: Gaussian2dSpec): void {
  finiteNumber("mean of x₁", spec.mean[0]);
  finiteNumber("mean of x₂", spec.mean[1]);
  positiveNumber("variance of x₁", spec.variance[0]);
  positiveNumber("variance of x₂", spec.variance[1]);
  inRange("correlation ρ", spec.rho, { min: -1, max: 1, minInclusive: false, maxInclusive: false });
  integerAtLeast("samples", spec.samples, 3);
}

/** The covariance matrix of N(μ, Σ) from the two variances and the correlation. */
export function covarianceOf(variance: readonly [number, number], rho: number): Sym2 {
  return { a: variance[0], b: rho * Math.sqrt(variance[0] * variance[1]), c: variance[1] };
}

/** Draws `samples` points of N(μ, Σ) by x = μ + Lz, L the Cholesky factor of Σ. */
export function correlatedSample(spec: Gaussian2dSpec): Cloud {
  checkGaussian2d(spec);
  const rng = createRng(spec.seed);
  const [s1, s2] = spec.variance.map(Math.sqrt);
  const across = Math.sqrt(1 - spec.rho * spec.rho);
  const x = new Float64Array(spec.samples);
  const y = new Float64Array(spec.samples);
  for (let i = 0; i < spec.samples; i++) {
    const z1 = rng.normal();
    const z2 = rng.normal();
    x[i] = spec.mean[0] + s1 * z1;
    y[i] = spec.mean[1] + s2 * (spec.rho * z1 + across * z2);
  }
  return { x, y };
}

export interface CloudMoments {
  mean: [number, number];
  /** Biased (1/n) covariance, the batch statistics that batch norm and whitening use. */
  cov: Sym2;
  correlation: number;
}

export function cloudMoments({ x, y }: Cloud): CloudMoments {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    a += dx * dx;
    b += dx * dy;
    c += dy * dy;
  }
  const cov = { a: a / n, b: b / n, c: c / n };
  return { mean: [mx, my], cov, correlation: cov.b / Math.sqrt(cov.a * cov.c) };
}

/** Batch norm with β = 0, γ = 1 and ε = 0: each coordinate standardised on its own. */
function batchNormCloud(cloud: Cloud, moments = cloudMoments(cloud)): Cloud {
  const sx = Math.sqrt(moments.cov.a);
  const sy = Math.sqrt(moments.cov.c);
  return {
    x: cloud.x.map((v) => (v - moments.mean[0]) / sx),
    y: cloud.y.map((v) => (v - moments.mean[1]) / sy),
  };
}

/**
 * S^(−1/2) for a symmetric positive definite 2 × 2 S. Its square root is (S + √det·I)/√(tr + 2√det)
 * (square it and use Cayley–Hamilton, S² = tr·S − det·I), and a 2 × 2 inverse is explicit.
 */
export function inverseSquareRoot(s: Sym2): Sym2 {
  const det = s.a * s.c - s.b * s.b;
  if (!(det > 0) || !(s.a > 0)) {
    throw new RangeError(`the covariance must be positive definite; got det ${det}`);
  }
  const root = Math.sqrt(det);
  const t = Math.sqrt(s.a + s.c + 2 * root);
  const r = { a: (s.a + root) / t, b: s.b / t, c: (s.c + root) / t };
  const rdet = r.a * r.c - r.b * r.b;
  return { a: r.c / rdet, b: -r.b / rdet, c: r.a / rdet };
}

/** ZCA whitening with the batch covariance: S^(−1/2)(x − x̄). */
function whitenCloud(cloud: Cloud, moments = cloudMoments(cloud)): Cloud {
  const w = inverseSquareRoot(moments.cov);
  const n = cloud.x.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dx = cloud.x[i] - moments.mean[0];
    const dy = cloud.y[i] - moments.mean[1];
    x[i] = w.a * dx + w.b * dy;
    y[i] = w.b * dx + w.c * dy;
  }
  return { x, y };
}

/** One seeded batch of N(μ, Σ), batch-normalised and whitened. */
export function batchNormGaussian2d(spec: Gaussian2dSpec): Gaussian2dResult {
  const input = correlatedSample(spec);
  const moments = cloudMoments(input);
  return {
    input,
    batchNorm: batchNormCloud(input, moments),
    whitened: whitenCloud(input, moments),
    sigma: covarianceOf(spec.variance, spec.rho),
  };
}

/**
 * The contour of N(centre, C) at Mahalanobis distance k: centre + k·L(cos θ, sin θ), L the Cholesky
 * factor of C, at `points` angles (the first point repeated at the end, so the line closes).
 */
export function covarianceEllipse(
  centre: readonly [number, number],
  cov: Sym2,
  k: number,
  points = 97,
): { x: number; y: number }[] {
  positiveNumber("k", k);
  const l11 = Math.sqrt(cov.a);
  const l21 = cov.b / l11;
  const l22 = Math.sqrt(cov.c - l21 * l21);
  return Array.from({ length: points }, (_, i) => {
    const theta = (2 * Math.PI * i) / (points - 1);
    const u = Math.cos(theta);
    const v = Math.sin(theta);
    return { x: centre[0] + k * l11 * u, y: centre[1] + k * (l21 * u + l22 * v) };
  });
}

/** The correlation matrix of a covariance: what batch norm turns Σ into over a large batch. */
export function correlationMatrix(cov: Sym2): Sym2 {
  return { a: 1, b: cov.b / Math.sqrt(cov.a * cov.c), c: 1 };
}

/** Standard error of a sample correlation r over n points of a Gaussian with correlation ρ. */
export function correlationSE(rho: number, n: number): number {
  return (1 - rho * rho) / Math.sqrt(n);
}
