/**
 * The initialisation page's live computations (the contract is compute/liveRun.ts): the reader's
 * network forward and back (one activation, with histogram samples), and the same weights run with
 * the sigmoid and with ReLU for the gradient that reaches the input. Both stream runLiveDepth's
 * snapshots; a frame keeps the newest one whole as `snap`, since its own timings (the longest slice
 * of work, not the longest stretch between two frames) are what the page reports.
 */
import type { Activation } from "../activations.js";
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import type { TheoryProfile } from "../meanField.js";
import { type LiveDepthParams, type LiveDepthSnapshot, runLiveDepth } from "../liveDepthTf.js";

/** The live section's controls, as the page names them. */
export interface NetworkSettings extends LiveDepthParams {
  activation: Activation;
}

export interface DepthFrame {
  /** runLiveDepth's newest snapshot; undefined before the first one. */
  snap?: LiveDepthSnapshot;
}

/** The layers whose activations the page draws as histograms: 1, L/4, L/2, 3L/4 and L. */
export function histogramLayers(depth: number): number[] {
  const picks = [1, depth / 4, depth / 2, (3 * depth) / 4, depth].map(Math.round);
  return [...new Set(picks)].filter((l) => l >= 1);
}

const depthParams = ({ depth, width, sigma, batch, seed }: LiveDepthParams): LiveDepthParams => ({
  depth,
  width,
  sigma,
  batch,
  seed,
});

/** The reader's network: forward with its activation, then the gradient of a unit readout back. */
export async function* networkLive(
  settings: NetworkSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<DepthFrame>, void, undefined> {
  const options = {
    signal: env.signal,
    histogramLayers: histogramLayers(settings.depth),
    spectralIterations: 0,
  };
  const params = depthParams(settings);
  for await (const snap of runLiveDepth(tfOf(env), params, [settings.activation], options)) {
    yield { snap, progress: snap.progress, done: snap.phase === "done" };
  }
}

export interface RaceFrame extends DepthFrame {
  /** The run's network, the key the page's test hook has always had. */
  params: LiveDepthParams;
  /** Mean squared gradient reaching the input, per depth so far, for each activation. */
  sigmoid: number[];
  relu: number[];
  /** ‖W_ℓ‖₂ of each layer so far. */
  spectralNorms: number[];
}

/** The same weights with the sigmoid and with ReLU, forward only, with every layer's ‖W_ℓ‖₂. */
export async function* vanishingLive(
  settings: LiveDepthParams,
  env: LiveEnv,
): AsyncGenerator<LiveStep<RaceFrame>, void, undefined> {
  const params = depthParams(settings);
  const options = { signal: env.signal, backward: false, spectralIterations: 30 };
  const inputGrads = (snap: LiveDepthSnapshot, k: number) =>
    snap.forward[k].map((s) => s.inputGradMeanSquare);
  for await (const snap of runLiveDepth(tfOf(env), params, ["sigmoid", "relu"], options)) {
    yield {
      snap,
      params,
      sigmoid: inputGrads(snap, 0),
      relu: inputGrads(snap, 1),
      spectralNorms: snap.spectralNorms,
      progress: snap.progress,
      done: snap.phase === "done",
    };
  }
}

/** What the page's test hook `lastDepth` publishes of a finished network run. */
export function depthRecord(
  snap: LiveDepthSnapshot,
  activation: Activation,
  theory: TheoryProfile,
  backend?: string,
) {
  const forward = snap.forward[0];
  return {
    params: { ...snap.params, activation },
    pre: forward.map((s) => s.preMeanSquare),
    slope: forward.map((s) => s.slopeMeanSquare),
    inputGrad: forward.map((s) => s.inputGradMeanSquare),
    grad: snap.backward,
    theory,
    elapsedMs: snap.elapsedMs,
    longestSliceMs: snap.longestSliceMs,
    longestSliceWhat: snap.longestSliceWhat,
    rowsPerSlice: snap.rowsPerSlice,
    backend,
  };
}
