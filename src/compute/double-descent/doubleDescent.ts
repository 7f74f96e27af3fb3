/**
 * Double descent with random ReLU features, computed exactly.
 *
 * Model: θ minimises ½‖X̃θ − Y‖² + (λ/2)‖θ‖² with X̃ = ReLU(XWᵀ) (N_train×p), W_ij ~ N(0, 1/p).
 * Errors are mean squared errors against the noisy labels of each set, (1/n)Σ(Y_i − X̃_iθ)², so the
 * noise floor σ² is part of every validation and test error.
 *
 * One factorisation per (trial, p) serves every λ: the p×p matrix X̃ᵀX̃ when p ≤ N_train, else the
 * N_train×N_train kernel X̃X̃ᵀ with θ = X̃ᵀ(K + λI)⁻¹Y (see ridgePath.ts).
 */
import {
  drawReluFeatures,
  drawTeacherData,
  type TeacherData,
  type TeacherSizes,
  trialStreams,
} from "./randomFeatures.js";
import {
  factorRidge,
  factorSingularValues,
  kernelResidualSumOfSquares,
  primalResidualSumOfSquares,
  type RidgeBlock,
  solveBlock,
} from "./ridgePath.js";
import { integerAtLeast, nonNegativeNumber, seedValue } from "../validate.js";

/** Upper bounds that keep one trial within a browser tab's memory and patience. */
const LIMITS = { samples: 5000, d: 1000, p: 20000, lambdas: 1000, trials: 1000 } as const;

/** Mean squared errors, one entry per λ. */
export interface TrialErrors {
  trainError: Float64Array;
  valError: Float64Array;
  testError: Float64Array;
}

function checkSizes(s: TeacherSizes): void {
  integerAtLeast("nTrain", s.nTrain, 1, LIMITS.samples);
  integerAtLeast("nVal", s.nVal, 1, LIMITS.samples);
  integerAtLeast("nTest", s.nTest, 1, LIMITS.samples);
  integerAtLeast("d", s.d, 1, LIMITS.d);
  nonNegativeNumber("sigma", s.sigma);
}

function checkLambdas(name: string, lambdas: unknown): void {
  if (!Array.isArray(lambdas)) {
    throw new RangeError(`${name} must be an array of numbers ≥ 0; got ${String(lambdas)}`);
  }
  integerAtLeast(`${name}.length`, lambdas.length, 1, LIMITS.lambdas);
  lambdas.forEach((lambda, l) => nonNegativeNumber(`${name}[${l}]`, lambda));
}

/** Reusable scratch so that repeated trials (a slider in the browser) allocate almost nothing. */
class Workspace {
  #buffers = new Map<string, Float64Array>();
  /** A zero-filled view of `length` entries, backed by a buffer that only ever grows. */
  take(name: string, length: number): Float64Array {
    let buffer = this.#buffers.get(name);
    if (!buffer || buffer.length < length) {
      buffer = new Float64Array(length);
      this.#buffers.set(name, buffer);
    }
    const view = buffer.subarray(0, length);
    view.fill(0);
    return view;
  }
}

interface Setting {
  data: TeacherData;
  sizes: TeacherSizes;
  /** Unscaled features, feature-major with stride nAll (see drawReluFeatures). */
  phi: Float64Array;
  lambdas: ArrayLike<number>;
}

/** G⁰ = Φᵀ Φ and r⁰ = ΦᵀY over the training rows, for the first p unscaled features. */
function primalGram(s: Setting, p: number, ws: Workspace): { g: Float64Array; r: Float64Array } {
  const { phi, data } = s;
  const { nAll, y } = data;
  const n = s.sizes.nTrain;
  const g = ws.take("gram", p * p);
  const r = ws.take("gramRhs", p);
  for (let j = 0; j < p; j++) {
    const rowJ = j * nAll;
    let dot = 0;
    for (let i = 0; i < n; i++) dot += phi[rowJ + i] * y[i];
    r[j] = dot;
    for (let k = 0; k <= j; k++) {
      const rowK = k * nAll;
      let s2 = 0;
      for (let i = 0; i < n; i++) s2 += phi[rowJ + i] * phi[rowK + i];
      g[j * p + k] = s2;
    }
  }
  return { g, r };
}

/**
 * Adds features from…to − 1 to the unscaled kernel sums: K⁰ += φφᵀ over training rows (lower
 * triangle) and C⁰ += φ_{val,test} φ_trainᵀ. ReLU zeroes about half of every feature, and those
 * rows are skipped.
 */
function accumulateKernel(
  s: Setting,
  from: number,
  to: number,
  kSum: Float64Array,
  cross: Float64Array,
): void {
  const { phi } = s;
  const nAll = s.data.nAll;
  const n = s.sizes.nTrain;
  for (let j = from; j < to; j++) {
    const row = j * nAll;
    for (let i = 0; i < n; i++) {
      const fi = phi[row + i];
      if (fi === 0) continue;
      const rowI = i * n;
      for (let k = 0; k <= i; k++) kSum[rowI + k] += fi * phi[row + k];
    }
    for (let v = n; v < nAll; v++) {
      const fv = phi[row + v];
      if (fv === 0) continue;
      const rowV = (v - n) * n;
      for (let k = 0; k < n; k++) cross[rowV + k] += fv * phi[row + k];
    }
  }
}

function newBlock(ws: Workspace, size: number, count: number): RidgeBlock {
  return {
    w: ws.take("w", size * count),
    rDotW: ws.take("rDotW", count),
    normW2: ws.take("normW2", count),
  };
}

/** Turns summed predictions (times 1/scale) on the val and test rows into the two MSEs. */
function heldOutErrors(s: Setting, pred: Float64Array, scale: number, out: TrialErrors): void {
  const { nTrain, nVal, nTest } = s.sizes;
  const { y } = s.data;
  const count = s.lambdas.length;
  out.valError.fill(0);
  out.testError.fill(0);
  for (let v = 0; v < nVal + nTest; v++) {
    const target = v < nVal ? out.valError : out.testError;
    const yv = y[nTrain + v];
    const row = v * count;
    for (let l = 0; l < count; l++) {
      const r = yv - scale * pred[row + l];
      target[l] += r * r;
    }
  }
  for (let l = 0; l < count; l++) {
    out.valError[l] /= nVal;
    out.testError[l] /= nTest;
  }
}

/** A strided matrix: entry (v, k) is data[offset + v·row + k·col]. */
interface Strided {
  data: Float64Array;
  offset: number;
  row: number;
  col: number;
}

/**
 * pred (rows × count) += A W for A = `coef` (rows × inner) and W = `w` (inner × count, one column
 * per λ). ReLU leaves about half of A zero, and those entries are skipped.
 */
function accumulatePredictions(
  pred: Float64Array,
  count: number,
  w: Float64Array,
  inner: number,
  coef: Strided,
): void {
  const rows = pred.length / count;
  for (let v = 0; v < rows; v++) {
    const base = coef.offset + v * coef.row;
    const pRow = v * count;
    for (let k = 0; k < inner; k++) {
      const a = coef.data[base + k * coef.col];
      if (a === 0) continue;
      const wRow = k * count;
      for (let l = 0; l < count; l++) pred[pRow + l] += a * w[wRow + l];
    }
  }
}

/** Primal regime, p ≤ N_train; g0 and r0 may cover more than p features (stride g0Stride). */
function evaluatePrimal(
  s: Setting,
  p: number,
  g0: Float64Array,
  g0Stride: number,
  r0: Float64Array,
  ws: Workspace,
  out: TrialErrors,
  wantSpectrum: boolean,
): Float64Array | undefined {
  const { nTrain, nVal, nTest } = s.sizes;
  const { nAll, y } = s.data;
  const { phi, lambdas } = s;
  const count = lambdas.length;
  const scale = 1 / Math.sqrt(p);
  const m = ws.take("factor", p * p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) m[j * p + k] = g0[j * g0Stride + k] * scale * scale;
  }
  const r = ws.take("rhs", p);
  for (let j = 0; j < p; j++) r[j] = r0[j] * scale;
  const f = factorRidge(m, p, ws.take("factorWork", 2 * p));
  const block = solveBlock(f, r, lambdas, newBlock(ws, p, count));
  // Held-out row v's prediction sums φ_vj θ_j over features j, φ_vj = phi[j·nAll + nTrain + v].
  const pred = ws.take("pred", (nVal + nTest) * count);
  accumulatePredictions(pred, count, block.w, p, { data: phi, offset: nTrain, row: 1, col: nAll });
  heldOutErrors(s, pred, scale, out);
  let yy = 0;
  for (let i = 0; i < nTrain; i++) yy += y[i] * y[i];
  for (let l = 0; l < count; l++) {
    const rss = primalResidualSumOfSquares(yy, lambdas[l], block.rDotW[l], block.normW2[l]);
    out.trainError[l] = rss / nTrain;
  }
  return wantSpectrum ? factorSingularValues(f) : undefined;
}

/** Kernel regime, p > N_train, from the unscaled sums over the first p features. */
function evaluateKernel(
  s: Setting,
  p: number,
  kSum: Float64Array,
  cross: Float64Array,
  ws: Workspace,
  out: TrialErrors,
  wantSpectrum: boolean,
): Float64Array | undefined {
  const { nTrain: n, nVal, nTest } = s.sizes;
  const { lambdas } = s;
  const count = lambdas.length;
  const scale = 1 / p;
  const m = ws.take("factor", n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k <= i; k++) m[row + k] = kSum[row + k] * scale;
  }
  const f = factorRidge(m, n, ws.take("factorWork", 2 * n));
  const block = solveBlock(f, s.data.y.subarray(0, n), lambdas, newBlock(ws, n, count));
  // Held-out row v's prediction sums C_vk α_k over training rows k, C_vk = cross[v·n + k].
  const pred = ws.take("pred", (nVal + nTest) * count);
  accumulatePredictions(pred, count, block.w, n, { data: cross, offset: 0, row: n, col: 1 });
  heldOutErrors(s, pred, scale, out);
  for (let l = 0; l < count; l++) {
    out.trainError[l] = kernelResidualSumOfSquares(lambdas[l], block.normW2[l]) / n;
  }
  return wantSpectrum ? factorSingularValues(f) : undefined;
}

function newErrors(count: number): TrialErrors {
  return {
    trainError: new Float64Array(count),
    valError: new Float64Array(count),
    testError: new Float64Array(count),
  };
}

/** Everything one sweep needs; data/double-descent.json holds it. */
export interface SweepConfig extends TeacherSizes {
  /** Trial t uses seed + t (see trialSeed). */
  seed: number;
  trials: number;
  /** Strictly increasing feature counts. */
  pGrid: number[];
  /** λ of curve A, fixed for every p. */
  lambdaA: number;
  /** Grid over which curve B tunes λ on the validation set. */
  lambdas: number[];
  /** p values (all in pGrid) whose singular values trial 0 reports. */
  spectrumP: number[];
}

export function trialSeed(seed: number, trial: number): number {
  return seed + trial;
}

/** λ_k = min·(max/min)^(k/(count − 1)), with both ends exact. */
export function logGrid(min: number, max: number, count: number): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) {
    throw new RangeError(`logGrid needs 0 < min ≤ max < ∞; got min = ${min}, max = ${max}`);
  }
  integerAtLeast("count", count, 1, LIMITS.lambdas);
  if (count === 1) return [min];
  return Array.from(
    { length: count },
    (_, k) => k === count - 1 ? max : min * (max / min) ** (k / (count - 1)),
  );
}

export function validateSweepConfig(config: SweepConfig): void {
  checkSizes(config);
  integerAtLeast("trials", config.trials, 1, LIMITS.trials);
  seedValue(config.seed);
  // Every trial's seed must be a valid seed too, or two trials could share a stream.
  seedValue(trialSeed(config.seed, config.trials - 1), "seed + trials − 1");
  const { pGrid } = config;
  if (!Array.isArray(pGrid) || pGrid.length === 0) {
    throw new RangeError(`pGrid must be a non-empty array of integers; got ${String(pGrid)}`);
  }
  pGrid.forEach((p, i) => {
    integerAtLeast(`pGrid[${i}]`, p, i === 0 ? 1 : pGrid[i - 1] + 1, LIMITS.p);
  });
  nonNegativeNumber("lambdaA", config.lambdaA);
  checkLambdas("lambdas", config.lambdas);
  if (!Array.isArray(config.spectrumP)) {
    throw new RangeError(`spectrumP must be an array of p values from pGrid`);
  }
  for (const [i, p] of config.spectrumP.entries()) {
    if (!pGrid.includes(p)) {
      throw new RangeError(`spectrumP[${i}] must be one of pGrid; got ${String(p)}`);
    }
  }
}

/** The λ list one sweep trial evaluates: the grid, then λ_A unless the grid already holds it. */
function sweepLambdas(config: SweepConfig): { lambdas: Float64Array; indexA: number } {
  const grid = config.lambdas;
  const found = grid.findIndex((l) => Math.abs(l - config.lambdaA) <= 1e-12 * config.lambdaA);
  if (found >= 0) return { lambdas: Float64Array.from(grid), indexA: found };
  return { lambdas: Float64Array.from([...grid, config.lambdaA]), indexA: grid.length };
}

/** All errors of one trial: row i of each P×L array belongs to pGrid[i]. */
export interface SweepTrial {
  trainError: Float64Array;
  valError: Float64Array;
  testError: Float64Array;
  /** Singular values for each spectrumP entry, when asked for. */
  spectra: Float64Array[];
}

/**
 * One trial of the whole sweep. The features are nested (p uses the first p of p_max), so the
 * primal Gram matrix is built once for the largest primal p, and the kernel sums grow feature by
 * feature between consecutive kernel p.
 */
export function runSweepTrial(
  config: SweepConfig,
  trial: number,
  withSpectra: boolean,
  workspace = new Workspace(),
): SweepTrial {
  const { pGrid } = config;
  const sizes: TeacherSizes = {
    nTrain: config.nTrain,
    nVal: config.nVal,
    nTest: config.nTest,
    d: config.d,
    sigma: config.sigma,
  };
  const n = sizes.nTrain;
  const { lambdas } = sweepLambdas(config);
  const count = lambdas.length;
  const pMax = pGrid[pGrid.length - 1];
  const streams = trialStreams(trialSeed(config.seed, trial));
  const data = drawTeacherData(sizes, streams);
  const phi = drawReluFeatures(data, sizes.d, pMax, streams.features);
  const s: Setting = { data, sizes, phi, lambdas };
  const result: SweepTrial = {
    trainError: new Float64Array(pGrid.length * count),
    valError: new Float64Array(pGrid.length * count),
    testError: new Float64Array(pGrid.length * count),
    spectra: [],
  };
  const errors = newErrors(count);
  const primalP = pGrid.filter((p) => p <= n);
  const p0 = primalP.length ? primalP[primalP.length - 1] : 0;
  // The scratch Workspace hands out zeroed views, so the Gram/kernel sums get their own one.
  const sums = new Workspace();
  const gram = p0 > 0 ? primalGram(s, p0, sums) : undefined;
  const kSum = new Float64Array(n * n);
  const cross = new Float64Array((data.nAll - n) * n);
  let accumulated = 0;
  const spectra = new Map<number, Float64Array>();
  pGrid.forEach((p, index) => {
    const wantSpectrum = withSpectra && config.spectrumP.includes(p);
    let spectrum: Float64Array | undefined;
    if (p <= n) {
      spectrum = evaluatePrimal(s, p, gram!.g, p0, gram!.r, workspace, errors, wantSpectrum);
    } else {
      accumulateKernel(s, accumulated, p, kSum, cross);
      accumulated = p;
      spectrum = evaluateKernel(s, p, kSum, cross, workspace, errors, wantSpectrum);
    }
    if (spectrum) spectra.set(p, spectrum);
    result.trainError.set(errors.trainError, index * count);
    result.valError.set(errors.valError, index * count);
    result.testError.set(errors.testError, index * count);
  });
  if (withSpectra) result.spectra = config.spectrumP.map((p) => spectra.get(p)!);
  return result;
}

/** Linear-interpolation quantile (type 7) of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Band {
  median: number[];
  q25: number[];
  q75: number[];
}

export interface SweepSummary {
  p: number[];
  lambdas: number[];
  lambdaA: number;
  /** λ = λ_A for every p. */
  curveA: { test: Band; train: Band };
  /** λ tuned per trial and p on the validation set (ties go to the smaller λ). */
  curveB: { test: Band; train: Band; lambda: Band };
  spectra: { p: number; singularValues: number[] }[];
}

/**
 * Median and interquartile band over trials for each p. The tuned λ's quantiles interpolate in
 * log λ, since the grid is logarithmic.
 */
export function summariseSweep(
  config: SweepConfig,
  trials: SweepTrial[],
  round: (x: number) => number = (x) => x,
): SweepSummary {
  const { pGrid } = config;
  const { lambdas, indexA } = sweepLambdas(config);
  const count = lambdas.length;
  const gridCount = config.lambdas.length;
  const band = (): Band => ({ median: [], q25: [], q75: [] });
  const summary: SweepSummary = {
    p: [...pGrid],
    lambdas: config.lambdas.map(round),
    lambdaA: config.lambdaA,
    curveA: { test: band(), train: band() },
    curveB: { test: band(), train: band(), lambda: band() },
    spectra: [],
  };
  const push = (b: Band, values: Float64Array, transform?: (x: number) => number) => {
    values.sort();
    const inverse = transform ? (x: number) => 10 ** x : (x: number) => x;
    const sorted = transform ? values.map(transform) : values;
    b.median.push(round(inverse(quantileSorted(sorted, 0.5))));
    b.q25.push(round(inverse(quantileSorted(sorted, 0.25))));
    b.q75.push(round(inverse(quantileSorted(sorted, 0.75))));
  };
  const t = trials.length;
  const aTest = new Float64Array(t);
  const aTrain = new Float64Array(t);
  const bTest = new Float64Array(t);
  const bTrain = new Float64Array(t);
  const bLambda = new Float64Array(t);
  pGrid.forEach((_, index) => {
    trials.forEach((trial, k) => {
      const row = index * count;
      aTest[k] = trial.testError[row + indexA];
      aTrain[k] = trial.trainError[row + indexA];
      let best = 0;
      for (let l = 1; l < gridCount; l++) {
        if (trial.valError[row + l] < trial.valError[row + best]) best = l;
      }
      bTest[k] = trial.testError[row + best];
      bTrain[k] = trial.trainError[row + best];
      bLambda[k] = lambdas[best];
    });
    push(summary.curveA.test, aTest);
    push(summary.curveA.train, aTrain);
    push(summary.curveB.test, bTest);
    push(summary.curveB.train, bTrain);
    push(summary.curveB.lambda, bLambda, Math.log10);
  });
  const first = trials[0];
  if (first && first.spectra.length) {
    summary.spectra = config.spectrumP.map((p, i) => ({
      p,
      singularValues: Array.from(first.spectra[i], round),
    }));
  }
  return summary;
}
