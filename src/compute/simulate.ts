/**
 * Monte Carlo for the depth pages, in Float64: sample whole networks and inputs, push a batch
 * forward, the gradient backward, and a tangent forward, and record per layer what the theory in
 * meanField.ts predicts.
 *
 * Weights are stored as a standard draw Z (N(0, 1) or Uniform(−1, 1)) and a scale, W = c·Z, so one
 * set of draws serves every scheme with the same distribution (common random numbers: schemes and
 * activations are compared on the very same networks and inputs).
 *
 * Per network, with a batch of B inputs x_b ~ N(0, I), a unit readout v_b for each input and unit
 * tangents u_b (all uniform on the sphere, independent):
 * - preMeanSquare[ℓ−1]: mean over units and batch of (a_ℓ)²; its expectation is q_ℓ;
 * - slopeMeanSquare[ℓ−1]: mean of φ'(a_ℓ)²;
 * - gradMeanSquare[ℓ]: mean over the batch of ‖∂f_b/∂h_ℓ‖² for f_b = v_bᵀh_L(x_b) (ℓ = 0…L);
 * - inputGradMeanSquare[ℓ−1]: (n_0/n_ℓ)·mean of ‖J_ℓu_b‖², with J_ℓ = ∂h_ℓ/∂x. Since
 *   E_u‖J u‖² = ‖J‖_F²/n_0 and E_v‖Jᵀv‖² = ‖J‖_F²/n_ℓ, this has the expectation of the squared
 *   gradient reaching the input of the network cut after layer ℓ, for every ℓ from one pass.
 *
 * The bound ‖∂f/∂x‖ ≤ ∏ γ‖W_ℓ‖₂ (γ = sup|φ'|) takes ‖Z_ℓ‖₂ from linalg.ts's power iteration
 * (initialisation/experiment.ts).
 */
import type { Rng } from "./prng.js";
import { activate, type Activation, derivative } from "./activations.js";
import type { Scheme, WeightDistribution } from "./schemes.js";
import { integerAtLeast } from "./validate.js";
import { checkWidths } from "./meanField.js";

/** One layer's standard draws: n_ℓ × n_{ℓ−1} row-major, and n_ℓ bias draws. */
export interface StandardLayer {
  rows: number;
  cols: number;
  z: Float64Array;
  zb: Float64Array;
}

export interface StandardNetwork {
  distribution: WeightDistribution;
  widths: number[];
  layers: StandardLayer[];
}

function draw(rng: Rng, distribution: WeightDistribution, length: number): Float64Array {
  const out = new Float64Array(length);
  if (distribution === "normal") { for (let i = 0; i < length; i++) out[i] = rng.normal(); }
  else for (let i = 0; i < length; i++) out[i] = 2 * rng.uniform() - 1;
  return out;
}

/** Standard draws for every layer of a network with widths n_0 … n_L. */
export function sampleStandardNetwork(
  rng: Rng,
  widths: readonly number[],
  distribution: WeightDistribution,
): StandardNetwork {
  const w = checkWidths(widths);
  const layers: StandardLayer[] = [];
  for (let l = 1; l < w.length; l++) {
    layers.push({
      rows: w[l],
      cols: w[l - 1],
      z: draw(rng, distribution, w[l] * w[l - 1]),
      zb: draw(rng, distribution, w[l]),
    });
  }
  return { distribution, widths: w, layers };
}

/**
 * The factor c with W = c·Z for a scheme at fan-in d: s/√d for N(0, 1) draws, and the bound
 * √(3s²/d) for Uniform(−1, 1) draws (whose variance is 1/3).
 */
export function weightScale(scheme: Scheme, distribution: WeightDistribution, fanIn: number) {
  const variance = scheme.gain / fanIn;
  return distribution === "normal" ? Math.sqrt(variance) : Math.sqrt(3 * variance);
}

function biasScale(scheme: Scheme, distribution: WeightDistribution, fanIn: number) {
  const variance = scheme.biasGain / fanIn;
  return distribution === "normal" ? Math.sqrt(variance) : Math.sqrt(3 * variance);
}

/** A batch of B inputs with N(0, 1) entries, B × n row-major. */
export function sampleInputs(rng: Rng, batch: number, width: number): Float64Array {
  return draw(rng, "normal", batch * width);
}

/** count unit vectors of length n, uniform on the sphere, row-major. */
export function sampleUnitRows(rng: Rng, count: number, n: number): Float64Array {
  const out = draw(rng, "normal", count * n);
  for (let r = 0; r < count; r++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += out[r * n + j] ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < n; j++) out[r * n + j] *= inv;
  }
  return out;
}

/**
 * out[b·rows + i] = Σ_j z[i·cols + j]·x[b·cols + j] for b < batch: every row of x times Zᵀ.
 * Four batch rows share each pass over a row of Z.
 */
export function timesTranspose(
  z: Float64Array | Float32Array,
  rows: number,
  cols: number,
  x: Float64Array,
  batch: number,
  out: Float64Array,
): void {
  let b = 0;
  for (; b + 4 <= batch; b += 4) {
    const x0 = b * cols, x1 = x0 + cols, x2 = x1 + cols, x3 = x2 + cols;
    for (let i = 0; i < rows; i++) {
      const zo = i * cols;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < cols; j++) {
        const w = z[zo + j];
        s0 += w * x[x0 + j];
        s1 += w * x[x1 + j];
        s2 += w * x[x2 + j];
        s3 += w * x[x3 + j];
      }
      out[b * rows + i] = s0;
      out[(b + 1) * rows + i] = s1;
      out[(b + 2) * rows + i] = s2;
      out[(b + 3) * rows + i] = s3;
    }
  }
  for (; b < batch; b++) {
    const xo = b * cols;
    for (let i = 0; i < rows; i++) {
      const zo = i * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) s += z[zo + j] * x[xo + j];
      out[b * rows + i] = s;
    }
  }
}

/** out[b·cols + j] = Σ_i d[b·rows + i]·z[i·cols + j]: every row of d times Z. */
export function timesMatrix(
  z: Float64Array | Float32Array,
  rows: number,
  cols: number,
  d: Float64Array,
  batch: number,
  out: Float64Array,
): void {
  out.fill(0, 0, batch * cols);
  for (let b = 0; b < batch; b++) {
    const oo = b * cols;
    for (let i = 0; i < rows; i++) {
      const c = d[b * rows + i];
      if (c === 0) continue;
      const zo = i * cols;
      for (let j = 0; j < cols; j++) out[oo + j] += c * z[zo + j];
    }
  }
}

export interface NetworkRun {
  preMean: number[];
  preMeanSquare: number[];
  slopeMeanSquare: number[];
  gradMeanSquare: number[];
  inputGradMeanSquare: number[];
}

export interface RunInputs {
  /** B × n_0 inputs. */
  x: Float64Array;
  batch: number;
  /** B × n_L unit readouts, one per input. */
  v: Float64Array;
  /** B × n_0 unit tangents; omit to skip the tangent pass. */
  u?: Float64Array;
}

/**
 * One network (standard draws scaled for `scheme`) on one batch: forward, tangent and backward.
 */
export function runNetwork(
  net: StandardNetwork,
  scheme: Scheme,
  activation: Activation,
  { x, batch, v, u }: RunInputs,
): NetworkRun {
  const { widths, layers, distribution } = net;
  const L = layers.length;
  integerAtLeast("batch", batch, 1);
  if (x.length !== batch * widths[0]) throw new RangeError("x must hold batch × n_0 values");
  if (v.length !== batch * widths[L]) throw new RangeError("v must hold batch × n_L values");
  const rowsIn = u ? 2 * batch : batch;
  let signal = new Float64Array(rowsIn * widths[0]);
  signal.set(x, 0);
  if (u) signal.set(u, batch * widths[0]);
  const slopes: Float64Array[] = [];
  const run: NetworkRun = {
    preMean: [],
    preMeanSquare: [],
    slopeMeanSquare: [],
    gradMeanSquare: new Array(L + 1).fill(0),
    inputGradMeanSquare: [],
  };
  for (let l = 0; l < L; l++) {
    const { rows, cols, z, zb } = layers[l];
    const c = weightScale(scheme, distribution, cols);
    const cb = biasScale(scheme, distribution, cols);
    const out = new Float64Array(rowsIn * rows);
    timesTranspose(z, rows, cols, signal, rowsIn, out);
    const slope = new Float64Array(batch * rows);
    let sum = 0, sumSq = 0, slopeSq = 0, tangentSq = 0;
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < rows; i++) {
        const k = b * rows + i;
        const a = c * out[k] + cb * zb[i];
        sum += a;
        sumSq += a * a;
        const d = derivative(activation, a);
        slope[k] = d;
        slopeSq += d * d;
        out[k] = activate(activation, a);
        if (u) {
          const t = d * c * out[k + batch * rows];
          out[k + batch * rows] = t;
          tangentSq += t * t;
        }
      }
    }
    const count = batch * rows;
    run.preMean.push(sum / count);
    run.preMeanSquare.push(sumSq / count);
    run.slopeMeanSquare.push(slopeSq / count);
    if (u) run.inputGradMeanSquare.push(((widths[0] / rows) * tangentSq) / batch);
    slopes.push(slope);
    signal = out;
  }
  // Backward: g_L = v_b for input b, δ_ℓ = φ'(a_ℓ) ⊙ g_ℓ, g_{ℓ−1} = c·Zᵀδ_ℓ (as rows: δ Z).
  let g = v.slice();
  run.gradMeanSquare[L] = meanRowSquare(g, batch);
  for (let l = L - 1; l >= 0; l--) {
    const { rows, cols, z } = layers[l];
    const c = weightScale(scheme, distribution, cols);
    const slope = slopes[l];
    for (let k = 0; k < g.length; k++) g[k] *= c * slope[k];
    const prev = new Float64Array(batch * cols);
    timesMatrix(z, rows, cols, g, batch, prev);
    g = prev;
    run.gradMeanSquare[l] = meanRowSquare(g, batch);
  }
  return run;
}

function meanRowSquare(g: Float64Array, batch: number): number {
  let s = 0;
  for (let k = 0; k < g.length; k++) s += g[k] * g[k];
  return s / batch;
}

/** Mean, standard error of the mean, and the 10th and 90th percentiles of a sample. */
export interface Spread {
  mean: number;
  se: number;
  p10: number;
  p90: number;
}

export function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) throw new RangeError("spread needs at least one value");
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const x = p * (n - 1);
    const lo = Math.floor(x);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (x - lo) * (sorted[hi] - sorted[lo]);
  };
  return { mean, se, p10: at(0.1), p90: at(0.9) };
}
