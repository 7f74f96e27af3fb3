/**
 * The residual page's sentences about its live runs and its block: status lines, chart
 * descriptions and the paragraph after the comparison, built from the runs' frames so that a
 * stopped run is described as such. Pure string building (no DOM), tested in Deno.
 */
import { num, sciText } from "../math.js";
import { valueText, zeroLayers } from "./residualRows.js";
import type { BlockFrame } from "../../compute/residual/liveBlock.js";
import type { CheckFrame } from "../../compute/residual/liveCheck.js";
import type { ComparisonFrame } from "../../compute/residual/liveResidualTf.js";
import { FD_STEP } from "../../compute/residual/block.js";
import type { MlpActivation } from "../../compute/residual/mlp.js";
import { firstLayerFactor, gradientSplit } from "../../compute/residual/firstLayer.js";

/** The activation as the page names it. */
export const activationLabel = (a: string) => (a === "relu" ? "ReLU" : a);

/** A gap between two Jacobians: "0 (exactly)" or "2.2 × 10⁻¹⁶". */
export const gapText = (e: number) => (e === 0 ? "0 (exactly)" : sciText(e, 1));

/** The block section's status line at the end of its autodiff check. */
export function blockSummary(frame: Pick<BlockFrame, "autoError"> & { stopped?: boolean }) {
  return frame.stopped || frame.autoError === undefined
    ? "Stopped before TensorFlow.js finished; move X₀ or the weights to check again."
    : `TensorFlow.js's autodiff (float32) agrees with the formula to ${gapText(frame.autoError)}.`;
}

/** What the nearest ReLU switch means for the Jacobians at X₀ (margin: its distance). */
export function kinkNote(margin: number): string {
  if (margin < 1e-6) {
    return `X₀ sits on a kink: ${
      margin === 0 ? "a ReLU switches exactly here" : `a ReLU switches ${sciText(margin, 1)} away`
    }. The Jacobian is not defined there; the formula and TensorFlow.js use the slope 0 at the switch, and central differences average the two sides.`;
  }
  return margin === Infinity
    ? "No ReLU switches anywhere near X₀, so central differences are exact up to rounding."
    : `No ReLU switches within a distance of ${
      num(margin, 3)
    } of X₀, so the block is linear there and central differences with h = ${
      sciText(FD_STEP, 1)
    } are exact up to rounding.`;
}

/** The small network's check: its status line at the end. */
export function checkSummary(frame: CheckFrame & { stopped?: boolean }): string {
  if (frame.stopped || frame.worst === undefined) {
    return "Stopped before TensorFlow.js finished; change the seed or activation to check again.";
  }
  const worst = frame.worst === 0 ? "0" : sciText(frame.worst, 1);
  return `Every entry of every gradient agrees to ${worst} or better (${
    activationLabel(frame.activation)
  }, seed ${frame.seed}).`;
}

/** The note when layer j is past the network's hidden layers, or "". */
export function layerNote(change: string, layer: number, depth: number, j?: number): string {
  if (change === "none" || layer <= depth - 1) return "";
  return `Layer ${layer} is beyond this network's hidden layers (2 to ${
    depth - 1
  }), so layer ${j} is ${change === "zero" ? "zeroed" : "saturated"} instead.`;
}

type Shown = ComparisonFrame & { stopped?: boolean; backend?: string; elapsedMs: number };

/** The live comparison's status line while it runs. */
export const comparisonProgress = (frame: Pick<ComparisonFrame, "phase">) =>
  frame.phase === "forward" ? "Forward, both networks…" : "Backward, both networks…";

/** The live comparison's status line at the end (a finished run, or one the reader stopped). */
export function comparisonStatus(frame: Shown & { longestSliceMs: number }): string {
  if (frame.phase !== "done") {
    return frame.phase === "backward"
      ? "Stopped during the backward pass; the charts show the layers computed so far."
      : "Stopped before the backward pass began; move a control to run it again.";
  }
  const at0 = (net: "skip" | "plain") => valueText(frame[net].gradY[0]);
  return `Done in ${Math.round(frame.elapsedMs)} ms on ${frame.backend} (longest step ${
    Math.round(frame.longestSliceMs)
  } ms): the gradient reaching the input is ${at0("skip")} with skips and ${at0("plain")} without.`;
}

export interface NetworkView {
  depth: number;
  width: number;
  sigma: number;
  activation: MlpActivation;
}

/** A gradient chart's description: what it shows, at the first layer, and where it is exactly 0. */
export function profileDescription(
  snap: ComparisonFrame | undefined,
  stopped: boolean,
  { depth, width, sigma, activation }: NetworkView,
  key: "gradY" | "gradA",
  first: number,
  what: string,
): string {
  if (!snap) {
    return stopped
      ? `Stopped before the backward pass of the ${depth}-layer network reached any layer.`
      : `Waiting for the first layers of the ${depth}-layer network.`;
  }
  const zeros = zeroLayers(snap.plain[key], first);
  return `${what} per layer of the ${depth}-layer ${
    activationLabel(activation)
  } network (σ = ${sigma}, width ${width}), log scale: at layer ${first} it is ${
    valueText(snap.skip[key][0])
  } with skips and ${valueText(snap.plain[key][0])} without` +
    (zeros ? `; without skips it is exactly 0 at ${zeros}.` : ".");
}

/** The paragraph after the comparison: how the gradient changed from the top to the input. */
export function comparisonSummary(
  done: ComparisonFrame | undefined,
  stopped: boolean,
  { depth, sigma, activation }: Pick<NetworkView, "depth" | "sigma" | "activation">,
): string {
  if (!done) {
    return stopped
      ? "The run was stopped before it finished; move a control to run it again."
      : "The run is still going.";
  }
  const top = depth - 1;
  const skip = done.skip.gradY as number[];
  const plain = done.plain.gradY as number[];
  const split = skip[1] > 0 && skip[top] > 0 ? gradientSplit(skip) : undefined;
  const splitText = split
    ? ` The hidden layers change it by a factor of ${
      num(split.hidden, 3)
    } from layer ${top} to layer 1, and the first layer, which has no skip, by ${
      num(split.first, 3)
    }, against σ·√E[φ′(z)²] = ${
      num(firstLayerFactor(activation, sigma), 3)
    } expected for a wide layer.`
    : "";
  if (plain[0] > 0) {
    const perLayer = (plain[top] / plain[0]) ** (1 / top);
    return `In this run, from layer ${top} down to the input, the gradient without skips shrinks by a factor of ${
      num(perLayer, 2)
    } per layer on average (${valueText(plain[0])} at the input), while with skips it ends at ${
      valueText(skip[0])
    }, ${sciText(skip[0] / skip[top], 2)} times its value at layer ${top}.${splitText}`;
  }
  return `In this run the gradient reaching the input is ${
    valueText(skip[0])
  } with skips and exactly 0 without: ${zeroLayers(plain, 0)} receive nothing.${splitText}`;
}
