/**
 * The double-descent page's first chart, test error against the number of features from the
 * build's sweep: the page draws it with `sweepTestChart`, and the build draws the same from the
 * same loader file into the HTML (src/tasks/prerender.ts).
 */
import type { FirstChart } from "../firstChart.js";
import { doubleDescentChart, type DoubleDescentData } from "./doubleDescentChart.js";

/** The loader's file (src/loaders/double-descent.json.ts), as far as the chart reads it. */
export interface Sweep extends DoubleDescentData {
  config: { nTrain: number; sigma: number };
}

/** Test error of the tiny and the tuned penalty, with the interpolation threshold and σ² marked. */
export function sweepTestChart(sweep: Sweep, width: number): HTMLElement {
  return doubleDescentChart(sweep, {
    width,
    nTrain: sweep.config.nTrain,
    sigma: sweep.config.sigma,
  });
}

export const firstChart: FirstChart = {
  name: "double-descent",
  width: 704,
  draw: async (width, loaderOutput) =>
    sweepTestChart(await loaderOutput("double-descent.json") as Sweep, width),
};
