/**
 * Weight normalisation in TensorFlow.js: tfjs differentiates L(γu/‖u‖) by itself (tf.grads), so
 * the closed form ∇ᵤL = (γ/‖u‖)W⊥∇_wL of weightNorm.ts can be checked against autodiff, and the
 * page's gradient steps on u can be replayed with tfjs's gradients. The tfjs namespace is passed
 * in (see dropoutTrainTf.ts); it must have gradients registered.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { macrotask } from "../macrotask.js";
import { downloadChunk } from "../tfRead.js";
import { finiteVector, integerAtLeast, positiveNumber } from "../validate.js";
import { checkDirection } from "./weightNorm.js";

/** A loss of w written in tfjs ops. */
export type LossTf = (w: TfCore.Tensor1D) => TfCore.Scalar;

/** L(w) = ½‖w − w*‖² in tfjs ops. */
export function targetLossTf(tf: Tf, target: readonly number[]): LossTf {
  finiteVector("w*", target);
  return (w) =>
    tf.tidy(() => tf.mul(0.5, tf.sum(tf.square(tf.sub(w, tf.tensor1d(target.slice()))))));
}

/** The loss as a function of (u, γ): w = γu/‖u‖ built from tfjs ops, so tfjs differentiates it. */
function reparametrised(tf: Tf, loss: LossTf) {
  return (u: TfCore.Tensor, gamma: TfCore.Tensor): TfCore.Scalar =>
    loss(tf.mul(gamma, tf.div(u, tf.sqrt(tf.sum(tf.square(u))))) as TfCore.Tensor1D);
}

/** ∇ᵤL and ∂L/∂γ at (u, γ) by tfjs autodiff (float32), read with one `await data()`. */
export async function weightNormGradientTf(
  tf: Tf,
  u: readonly number[],
  gamma: number,
  loss: LossTf,
): Promise<{ gradU: number[]; gradGamma: number }> {
  checkDirection(u);
  const packed = tf.tidy(() => {
    const f = reparametrised(tf, loss);
    const [gu, gg] = tf.grads((a: TfCore.Tensor, b: TfCore.Tensor) => f(a, b))([
      tf.tensor1d(u.slice()),
      tf.scalar(gamma),
    ]);
    return tf.concat([gu, tf.reshape(gg, [1])]);
  });
  try {
    const values = await packed.data();
    return { gradU: Array.from(values.subarray(0, u.length)), gradGamma: values[u.length] };
  } finally {
    packed.dispose();
  }
}

export interface TfStepsChunk {
  stepsDone: number;
  /** u after each step of this chunk, rows of u.length values. */
  u: number[][];
  done: boolean;
}

/**
 * T gradient steps u ← u − η∇ᵤL with tfjs's own gradients (γ fixed), `chunkSteps` steps per chunk
 * with a macrotask between chunks; each step in a tf.tidy, each chunk read with one `await data()`.
 * Every tensor is released in `finally`, also when `signal` aborts the run.
 */
export async function* weightNormStepsTf(
  tf: Tf,
  { u0, gamma, eta, steps, loss }: {
    u0: readonly number[];
    gamma: number;
    eta: number;
    steps: number;
    loss: LossTf;
  },
  { chunkSteps = 25, signal }: { chunkSteps?: number; signal?: AbortSignal } = {},
): AsyncGenerator<TfStepsChunk, void, undefined> {
  checkDirection(u0);
  positiveNumber("γ", gamma);
  positiveNumber("step size η", eta);
  integerAtLeast("steps", steps, 1, 10_000);
  const d = u0.length;
  const held: TfCore.Tensor[] = [];
  // The current u when it is not in `held`: u₀, then the copy kept across each chunk's read.
  let owned: TfCore.Tensor | undefined;
  let g: TfCore.Scalar | undefined;
  try {
    owned = tf.tensor1d(u0.slice());
    g = tf.scalar(gamma);
    const gammaT = g;
    const f = reparametrised(tf, loss);
    const gradient = tf.grad((a: TfCore.Tensor) => f(a, gammaT));
    let current: TfCore.Tensor = owned;
    let stepsDone = 0;
    while (stepsDone < steps) {
      if (signal?.aborted) return;
      const n = Math.min(chunkSteps, steps - stepsDone);
      for (let i = 0; i < n; i++) {
        const from = current;
        current = tf.tidy(() => tf.sub(from, tf.mul(eta, gradient(from))));
        held.push(current);
        owned?.dispose();
        owned = undefined;
      }
      owned = tf.clone(current);
      current = owned;
      const values = await downloadChunk(tf, held, (all) => tf.stack(all));
      const rows = Array.from(
        { length: n },
        (_, i) => Array.from(values.subarray(i * d, i * d + d)),
      );
      stepsDone += n;
      yield { stepsDone, u: rows, done: stepsDone >= steps };
      if (stepsDone < steps) await macrotask();
    }
  } finally {
    tf.dispose(held.splice(0));
    owned?.dispose();
    g?.dispose();
  }
}
