/**
 * The double-descent page's "predict, then run" card: the test error peaks near p = N_train (the
 * page's default 300); halve N_train, and say where the live trial's peak goes against p = 300.
 */
import type { LiveCurve } from "./liveRidgeTrial.js";

/** Within this fraction of the reference peak's p, the peak counts as staying put. */
export const SAME_PLACE = 0.15;

/** The page's default N_train (data/double-descent.json), where the question starts from. */
export const DEFAULT_NTRAIN = 300;

/** The card's setting: N_train halved, every other control at its default. */
export const PEAK_SETTING = {
  ntrain: DEFAULT_NTRAIN / 2,
  d: 35,
  sigma: 0.5,
  lambda: 0.01,
  seed: 1,
} as const;

export interface PeakShift {
  option: "left" | "right" | "stays";
  /** The p of the largest test error on the live curve, and the reference peak's p. */
  peakP: number;
  referenceP: number;
}

/** The p at which the curve's test error is largest. */
export function peakOf(curve: Pick<LiveCurve, "p" | "testError">): number {
  let best = 0;
  curve.testError.forEach((e, i) => {
    if (e > curve.testError[best]) best = i;
  });
  return curve.p[best];
}

/** Where the curve's peak lies against `referenceP`: left, right, or within SAME_PLACE of it. */
export function peakShift(
  curve: Pick<LiveCurve, "p" | "testError">,
  referenceP: number,
): PeakShift {
  const peakP = peakOf(curve);
  const option = Math.abs(peakP - referenceP) <= SAME_PLACE * referenceP
    ? "stays"
    : peakP < referenceP
    ? "left"
    : "right";
  return { option, peakP, referenceP };
}
