/**
 * The live deep network of the initialisation page, computed in TensorFlow.js and streamed layer
 * by layer so the page can draw as it goes and never blocks.
 *
 * The network is the one of meanField.ts with equal widths d, weights W_ℓ = (σ/√d)·Z_ℓ with Z_ℓ
 * standard normal, no biases, inputs x_b ~ N(0, I), a unit readout v_b per input and a unit
 * tangent u_b per input. Draws come from createRng (layer ℓ's from its own seed), so the network
 * of depth L is the first L layers of any deeper one, and the same draws feed the Float64 check in
 * the tests (liveDraws).
 *
 * Forward, for each activation asked for (all on the same weights): the mean square of the
 * pre-activations a_ℓ, the mean square of φ'(a_ℓ), the tangent's squared norm (the squared
 * gradient reaching the input of the network cut after layer ℓ, see simulate.ts), a sample of
 * h_ℓ = φ(a_ℓ) for histograms, and ‖W_ℓ‖₂ by power iteration. Backward (first activation only,
 * when asked): the mean squared gradient ‖∂f_b/∂h_ℓ‖² from ℓ = L down to 0, by hand (δ = φ'(a)⊙g,
 * g ← δW), which the tests hold to tfjs's own autodiff.
 *
 * On a page's main thread, work is cut into slices of the batch, each followed by one `await
 * data()` and a macrotask; the slice size adapts so that a slice takes about `sliceMs` (it halves
 * after a slow slice and doubles after a quick one). In a Web Worker no page waits on it: each
 * product takes the whole batch, one read-back per layer and activation brings the sums the
 * rescaling needs, and the caller's driver (liveRun.ts's timeSliced) decides when to let messages
 * in. Values that could leave float32's range are rescaled: the tangent
 * and the gradient every layer (both are linear in themselves), and h_ℓ for identity and ReLU
 * (φ(ca) = cφ(a)); the scale is carried in float64 on the side.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "./tf.js";
import { createRng } from "./prng.js";
import { inWorker, macrotask } from "./macrotask.js";
import { type Activation, activationName, isHomogeneous } from "./activations.js";
import { inRange, integerAtLeast, seedValue } from "./validate.js";
import { powerIterator } from "./linalg.js";

/** Target time of one slice of work, in ms. */
export const SLICE_MS = 20;

/** Ranges of the live deep network's size and σ (the page's sliders) that runLiveDepth accepts. */
export const LIVE_NETWORK_RANGES = {
  depth: [1, 50],
  width: [8, 512],
  sigma: [0.1, 3],
  batch: [1, 256],
} as const;

export interface LiveDepthParams {
  depth: number;
  width: number;
  sigma: number;
  batch: number;
  seed: number;
}

function checkLiveParams(p: LiveDepthParams): LiveDepthParams {
  integerAtLeast("depth", p.depth, LIVE_NETWORK_RANGES.depth[0], LIVE_NETWORK_RANGES.depth[1]);
  integerAtLeast("width", p.width, LIVE_NETWORK_RANGES.width[0], LIVE_NETWORK_RANGES.width[1]);
  inRange("σ", p.sigma, { min: LIVE_NETWORK_RANGES.sigma[0], max: LIVE_NETWORK_RANGES.sigma[1] });
  integerAtLeast("batch size", p.batch, LIVE_NETWORK_RANGES.batch[0], LIVE_NETWORK_RANGES.batch[1]);
  seedValue(p.seed);
  return p;
}

/** A seed for stream `k` of a run: layer ℓ uses k = ℓ, inputs, readouts and tangents 10⁴ + i. */
function streamSeed(seed: number, k: number): number {
  return (seed ^ Math.imul(k + 1, 0x9e3779b9)) >>> 0;
}

function unitRows(seed: number, rows: number, n: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(rows * n);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      row[j] = rng.normal();
      s += row[j] * row[j];
    }
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < n; j++) out[r * n + j] = row[j] * inv;
  }
  return out;
}

/**
 * Layer ℓ's weights W_ℓ = (σ/√d)·Z_ℓ, d × d row-major, rounded to float32 once, filled a block of
 * rows at a time (`fill(rows)` returns false once the matrix is full).
 */
export function layerWeightFiller(seed: number, layer: number, width: number, sigma: number) {
  const rng = createRng(streamSeed(seed, layer));
  const c = sigma / Math.sqrt(width);
  const w = new Float32Array(width * width);
  let next = 0;
  return {
    w,
    fill(rows: number): boolean {
      const end = Math.min(w.length, next + rows * width);
      for (; next < end; next++) w[next] = c * rng.normal();
      return next < w.length;
    },
  };
}

/** The d × d row-major matrix w transposed. */
function transposed(w: Float32Array, d: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) out[j * d + i] = w[i * d + j];
  }
  return out;
}

export function liveLayerWeights(seed: number, layer: number, width: number, sigma: number) {
  const filler = layerWeightFiller(seed, layer, width, sigma);
  filler.fill(width);
  return filler.w;
}

/** The run's inputs (B × d), unit readouts (B × d) and unit tangents (B × d). */
export function liveDraws(seed: number, width: number, batch: number) {
  const rng = createRng(streamSeed(seed, 10_000));
  const x = new Float32Array(batch * width);
  for (let k = 0; k < x.length; k++) x[k] = rng.normal();
  return {
    x,
    v: unitRows(streamSeed(seed, 10_001), batch, width),
    u: unitRows(streamSeed(seed, 10_002), batch, width),
  };
}

export interface LayerStats {
  /** Mean over units and batch of a_ℓ². */
  preMeanSquare: number;
  /** Mean of φ'(a_ℓ)². */
  slopeMeanSquare: number;
  /** Squared gradient reaching the input of the network cut after this layer (tangent estimate). */
  inputGradMeanSquare: number;
  /** h_ℓ / RMS(h_ℓ) for identity and ReLU, h_ℓ itself for tanh and sigmoid (sampled rows). */
  sample?: Float32Array;
  /** RMS of h_ℓ (the unit of `sample` for identity and ReLU). */
  rms: number;
}

export interface LiveDepthSnapshot {
  params: LiveDepthParams;
  activations: Activation[];
  /** Layers finished forward (all activations). */
  layersDone: number;
  /** forward[k][ℓ − 1]: activation k at layer ℓ. */
  forward: LayerStats[][];
  /** ‖W_ℓ‖₂, ℓ = 1…layersDone. */
  spectralNorms: number[];
  /** Backward, first activation: gradMeanSquare[ℓ] for ℓ = 0…L; undefined until reached. */
  backward: (number | undefined)[];
  phase: "forward" | "backward" | "done";
  /** Fraction of the whole run done, for a progress bar. */
  progress: number;
  elapsedMs: number;
  /** Longest single slice (synchronous work between two yields to the page), in ms. */
  longestSliceMs: number;
  /** What that slice was doing ("weights 3", "power iteration 3", "forward 3", "backward 3"). */
  longestSliceWhat: string;
  rowsPerSlice: number;
}

export interface LiveDepthOptions {
  signal?: AbortSignal;
  /** Target time of one slice of work, in ms (default SLICE_MS). */
  sliceMs?: number;
  /** Starting rows per slice (default: about 4 million multiply-adds' worth). */
  rowsPerSlice?: number;
  /** Run the backward pass for the first activation (default true). */
  backward?: boolean;
  /** Rows of h_ℓ to download for histograms at these layers (1-based; default none). */
  histogramLayers?: readonly number[];
  histogramRows?: number;
  /** Power iterations per layer for ‖W_ℓ‖₂ (0 skips them; default 30). */
  spectralIterations?: number;
}

interface ActivationState {
  activation: Activation;
  h: TfCore.Tensor2D;
  t: TfCore.Tensor2D;
  /** log of the factor that h was divided by (identity and ReLU only). */
  hLog: number;
  slopes: TfCore.Tensor2D[];
}

function applyActivation(tf: Tf, activation: Activation, a: TfCore.Tensor2D) {
  switch (activation) {
    case "identity":
      return { h: a.clone(), d: tf.onesLike(a) };
    case "relu":
      return { h: tf.relu(a), d: tf.step(a, 0) };
    case "tanh": {
      const h = tf.tanh(a);
      return { h, d: tf.sub(1, tf.square(h)) };
    }
    case "sigmoid": {
      const h = tf.sigmoid(a);
      return { h, d: tf.mul(h, tf.sub(1, h)) };
    }
  }
}

/**
 * Streams the live network: yields a snapshot after every slice of work. Tensors are released
 * when the generator ends, however it ends (done, break, abort).
 */
export async function* runLiveDepth(
  tf: Tf,
  params: LiveDepthParams,
  activations: readonly Activation[],
  options: LiveDepthOptions = {},
): AsyncGenerator<LiveDepthSnapshot, void, undefined> {
  const { depth, width: n, sigma, batch, seed } = checkLiveParams(params);
  if (activations.length === 0) throw new RangeError("activations must not be empty");
  const acts = activations.map((a, i) => activationName(a, `activations[${i}]`));
  const { signal, sliceMs = SLICE_MS, backward = true, histogramRows = 32 } = options;
  const iterations = options.spectralIterations ?? 30;
  const histogramLayers = new Set(options.histogramLayers ?? []);
  // Start with about 4 million multiply-adds per slice (a few ms on WebAssembly, a million on
  // plain JavaScript); the timing below doubles it on fast backends and halves it on slow ones.
  const backendName = tf.getBackend();
  const budget = backendName === "cpu" ? 2 ** 20 : 2 ** 22;
  // On backends that compute on a page's main thread, a slice never grows past 16 million
  // multiply-adds per product, whatever the timing says (a loaded machine times badly).
  const sliced = !inWorker();
  const onMainThread = sliced && (backendName === "cpu" || backendName === "wasm");
  const maxRows = onMainThread ? Math.max(1, Math.floor(2 ** 24 / (n * n))) : batch;
  let rows = sliced
    ? Math.max(1, Math.min(batch, maxRows, options.rowsPerSlice ?? Math.floor(budget / (n * n))))
    : batch;
  const started = performance.now();
  let longest = 0;
  const held: TfCore.Tensor[] = [];
  const states: ActivationState[] = [];
  /** Each layer's W_ℓ (row-major, in JS) for the backward pass, which uploads it then. */
  const weights: Float32Array[] = [];
  /** The weights tensor of the layer in progress (forward W_ℓᵀ, backward W_ℓ). */
  let layerWeights: TfCore.Tensor2D | undefined;
  let g: TfCore.Tensor2D | undefined;
  const snapshot: LiveDepthSnapshot = {
    params: { ...params },
    activations: acts,
    layersDone: 0,
    forward: acts.map(() => []),
    spectralNorms: [],
    backward: new Array(depth + 1).fill(undefined),
    phase: "forward",
    progress: 0,
    elapsedMs: 0,
    longestSliceMs: 0,
    longestSliceWhat: "",
    rowsPerSlice: rows,
  };
  const totalUnits = depth * acts.length + (backward ? depth : 0);
  let unitsDone = 0;
  const emit = (): LiveDepthSnapshot => {
    snapshot.elapsedMs = performance.now() - started;
    snapshot.longestSliceMs = longest;
    snapshot.rowsPerSlice = rows;
    snapshot.progress = unitsDone / totalUnits;
    return {
      ...snapshot,
      forward: snapshot.forward.map((f) => [...f]),
      spectralNorms: [...snapshot.spectralNorms],
      backward: [...snapshot.backward],
    };
  };
  /** Rows start… of a batch × d tensor: the tensor itself when that is all of it (no copy). */
  const rowsOf = (x: TfCore.Tensor2D, start: number, count: number) =>
    count === batch ? x : tf.slice(x, [start, 0], [count, n]);
  /** Times synchronous work; adapts the slice size to keep each slice near sliceMs. */
  const timed = async <T>(
    what: string,
    work: () => T | Promise<T>,
    adapt = false,
  ): Promise<T> => {
    const t0 = performance.now();
    const out = await work();
    const ms = performance.now() - t0;
    if (ms > longest) {
      longest = ms;
      snapshot.longestSliceWhat = what;
    }
    if (!sliced) return out;
    if (adapt && ms > 1.5 * sliceMs && rows > 1) rows = Math.max(1, Math.floor(rows / 2));
    else if (adapt && ms < sliceMs / 4 && rows < maxRows) rows = Math.min(batch, maxRows, rows * 2);
    await macrotask();
    return out;
  };
  try {
    const draws = liveDraws(seed, n, batch);
    const x = tf.tensor2d(draws.x, [batch, n]);
    const u = tf.tensor2d(draws.u, [batch, n]);
    held.push(x, u);
    for (const activation of acts) {
      states.push({ activation, h: x, t: u, hLog: 0, slopes: [] });
    }
    yield emit();
    const tLog = acts.map(() => 0);
    for (let l = 1; l <= depth; l++) {
      if (signal?.aborted) return;
      // Weights in JS from the seeded stream and the power iteration: on a page's main thread in
      // blocks of about a quarter of a million multiply-adds each, so neither holds it for long.
      const filler = layerWeightFiller(seed, l, n, sigma);
      const rowsPerBlock = sliced ? Math.max(1, Math.floor(2 ** 16 / n)) : n;
      while (await timed(`weights ${l}`, () => filler.fill(rowsPerBlock)));
      const w = filler.w;
      if (iterations > 0) {
        const power = powerIterator({ rows: n, cols: n, data: w }, createRng(n));
        const perBlock = sliced ? Math.max(1, Math.floor(2 ** 19 / (n * n))) : iterations;
        let norm = 0;
        for (let done = 0; done < iterations; done += perBlock) {
          const k = Math.min(perBlock, iterations - done);
          norm = await timed(`power iteration ${l}`, () => power.step(k));
        }
        snapshot.spectralNorms.push(norm);
      }
      // W_ℓᵀ, uploaded as such: a = h·W_ℓᵀ is then a plain product, since tfjs-backend-wasm
      // computes a product with a transposed operand on a slow path, about twenty times slower
      // than its XNNPACK one. (The CPU backend sums in the same order either way.)
      const wt = layerWeights = tf.tensor2d(transposed(w, n), [n, n]);
      if (backward) weights.push(w);
      for (const [k, state] of states.entries()) {
        let sumA2 = 0, sumD2 = 0, sumT2 = 0, sumH2 = 0;
        const hParts: TfCore.Tensor2D[] = [];
        const tParts: TfCore.Tensor2D[] = [];
        const dParts: TfCore.Tensor2D[] = [];
        let sample: Float32Array | undefined;
        for (let start = 0; start < batch;) {
          if (signal?.aborted) {
            tf.dispose([...hParts, ...tParts, ...dParts]);
            return;
          }
          const count = Math.min(rows, batch - start);
          const first = start === 0;
          const wantSample = first && histogramLayers.has(l) && k === 0;
          // The slice's products run inside timed(): on CPU backends they block until done.
          const values = await timed(`forward ${l}`, async () => {
            const [h, d, t, packed] = tf.tidy(() => {
              const hIn = rowsOf(state.h, start, count);
              const tIn = rowsOf(state.t, start, count);
              const a = tf.matMul(hIn, wt) as TfCore.Tensor2D;
              const { h, d } = applyActivation(tf, state.activation, a);
              const t = tf.mul(d, tf.matMul(tIn, wt)) as TfCore.Tensor2D;
              const sums = tf.stack([
                tf.sum(tf.square(a)),
                tf.sum(tf.square(d)),
                tf.sum(tf.square(t)),
                tf.sum(tf.square(h)),
              ]);
              return [h as TfCore.Tensor2D, d as TfCore.Tensor2D, t, sums];
            });
            hParts.push(h);
            dParts.push(d);
            tParts.push(t);
            const sampleTensor = wantSample
              ? tf.slice(h, [0, 0], [Math.min(count, histogramRows), n])
              : undefined;
            try {
              const [v, s] = await Promise.all([
                packed.data(),
                sampleTensor ? sampleTensor.data() : Promise.resolve(undefined),
              ]);
              if (s) sample = s as Float32Array;
              return v;
            } finally {
              packed.dispose();
              sampleTensor?.dispose();
            }
          }, true);
          sumA2 += values[0];
          sumD2 += values[1];
          sumT2 += values[2];
          sumH2 += values[3];
          start += count;
        }
        const count = batch * n;
        const hScale = Math.exp(2 * state.hLog);
        const rmsStored = Math.sqrt(sumH2 / count);
        const tRms = Math.sqrt(sumT2 / count);
        const stats: LayerStats = {
          preMeanSquare: (sumA2 / count) * hScale,
          slopeMeanSquare: sumD2 / count,
          inputGradMeanSquare: (sumT2 / batch) * Math.exp(2 * tLog[k]),
          rms: rmsStored * Math.exp(state.hLog),
        };
        if (sample) {
          const unit = isHomogeneous(state.activation) && rmsStored > 0 ? 1 / rmsStored : 1;
          stats.sample = sample.map((v) => v * unit);
        }
        // Rescale: the tangent always, h for homogeneous activations; keep the logs in float64.
        const rescaleH = isHomogeneous(state.activation) && rmsStored > 0 &&
          (rmsStored > 1e4 || rmsStored < 1e-4);
        const hNext = tf.tidy(() => {
          const h = tf.concat(hParts) as TfCore.Tensor2D;
          return rescaleH ? tf.div(h, rmsStored) as TfCore.Tensor2D : h;
        });
        const tNext = tf.tidy(() =>
          tRms > 0 ? tf.div(tf.concat(tParts), tRms) as TfCore.Tensor2D : tf.concat(tParts)
        ) as TfCore.Tensor2D;
        const dAll = tf.concat(dParts) as TfCore.Tensor2D;
        tf.dispose([...hParts, ...tParts, ...dParts]);
        if (state.h !== x) state.h.dispose();
        if (state.t !== u) state.t.dispose();
        state.h = hNext;
        state.t = tNext;
        if (rescaleH) state.hLog += Math.log(rmsStored);
        if (tRms > 0) tLog[k] += Math.log(tRms);
        if (backward && k === 0) state.slopes.push(dAll);
        else dAll.dispose();
        snapshot.forward[k].push(stats);
        unitsDone++;
      }
      wt.dispose();
      snapshot.layersDone = l;
      yield emit();
    }
    if (!backward) {
      snapshot.phase = "done";
      yield emit();
      return;
    }
    // Backward, first activation: g_L = v_b; δ = φ'(a_ℓ) ⊙ g; g_{ℓ−1} = δ W_ℓ; rescaled per layer.
    snapshot.phase = "backward";
    const state = states[0];
    g = tf.tensor2d(draws.v, [batch, n]);
    let gLog = 0;
    snapshot.backward[depth] = 1;
    yield emit();
    for (let l = depth; l >= 1; l--) {
      if (signal?.aborted) return;
      const slope = state.slopes[l - 1];
      const wt = layerWeights = tf.tensor2d(weights[l - 1], [n, n]);
      const parts: TfCore.Tensor2D[] = [];
      let sumG2 = 0;
      for (let start = 0; start < batch;) {
        const count = Math.min(rows, batch - start);
        const gIn = g;
        const values = await timed(`backward ${l}`, async () => {
          const [next, packed] = tf.tidy(() => {
            const gs = rowsOf(gIn, start, count);
            const ds = rowsOf(slope, start, count);
            const next = tf.matMul(tf.mul(ds, gs), wt) as TfCore.Tensor2D;
            return [next, tf.sum(tf.square(next))];
          });
          parts.push(next);
          try {
            return await packed.data();
          } finally {
            packed.dispose();
          }
        }, true);
        sumG2 += values[0];
        start += count;
        if (signal?.aborted) {
          tf.dispose(parts);
          return;
        }
      }
      const rms = Math.sqrt(sumG2 / batch);
      const gNext = tf.tidy(() =>
        rms > 0 ? tf.div(tf.concat(parts), rms) as TfCore.Tensor2D : tf.concat(parts)
      ) as TfCore.Tensor2D;
      tf.dispose(parts);
      wt.dispose();
      g.dispose();
      g = gNext;
      snapshot.backward[l - 1] = (sumG2 / batch) * Math.exp(2 * gLog);
      if (rms > 0) gLog += Math.log(rms);
      unitsDone++;
      yield emit();
    }
    snapshot.phase = "done";
    yield emit();
  } finally {
    g?.dispose();
    for (const state of states) {
      if (!state.h.isDisposed && !held.includes(state.h)) state.h.dispose();
      if (!state.t.isDisposed && !held.includes(state.t)) state.t.dispose();
      tf.dispose(state.slopes);
    }
    layerWeights?.dispose();
    tf.dispose(held);
  }
}
