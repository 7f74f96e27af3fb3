/**
 * The residual page's first chart, the slopes of the sigmoid and ReLU: the page draws it with
 * `slopesChart`, and the build draws the same at its width into the HTML (src/tasks/prerender.ts).
 */
import { derivative, sigmoidDerivative } from "../../compute/activations.js";
import { slopeChart, type SlopeRow } from "../depthCharts.js";
import type { FirstChart } from "../firstChart.js";

/** Both activations' slopes on [-6, 6] in steps of 0.05. */
export function slopeRows(): SlopeRow[] {
  const rows: SlopeRow[] = [];
  for (let i = 0; i <= 240; i++) {
    const x = -6 + i * 0.05;
    const shown = Number(x.toFixed(2));
    rows.push({ activation: "sigmoid", x: shown, slope: sigmoidDerivative(x) });
    rows.push({ activation: "ReLU", x: shown, slope: derivative("relu", x) });
  }
  return rows;
}

/** The chart of the slopes, with the sigmoid's peak σ′(0) = 1/4 marked. */
export function slopesChart(width: number): HTMLElement {
  return slopeChart(slopeRows(), { x: 0, slope: sigmoidDerivative(0) }, { width });
}

export const firstChart: FirstChart = { name: "slopes", width: 704, draw: slopesChart };
