/**
 * The MLP with residual connections of Homework 6, problem 3, in Float64:
 *
 *   y₁ = φ(A₁x + b₁),
 *   y_ℓ = φ(A_ℓy_{ℓ−1} + b_ℓ) + y_{ℓ−1}   (ℓ = 2, …, L − 1),
 *   y_L = A_Ly_{L−1} + b_L                  (a scalar),
 *
 * with y₀ = x ∈ ℝⁿ, A₁ ∈ ℝ^{m×n}, A_ℓ ∈ ℝ^{m×m}, A_L ∈ ℝ^{1×m}. The same network without skips
 * drops the "+ y_{ℓ−1}". Writing D_ℓ = diag(φ′(A_ℓy_{ℓ−1} + b_ℓ)):
 *
 *   ∂y_ℓ/∂y_{ℓ−1} = D_ℓA_ℓ + I (D_ℓA_ℓ without skips),   ∂y_L/∂y_{L−1} = A_L,
 *   ∂y_L/∂b_ℓ = (∂y_L/∂y_ℓ)·D_ℓ,   ∂y_L/∂A_ℓ = D_ℓ(∂y_L/∂y_ℓ)ᵀy_{ℓ−1}ᵀ,
 *   ∂y_L/∂b_L = 1,                  ∂y_L/∂A_L = y_{L−1}ᵀ,
 *
 * where ∂y_L/∂y_ℓ is the product of the layer Jacobians above ℓ. `outputGradients` runs that
 * product backwards (one vector–matrix product per layer); `layerJacobian` gives each factor as a
 * matrix, for checking the product literally. Matrices are Float64Array, row-major. No DOM.
 */
import { activate, type Activation, derivative } from "../activations.js";
import { integerAtLeast, oneOf } from "../validate.js";

/** The activations of the residual page. */
export const MLP_ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const;
export type MlpActivation = typeof MLP_ACTIVATIONS[number] & Activation;

export function mlpActivation(value: unknown, name = "activation"): MlpActivation {
  return oneOf(name, value, MLP_ACTIVATIONS);
}

/** One affine layer: a (rows × cols, row-major) and b (rows). */
export interface DenseLayer {
  rows: number;
  cols: number;
  a: Float64Array;
  b: Float64Array;
}

export interface ResidualMlp {
  activation: MlpActivation;
  /** Whether the hidden layers 2 … L − 1 add their input (the network of the homework). */
  skips: boolean;
  /** Layers 1 … L; the last one is the linear top with one row. */
  layers: DenseLayer[];
}

/** Checks shapes: at least two layers, each layer's cols = the previous rows, hidden squares, a 1-row top. */
export function checkMlp(net: ResidualMlp): ResidualMlp {
  mlpActivation(net.activation);
  const { layers } = net;
  integerAtLeast("number of layers L", layers.length, 2);
  layers.forEach((layer, i) => {
    const name = `layer ${i + 1}`;
    integerAtLeast(`${name} rows`, layer.rows, 1);
    integerAtLeast(`${name} cols`, layer.cols, 1);
    if (layer.a.length !== layer.rows * layer.cols || layer.b.length !== layer.rows) {
      throw new RangeError(`${name}: A must hold rows × cols values and b rows values`);
    }
    if (i > 0 && layer.cols !== layers[i - 1].rows) {
      throw new RangeError(
        `${name} takes ${layer.cols} inputs; layer ${i} gives ${layers[i - 1].rows}`,
      );
    }
    const hidden = i > 0 && i < layers.length - 1;
    if (hidden && layer.rows !== layer.cols) {
      throw new RangeError(
        `${name} is a residual layer and must be square; got ${layer.rows} × ${layer.cols}`,
      );
    }
  });
  integerAtLeast("rows of the top layer", layers[layers.length - 1].rows, 1, 1);
  return net;
}

export interface MlpPass {
  /** y₀ = x, y₁, …, y_L (y_L has one entry). */
  ys: Float64Array[];
  /** z_ℓ = A_ℓy_{ℓ−1} + b_ℓ for ℓ = 1 … L − 1, at index ℓ − 1. */
  pres: Float64Array[];
  /** φ′(z_ℓ), the diagonal of D_ℓ, at index ℓ − 1. */
  slopes: Float64Array[];
}

function affine(layer: DenseLayer, y: ArrayLike<number>): Float64Array {
  const z = new Float64Array(layer.rows);
  for (let i = 0; i < layer.rows; i++) {
    let s = layer.b[i];
    const o = i * layer.cols;
    for (let j = 0; j < layer.cols; j++) s += layer.a[o + j] * y[j];
    z[i] = s;
  }
  return z;
}

/** Whether layer ℓ (1-based) adds its input: hidden layers 2 … L − 1 of a network with skips. */
export function hasSkip(net: ResidualMlp, l: number): boolean {
  return net.skips && l >= 2 && l <= net.layers.length - 1;
}

/** The forward pass for one input x (length n). */
export function forwardMlp(net: ResidualMlp, x: ArrayLike<number>): MlpPass {
  checkMlp(net);
  const L = net.layers.length;
  if (x.length !== net.layers[0].cols) {
    throw new RangeError(`x must have ${net.layers[0].cols} entries; got ${x.length}`);
  }
  const ys: Float64Array[] = [Float64Array.from(x)];
  const pres: Float64Array[] = [];
  const slopes: Float64Array[] = [];
  for (let l = 1; l < L; l++) {
    const z = affine(net.layers[l - 1], ys[l - 1]);
    const skip = hasSkip(net, l);
    pres.push(z);
    slopes.push(z.map((v) => derivative(net.activation, v)));
    ys.push(z.map((v, i) => activate(net.activation, v) + (skip ? ys[l - 1][i] : 0)));
  }
  ys.push(affine(net.layers[L - 1], ys[L - 1]));
  return { ys, pres, slopes };
}

/**
 * ∂y_ℓ/∂y_{ℓ−1} as a matrix (rows × cols of layer ℓ): D_ℓA_ℓ + I for a layer with a skip, D_ℓA_ℓ
 * without, A_L for the top.
 */
export function layerJacobian(net: ResidualMlp, pass: MlpPass, l: number): number[][] {
  const L = net.layers.length;
  integerAtLeast("layer ℓ", l, 1, L);
  const { rows, cols, a } = net.layers[l - 1];
  const slope = l === L ? undefined : pass.slopes[l - 1];
  const skip = hasSkip(net, l);
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const d = slope ? slope[i] * a[i * cols + j] : a[i * cols + j];
      return skip && i === j ? d + 1 : d;
    }));
}

export interface MlpGradients {
  pass: MlpPass;
  /** ∂y_L/∂y_ℓ for ℓ = 0 … L − 1, at index ℓ (a row vector, as a flat array). */
  dy: Float64Array[];
  /** ∂y_L/∂b_ℓ for ℓ = 1 … L, at index ℓ − 1. */
  db: Float64Array[];
  /** ∂y_L/∂A_ℓ (rows × cols, row-major) for ℓ = 1 … L, at index ℓ − 1. */
  dA: Float64Array[];
}

/**
 * Every gradient of the scalar output y_L for one input, by the recursion above. With `addDA`,
 * each ∂y_L/∂A_ℓ is added into addDA[ℓ − 1] instead of returned (dA comes back empty): the same
 * products, without a rows × cols array per layer and input (gradientProfile sums them).
 */
export function outputGradients(
  net: ResidualMlp,
  x: ArrayLike<number>,
  addDA?: Float64Array[],
): MlpGradients {
  const pass = forwardMlp(net, x);
  const L = net.layers.length;
  const dy = new Array<Float64Array>(L);
  const db = new Array<Float64Array>(L);
  const dA = addDA ? [] : new Array<Float64Array>(L);
  db[L - 1] = Float64Array.of(1);
  if (addDA) {
    const top = pass.ys[L - 1], sum = addDA[L - 1];
    for (let j = 0; j < top.length; j++) sum[j] += top[j];
  } else dA[L - 1] = Float64Array.from(pass.ys[L - 1]);
  let g = Float64Array.from(net.layers[L - 1].a);
  for (let l = L - 1; l >= 1; l--) {
    dy[l] = g;
    const { rows, cols, a } = net.layers[l - 1];
    const delta = g.map((v, i) => v * pass.slopes[l - 1][i]);
    db[l - 1] = delta;
    const below = pass.ys[l - 1];
    if (addDA) {
      const sum = addDA[l - 1];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) sum[i * cols + j] += delta[i] * below[j];
      }
    } else {
      const grad = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) grad[i * cols + j] = delta[i] * below[j];
      }
      dA[l - 1] = grad;
    }
    const next = hasSkip(net, l) ? Float64Array.from(g) : new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
      if (delta[i] === 0) continue;
      for (let j = 0; j < cols; j++) next[j] += delta[i] * a[i * cols + j];
    }
    g = next;
  }
  dy[0] = g;
  return { pass, dy, db, dA };
}

const norm = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
};

/** Per-layer sizes of the gradients of f = mean over a batch of y_L. */
export interface GradientProfile {
  /** √(mean over the batch of ‖∂y_L/∂y_ℓ‖²), ℓ = 0 … L − 1 at index ℓ. */
  gradY: number[];
  /** ‖∂f/∂A_ℓ‖_F, ℓ = 1 … L at index ℓ − 1. */
  gradA: number[];
  /** ‖∂f/∂b_ℓ‖, ℓ = 1 … L at index ℓ − 1. */
  gradB: number[];
}

/** The gradient profile over a batch of B inputs (B × n, row-major). */
export function gradientProfile(
  net: ResidualMlp,
  xs: ArrayLike<number>,
  batch: number,
): GradientProfile {
  checkMlp(net);
  integerAtLeast("batch", batch, 1);
  const L = net.layers.length;
  const n = net.layers[0].cols;
  if (xs.length !== batch * n) throw new RangeError(`xs must hold ${batch} × ${n} values`);
  const sumY = new Array<number>(L).fill(0);
  const sumA = net.layers.map((layer) => new Float64Array(layer.rows * layer.cols));
  const sumB = net.layers.map((layer) => new Float64Array(layer.rows));
  for (let k = 0; k < batch; k++) {
    const x = Array.prototype.slice.call(xs, k * n, (k + 1) * n) as number[];
    const { dy, db } = outputGradients(net, x, sumA);
    dy.forEach((g, l) => (sumY[l] += norm(g) ** 2));
    db.forEach((g, l) => g.forEach((v, i) => (sumB[l][i] += v)));
  }
  return {
    gradY: sumY.map((s) => Math.sqrt(s / batch)),
    gradA: sumA.map((s) => norm(s) / batch),
    gradB: sumB.map((s) => norm(s) / batch),
  };
}

/** What the live comparison does to one hidden layer j. */
export const INTERVENTIONS = ["none", "zero", "saturate"] as const;
export type Intervention = typeof INTERVENTIONS[number];

/** How far past the activation's kink or knee a saturated layer's pre-activations are pushed. */
export const SATURATION_MARGIN = 40;

/**
 * The bias that saturates layer j for a given set of pre-activations Ay (batch × rows): b_i =
 * ±(SATURATION_MARGIN + 2·max over the batch of |(Ay)_i|), so every pre-activation lands at least
 * SATURATION_MARGIN + max|(Ay)_i| beyond 0 (a margin that grows with the signal, so no rounding of
 * the sum can bring a unit back): downwards for ReLU (every unit off, φ′ = 0), upwards for the
 * sigmoid and tanh, where 1 − σ and 1 − tanh² round to exactly 0 in float32 and Float64 alike.
 */
function saturatingBias(
  activation: MlpActivation,
  pre: ArrayLike<number>,
  batch: number,
  rows: number,
): Float64Array {
  const sign = activation === "relu" ? -1 : 1;
  const b = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let top = 0;
    for (let k = 0; k < batch; k++) top = Math.max(top, Math.abs(pre[k * rows + i]));
    b[i] = sign * (SATURATION_MARGIN + 2 * top);
  }
  return b;
}

/**
 * The network with layer j (2 ≤ j ≤ L − 1) zeroed (A_j = 0) or saturated over the batch xs (b_j
 * from saturatingBias for that network's own y_{j−1}); "none" returns it unchanged.
 */
export function withIntervention(
  net: ResidualMlp,
  intervention: Intervention,
  j: number,
  xs: ArrayLike<number>,
  batch: number,
): ResidualMlp {
  oneOf("intervention", intervention, INTERVENTIONS);
  if (intervention === "none") return net;
  checkMlp(net);
  integerAtLeast("layer j", j, 2, net.layers.length - 1);
  const layers = net.layers.slice();
  const layer = layers[j - 1];
  if (intervention === "zero") {
    layers[j - 1] = { ...layer, a: new Float64Array(layer.a.length) };
    return { ...net, layers };
  }
  // The pre-activations A_j y_{j−1} (without bias) over the batch, in this network.
  const n = net.layers[0].cols;
  const below = {
    ...net,
    layers: [...net.layers.slice(0, j - 1), {
      ...layer,
      rows: 1,
      cols: layer.cols,
      a: new Float64Array(layer.cols),
      b: new Float64Array(1),
    }],
  };
  const pre = new Float64Array(batch * layer.rows);
  for (let k = 0; k < batch; k++) {
    const x = Array.prototype.slice.call(xs, k * n, (k + 1) * n) as number[];
    const y = forwardMlp(below, x).ys[j - 1];
    const z = affine({ ...layer, b: new Float64Array(layer.rows) }, y);
    pre.set(z, k * layer.rows);
  }
  layers[j - 1] = { ...layer, b: saturatingBias(net.activation, pre, batch, layer.rows) };
  return { ...net, layers };
}
