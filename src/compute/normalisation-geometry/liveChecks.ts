/**
 * The geometry page's two TensorFlow.js checks as live computations (compute/liveRun.ts): batch
 * norm of the Gaussian batches by tf ops (with ε = 0 and with tfjs's default), and weight norm
 * differentiated and stepped by tfjs against the double-precision path. Frames are plain data.
 */
import { type LiveEnv, type LiveStep, tfOf } from "../liveRun.js";
import { TFJS_EPSILON } from "../epsilons.js";
import { batchNormGaussian1d, standardNormals } from "./gaussianBatchNorm.js";
import { batchNormGaussianTf } from "./gaussianBatchNormTf.js";
import { batchesFor, NORMALS_1D, WN_TARGET } from "./geometryPage.js";
import {
  maxRelativeError,
  polarDirection,
  targetLoss,
  weightNormGradient,
  weightNormSteps,
} from "./weightNorm.js";
import { targetLossTf, weightNormGradientTf, weightNormStepsTf } from "./weightNormTf.js";

export interface BnSettings {
  mean: number;
  variance: number;
  beta: number;
  gamma: number;
  batch: number;
  seed: number;
}

export interface BnTfFrame {
  /** tfjs with ε = 0 against the page's outputs, relative to the largest |y − β|. */
  relativeGap: number;
  /** With tfjs's default ε: the largest gap to the page's outputs, and the output variance. */
  gapDefault: number;
  varianceDefault: number;
}

export async function* liveBatchNormTf(
  { mean, variance, beta, gamma, batch, seed }: BnSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<BnTfFrame>, void, undefined> {
  const tf = tfOf(env);
  const normals = standardNormals(seed, NORMALS_1D);
  const { x, y } = batchNormGaussian1d({
    mean,
    variance,
    beta,
    gamma,
    batchSize: batch,
    batches: batchesFor(batch),
    seed,
    normals,
  });
  const options = { batchSize: batch, beta, gamma };
  const exact = await batchNormGaussianTf(tf, x, options);
  const withDefault = await batchNormGaussianTf(tf, x, { ...options, epsilon: TFJS_EPSILON });
  let top = 0, gap = 0, gapDefault = 0, varianceDefault = 0;
  y.forEach((v, i) => {
    top = Math.max(top, Math.abs(v - beta));
    gap = Math.max(gap, Math.abs(exact[i] - v));
    gapDefault = Math.max(gapDefault, Math.abs(withDefault[i] - v));
    varianceDefault += (withDefault[i] - beta) ** 2 / y.length;
  });
  yield { relativeGap: gap / top, gapDefault, varianceDefault, progress: 1, done: true };
}

export interface WnSettings {
  uLength: number;
  uAngle: number;
  wGamma: number;
  eta: number;
  steps: number;
}

export interface WnTfFrame {
  /** tfjs's ∇ᵤL and ∂L/∂γ at u₀ against the closed form (relative). */
  gradError?: number;
  gammaError?: number;
  /** tfjs's iterates u₁, u₂, … so far, and their largest relative gap to the Float64 path. */
  tfU?: number[][];
  stepsDone?: number;
  pathGap?: number;
}

export async function* liveWeightNormTf(
  { uLength, uAngle, wGamma, eta, steps }: WnSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<WnTfFrame>, void, undefined> {
  const tf = tfOf(env);
  const u0 = polarDirection(uLength, uAngle);
  const run = weightNormSteps({ u0, gamma: wGamma, eta, steps, loss: targetLoss(WN_TARGET) });
  const g0 = weightNormGradient(u0, wGamma, run.gradW[0]);
  const loss = targetLossTf(tf, WN_TARGET);
  const auto = await weightNormGradientTf(tf, u0, wGamma, loss);
  const gradError = maxRelativeError(auto.gradU, g0.gradU);
  const gammaError = Math.abs(auto.gradGamma - g0.gradGamma) /
    Math.max(1e-12, Math.abs(g0.gradGamma));
  // A run stopped here has checked the gradient but taken no step.
  yield { gradError, gammaError, progress: 0 };
  const tfU: number[][] = [];
  let pathGap = 0;
  const chunks = weightNormStepsTf(tf, { u0, gamma: wGamma, eta, steps, loss }, {
    chunkSteps: 25,
    signal: env.signal,
  });
  for await (const chunk of chunks) {
    for (const u of chunk.u) {
      pathGap = Math.max(pathGap, maxRelativeError(u, run.u[tfU.length + 1]));
      tfU.push(u);
    }
    yield {
      gradError,
      gammaError,
      tfU,
      stepsDone: tfU.length,
      pathGap,
      progress: tfU.length / steps,
      done: chunk.done,
    };
  }
}
