/**
 * The residual page's live comparison in TensorFlow.js: the network of mlp.ts on the seeded draws
 * of liveNetwork.ts, once with skips and once without, optionally with one hidden layer j zeroed
 * (A_j = 0) or saturated (its bias pushes every unit where φ′ = 0), and per layer the gradients of
 * f = mean over the batch of y_L:
 *
 *   gradY[ℓ] = √(mean over the batch of ‖∂y_L/∂y_ℓ‖²)   (ℓ = 0 … L − 1),
 *   gradA[ℓ − 1] = ‖∂f/∂A_ℓ‖_F,  gradB[ℓ − 1] = ‖∂f/∂b_ℓ‖   (ℓ = 1 … L).
 *
 * Forward, then the backward recursion of the homework written with tfjs ops (g ← (g ⊙ φ′)A_ℓ + g
 * with a skip, without the "+ g" otherwise), so that it can be rescaled as it goes: the gradient is
 * divided by its root mean square after every layer, and so is the signal of a ReLU network
 * (ReLU(cz) = cReLU(z), and its biases are 0 except a saturated layer's, whose bias is computed in
 * the rescaled units), with the logarithms of the factors kept in float64. A gradient of 10⁻⁸⁰ thus
 * comes out as such instead of underflowing float32 to a false 0, and a gradient that is exactly 0
 * (a zeroed or saturated layer without a skip) stays exactly 0. The tests hold the result to the
 * Float64 network of mlp.ts on the same draws.
 *
 * Work is cut into slices of whole layers (about `sliceMs` each), each slice's numbers downloaded
 * at once; a snapshot is yielded after every slice (Stop ends the run within one), and the page's
 * driver (compute/liveRun.ts, in the page's live worker) sends the newest to the page as a frame
 * every 50 ms or so, so the charts fill in as it runs.
 * `liveComparison` is the same run as a live computation of the page's controls.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { type LiveEnv, type LiveStep, tfOf } from "../liveRun.js";
import { downloadChunk } from "../tfRead.js";
import { SATURATION_MARGIN } from "./mlp.js";
import {
  checkResidualParams,
  effectiveLayer,
  type LiveResidualParams,
  RESIDUAL_BATCH,
  residualInputs,
  residualWeights,
} from "./liveNetwork.js";

type T2 = TfCore.Tensor2D;

/** Target time of one slice of work, in ms. */
export const RESIDUAL_SLICE_MS = 12;

export interface NetProfile {
  /** RMS over the batch of ‖∂y_L/∂y_ℓ‖, ℓ = 0 … L − 1; undefined until reached. */
  gradY: (number | undefined)[];
  /** ‖∂f/∂A_ℓ‖_F at index ℓ − 1. */
  gradA: (number | undefined)[];
  /** ‖∂f/∂b_ℓ‖ at index ℓ − 1. */
  gradB: (number | undefined)[];
  /** Units of layer j whose slope φ′ is exactly 0 for every input (when j is saturated). */
  flatUnits?: number;
}

export interface LiveResidualSnapshot {
  params: LiveResidualParams;
  /** The layer the intervention acts on (min(j, L − 1)); undefined without one. */
  layer?: number;
  skip: NetProfile;
  plain: NetProfile;
  phase: "forward" | "backward" | "done";
  /** Fraction of the run done, for a progress bar. */
  progress: number;
  /** True on the last snapshot, once both backward passes reached the input. */
  done: boolean;
  /** The longest slice of layers so far, its read-back included, ms (a Stop waits at most that). */
  longestSliceMs: number;
}

export interface LiveResidualOptions {
  signal?: AbortSignal;
  sliceMs?: number;
}

interface NetState {
  skips: boolean;
  profile: NetProfile;
  /** Ỹ_ℓ = y_ℓ / e^{yLog[ℓ]}, ℓ = 0 … L − 1 (Ỹ₀ = the inputs, shared). */
  ys: T2[];
  yLog: number[];
  /** φ′(z_ℓ) at index ℓ − 1. */
  slopes: T2[];
  g?: T2;
  gLog: number;
}

function activateTf(tf: Tf, activation: LiveResidualParams["activation"], z: T2) {
  switch (activation) {
    case "sigmoid": {
      const h = tf.sigmoid(z);
      return { h, d: tf.mul(h, tf.sub(1, h)) };
    }
    case "tanh": {
      const h = tf.tanh(z);
      return { h, d: tf.sub(1, tf.square(h)) };
    }
    case "relu":
      return { h: tf.relu(z), d: tf.step(z, 0) };
  }
}

/** Streams the comparison; tensors are released however the generator ends. */
export async function* runLiveResidual(
  tf: Tf,
  params: LiveResidualParams,
  { signal, sliceMs = RESIDUAL_SLICE_MS }: LiveResidualOptions = {},
): AsyncGenerator<LiveResidualSnapshot, void, undefined> {
  const p = checkResidualParams({ ...params });
  const { depth: L, width: m, activation, intervention } = p;
  const B = RESIDUAL_BATCH;
  const j = intervention === "none" ? undefined : effectiveLayer(p);
  const rescaleSignal = activation === "relu";
  const empty = (): NetProfile => ({
    gradY: new Array(L).fill(undefined),
    gradA: new Array(L).fill(undefined),
    gradB: new Array(L).fill(undefined),
  });
  const weights: T2[] = [];
  const nets: NetState[] = [true, false].map((skips) => ({
    skips,
    profile: empty(),
    ys: [],
    yLog: [0],
    slopes: [],
    gLog: 0,
  }));
  let longestSliceMs = 0;
  const sliceEnded = (t0: number) =>
    longestSliceMs = Math.max(longestSliceMs, performance.now() - t0);
  const snapshot = (phase: LiveResidualSnapshot["phase"], progress: number) => ({
    params: p,
    layer: j,
    skip: {
      ...nets[0].profile,
      gradY: [...nets[0].profile.gradY],
      gradA: [...nets[0].profile.gradA],
      gradB: [...nets[0].profile.gradB],
    },
    plain: {
      ...nets[1].profile,
      gradY: [...nets[1].profile.gradY],
      gradA: [...nets[1].profile.gradA],
      gradB: [...nets[1].profile.gradB],
    },
    phase,
    progress,
    done: phase === "done",
    longestSliceMs,
  });
  const x = tf.tensor2d(residualInputs(p), [B, m]);
  // Layer ℓ's weights, drawn when the forward pass first needs them (inside the timed slices).
  const weight = (l: number): T2 => {
    while (weights.length < l) {
      const k = weights.length + 1;
      const zeroed = intervention === "zero" && k === j;
      // Kept: the first call comes from inside a tidy, and the backward pass needs them too.
      weights.push(tf.keep(
        zeroed ? tf.zeros([m, m]) : tf.tensor2d(residualWeights(p, k), [k === L ? 1 : m, m]),
      ));
    }
    return weights[l - 1];
  };
  try {
    for (const net of nets) net.ys.push(x);
    yield snapshot("forward", 0);
    const steps = 2 * (L - 1) + 1;
    let done = 0;

    // Forward: layer ℓ of both networks per step; each step leaves [r, flat units] per network.
    let l = 1;
    while (l < L) {
      if (signal?.aborted) return;
      const t0 = performance.now();
      const stats: TfCore.Tensor[] = [];
      const layers: number[] = [];
      while (l < L && (layers.length === 0 || performance.now() - t0 < sliceMs)) {
        for (const net of nets) {
          const below = net.ys[l - 1];
          const skip = net.skips && l >= 2;
          const [y, d, stat] = tf.tidy(() => {
            let z = tf.matMul(below, weight(l), false, true) as T2;
            if (intervention === "saturate" && l === j) {
              const top = tf.max(tf.abs(z), 0);
              const sign = activation === "relu" ? -1 : 1;
              z = tf.add(z, tf.mul(sign, tf.add(tf.mul(2, top), SATURATION_MARGIN))) as T2;
            }
            const { h, d } = activateTf(tf, activation, z);
            let y = (skip ? tf.add(h, below) : h) as T2;
            let r: TfCore.Tensor = tf.scalar(1);
            if (rescaleSignal) {
              r = tf.sqrt(tf.mean(tf.square(y)));
              y = tf.div(y, tf.where(tf.greater(r, 0), r, tf.onesLike(r))) as T2;
            }
            const flat = tf.sum(tf.cast(tf.equal(tf.max(tf.abs(d), 0), 0), "float32"));
            return [y, d as T2, tf.stack([r, flat])];
          });
          net.ys.push(y);
          net.slopes.push(d);
          stats.push(stat);
        }
        layers.push(l);
        l++;
      }
      const values = await downloadChunk(tf, stats, (held) => tf.concat(held));
      sliceEnded(t0);
      layers.forEach((layer, k) => {
        nets.forEach((net, i) => {
          const [r, flat] = [values[4 * k + 2 * i], values[4 * k + 2 * i + 1]];
          net.yLog.push(net.yLog[layer - 1] + (r > 0 ? Math.log(r) : 0));
          if (layer === j && intervention === "saturate") net.profile.flatUnits = flat;
        });
      });
      done += layers.length;
      yield snapshot("forward", done / steps);
    }

    // The top layer: ∂y_L/∂y_{L−1} = A_L for every input, ∂y_L/∂A_L = y_{L−1}ᵀ, ∂y_L/∂b_L = 1.
    {
      const t0 = performance.now();
      const stats = nets.map((net) =>
        tf.tidy(() => {
          const top = weight(L);
          net.g = tf.keep(tf.mul(tf.ones([B, 1]), top) as T2);
          return tf.stack([
            tf.sum(tf.square(top)),
            tf.sum(tf.square(tf.sum(net.ys[L - 1], 0))),
          ]);
        })
      );
      const values = await downloadChunk(tf, stats, (held) => tf.concat(held));
      sliceEnded(t0);
      nets.forEach((net, i) => {
        net.profile.gradY[L - 1] = Math.sqrt(values[2 * i]);
        net.profile.gradA[L - 1] = (Math.sqrt(values[2 * i + 1]) / B) * Math.exp(net.yLog[L - 1]);
        net.profile.gradB[L - 1] = 1;
      });
      done++;
      yield snapshot("backward", done / steps);
    }

    // Backward: layer ℓ of both networks per step; each leaves [‖G̃‖², ‖δᵀỸ‖², ‖Σδ‖², r].
    l = L - 1;
    while (l >= 1) {
      if (signal?.aborted) return;
      const t0 = performance.now();
      const stats: TfCore.Tensor[] = [];
      const layers: number[] = [];
      while (l >= 1 && (layers.length === 0 || performance.now() - t0 < sliceMs)) {
        for (const net of nets) {
          const g = net.g!;
          const skip = net.skips && l >= 2;
          const [next, stat] = tf.tidy(() => {
            const delta = tf.mul(g, net.slopes[l - 1]) as T2;
            const dA = tf.matMul(delta, net.ys[l - 1], true, false);
            let next = tf.matMul(delta, weights[l - 1]) as T2;
            if (skip) next = tf.add(next, g) as T2;
            const r = tf.sqrt(tf.mean(tf.square(next)));
            next = tf.div(next, tf.where(tf.greater(r, 0), r, tf.onesLike(r))) as T2;
            return [
              next,
              tf.stack([
                tf.sum(tf.square(g)),
                tf.sum(tf.square(dA)),
                tf.sum(tf.square(tf.sum(delta, 0))),
                r,
              ]),
            ];
          });
          g.dispose();
          net.g = next;
          stats.push(stat);
        }
        layers.push(l);
        l--;
      }
      const values = await downloadChunk(tf, stats, (held) => tf.concat(held));
      layers.forEach((layer, k) => {
        nets.forEach((net, i) => {
          const [g2, a2, b2, r] = values.subarray(8 * k + 4 * i, 8 * k + 4 * i + 4);
          const scale = Math.exp(net.gLog);
          net.profile.gradY[layer] = Math.sqrt(g2 / B) * scale;
          net.profile.gradA[layer - 1] = (Math.sqrt(a2) / B) * scale *
            Math.exp(net.yLog[layer - 1]);
          net.profile.gradB[layer - 1] = (Math.sqrt(b2) / B) * scale;
          if (r > 0) net.gLog += Math.log(r);
        });
      });
      done += layers.length;
      if (l < 1) {
        // ∂y_L/∂x, what reaches the input.
        const sums = nets.map((net) => tf.tidy(() => tf.reshape(tf.sum(tf.square(net.g!)), [1])));
        const inputs = await downloadChunk(tf, sums, (held) => tf.concat(held));
        nets.forEach((net, i) => {
          net.profile.gradY[0] = Math.sqrt(inputs[i] / B) * Math.exp(net.gLog);
        });
      }
      sliceEnded(t0);
      yield snapshot(l < 1 ? "done" : "backward", done / steps);
    }
  } finally {
    for (const net of nets) {
      net.g?.dispose();
      tf.dispose(net.ys.filter((y) => y !== x));
      tf.dispose(net.slopes);
    }
    tf.dispose(weights);
    x.dispose();
  }
}

/** A snapshot as the page shows it: the intervened layer is null when there is none. */
export type ComparisonFrame = Omit<LiveResidualSnapshot, "layer"> & { layer: number | null };

/** The page's controls: the network's size, activation, σ, seed, and what to do to layer j. */
export interface ComparisonSettings extends Omit<LiveResidualParams, "intervention"> {
  change: LiveResidualParams["intervention"];
}

/**
 * The live comparison as a live computation (compute/liveRun.ts): runLiveResidual on the page's
 * controls, with the intervened layer as null when there is none (as the page's test hook has it).
 */
export async function* liveComparison(
  { change, ...rest }: ComparisonSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<ComparisonFrame>, void, undefined> {
  const params = { ...rest, intervention: change };
  for await (const snap of runLiveResidual(tfOf(env), params, { signal: env.signal })) {
    yield { ...snap, layer: snap.layer ?? null };
  }
}
