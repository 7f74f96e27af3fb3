/**
 * The dropout-toy page's first chart, the weights' path in the plane: the page draws it with
 * `trainingPathChart` while its live run trains, and the build draws its first picture (no step
 * taken yet, the closed forms marked) at the default drop rate into the HTML
 * (src/tasks/prerender.ts).
 */
import {
  expectedLossMinimiser,
  limitAsRateToZero,
  olsMinNorm,
  TOY,
} from "../../compute/dropout-toy/dropoutToy.js";
import type { FirstChart } from "../firstChart.js";
import { weightPathChart } from "./weightPathChart.js";

/** The drop rate control's default. */
export const DEFAULT_RATE = 0.5;

/** The path the run has taken so far (none before its first frame) at drop rate `rate`. */
export function trainingPathChart(
  run: { w1: number[]; w2: number[] },
  rate: number,
  width: number,
): HTMLElement {
  return weightPathChart({
    w1: run.w1,
    w2: run.w2,
    target: expectedLossMinimiser(rate),
    minNorm: olsMinNorm(),
    limitAtZero: limitAsRateToZero(),
    x: TOY.x,
    y: TOY.y,
  }, { width });
}

export const firstChart: FirstChart = {
  name: "weight-path",
  width: 310,
  draw: (width) => trainingPathChart({ w1: [], w2: [] }, DEFAULT_RATE, width),
};
