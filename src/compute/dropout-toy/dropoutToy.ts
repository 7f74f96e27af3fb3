/**
 * Closed forms for dropout on the one-point linear regression toy: x = (10, 1), y = 11, model
 * ŷ = w·x with no bias, squared loss.
 *
 * Dropout convention (PyTorch's nn.Dropout, "inverted dropout"): with drop rate r each feature is
 * kept independently with probability q = 1 − r, and kept features are multiplied by 1/q so that
 * E[x̃] = x. Write c = r / (1 − r).
 *
 * Averaging the squared loss over the masks gives a bias/variance split,
 *   E(y − w·x̃)² = (y − w·x)² + c Σⱼ xⱼ² wⱼ²,
 * i.e. ordinary least squares plus a ridge penalty in which every weight is charged by the size of
 * its own feature. Setting the gradient to zero gives the normal equations
 *   (x xᵀ + c diag(x²)) w = x y.
 *
 * All functions accept any number of features d, but the default data is the two-feature toy.
 */

import { eigenvalues2x2Symmetric, weightedLeastSquares } from "../linalg.js";
import { symmetricEigenvalues } from "../symmetricEigen.js";
import { dropRate, finiteNumber, finiteVector, integerAtLeast } from "../validate.js";

export const TOY = { x: [10, 1], y: 11 } as const;

type Features = readonly number[];

// 2^d mask outcomes are enumerated explicitly; beyond this the expanded data set is pointless.
const MAX_FEATURES = 16;

function checkData(x: Features, y?: number): number[] {
  const xs = finiteVector("x", x as number[]);
  if (xs.length > MAX_FEATURES) {
    throw new RangeError(`x must have at most ${MAX_FEATURES} entries; got ${xs.length}`);
  }
  if (y !== undefined) finiteNumber("y", y);
  return xs.slice();
}

/**
 * Minimum-norm least-squares weights, w = x y / ‖x‖². With one equation and d unknowns there is a
 * whole line (plane, …) of interpolators; this is the one gradient descent from w = 0 reaches,
 * because every gradient is a multiple of x and so the iterates never leave span{x}.
 */
export function olsMinNorm(x: Features = TOY.x, y: number = TOY.y): number[] {
  const xs = checkData(x, y);
  const norm2 = xs.reduce((s, v) => s + v * v, 0);
  if (norm2 === 0) return xs.map(() => 0);
  return xs.map((v) => (v * y) / norm2);
}

/**
 * Minimiser of the dropout-averaged loss for rate r > 0, and the minimum-norm fit at r = 0 (the
 * point plain gradient descent from w = 0 reaches; at r = 0 every exact fit minimises the loss).
 *
 * The normal equations (x xᵀ + c diag(x²)) w = x y have the closed form (see limitAsRateToZero)
 *   wⱼ = y / (xⱼ (d + c)) = y (1 − r) / (xⱼ (d (1 − r) + r)),   c = r / (1 − r),
 * for every feature xⱼ ≠ 0, with d the number of such features; a feature that is identically zero
 * never touches the loss and keeps the minimum-norm value 0. The second form needs no division by
 * 1 − r and no matrix, so it stays exact for every r in (0, 1): solving the 2×2 system instead
 * was 19 % off at r = 1e-15 and singular below. As r → 0+ it tends to limitAsRateToZero(), not to
 * the value at r = 0.
 */
export function expectedLossMinimiser(rate: number, x: Features = TOY.x, y: number = TOY.y) {
  dropRate(rate);
  const xs = checkData(x, y);
  if (rate === 0) return olsMinNorm(xs, y);
  const d = xs.filter((v) => v !== 0).length;
  const keep = 1 - rate;
  return xs.map((v) => (v === 0 ? 0 : (y * keep) / (v * (d * keep + rate))));
}

export interface ExpandedData {
  /** One row per mask outcome: x ⊙ m / q. Outcome order counts down in binary, first feature
   * most significant, so for d = 2 the order is (keep, keep), (keep, drop), (drop, keep), (drop, drop). */
  rows: number[][];
  /** Probability of each mask outcome: q^(kept) (1 − q)^(dropped). Sums to 1. */
  weights: number[];
  /** The target, repeated for every row. */
  y: number[];
}

/**
 * The data set that dropout implicitly trains on: every mask outcome as its own example,
 * weighted by its probability. Least squares on it is exactly minimising the expected loss.
 */
export function expandedData(rate: number, x: Features = TOY.x, y: number = TOY.y): ExpandedData {
  dropRate(rate);
  const xs = checkData(x, y);
  const d = xs.length;
  const q = 1 - rate;
  const rows: number[][] = [];
  const weights: number[] = [];
  for (let outcome = 0; outcome < 2 ** d; outcome++) {
    let p = 1;
    const row = xs.map((v, j) => {
      const kept = ((outcome >> (d - 1 - j)) & 1) === 0;
      p *= kept ? q : rate;
      return kept ? v / q : 0;
    });
    rows.push(row);
    weights.push(p);
  }
  return { rows, weights, y: rows.map(() => y) };
}

/**
 * Weighted least squares on the expanded data, solved by QR (see weightedLeastSquares), so it is
 * a second derivation of expectedLossMinimiser that never uses its closed form: the two agree for
 * every rate, down to r = 1e-300, and at r = 0 (where only the unmasked row has weight) this is the
 * minimum-norm fit of that single row.
 */
export function expandedLeastSquares(rate: number, x: Features = TOY.x, y: number = TOY.y) {
  const data = expandedData(rate, x, y);
  return weightedLeastSquares(data.rows, data.y, data.weights);
}

/**
 * The weights as the drop rate tends to 0 from above.
 *
 * Sherman–Morrison applied to c D + x xᵀ with D = diag(x²) gives, for every feature xⱼ ≠ 0,
 *   wⱼ(r) = y / (xⱼ (d + c)),  so  xⱼ wⱼ = y / (d + c)  for all j,
 * where d counts the non-zero features: the features split the target equally. Letting c → 0
 * gives wⱼ = y / (d xⱼ), an interpolator (Σ xⱼ wⱼ = y) — but not the minimum-Euclidean-norm one.
 * The vanishing penalty c Σ xⱼ² wⱼ² still decides which interpolator is chosen: the limit is the
 * interpolator of smallest diag(x²)-weighted norm, whereas at exactly r = 0 no penalty exists and
 * gradient descent picks the smallest plain norm. That mismatch is the jump of w(r) at r = 0.
 */
export function limitAsRateToZero(x: Features = TOY.x, y: number = TOY.y): number[] {
  const xs = checkData(x, y);
  const d = xs.filter((v) => v !== 0).length;
  return xs.map((v) => (v === 0 ? 0 : y / (d * v)));
}

/** Each feature's share of the prediction, xⱼ wⱼ (for the toy: 10·w1 and w2). */
export function contributions(w: readonly number[], x: Features = TOY.x): number[] {
  const xs = checkData(x);
  const ws = finiteVector("w", w as number[], xs.length);
  return xs.map((v, j) => v * ws[j]);
}

/** E[x̃ x̃ᵀ] = x xᵀ + c diag(x²). */
export function maskedSecondMoment(rate: number, x: Features = TOY.x): number[][] {
  dropRate(rate);
  const xs = checkData(x);
  const c = rate / (1 - rate);
  return xs.map((xi, i) => xs.map((xj, j) => xi * xj + (i === j ? c * xi * xi : 0)));
}

/**
 * Largest learning rate for which plain SGD on the batch-mean squared loss can stay bounded.
 *
 * The masks do not depend on w, so the mean iterate follows exact gradient descent on the
 * expected loss, whose Hessian is H = 2 E[x̃ x̃ᵀ]. Once lr > 2 / λmax(H) the mean iterate grows
 * geometrically along the top eigenvector, so the weights blow up whatever the batch size.
 * The converse does not hold: with small batches the fluctuations can diverge below this bound
 * (see maxMeanSquareStableLearningRate), so treat it as the hard ceiling for a warning.
 */
export function maxStableLearningRate(rate: number, x: Features = TOY.x): number {
  const m = maskedSecondMoment(rate, x);
  const top = m.length === 2
    ? eigenvalues2x2Symmetric(m[0][0], m[0][1], m[1][1])[1]
    : Math.max(...symmetricEigenvalues(Float64Array.from(m.flat()), m.length));
  return top > 0 ? 2 / (2 * top) : Infinity;
}

/**
 * Largest learning rate for which SGD with the given batch size keeps a bounded second moment
 * of the weight error (mean-square stability), found by bisection.
 *
 * The error e = w − w* evolves as e ← (I − lr Hᵦ) e + noise with Hᵦ = (2/B) Σ x̃ x̃ᵀ over the
 * batch, so its second moment S is mapped by S ↦ E[(I − lr Hᵦ) S (I − lr Hᵦ)]. That map is a
 * symmetric operator on symmetric matrices; it must have spectral radius < 1. Small batches
 * need a smaller rate than maxStableLearningRate because a single unlucky mask outcome (all
 * features kept, scaled by 1/q) has a larger curvature than the average.
 */
export function maxMeanSquareStableLearningRate(
  rate: number,
  batchSize: number,
  x: Features = TOY.x,
): number {
  integerAtLeast("batchSize", batchSize, 1);
  const { rows, weights } = expandedData(rate, x);
  const d = rows[0].length;
  const m = maskedSecondMoment(rate, x);
  const upper = maxStableLearningRate(rate, x);
  if (!Number.isFinite(upper)) return upper;
  // Orthonormal basis of symmetric d×d matrices: E_ii, and (E_ij + E_ji)/√2 for i < j.
  const basis: number[][][] = [];
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const e = Array.from({ length: d }, () => new Array<number>(d).fill(0));
      const v = i === j ? 1 : Math.SQRT1_2;
      e[i][j] = v;
      e[j][i] = v;
      basis.push(e);
    }
  }
  const mul = (a: number[][], b: number[][]) =>
    a.map((row) => b[0].map((_, j) => row.reduce((s, aik, k) => s + aik * b[k][j], 0)));
  const inner = (a: number[][], b: number[][]) =>
    a.reduce((s, row, i) => s + row.reduce((t, v, j) => t + v * b[i][j], 0), 0);
  const outers = rows.map((r) => r.map((ri) => r.map((rj) => ri * rj)));
  const bsz = batchSize;
  // E[Hᵦ S Hᵦ] with Hᵦ = (2/B) Σₖ x̃ₖ x̃ₖᵀ: B same-sample terms and B(B − 1) independent pairs.
  const hsh = (s: number[][]) => {
    const same = outers.reduce((acc, o, k) => {
      const t = mul(mul(o, s), o);
      return acc.map((row, i) => row.map((v, j) => v + weights[k] * t[i][j]));
    }, s.map((row) => row.map(() => 0)));
    const cross = mul(mul(m, s), m);
    return same.map((row, i) =>
      row.map((v, j) => (4 / bsz) * v + (4 * (bsz - 1) / bsz) * cross[i][j])
    );
  };
  const opParts = basis.map((eb) => {
    const h = mul(m, eb);
    const first = h.map((row, i) => row.map((v, j) => 2 * (v + h[j][i])));
    return { first, second: hsh(eb) };
  });
  const radius = (lr: number) => {
    const k = basis.map((ea) =>
      opParts.map(({ first, second }, b) =>
        inner(ea, basis[b]) - lr * inner(ea, first) + lr * lr * inner(ea, second)
      )
    );
    return Math.max(...symmetricEigenvalues(Float64Array.from(k.flat()), k.length).map(Math.abs));
  };
  // A zero-curvature direction (rate 0, or an all-zero feature) has radius exactly 1 at every
  // learning rate: it neither grows nor shrinks, which counts as stable here.
  const stable = (lr: number) => radius(lr) <= 1 + 1e-9;
  let lo = 0;
  let hi = upper;
  if (stable(hi * (1 - 1e-12))) return upper;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (stable(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
