/**
 * The residual page's "predict, then run" card: does the gradient reaching layer 1 vanish without
 * skips? Read from the live comparison's last frame (the RMS gradient ‖∂y_L/∂y_ℓ‖ per layer).
 */
import type { NetProfile } from "./liveResidualTf.js";

/** Below this fraction of its value at the top hidden layer L − 1, the card calls a gradient vanished. */
export const VANISHED_BELOW = 1e-3;

/**
 * The card's setting: tanh instead of the page's sigmoid, at the page's default depth, width, σ
 * and seed, with no layer switched off.
 */
export const LAYER_ONE_SETTING = {
  depth: 30,
  width: 64,
  activation: "tanh",
  sigma: 1,
  seed: 1,
  change: "none",
} as const;

export interface LayerOneOutcome {
  /** "vanishes" (below VANISHED_BELOW of layer L − 1's), "shrinks" (below 1) or "grows". */
  option: "vanishes" | "shrinks" | "grows";
  /** Gradient at layer 1 over gradient at layer L − 1, without skips and with them. */
  plainRatio: number;
  skipRatio: number;
  depth: number;
}

/** Layer 1's gradient over layer L − 1's, in one network's profile. */
export function layerOneRatio(profile: Pick<NetProfile, "gradY">): number {
  const top = profile.gradY.length - 1;
  return profile.gradY[1]! / profile.gradY[top]!;
}

/** What happened to the gradient at layer 1 without skips, from a finished comparison. */
export function layerOneOutcome(
  frame: { plain: Pick<NetProfile, "gradY">; skip: Pick<NetProfile, "gradY"> },
): LayerOneOutcome {
  const plainRatio = layerOneRatio(frame.plain);
  const option = plainRatio < VANISHED_BELOW ? "vanishes" : plainRatio < 1 ? "shrinks" : "grows";
  return {
    option,
    plainRatio,
    skipRatio: layerOneRatio(frame.skip),
    depth: frame.plain.gradY.length,
  };
}
