/**
 * Small dense linear algebra in Float64 for the closed forms on the explorable pages.
 *
 * Every problem here has a handful of unknowns, so the routines favour clarity and numerical care
 * over speed. The least-squares solver takes plain `number[][]` rows; the products and the
 * spectral norm take a row-major typed array (a `DenseMatrix`), the layout of network weights.
 */
import { symmetricEigenvalues } from "./symmetricEigen.js";
import { integerAtLeast } from "./validate.js";

/** A rows×cols matrix, row-major: entry (i, j) is data[i * cols + j]. */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array | Float32Array;
}

/** A·v for the rows×cols A (row-major), in Float64. */
export function matrixTimes(
  a: Float64Array | Float32Array,
  v: ArrayLike<number>,
  rows: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += a[i * cols + j] * v[j];
    out[i] = sum;
  }
  return out;
}

/** Aᵀ·v for the rows×cols A (row-major), in Float64. */
export function transposeTimes(
  a: Float64Array | Float32Array,
  v: ArrayLike<number>,
  rows: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j] += a[i * cols + j] * v[i];
  }
  return out;
}

function checkDense({ rows, cols, data }: DenseMatrix): void {
  integerAtLeast("rows", rows, 1);
  integerAtLeast("cols", cols, 1);
  if (data.length !== rows * cols) {
    throw new RangeError(`spectralNorm: a ${rows}×${cols} matrix needs ${rows * cols} entries`);
  }
}

/** A source of standard normal draws (a prng.ts Rng). */
export interface NormalSource {
  normal(): number;
}

/**
 * Power iteration on AᵀA from a standard normal start drawn from `rng`, run a few steps at a time:
 * `step(k)` does k more iterations and returns the current estimate of ‖A‖₂ (from below,
 * converging). Live runs step it between yields to the page.
 */
export function powerIterator(a: DenseMatrix, rng: NormalSource) {
  checkDense(a);
  const { rows, cols, data } = a;
  let x: Float64Array = Float64Array.from({ length: cols }, () => rng.normal());
  let estimate = 0;
  return {
    step(count: number): number {
      for (let it = 0; it < count; it++) {
        const size = Math.sqrt(x.reduce((s, v) => s + v * v, 0));
        if (size === 0) return (estimate = 0);
        for (let j = 0; j < cols; j++) x[j] /= size;
        const y = matrixTimes(data, x, rows, cols);
        estimate = Math.sqrt(y.reduce((s, v) => s + v * v, 0));
        x = transposeTimes(data, y, rows, cols);
      }
      return estimate;
    },
  };
}

/** How to take ‖A‖₂: exactly (optionally into a cols² scratch for AᵀA), or by power iteration. */
export type SpectralNormMethod =
  | { scratch?: Float64Array }
  | { iterations: number; rng: NormalSource };

/**
 * ‖A‖₂, the largest singular value of A.
 *
 * By default exactly, as √λ₁(AᵀA): in closed form for two columns, else from the symmetric eigen
 * solver; `scratch` (cols² entries) holds AᵀA, so a caller that takes many norms allocates it once.
 *
 * With `iterations` and `rng`: that many steps of power iteration on AᵀA from a standard normal
 * start drawn from `rng`, a lower estimate that converges. Large layers use it (the eigen solver
 * costs cols³), and so do the experiments whose stored numbers come from it.
 */
export function spectralNorm(a: DenseMatrix, method: SpectralNormMethod = {}): number {
  checkDense(a);
  const { rows, cols, data } = a;
  if ("iterations" in method) {
    integerAtLeast("iterations", method.iterations, 1);
    return powerIterator(a, method.rng).step(method.iterations);
  }
  const gram = method.scratch && method.scratch.length >= cols * cols
    ? method.scratch
    : new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = 0; k < rows; k++) sum += data[k * cols + i] * data[k * cols + j];
      gram[i * cols + j] = sum;
      gram[j * cols + i] = sum;
    }
  }
  // Rounding can leave a zero eigenvalue slightly negative; the largest is ≥ 0.
  const top = cols === 2
    ? eigenvalues2x2Symmetric(gram[0], gram[1], gram[3])[1]
    : symmetricEigenvalues(gram, cols)[cols - 1];
  return Math.sqrt(Math.max(0, top));
}

/** Eigenvalues of the symmetric 2×2 matrix [[a, b], [b, c]], ascending. */
export function eigenvalues2x2Symmetric(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  // hypot avoids the cancellation of mean² − det when the eigenvalues are far apart.
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

/** ‖v‖ scaled by its largest entry, so entries of 1e-160 neither underflow nor lose digits. */
function norm(v: readonly number[]): number {
  const top = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (top === 0) return 0;
  return top * Math.sqrt(v.reduce((s, x) => s + (x / top) ** 2, 0));
}

/** One Householder step: the reflector that maps `x` onto (alpha, 0, …, 0). */
interface Reflector {
  v: number[];
  alpha: number;
}

function reflector(x: readonly number[]): Reflector {
  const size = norm(x);
  const alpha = x[0] > 0 ? -size : size;
  const v = x.slice();
  // x₀ − alpha adds two numbers of the same sign: no cancellation.
  v[0] -= alpha;
  return { v, alpha };
}

/** y ← H y for H = I − 2vvᵀ/vᵀv, written as y + v (vᵀy)/(alpha v₀) since vᵀv = −2 alpha v₀. */
function reflect({ v, alpha }: Reflector, y: number[], from: number): void {
  if (alpha === 0) return;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * y[from + i];
  const f = s / (alpha * v[0]);
  for (let i = 0; i < v.length; i++) y[from + i] += f * v[i];
}

/**
 * Householder QR of the columns `cols` (each of length m ≥ cols.length), in place: afterwards
 * cols[j][i] for i ≤ j is R(i, j), and each right-hand side in `rhs` holds Qᵀ times itself.
 */
function householderQr(cols: number[][], rhs: number[][]): Reflector[] {
  const reflectors: Reflector[] = [];
  cols.forEach((col, k) => {
    const h = reflector(col.slice(k));
    reflectors.push(h);
    col[k] = h.alpha;
    col.fill(0, k + 1);
    for (let j = k + 1; j < cols.length; j++) reflect(h, cols[j], k);
    for (const y of rhs) reflect(h, y, k);
  });
  return reflectors;
}

function pivot(cols: number[][], k: number): number {
  const r = cols[k][k];
  if (r === 0) throw new RangeError("weightedLeastSquares: the rows are rank deficient");
  return r;
}

/**
 * Weighted least squares, min Σₖ weightₖ (bₖ − aₖ·x)², by Householder QR of the rows √weightₖ aₖ
 * taken largest first.
 *
 * Why QR and not the normal equations: dropout's expanded data at a tiny drop rate r has weights
 * from about 1 down to r, and the solution hangs on the O(r) part of AᵀWA, which rounding removes
 * once r is near machine precision (the answer then jumped to the r = 0 one below r ≈ 1e-11). The
 * reflections here never add a light row's contribution to a heavy one's square, so the small
 * pivots come out with full relative accuracy.
 *
 * Rows of weight 0 are dropped, and so are unknowns whose column is zero in every remaining row:
 * they are set to 0, the minimum-norm choice. What remains must have full rank. With at least as
 * many rows as unknowns that gives the unique minimiser; with fewer rows (one equation, several
 * unknowns) the minimum-norm solution is returned, from the QR factorisation of the transpose.
 * The caller must know that: only an exactly zero pivot throws, because graded problems have
 * legitimately tiny pivots that no threshold could tell from rounding noise.
 */
export function weightedLeastSquares(
  a: readonly (readonly number[])[],
  b: readonly number[],
  weights: readonly number[] = a.map(() => 1),
): number[] {
  const n = a[0]?.length ?? 0;
  if (a.length === 0 || n === 0) {
    throw new RangeError("weightedLeastSquares: need at least one row and one unknown");
  }
  if (b.length !== a.length || weights.length !== a.length) {
    throw new RangeError(
      `weightedLeastSquares: ${a.length} rows need as many targets and weights; got ${b.length} and ${weights.length}`,
    );
  }
  a.forEach((row, k) => {
    if (row.length !== n || !row.every(Number.isFinite) || !Number.isFinite(b[k])) {
      throw new RangeError(`weightedLeastSquares: row ${k} must hold ${n} finite numbers`);
    }
    if (!(weights[k] >= 0) || !Number.isFinite(weights[k])) {
      throw new RangeError(`weightedLeastSquares: weights[${k}] must be finite and ≥ 0`);
    }
  });
  const scaled = a.flatMap((row, k) => {
    const s = Math.sqrt(weights[k]);
    return s > 0 ? [{ row: row.map((v) => s * v), target: s * b[k] }] : [];
  });
  scaled.sort((p, q) => norm(q.row) - norm(p.row));
  const active = [...Array(n).keys()].filter((j) => scaled.some(({ row }) => row[j] !== 0));
  const x = new Array<number>(n).fill(0);
  const m = scaled.length;
  const size = active.length;
  if (size === 0) return x;
  const targets = scaled.map((s) => s.target);
  let solution: number[];
  if (m >= size) {
    const cols = active.map((j) => scaled.map(({ row }) => row[j]));
    householderQr(cols, [targets]);
    solution = new Array<number>(size);
    for (let i = size - 1; i >= 0; i--) {
      let s = targets[i];
      for (let j = i + 1; j < size; j++) s -= cols[j][i] * solution[j];
      solution[i] = s / pivot(cols, i);
    }
  } else {
    // A = RᵀQᵀ from Aᵀ = QR: solve Rᵀz = b, then x = Q (z, 0).
    const cols = scaled.map(({ row }) => active.map((j) => row[j]));
    const reflectors = householderQr(cols, []);
    solution = new Array<number>(size).fill(0);
    for (let i = 0; i < m; i++) {
      let s = targets[i];
      for (let j = 0; j < i; j++) s -= cols[i][j] * solution[j];
      solution[i] = s / pivot(cols, i);
    }
    for (let k = m - 1; k >= 0; k--) reflect(reflectors[k], solution, k);
  }
  active.forEach((j, i) => (x[j] = solution[i]));
  return x;
}
