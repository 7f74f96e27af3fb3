/**
 * A direct, slow Float64 reference for one double-descent trial at one p, for tests only.
 *
 * It forms X̃ = ReLU(XW⁰ᵀ)/√p explicitly and solves each ridge problem with a dense Cholesky
 * factorisation, the textbook way: (X̃ᵀX̃ + λI)θ = X̃ᵀY when p ≤ N_train, and (X̃X̃ᵀ + λI)α = Y,
 * θ = X̃ᵀα otherwise. Every error comes from explicit predictions. It shares nothing with the
 * shipped solvers (src/compute/double-descent/ridgePath.ts and its callers) except the data, which come from the
 * same seeded streams (their distribution is tested on its own in randomFeatures.test.ts).
 */
import {
  drawReluFeatures,
  drawTeacherData,
  type TeacherSizes,
  trialStreams,
} from "../../src/compute/double-descent/randomFeatures.ts";

export interface DirectTrialParams extends TeacherSizes {
  p: number;
  lambdas: readonly number[];
  seed: number;
}

export interface DirectTrialErrors {
  trainError: number[];
  valError: number[];
  testError: number[];
}

/** Solves the SPD system a z = b (m×m row-major) by Cholesky; a is overwritten. */
export function choleskySolve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let j = 0; j < m; j++) {
    for (let k = 0; k <= j; k++) {
      let s = a[j * m + k];
      for (let i = 0; i < k; i++) s -= a[j * m + i] * a[k * m + i];
      if (j === k && !(s > 0)) throw new RangeError("choleskySolve: not positive definite");
      a[j * m + k] = j === k ? Math.sqrt(s) : s / a[k * m + k];
    }
  }
  const z = b.slice();
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < j; i++) z[j] -= a[j * m + i] * z[i];
    z[j] /= a[j * m + j];
  }
  for (let j = m - 1; j >= 0; j--) {
    for (let i = j + 1; i < m; i++) z[j] -= a[i * m + j] * z[i];
    z[j] /= a[j * m + j];
  }
  return z;
}

/** θ minimising ‖Xθ − y‖² + λ‖θ‖² for X n×p row-major, by the smaller of the two dense systems. */
export function directRidge(
  x: Float64Array,
  n: number,
  p: number,
  y: Float64Array,
  lambda: number,
): Float64Array {
  const primal = p <= n;
  const m = primal ? p : n;
  // XᵀX and Xᵀy (primal), or XXᵀ and y (kernel): dot products of columns, or of rows.
  const columns = (j: number, k: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i * p + j] * x[i * p + k];
    return s;
  };
  const rows = (j: number, k: number) => {
    let s = 0;
    for (let i = 0; i < p; i++) s += x[j * p + i] * x[k * p + i];
    return s;
  };
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < m; k++) {
      a[j * m + k] = (primal ? columns(j, k) : rows(j, k)) + (j === k ? lambda : 0);
    }
    for (let i = 0; i < n; i++) b[j] += primal ? x[i * p + j] * y[i] : (i === j ? y[i] : 0);
  }
  const z = choleskySolve(a, b, m);
  if (primal) return z;
  const theta = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) theta[j] += x[i * p + j] * z[i];
  return theta;
}

/** Train, validation and test MSE against the noisy labels, one entry per λ. */
export function directRidgeTrial(params: DirectTrialParams): DirectTrialErrors {
  const { nTrain, nVal, nTest, p } = params;
  const streams = trialStreams(params.seed);
  const data = drawTeacherData(params, streams);
  const phi = drawReluFeatures(data, params.d, p, streams.features);
  // X̃ for every row (train, validation, test), row-major.
  const features = new Float64Array(data.nAll * p);
  for (let i = 0; i < data.nAll; i++) {
    for (let j = 0; j < p; j++) features[i * p + j] = phi[j * data.nAll + i] / Math.sqrt(p);
  }
  const train = features.subarray(0, nTrain * p);
  const out: DirectTrialErrors = { trainError: [], valError: [], testError: [] };
  for (const lambda of params.lambdas) {
    const theta = directRidge(train, nTrain, p, data.y.subarray(0, nTrain), lambda);
    const sse = [0, 0, 0];
    for (let i = 0; i < data.nAll; i++) {
      let pred = 0;
      for (let j = 0; j < p; j++) pred += features[i * p + j] * theta[j];
      sse[i < nTrain ? 0 : i < nTrain + nVal ? 1 : 2] += (data.y[i] - pred) ** 2;
    }
    out.trainError.push(sse[0] / nTrain);
    out.valError.push(sse[1] / nVal);
    out.testError.push(sse[2] / nTest);
  }
  return out;
}
