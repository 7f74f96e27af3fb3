/**
 * What the initialisation page shows of its two live runs (compute/initialisation/liveNetwork.ts):
 * the chart rows of the reader's network and of the sigmoid-against-ReLU race, and the sections'
 * status lines.
 */
import { type Activation, MAX_SLOPE } from "../../compute/activations.js";
import type { LiveDepthSnapshot } from "../../compute/liveDepthTf.js";
import type { TheoryProfile } from "../../compute/meanField.js";
import { histogram, liveRows, worstRatio } from "../depthRows.js";
import type { LayerRow } from "../depthCharts.js";
import { sigText } from "../depthFormat.js";

/** Tanh and the sigmoid are drawn on their own ranges; identity and ReLU in units of their RMS. */
export const boundedActivation = (a: Activation) => a === "tanh" || a === "sigmoid";

export function networkRows(
  snap: LiveDepthSnapshot | undefined,
  theory: TheoryProfile,
  { name, activation, depth, layers }: {
    name: string;
    activation: Activation;
    depth: number;
    layers: readonly number[];
  },
) {
  const measuredPre = snap ? snap.forward[0].map((s) => s.preMeanSquare) : [];
  // A snapshot of another depth (the run before a depth change) has no backward pass to show.
  const backward = snap && snap.params.depth === depth ? snap.backward : [];
  const bounded = boundedActivation(activation);
  const [lo, hi] = bounded
    ? [activation === "tanh" ? -1 : 0, 1]
    : [activation === "relu" ? 0 : -4, 4];
  const histogramRows = snap
    ? snap.forward[0].flatMap((s, i) =>
      s.sample && layers.includes(i + 1)
        ? histogram(s.sample, lo, hi, 40).map((b) => ({ layer: i + 1, ...b }))
        : []
    )
    : [];
  return {
    measuredPre,
    varianceRows: liveRows(name, measuredPre, theory.preVariance, 1),
    gradRows: liveRows(name, backward, theory.gradMeanSquare, 0, Math.sqrt),
    histogramRows,
  };
}

/** The race's rows: measured input gradients, theory, and each network's bound γᴸ∏‖Wₗ‖₂. */
export function raceRows(
  snap: LiveDepthSnapshot | undefined,
  theories: readonly number[][],
  labels: readonly string[],
): LayerRow[] {
  return (["sigmoid", "relu"] as const).flatMap((a, k) => {
    const name = labels[k];
    const measured = snap ? snap.forward[k].map((s) => s.inputGradMeanSquare) : [];
    let product = 1;
    const bound = (snap?.spectralNorms ?? []).map((norm, l) => ({
      series: name,
      kind: "bound" as const,
      x: l + 1,
      y: product *= MAX_SLOPE[a] * norm,
    }));
    return [...liveRows(name, measured, theories[k], 1, Math.sqrt), ...bound];
  });
}

type Ended = { snap?: LiveDepthSnapshot; stopped?: boolean; backend?: string };

/** What Stop leaves in the status line: how far the run got, forward and back. */
function stoppedNetwork(snap: LiveDepthSnapshot | undefined, depth: number): string {
  if (!snap || snap.phase === "forward") {
    return `Stopped after ${
      snap?.layersDone ?? 0
    } of ${depth} layers forward; the charts keep the layers computed so far.`;
  }
  const reached = snap.backward.findIndex((g) => g !== undefined);
  return `Stopped in the backward pass, with the gradient back to layer ${reached} of ${depth}; the charts keep what was computed so far.`;
}

export function networkProgress(snap: LiveDepthSnapshot, depth: number): string {
  return snap.phase === "forward"
    ? `Forward: layer ${snap.layersDone} of ${depth}…`
    : `Backward: gradient at layer ${snap.backward.findIndex((g) => g !== undefined)} of ${depth}…`;
}

export function networkSummary(
  frame: Ended,
  { depth, batch, theory }: { depth: number; batch: number; theory: TheoryProfile },
): string {
  const { snap } = frame;
  if (frame.stopped || !snap) return stoppedNetwork(snap, depth);
  const pre = snap.forward[0].map((s) => s.preMeanSquare);
  const { factor, at } = worstRatio(pre, theory.preVariance);
  return `Done: ${depth} layers forward and back in ${
    Math.round(snap.elapsedMs)
  } ms on ${frame.backend} (longest step ${
    Math.round(snap.longestSliceMs)
  } ms, ${snap.rowsPerSlice} of ${batch} inputs per slice). This network's variance stays within a factor of ${
    sigText(factor, 3)
  } of the theory (widest gap at layer ${at + 1}).`;
}

export function raceSummary(frame: Ended, depth: number): string {
  const { snap } = frame;
  if (frame.stopped || !snap) {
    return `Stopped after ${
      snap?.layersDone ?? 0
    } of ${depth} layers; the chart keeps the depths computed so far.`;
  }
  const g = (k: number) => Math.sqrt(snap.forward[k][depth - 1].inputGradMeanSquare);
  return `Done in ${
    Math.round(snap.elapsedMs)
  } ms: at depth ${depth} the gradient reaching the input is ${
    sigText(g(0), 3)
  } with the sigmoid and ${sigText(g(1), 3)} with ReLU.`;
}
