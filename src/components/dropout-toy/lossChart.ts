import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { type Bin, downsample } from "./downsample.js";

/** The batch loss against the step, on a log scale, with each bin's range as a band. */
export function lossChart(
  losses: ArrayLike<number>,
  { width, height = 260, bins = 400 }: { width: number; height?: number; bins?: number },
): HTMLElement {
  // A batch can be all-dropped and fit exactly; floor zeros so the log scale can draw them.
  const floor = 1e-6;
  const binned = downsample(losses, bins);
  const data = binned.map((d) => ({
    step: d.step,
    mean: Math.max(d.mean, floor),
    min: Math.max(d.min, floor),
    max: Math.max(d.max, floor),
  }));
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 55,
    x: { label: "step", domain: data.length ? undefined : [0, 1] },
    y: { type: "log", label: "batch loss", grid: true },
    marks: [
      Plot.areaY(data, { x: "step", y1: "min", y2: "max", fill: colors.blue, fillOpacity: 0.25 }),
      Plot.lineY(data, { x: "step", y: "mean", stroke: colors.blue }),
    ],
  });
  const last = binned[binned.length - 1];
  const figure = chartFigure({
    name: "loss",
    title: "Batch loss",
    description: last
      ? `The batch loss over ${losses.length} steps on a log scale, binned: the line is each bin's mean and the band its range; the last bin's mean is ${
        last.mean.toPrecision(3)
      }.`
      : "The batch loss, drawn as training runs.",
    chart,
    live: true,
    columns: [
      numberColumn("last step of bin", (d: Bin) => d.step),
      numberColumn("mean loss", (d: Bin) => d.mean),
      numberColumn("min loss", (d: Bin) => d.min),
      numberColumn("max loss", (d: Bin) => d.max),
    ],
    rows: binned,
  });
  figure.dataset.steps = String(losses.length);
  return figure;
}
