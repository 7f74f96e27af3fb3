/**
 * What the double-descent page shows of its live trial (compute/double-descent/liveTrial.ts): the
 * curve at the reader's λ and σ, or why there is none yet, and the section's closing status line.
 */
import type { Shown } from "../liveRun.js";
import type { TrialFrame, TrialSettings } from "../../compute/double-descent/liveTrial.js";
import { evaluateLiveTrial, type LiveCurve } from "../../compute/double-descent/liveRidgeTrial.js";

export type ShownTrial = Shown<TrialSettings, TrialFrame>;

/** The trial's curve at (λ, σ), or the state that leaves nothing to draw. */
export type TrialView =
  | { state: "drawn"; curve: LiveCurve; evalMs: number }
  | { state: "waiting" | "stopped before the first p" }
  | { state: "error"; error: string };

/** Evaluates the trial so far at (λ, σ); λ and σ never rerun the trial itself. */
export function trialView(live: ShownTrial, lambda: number, sigma: number): TrialView {
  if (live.error) return { state: "error", error: live.error };
  if (!live.trial) return { state: live.stopped ? "stopped before the first p" : "waiting" };
  try {
    const started = performance.now();
    const curve = evaluateLiveTrial(live.trial, lambda, sigma);
    return { state: "drawn", curve, evalMs: performance.now() - started };
  } catch (error) {
    return { state: "error", error: (error as Error).message };
  }
}

/**
 * The status line at the end of a run: what a Stop left, or where the time went, with the cost of
 * one redraw at the reader's (λ, σ) as the sliders stand now.
 */
export function trialSummary(live: ShownTrial, lambda: number, sigma: number): string {
  const { trial } = live;
  if (live.stopped) {
    return trial
      ? `Stopped with ${trial.completed} of ${trial.pGrid.length} values of p computed; move a control to compute a trial again.`
      : "Stopped before the first value of p was computed; move a control to compute a trial again.";
  }
  const view = trialView(live, lambda, sigma);
  if (view.state === "error") throw new Error(view.error);
  if (view.state !== "drawn" || !trial) throw new Error("the finished trial has no values of p");
  const { productsMs, factorMs } = trial.timings;
  return `All ${trial.pGrid.length} values of p computed in ${
    Math.round(trial.elapsedMs)
  } ms: products ${Math.round(productsMs)} ms on ${live.backend}, factorisations ${
    Math.round(factorMs)
  } ms. Moving λ or σ redraws in ${view.evalMs.toFixed(1)} ms.`;
}

/** A one-line note where a chart would be. */
export function chartNote(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}
