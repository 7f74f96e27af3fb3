import * as Plot from "@observablehq/plot";
import { downsample } from "./downsample.js";

/** The batch loss against the step, on a log scale, with each bin's range as a band. */
export function lossChart(
  losses: ArrayLike<number>,
  { width, height = 260, bins = 400 }: { width: number; height?: number; bins?: number },
): SVGSVGElement | HTMLElement {
  // A batch can be all-dropped and fit exactly; floor zeros so the log scale can draw them.
  const floor = 1e-6;
  const data = downsample(losses, bins).map((d) => ({
    step: d.step,
    mean: Math.max(d.mean, floor),
    min: Math.max(d.min, floor),
    max: Math.max(d.max, floor),
  }));
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 55,
    x: { label: "step", domain: data.length ? undefined : [0, 1] },
    y: { type: "log", label: "batch loss", grid: true },
    marks: [
      Plot.areaY(data, { x: "step", y1: "min", y2: "max", fill: "steelblue", fillOpacity: 0.2 }),
      Plot.lineY(data, { x: "step", y: "mean", stroke: "steelblue" }),
    ],
  });
  chart.dataset.chart = "loss";
  chart.dataset.steps = String(losses.length);
  return chart;
}
