/**
 * One double-descent trial, recomputed while the reader moves the page's sliders.
 *
 * The work is split by what each control invalidates:
 * - N_train, d and the seed change the data, so `prepareLiveTrial` redraws it, lets tfjs form the
 *   feature products (Φ = ReLU(XW⁰ᵀ), the Gram matrix ΦᵀΦ for p ≤ N_train, the kernel sums ΦΦᵀ for
 *   p > N_train) in one pass, and reduces each p's matrix once to tridiagonal form, yielding as it
 *   goes so the chart fills in coarse to fine instead of freezing the page.
 * - λ and σ leave X̃ untouched. Labels are Y = Y⁰ + σε, linear in σ, and each λ is an O(m)
 *   tridiagonal solve and one application of Q (see ridgePath.ts), so `evaluateLiveTrial` redraws
 *   every p in a few milliseconds.
 *
 * The products come back from tfjs in float32 and everything after them runs in Float64. The data
 * are drawn exactly as in the loader's runSweepTrial (same streams), so the live curve is the
 * loader's trial with the same seed, up to float32 rounding in the products; the tests hold it to
 * a direct Float64 ridge solve (tests/compute/double-descent/liveRidgeTrial.test.ts).
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import {
  drawFeatureWeights,
  drawTeacherData,
  type TeacherSizes,
  trialStreams,
} from "./randomFeatures.js";
import { applyQTranspose } from "../symmetricEigen.js";
import * as ridge from "./ridgePath.js";
import { macrotask } from "../macrotask.js";
import { integerAtLeast, nonNegativeNumber, positiveNumber, seedValue } from "../validate.js";

/**
 * Ranges of the live ridge trial's settings (the page's sliders) that prepareLiveTrial accepts; the
 * products for N_train = 500 and p = 3.3·N_train fit a tab easily.
 */
export const RIDGE_TRIAL_RANGES = {
  nTrain: [10, 500],
  d: [1, 200],
  sigma: [0, 3],
  lambda: [1e-3, 1e2],
} as const;

export interface LiveTrialParams {
  nTrain: number;
  nVal: number;
  nTest: number;
  d: number;
  seed: number;
  /** Strictly increasing feature counts; defaults to livePGrid(nTrain). */
  pGrid?: number[];
}

/** One p, factored: M = X̃ᵀX̃ (primal) or X̃X̃ᵀ (kernel) = QTQᵀ. */
interface FactoredP {
  p: number;
  kernel: boolean;
  factor: ridge.RidgeFactor;
  /** Qᵀr for the noiseless labels Y⁰ and for the noise ε (r = X̃ᵀY primal, r = Y kernel). */
  signal: Float64Array;
  noise: Float64Array;
  /** Kernel only: X̃_held X̃ᵀ, nHeld×N_train row-major. */
  cross?: Float64Array;
  /** Singular values of X̃, descending. */
  singularValues: Float64Array;
}

export interface LiveTrial {
  sizes: Omit<TeacherSizes, "sigma">;
  seed: number;
  pGrid: number[];
  /** Factored p, by grid index; undefined until reached. */
  factors: (FactoredP | undefined)[];
  completed: number;
  done: boolean;
  /** Time since the call, in ms, when this snapshot was yielded. */
  elapsedMs: number;
  /** Time spent so far in tfjs (forming and downloading products) and in the factorisations. */
  timings: { productsMs: number; factorMs: number };
  /** Held-out (validation, then test) features, nHeld×pMax row-major, unscaled. */
  heldFeatures: Float32Array;
  pMax: number;
  /** Labels split as Y = Y⁰ + σε, every row (train, validation, test). */
  y0: Float64Array;
  eps: Float64Array;
  /** Σ over training rows of Y⁰², Y⁰ε and ε², for ‖Y‖² at any σ. */
  trainSums: { ss: number; se: number; ee: number };
}

export interface LiveCurve {
  p: number[];
  trainError: number[];
  valError: number[];
  testError: number[];
}

/**
 * Feature counts relative to N_train: sparse far from the threshold, dense around p = N_train, up
 * to 10N/3 (1,000 at the seed's N_train = 300).
 */
export function livePGrid(nTrain: number): number[] {
  integerAtLeast("N_train", nTrain, 1);
  const ratios = [
    0.02,
    0.05,
    0.1,
    0.2,
    0.3,
    0.4,
    0.5,
    0.6,
    0.7,
    0.8,
    0.85,
    0.9,
    0.93,
    0.96,
    0.98,
    1,
    1.02,
    1.05,
    1.1,
    1.17,
    1.25,
    1.4,
    1.6,
    2,
    2.5,
    10 / 3,
  ];
  const grid = new Set<number>([1]);
  for (const r of ratios) grid.add(Math.max(1, Math.round(r * nTrain)));
  return [...grid].sort((a, b) => a - b);
}

/** Grid indices in coarse-to-fine order, so a partial curve already spans the whole range. */
export function coarseToFine(count: number): number[] {
  const order: number[] = [];
  const seen = new Uint8Array(count);
  for (let stride = 2 ** Math.ceil(Math.log2(Math.max(count, 1))); stride >= 1; stride /= 2) {
    for (let i = 0; i < count; i += stride) {
      if (!seen[i]) {
        seen[i] = 1;
        order.push(i);
      }
    }
    if (stride > 1 && !seen[count - 1]) {
      seen[count - 1] = 1;
      order.push(count - 1);
    }
  }
  return order;
}

function checkParams(params: LiveTrialParams): number[] {
  const [nMin, nMax] = RIDGE_TRIAL_RANGES.nTrain;
  integerAtLeast("N_train", params.nTrain, nMin, nMax);
  integerAtLeast("N_validation", params.nVal, 1, 5000);
  integerAtLeast("N_test", params.nTest, 1, 5000);
  integerAtLeast("d", params.d, RIDGE_TRIAL_RANGES.d[0], RIDGE_TRIAL_RANGES.d[1]);
  seedValue(params.seed);
  const grid = params.pGrid ?? livePGrid(params.nTrain);
  if (!Array.isArray(grid) || grid.length === 0) {
    throw new RangeError(`pGrid must be a non-empty array of feature counts, got ${String(grid)}`);
  }
  grid.forEach((p, i) =>
    integerAtLeast(`pGrid[${i}] (p)`, p, i === 0 ? 1 : grid[i - 1] + 1, 20000)
  );
  return grid;
}

/** The products tfjs forms, downloaded in two stages (primal, then kernel). */
interface Products {
  held: Float32Array;
  gram?: Float32Array;
  gramRhs?: Float32Array;
  primalMax: number;
  /** Kernel sums for each kernel p in turn (nAll×N_train, all rows against train rows). */
  kernels?: Float64Array[];
}

/** Downloads every tensor of `kept` with one await, then releases them all. */
async function download(
  tf: Tf,
  kept: Record<string, TfCore.Tensor>,
): Promise<Record<string, Float32Array>> {
  try {
    const names = Object.keys(kept);
    const values = await Promise.all(names.map((k) => kept[k].data() as Promise<Float32Array>));
    return Object.fromEntries(names.map((k, i) => [k, values[i]]));
  } finally {
    tf.dispose(Object.values(kept));
  }
}

/** Φ = ReLU(X W⁰ᵀ), nAll×pMax, unscaled; the caller disposes it. */
function featureTensor(tf: Tf, x: Float64Array, w: Float64Array, nAll: number, d: number) {
  return tf.tidy(() => {
    const xs = tf.tensor2d(Float32Array.from(x), [nAll, d]);
    const ws = tf.tensor2d(Float32Array.from(w), [w.length / d, d]);
    return tf.relu(tf.matMul(xs, ws, false, true)) as TfCore.Tensor2D;
  });
}

/** Held-out features, and ΦᵀΦ and Φᵀ[Y⁰ ε] over the training rows for the largest primal p. */
function primalProducts(
  tf: Tf,
  phi: TfCore.Tensor2D,
  labels: Float64Array,
  n: number,
  primalMax: number,
): Promise<Record<string, Float32Array>> {
  const [nAll, pMax] = phi.shape;
  return download(
    tf,
    tf.tidy(() => {
      const out: Record<string, TfCore.Tensor> = { held: tf.slice(phi, [n, 0], [nAll - n, pMax]) };
      if (primalMax > 0) {
        const a = tf.slice(phi, [0, 0], [n, primalMax]);
        out.gram = tf.matMul(a, a, true, false);
        out.gramRhs = tf.matMul(a, tf.tensor2d(Float32Array.from(labels), [n, 2]), true, false);
      }
      return out;
    }),
  );
}

/**
 * ΦΦᵀ (all rows against training rows) for each kernel p, summed in Float64 one block of new
 * features at a time. Each block is its own tfjs product and download, with a macrotask between
 * blocks, so the page stays responsive and no float32 sum runs over more than one block.
 */
async function kernelProducts(
  tf: Tf,
  phi: TfCore.Tensor2D,
  n: number,
  kernelP: number[],
  signal?: AbortSignal,
): Promise<Float64Array[]> {
  const nAll = phi.shape[0];
  const sums: Float64Array[] = [];
  let running = new Float64Array(nAll * n);
  let from = 0;
  for (const p of kernelP) {
    if (signal?.aborted) break;
    const start = from;
    const { block } = await download(tf, {
      block: tf.tidy(() =>
        tf.matMul(
          tf.slice(phi, [0, start], [nAll, p - start]),
          tf.slice(phi, [0, start], [n, p - start]),
          false,
          true,
        )
      ),
    });
    for (let i = 0; i < running.length; i++) running[i] += block[i];
    sums.push(running);
    running = running.slice();
    from = p;
    await macrotask();
  }
  return sums;
}

function factorPrimal(pr: Products, p: number): FactoredP {
  const stride = pr.primalMax;
  const m = new Float64Array(p * p);
  const rhs = new Float64Array(p * 2);
  const scale = 1 / p;
  const rootScale = 1 / Math.sqrt(p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) m[j * p + k] = pr.gram![j * stride + k] * scale;
    rhs[2 * j] = pr.gramRhs![2 * j] * rootScale;
    rhs[2 * j + 1] = pr.gramRhs![2 * j + 1] * rootScale;
  }
  return finish(p, false, ridge.factorRidge(m, p), rhs);
}

function factorKernel(pr: Products, t: LiveTrial, p: number, kernelIndex: number): FactoredP {
  const n = t.sizes.nTrain;
  const nAll = t.y0.length;
  const nHeld = nAll - n;
  const sums = pr.kernels![kernelIndex];
  const scale = 1 / p;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) m[i * n + k] = sums[i * n + k] * scale;
  }
  const cross = new Float64Array(nHeld * n);
  for (let i = 0; i < nHeld * n; i++) cross[i] = sums[n * n + i] * scale;
  const rhs = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    rhs[2 * i] = t.y0[i];
    rhs[2 * i + 1] = t.eps[i];
  }
  const f = finish(p, true, ridge.factorRidge(m, n), rhs);
  f.cross = cross;
  return f;
}

function finish(
  p: number,
  kernel: boolean,
  factor: ridge.RidgeFactor,
  rhs: Float64Array,
): FactoredP {
  applyQTranspose(factor.tri, rhs, 2);
  const m = factor.tri.n;
  const signal = new Float64Array(m);
  const noise = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    signal[i] = rhs[2 * i];
    noise[i] = rhs[2 * i + 1];
  }
  return { p, kernel, factor, signal, noise, singularValues: ridge.factorSingularValues(factor) };
}

export interface PrepareOptions {
  /** Aborting ends the generator after the p in progress. */
  signal?: AbortSignal;
  /** Work between yields, in ms (default 40): each yield lets the page draw and handle input. */
  sliceMs?: number;
}

/**
 * Draws the trial, forms its products with tfjs and factors every p of the grid, yielding a
 * snapshot (a fresh object each time) whenever `sliceMs` of work has passed and once at the end.
 * Every tensor is released by the end, or when the caller stops early.
 */
export async function* prepareLiveTrial(
  tf: Tf,
  params: LiveTrialParams,
  { signal, sliceMs = 40 }: PrepareOptions = {},
): AsyncGenerator<LiveTrial, void, undefined> {
  const pGrid = checkParams(params);
  const started = performance.now();
  const { nTrain, nVal, nTest, d, seed } = params;
  const streams = trialStreams(seed);
  const data = drawTeacherData({ nTrain, nVal, nTest, d, sigma: 0 }, streams);
  const pMax = pGrid[pGrid.length - 1];
  const w = drawFeatureWeights(d, pMax, streams.features);
  const labels = new Float64Array(nTrain * 2);
  const trainSums = { ss: 0, se: 0, ee: 0 };
  for (let i = 0; i < nTrain; i++) {
    const y0 = data.y[i];
    const e = data.noise[i];
    labels[2 * i] = y0;
    labels[2 * i + 1] = e;
    trainSums.ss += y0 * y0;
    trainSums.se += y0 * e;
    trainSums.ee += e * e;
  }
  const primalIndices = pGrid.flatMap((p, i) => (p <= nTrain ? [i] : []));
  const kernelIndices = pGrid.flatMap((p, i) => (p > nTrain ? [i] : []));
  const primalMax = primalIndices.length ? pGrid[primalIndices[primalIndices.length - 1]] : 0;
  const products: Products = { held: new Float32Array(0), primalMax };
  const trial: LiveTrial = {
    sizes: { nTrain, nVal, nTest, d },
    seed,
    pGrid,
    factors: new Array(pGrid.length).fill(undefined),
    completed: 0,
    done: false,
    elapsedMs: 0,
    timings: { productsMs: 0, factorMs: 0 },
    heldFeatures: products.held,
    pMax,
    y0: data.y,
    eps: data.noise,
    trainSums,
  };
  const snapshot = (done: boolean): LiveTrial => ({
    ...trial,
    factors: trial.factors.slice(),
    timings: { ...trial.timings },
    done,
    elapsedMs: performance.now() - started,
  });
  const phi = featureTensor(tf, data.x, w, data.nAll, d);
  try {
    // Primal p first: its products are the cheap ones, so the curve up to p = N_train (the peak)
    // is drawn before the kernel products for the larger p are even formed.
    for (const stage of ["primal", "kernel"] as const) {
      const indices = stage === "primal" ? primalIndices : kernelIndices;
      if (indices.length === 0) continue;
      const t0 = performance.now();
      if (stage === "primal") {
        const got = await primalProducts(tf, phi, labels, nTrain, primalMax);
        products.held = trial.heldFeatures = got.held;
        products.gram = got.gram;
        products.gramRhs = got.gramRhs;
      } else {
        products.kernels = await kernelProducts(
          tf,
          phi,
          nTrain,
          indices.map((i) => pGrid[i]),
          signal,
        );
      }
      trial.timings.productsMs += performance.now() - t0;
      if (signal?.aborted) return;
      let sliceStart = performance.now();
      for (const k of coarseToFine(indices.length)) {
        if (signal?.aborted) return;
        const index = indices[k];
        const t1 = performance.now();
        trial.factors[index] = stage === "primal"
          ? factorPrimal(products, pGrid[index])
          : factorKernel(products, trial, pGrid[index], k);
        const now = performance.now();
        trial.timings.factorMs += now - t1;
        trial.completed++;
        if (now - sliceStart >= sliceMs && trial.completed < pGrid.length) {
          yield snapshot(false);
          await macrotask();
          sliceStart = performance.now();
        }
      }
    }
  } finally {
    phi.dispose();
  }
  if (signal?.aborted) return;
  yield snapshot(true);
}

/**
 * Train, validation and test MSE at (λ, σ) for every p factored so far, in increasing p. Errors
 * are against the noisy labels, as in the loader.
 */
export function evaluateLiveTrial(trial: LiveTrial, lambda: number, sigma: number): LiveCurve {
  positiveNumber("λ", lambda);
  nonNegativeNumber("σ", sigma);
  const { nTrain: n, nVal, nTest } = trial.sizes;
  const nHeld = nVal + nTest;
  const { y0, eps, heldFeatures, pMax } = trial;
  const yy = trial.trainSums.ss + 2 * sigma * trial.trainSums.se +
    sigma * sigma * trial.trainSums.ee;
  const m = Math.max(n, ...trial.pGrid.filter((p) => p <= n));
  const rhs = new Float64Array(m);
  const lambdas = [lambda];
  const block: ridge.RidgeBlock = {
    w: new Float64Array(m),
    rDotW: new Float64Array(1),
    normW2: new Float64Array(1),
  };
  const out: LiveCurve = { p: [], trainError: [], valError: [], testError: [] };
  for (const f of trial.factors) {
    if (!f) continue;
    const size = f.factor.tri.n;
    const c = rhs.subarray(0, size);
    for (let i = 0; i < size; i++) c[i] = f.signal[i] + sigma * f.noise[i];
    ridge.solveBlockInBasis(f.factor, c, lambdas, block);
    // θ (primal) or α (kernel) at this λ.
    const w = block.w;
    const norm2 = block.normW2[0];
    let val = 0;
    let test = 0;
    const rootScale = 1 / Math.sqrt(f.p);
    for (let v = 0; v < nHeld; v++) {
      let pred = 0;
      if (f.kernel) {
        const row = v * n;
        for (let k = 0; k < n; k++) pred += f.cross![row + k] * w[k];
      } else {
        const row = v * pMax;
        for (let j = 0; j < size; j++) pred += heldFeatures[row + j] * w[j];
        pred *= rootScale;
      }
      const r = y0[n + v] + sigma * eps[n + v] - pred;
      if (v < nVal) val += r * r;
      else test += r * r;
    }
    const rss = f.kernel
      ? ridge.kernelResidualSumOfSquares(lambda, norm2)
      : ridge.primalResidualSumOfSquares(yy, lambda, block.rDotW[0], norm2);
    out.p.push(f.p);
    out.trainError.push(rss / n);
    out.valError.push(val / nVal);
    out.testError.push(test / nTest);
  }
  return out;
}
