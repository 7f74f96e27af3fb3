/**
 * Symmetric eigenvalues in Float64: Householder tridiagonalisation followed by the implicit QL
 * iteration, the algorithm of EISPACK tred2/tql2 (as in JAMA), rewritten for row-major
 * Float64Arrays.
 *
 * The Householder vectors are kept rather than multiplied out: callers that work in the
 * tridiagonal basis (ridgePath.ts) use `tridiagonalize`, `applyQ` and `applyQTranspose` and never
 * need eigenvectors, and the dropout toy's stability bounds need eigenvalues only.
 *
 * Matrices are row-major: entry (i, j) of an n×n matrix `a` is `a[i * n + j]`; a block of k
 * right-hand sides is n×k row-major, so row i holds component i of every right-hand side.
 */

/** T = QᵀAQ with T tridiagonal; Q is kept as the Householder vectors that build it. */
export interface Tridiagonal {
  n: number;
  /** Diagonal of T. */
  d: Float64Array;
  /** Subdiagonal of T: e[i] couples rows i − 1 and i; e[0] = 0. */
  e: Float64Array;
  /** Householder vector u_k of step k in row k, entries 0…k − 1 (the input matrix, overwritten). */
  reflectors: Float64Array;
  /** h_k = u_kᵀu_k / 2 of step k; 0 marks a step that needed no reflection. */
  h: Float64Array;
}

function checkSquare(a: Float64Array, n: number, name: string): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${name}: n must be an integer ≥ 1, got ${n}`);
  }
  if (a.length < n * n) {
    throw new RangeError(`${name}: matrix needs n² = ${n * n} entries, got ${a.length}`);
  }
}

function checkBlock(t: Tridiagonal, b: Float64Array, k: number, name: string): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`${name}: column count k must be an integer ≥ 1, got ${k}`);
  }
  if (b.length < t.n * k) {
    throw new RangeError(`${name}: block needs n·k = ${t.n * k} entries, got ${b.length}`);
  }
}

/**
 * Reduces the symmetric matrix `a` (n×n, only its lower triangle is read) to tridiagonal form in
 * place. `a` is overwritten with the Householder vectors; pass a copy to keep it.
 */
export function tridiagonalize(a: Float64Array, n: number, scratch?: Float64Array): Tridiagonal {
  checkSquare(a, n, "tridiagonalize");
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const h = new Float64Array(n);
  // u and p (then q) live side by side in one scratch buffer so repeated calls allocate nothing big.
  const work = scratch && scratch.length >= 2 * n ? scratch : new Float64Array(2 * n);
  const u = work.subarray(0, n);
  const p = work.subarray(n, 2 * n);
  for (let k = n - 1; k >= 1; k--) {
    const rowK = k * n;
    d[k] = a[rowK + k];
    let sigma = 0;
    for (let j = 0; j < k - 1; j++) sigma += a[rowK + j] * a[rowK + j];
    const x = a[rowK + k - 1];
    if (sigma === 0) {
      // Row k is already tridiagonal: H_k = I.
      e[k] = x;
      h[k] = 0;
      continue;
    }
    const norm = Math.sqrt(sigma + x * x);
    // The sign choice keeps u_{k−1} = x − alpha free of cancellation.
    const alpha = x > 0 ? -norm : norm;
    a[rowK + k - 1] = x - alpha;
    const hk = norm * norm - x * alpha;
    e[k] = alpha;
    h[k] = hk;
    for (let j = 0; j < k; j++) {
      u[j] = a[rowK + j];
      p[j] = 0;
    }
    // p = A u / h from the lower triangle: each stored entry serves (i, j) and (j, i).
    for (let i = 0; i < k; i++) {
      const rowI = i * n;
      const ui = u[i];
      let s = 0;
      for (let j = 0; j < i; j++) {
        const aij = a[rowI + j];
        s += aij * u[j];
        p[j] += aij * ui;
      }
      p[i] += s + a[rowI + i] * ui;
    }
    let upSum = 0;
    for (let j = 0; j < k; j++) {
      p[j] /= hk;
      upSum += u[j] * p[j];
    }
    const kk = upSum / (2 * hk);
    for (let j = 0; j < k; j++) p[j] -= kk * u[j];
    // A ← A − u qᵀ − q uᵀ on the lower triangle (p now holds q).
    for (let i = 0; i < k; i++) {
      const rowI = i * n;
      const ui = u[i];
      const qi = p[i];
      for (let j = 0; j <= i; j++) a[rowI + j] -= ui * p[j] + qi * u[j];
    }
  }
  d[0] = a[0];
  e[0] = 0;
  h[0] = 0;
  return { n, d, e, reflectors: a, h };
}

/** Applies H_k = I − u_k u_kᵀ / h_k to rows 0…k − 1 of the n×k block b (k = cols). */
function reflect(t: Tridiagonal, step: number, b: Float64Array, cols: number, s: Float64Array) {
  const hk = t.h[step];
  if (hk === 0) return;
  const a = t.reflectors;
  const rowK = step * t.n;
  s.fill(0, 0, cols);
  for (let i = 0; i < step; i++) {
    const ui = a[rowK + i];
    if (ui === 0) continue;
    const rowI = i * cols;
    for (let c = 0; c < cols; c++) s[c] += ui * b[rowI + c];
  }
  for (let c = 0; c < cols; c++) s[c] /= hk;
  for (let i = 0; i < step; i++) {
    const ui = a[rowK + i];
    if (ui === 0) continue;
    const rowI = i * cols;
    for (let c = 0; c < cols; c++) b[rowI + c] -= ui * s[c];
  }
}

/** Applies the reflectors of `t` to the n×k block b in the given order of steps. */
function applyReflectors(
  t: Tridiagonal,
  b: Float64Array,
  k: number,
  scratch: Float64Array | undefined,
  transpose: boolean,
  name: string,
): Float64Array {
  checkBlock(t, b, k, name);
  const s = scratch && scratch.length >= k ? scratch : new Float64Array(k);
  // Qᵀ = H_1 ⋯ H_{n−1}: the first reduction step (step n − 1) acts first; Q is the reverse.
  for (let i = 1; i < t.n; i++) reflect(t, transpose ? t.n - i : i, b, k, s);
  return b;
}

/** b ← Qᵀb for an n×k block b, in place: coordinates of b in the tridiagonal basis. */
export function applyQTranspose(
  t: Tridiagonal,
  b: Float64Array,
  k: number,
  scratch?: Float64Array,
) {
  return applyReflectors(t, b, k, scratch, true, "applyQTranspose");
}

/** b ← Qb for an n×k block b, in place: back from the tridiagonal basis. */
export function applyQ(t: Tridiagonal, b: Float64Array, k: number, scratch?: Float64Array) {
  return applyReflectors(t, b, k, scratch, false, "applyQ");
}

/** √(a² + b²) without the cost of Math.hypot when the squares cannot overflow or underflow. */
function hypot(a: number, b: number): number {
  const s = a * a + b * b;
  return s < 1e300 && s > 1e-300 ? Math.sqrt(s) : Math.hypot(a, b);
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix (d, e) by the implicit QL iteration with
 * Wilkinson-style shifts (tql2). On return d holds the eigenvalues in ascending order; d and e
 * are overwritten.
 */
export function tridiagonalEigen(d: Float64Array, e: Float64Array, n: number): Float64Array {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  const maxIterations = 60;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      let iteration = 0;
      do {
        if (++iteration > maxIterations) {
          throw new Error(`tridiagonalEigen: no convergence for eigenvalue ${l} of ${n}`);
        }
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let hh = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= hh;
        f += hh;
        p = d[m];
        let cs = 1;
        let c2 = cs;
        let c3 = cs;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = cs;
          s2 = s;
          g = cs * e[i];
          hh = cs * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          cs = p / r;
          p = cs * d[i] - s * g;
          d[i + 1] = hh + s * (cs * g + s * d[i]);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = cs * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  return d.sort();
}

/**
 * Eigenvalues, ascending, of the symmetric n×n matrix `a` (only its lower triangle is read; `a` is
 * not modified).
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  checkSquare(a, n, "symmetricEigenvalues");
  const t = tridiagonalize(a.slice(0, n * n), n);
  return tridiagonalEigen(t.d, t.e, n);
}

/**
 * Solves (T + λI) z = c for the symmetric tridiagonal T = (d, e) (e[i] couples i − 1 and i) by
 * LDLᵀ without pivoting, which is backward stable because T + λI is positive definite whenever T is
 * positive semidefinite and λ > 0. `work` (length ≥ n) holds the pivots; z may alias c.
 */
export function solveShiftedTridiagonal(
  d: Float64Array,
  e: Float64Array,
  n: number,
  lambda: number,
  c: Float64Array,
  z: Float64Array,
  work: Float64Array,
): Float64Array {
  let pivot = d[0] + lambda;
  work[0] = pivot;
  z[0] = c[0];
  for (let i = 1; i < n; i++) {
    const w = e[i] / pivot;
    pivot = d[i] + lambda - w * e[i];
    work[i] = pivot;
    z[i] = c[i] - w * z[i - 1];
  }
  z[n - 1] /= work[n - 1];
  for (let i = n - 2; i >= 0; i--) z[i] = (z[i] - e[i + 1] * z[i + 1]) / work[i];
  return z;
}
