/**
 * Small dense linear algebra in Float64 for the closed forms on the explorable pages.
 *
 * Every problem here has a handful of unknowns, so the routines favour clarity and numerical care
 * over speed: matrices are plain `number[][]` (row-major), and nothing allocates typed arrays.
 */

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
