/**
 * The bidirectional sigmoid RNN of the course, in Float64:
 *
 *   hₜᶠ = σ(Wᶠxₜ + Uᶠhₜ₋₁ᶠ),   hₜᵇ = σ(Wᵇxₜ + Uᵇhₜ₊₁ᵇ),   yₜ = Vᶠhₜᶠ + Vᵇhₜᵇ,
 *   L = Σₜ ‖zₜ − yₜ‖²,  t = 1…T,
 *
 * with initial states h₀ᶠ and h_{T+1}ᵇ. Its gradients are computed by the course's recursions
 * (brnnStateGradients, brnnWeightGradients); brnnFiniteDifferences.ts checks them by central
 * finite differences on a forward pass of its own.
 *
 * Matrices are row-major Float64Arrays: Wᶠ and Wᵇ are n×m, Uᶠ and Uᵇ n×n, Vᶠ and Vᵇ k×n.
 */
import { sigmoid } from "../activations.js";
import { createRng } from "../prng.js";
import { integerAtLeast, seedValue } from "../validate.js";
import { matrixTimes, transposeTimes } from "../linalg.js";

export interface BrnnSizes {
  /** Input size m. */
  inputs: number;
  /** Hidden size n (each direction). */
  hidden: number;
  /** Output size k. */
  outputs: number;
  /** Sequence length T. */
  steps: number;
}

const BRNN_LIMITS = { size: 16, steps: 64 } as const;

export interface Brnn {
  sizes: BrnnSizes;
  wf: Float64Array;
  uf: Float64Array;
  vf: Float64Array;
  wb: Float64Array;
  ub: Float64Array;
  vb: Float64Array;
  /** xₜ and zₜ for t = 1…T at index t − 1. */
  x: Float64Array[];
  z: Float64Array[];
  /** h₀ᶠ and h_{T+1}ᵇ. */
  hf0: Float64Array;
  hbEnd: Float64Array;
}

export type BrnnWeight = "wf" | "uf" | "vf" | "wb" | "ub" | "vb";

/** The shape [rows, columns] of each weight. */
export function weightShape(sizes: BrnnSizes, name: BrnnWeight): [number, number] {
  const { inputs: m, hidden: n, outputs: k } = sizes;
  return name[0] === "w" ? [n, m] : name[0] === "u" ? [n, n] : [k, n];
}

/**
 * A random instance: weights N(0, 1/fan-in), inputs and targets N(0, 1), initial states uniform on
 * (0, 1) (the sigmoid's range). One seed gives one instance for each size.
 */
export function randomBrnn(
  { seed, inputs = 3, hidden = 4, outputs = 2, steps = 3 }: Partial<BrnnSizes> & { seed: number },
): Brnn {
  seedValue(seed);
  for (const [name, v] of [["inputs m", inputs], ["hidden n", hidden], ["outputs k", outputs]]) {
    integerAtLeast(name as string, v, 1, BRNN_LIMITS.size);
  }
  integerAtLeast("steps T", steps, 1, BRNN_LIMITS.steps);
  const sizes = { inputs, hidden, outputs, steps };
  const rng = createRng(seed);
  const matrix = (name: BrnnWeight) => {
    const [rows, cols] = weightShape(sizes, name);
    return Float64Array.from({ length: rows * cols }, () => rng.normal() / Math.sqrt(cols));
  };
  const wf = matrix("wf"), uf = matrix("uf"), vf = matrix("vf");
  const wb = matrix("wb"), ub = matrix("ub"), vb = matrix("vb");
  const vector = (size: number, draw: () => number) => Float64Array.from({ length: size }, draw);
  const x = Array.from({ length: steps }, () => vector(inputs, rng.normal));
  const z = Array.from({ length: steps }, () => vector(outputs, rng.normal));
  const hf0 = vector(hidden, rng.uniform);
  const hbEnd = vector(hidden, rng.uniform);
  return { sizes, wf, uf, vf, wb, ub, vb, x, z, hf0, hbEnd };
}

export interface BrnnPass {
  /** hₜᶠ at index t for t = 0…T (index 0 is h₀ᶠ). */
  hf: Float64Array[];
  /** hₜᵇ at index t for t = 1…T + 1 (index T + 1 is the initial state; index 0 is empty). */
  hb: Float64Array[];
  /** yₜ at index t − 1. */
  y: Float64Array[];
  loss: number;
}

export function brnnForward(net: Brnn): BrnnPass {
  const { inputs: m, hidden: n, outputs: k, steps: T } = net.sizes;
  const hf: Float64Array[] = [net.hf0.slice()];
  for (let t = 1; t <= T; t++) {
    const a = matrixTimes(net.wf, net.x[t - 1], n, m);
    const r = matrixTimes(net.uf, hf[t - 1], n, n);
    hf.push(a.map((v, i) => sigmoid(v + r[i])));
  }
  const hb: Float64Array[] = new Array(T + 2);
  hb[0] = new Float64Array(0);
  hb[T + 1] = net.hbEnd.slice();
  for (let t = T; t >= 1; t--) {
    const a = matrixTimes(net.wb, net.x[t - 1], n, m);
    const r = matrixTimes(net.ub, hb[t + 1], n, n);
    hb[t] = a.map((v, i) => sigmoid(v + r[i]));
  }
  const y: Float64Array[] = [];
  let loss = 0;
  for (let t = 1; t <= T; t++) {
    const yf = matrixTimes(net.vf, hf[t], k, n);
    const yb = matrixTimes(net.vb, hb[t], k, n);
    const yt = yf.map((v, i) => v + yb[i]);
    y.push(yt);
    for (let i = 0; i < k; i++) loss += (net.z[t - 1][i] - yt[i]) ** 2;
  }
  return { hf, hb, y, loss };
}

export interface BrnnStateGradients {
  /** ∇_{hₜᶠ}L at index t for t = 0…T. */
  gf: Float64Array[];
  /** ∇_{hₜᵇ}L at index t for t = 1…T + 1 (index 0 is empty). */
  gb: Float64Array[];
  /** The local terms ∇_{hₜᶠ}Lₜ = −2Vᶠᵀ(zₜ − yₜ) and ∇_{hₜᵇ}Lₜ = −2Vᵇᵀ(zₜ − yₜ), at index t − 1. */
  localF: Float64Array[];
  localB: Float64Array[];
}

/**
 * The course's recursions, total derivatives through time:
 *   ∇_{hₜᶠ}L = −2Vᶠᵀ(zₜ − yₜ) + (diag(hₜ₊₁ᶠ(1 − hₜ₊₁ᶠ))Uᶠ)ᵀ ∇_{hₜ₊₁ᶠ}L   (from t = T down),
 *   ∇_{hₜᵇ}L = −2Vᵇᵀ(zₜ − yₜ) + (diag(hₜ₋₁ᵇ(1 − hₜ₋₁ᵇ))Uᵇ)ᵀ ∇_{hₜ₋₁ᵇ}L   (from t = 1 up).
 * The initial states h₀ᶠ and h_{T+1}ᵇ get only the second term.
 */
export function brnnStateGradients(
  net: Brnn,
  pass: BrnnPass = brnnForward(net),
): BrnnStateGradients {
  const { hidden: n, outputs: k, steps: T } = net.sizes;
  const residual = (t: number) => net.z[t - 1].map((z, i) => -2 * (z - pass.y[t - 1][i]));
  const localF: Float64Array[] = [];
  const localB: Float64Array[] = [];
  for (let t = 1; t <= T; t++) {
    localF.push(transposeTimes(net.vf, residual(t), k, n));
    localB.push(transposeTimes(net.vb, residual(t), k, n));
  }
  // (diag(h(1 − h)) U)ᵀ g = Uᵀ (h(1 − h) ∘ g).
  const back = (u: Float64Array, h: Float64Array, g: Float64Array) =>
    transposeTimes(u, g.map((v, i) => v * h[i] * (1 - h[i])), n, n);
  const gf: Float64Array[] = new Array(T + 1);
  gf[T] = localF[T - 1].slice();
  for (let t = T - 1; t >= 0; t--) {
    const carried = back(net.uf, pass.hf[t + 1], gf[t + 1]);
    gf[t] = t >= 1 ? carried.map((v, i) => v + localF[t - 1][i]) : carried;
  }
  const gb: Float64Array[] = new Array(T + 2);
  gb[0] = new Float64Array(0);
  gb[1] = localB[0].slice();
  for (let t = 2; t <= T + 1; t++) {
    const carried = back(net.ub, pass.hb[t - 1], gb[t - 1]);
    gb[t] = t <= T ? carried.map((v, i) => v + localB[t - 1][i]) : carried;
  }
  return { gf, gb, localF, localB };
}

export interface BrnnWeightGradients {
  /** ∇_{Wᶠ}L = Σₜ diag(hₜᶠ(1 − hₜᶠ)) ∇_{hₜᶠ}L xₜᵀ, n×m. */
  wf: Float64Array;
  /** ∇_{Uᵇ}L = Σₜ diag(hₜᵇ(1 − hₜᵇ)) ∇_{hₜᵇ}L hₜ₊₁ᵇᵀ, n×n. */
  ub: Float64Array;
  loss: number;
  states: BrnnStateGradients;
}

/** The course's formulas for ∇_{Wᶠ}L and ∇_{Uᵇ}L, summed over t = 1…T. */
export function brnnWeightGradients(net: Brnn): BrnnWeightGradients {
  const { inputs: m, hidden: n, steps: T } = net.sizes;
  const pass = brnnForward(net);
  const states = brnnStateGradients(net, pass);
  const wf = new Float64Array(n * m);
  const ub = new Float64Array(n * n);
  for (let t = 1; t <= T; t++) {
    const hf = pass.hf[t], hb = pass.hb[t];
    for (let i = 0; i < n; i++) {
      const df = hf[i] * (1 - hf[i]) * states.gf[t][i];
      const db = hb[i] * (1 - hb[i]) * states.gb[t][i];
      for (let j = 0; j < m; j++) wf[i * m + j] += df * net.x[t - 1][j];
      for (let j = 0; j < n; j++) ub[i * n + j] += db * pass.hb[t + 1][j];
    }
  }
  return { wf, ub, loss: pass.loss, states };
}

/** max|a − b| / max|b|: the gap between two computations of one gradient, relative to its size. */
export function relativeGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0, size = 0;
  for (let i = 0; i < b.length; i++) {
    gap = Math.max(gap, Math.abs(a[i] - b[i]));
    size = Math.max(size, Math.abs(b[i]));
  }
  return size === 0 ? gap : gap / size;
}
