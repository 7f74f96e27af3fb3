/**
 * The data of one double-descent trial: a linear teacher with Gaussian inputs and noisy labels, and
 * random ReLU features φ(x) = ReLU(Wx) with W_ij ~ N(0, 1/p).
 *
 * Every random quantity comes from its own fork of createRng(seed), drawn row by row, so the first
 * n rows of any draw do not depend on how many rows were asked for. Hence one trial at p features
 * uses exactly the first p features of the same trial at p' > p, and changing N_train leaves β*,
 * the validation set, the test set and W untouched.
 */
import { createRng, type Rng } from "../prng.js";

export interface TeacherSizes {
  nTrain: number;
  nVal: number;
  nTest: number;
  /** Input dimension. */
  d: number;
  /** Label noise standard deviation. */
  sigma: number;
}

/** Inputs and labels of the train, validation and test sets stacked in that order. */
export interface TeacherData {
  nAll: number;
  /** nAll×d row-major inputs, X_i ~ N(0, I_d). */
  x: Float64Array;
  /** Labels Y_i = X_iᵀβ* + N(0, σ²). */
  y: Float64Array;
  /** β* ~ N(0, I_d / d), so E‖β*‖² = 1 whatever d is. */
  beta: Float64Array;
  /** The standard normal ε_i behind each label's noise: Y_i = X_iᵀβ* + σ ε_i. */
  noise: Float64Array;
}

/** The five independent streams of one trial, forked in a fixed order from the trial seed. */
export interface TrialStreams {
  beta: Rng;
  train: Rng;
  val: Rng;
  test: Rng;
  features: Rng;
}

export function trialStreams(seed: number): TrialStreams {
  const root = createRng(seed);
  return {
    beta: root.fork(),
    train: root.fork(),
    val: root.fork(),
    test: root.fork(),
    features: root.fork(),
  };
}

export function drawTeacherData(sizes: TeacherSizes, streams: TrialStreams): TeacherData {
  const { nTrain, nVal, nTest, d, sigma } = sizes;
  const nAll = nTrain + nVal + nTest;
  const beta = new Float64Array(d);
  const scale = 1 / Math.sqrt(d);
  for (let k = 0; k < d; k++) beta[k] = streams.beta.normal() * scale;
  const x = new Float64Array(nAll * d);
  const y = new Float64Array(nAll);
  const noise = new Float64Array(nAll);
  const blocks = [[0, nTrain, streams.train], [nTrain, nVal, streams.val], [
    nTrain + nVal,
    nTest,
    streams.test,
  ]] as const;
  for (const [start, count, rng] of blocks) {
    for (let i = start; i < start + count; i++) {
      let dot = 0;
      for (let k = 0; k < d; k++) {
        const v = rng.normal();
        x[i * d + k] = v;
        dot += v * beta[k];
      }
      noise[i] = rng.normal();
      y[i] = dot + sigma * noise[i];
    }
  }
  return { nAll, x, y, beta, noise };
}

/** W⁰ (count×d row-major, entries N(0, 1)), drawn row by row: row j is feature j's weights. */
export function drawFeatureWeights(d: number, count: number, rng: Rng): Float64Array {
  const w = new Float64Array(count * d);
  for (let i = 0; i < w.length; i++) w[i] = rng.normal();
  return w;
}

/**
 * Unscaled ReLU features of every point, feature-major: out[j * nAll + i] = ReLU(w⁰_j · x_i) with
 * w⁰_j ~ N(0, I_d). The model's features are these divided by √p (ReLU is positively homogeneous,
 * so W = W⁰/√p), which lets the same array serve every p ≤ count.
 */
export function drawReluFeatures(
  data: TeacherData,
  d: number,
  count: number,
  rng: Rng,
  out?: Float64Array,
): Float64Array {
  const { nAll, x } = data;
  const phi = out && out.length >= count * nAll ? out : new Float64Array(count * nAll);
  const w = drawFeatureWeights(d, count, rng);
  for (let j = 0; j < count; j++) {
    const row = j * nAll;
    const wj = j * d;
    for (let i = 0; i < nAll; i++) {
      const xi = i * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += w[wj + k] * x[xi + k];
      phi[row + i] = s > 0 ? s : 0;
    }
  }
  return phi;
}
