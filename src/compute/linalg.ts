/**
 * Small dense linear algebra in Float64 for the closed forms on the explorable pages.
 *
 * Every problem here has a handful of unknowns, so the routines favour clarity and numerical care
 * over speed: matrices are plain `number[][]` (row-major), and nothing allocates typed arrays.
 */

export type Matrix = number[][];
export type Vector = number[];

function assertSquare(a: Matrix, what: string): number {
  const n = a.length;
  if (n === 0) throw new RangeError(`${what}: matrix must be non-empty`);
  for (const row of a) {
    if (row.length !== n) throw new RangeError(`${what}: matrix must be square (${n}×${n})`);
  }
  return n;
}

function assertLength(b: Vector, n: number, what: string): void {
  if (b.length !== n) {
    throw new RangeError(`${what}: right-hand side has length ${b.length}, expected ${n}`);
  }
}

export function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function matVec(a: Matrix, v: Vector): Vector {
  return a.map((row) => dot(row, v));
}

export function transpose(a: Matrix): Matrix {
  if (a.length === 0) return [];
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** Aᵀ diag(weights) A, the weighted Gram matrix of the rows of A. */
export function gram(a: Matrix, weights?: Vector): Matrix {
  const n = a[0]?.length ?? 0;
  const g: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  a.forEach((row, k) => {
    const wk = weights ? weights[k] : 1;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) g[i][j] += wk * row[i] * row[j];
    }
  });
  return g;
}

/**
 * Solves A x = b for symmetric positive definite A by Cholesky.
 *
 * The matrix is first scaled symmetrically to unit diagonal. Dropout's normal matrices mix a
 * feature of size 10 with one of size 1, and near r = 0 they are nearly singular; equilibrating
 * removes the part of the condition number that only comes from the units of the features, which
 * keeps the small-rate solutions accurate to many more digits.
 * Throws if A is not (numerically) positive definite.
 */
export function choleskySolve(a: Matrix, b: Vector): Vector {
  const n = assertSquare(a, "choleskySolve");
  assertLength(b, n, "choleskySolve");
  const s = a.map((row, i) => {
    if (!(row[i] > 0)) throw new RangeError("choleskySolve: matrix is not positive definite");
    return 1 / Math.sqrt(row[i]);
  });
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j] * s[i] * s[j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError("choleskySolve: matrix is not positive definite");
        l[i][i] = Math.sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  }
  // Forward then back substitution on the scaled system (S A S) (S⁻¹ x) = S b.
  const z = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] * s[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * z[k];
    z[i] = sum / l[i][i];
  }
  const y = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * y[k];
    y[i] = sum / l[i][i];
  }
  return y.map((yi, i) => yi * s[i]);
}

/** Solves A x = b by LU decomposition with partial pivoting. Throws if A is singular. */
export function luSolve(a: Matrix, b: Vector): Vector {
  const n = assertSquare(a, "luSolve");
  assertLength(b, n, "luSolve");
  const m = a.map((row) => row.slice());
  const x = b.slice();
  let scale = 0;
  for (const row of a) for (const v of row) scale = Math.max(scale, Math.abs(v));
  const tiny = scale * n * Number.EPSILON;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    }
    if (!(Math.abs(m[pivot][col]) > tiny)) throw new RangeError("luSolve: matrix is singular");
    if (pivot !== col) {
      [m[pivot], m[col]] = [m[col], m[pivot]];
      [x[pivot], x[col]] = [x[col], x[pivot]];
    }
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      if (f === 0) continue;
      for (let c = col; c < n; c++) m[r][c] -= f * m[col][c];
      x[r] -= f * x[col];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= m[i][k] * x[k];
    x[i] = sum / m[i][i];
  }
  return x;
}

/** Eigenvalues of the symmetric 2×2 matrix [[a, b], [b, c]], ascending. */
export function eigenvalues2x2Symmetric(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  // hypot avoids the cancellation of mean² − det when the eigenvalues are far apart.
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  values: Vector;
  /** Column k of this matrix (vectors[i][k]) is the unit eigenvector for values[k]. */
  vectors: Matrix;
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.
 *
 * Jacobi is slower than QR for big matrices but, for the 2–16 unknowns used here, it is short,
 * unconditionally convergent and accurate for small eigenvalues relative to the matrix norm.
 */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  const n = assertSquare(a, "symmetricEigen");
  const m = a.map((row) => row.slice());
  const v: Matrix = Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0);
    row[i] = 1;
    return row;
  });
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        total += m[i][j] * m[i][j];
        if (i !== j) off += m[i][j] * m[i][j];
      }
    }
    if (off <= total * 1e-32 || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (m[p][q] === 0) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i][i] - m[j][j]);
  return {
    values: order.map((i) => m[i][i]),
    vectors: v.map((row) => order.map((i) => row[i])),
  };
}

/**
 * Minimum-norm solution of the (optionally weighted) least-squares problem
 * min Σₖ weightₖ (bₖ − Aₖ·x)², for tiny dense problems.
 *
 * It diagonalises the weighted Gram matrix and inverts only the eigenvalues that stand clear of
 * rounding noise, i.e. it applies the pseudo-inverse. That is what makes the unweighted r = 0
 * dropout problem (one equation, two unknowns) come out as the minimum-norm interpolator instead
 * of failing as singular. Squaring the condition number through the Gram matrix is acceptable
 * because callers only ever have a few unknowns and well-scaled data.
 */
export function minNormLeastSquares(a: Matrix, b: Vector, weights?: Vector): Vector {
  if (a.length === 0) throw new RangeError("minNormLeastSquares: need at least one row");
  assertLength(b, a.length, "minNormLeastSquares");
  if (weights) {
    assertLength(weights, a.length, "minNormLeastSquares (weights)");
    if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) {
      throw new RangeError("minNormLeastSquares: weights must be finite and ≥ 0");
    }
  }
  const n = a[0].length;
  const g = gram(a, weights);
  const rhs = new Array<number>(n).fill(0);
  a.forEach((row, k) => {
    const wk = weights ? weights[k] : 1;
    for (let i = 0; i < n; i++) rhs[i] += wk * row[i] * b[k];
  });
  const { values, vectors } = symmetricEigen(g);
  const largest = Math.max(0, ...values);
  // Jacobi's eigenvalues carry absolute error of order ε·‖G‖; anything under a generous multiple
  // of that is indistinguishable from an exact zero and must not be inverted.
  const cutoff = largest * n * 1e-13;
  const x = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    if (!(values[k] > cutoff)) continue;
    let proj = 0;
    for (let i = 0; i < n; i++) proj += vectors[i][k] * rhs[i];
    const coef = proj / values[k];
    for (let i = 0; i < n; i++) x[i] += coef * vectors[i][k];
  }
  return x;
}
