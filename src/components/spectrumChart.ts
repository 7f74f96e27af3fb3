import * as Plot from "@observablehq/plot";
import { logAxis } from "./logTicks.js";

export interface SpectrumData {
  p: number;
  nTrain: number;
  /** Singular values of X̃, descending. */
  singularValues: ArrayLike<number>;
  lambda: number;
}

/**
 * The singular values of X̃ in decreasing order, log scale, with √λ marked: directions below that
 * line are the ones ridge damps.
 */
export function spectrumChart(
  data: SpectrumData,
  { width, height = 260 }: { width: number; height?: number },
): SVGSVGElement | HTMLElement {
  const rows = Array.from(data.singularValues, (s, i) => ({ k: i + 1, s }));
  const positive = rows.filter((d) => d.s > 0);
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: "index k (largest first)", grid: true },
    y: logAxis("singular value sₖ of X̃", [...positive.map((d) => d.s), Math.sqrt(data.lambda)]),
    marks: [
      Plot.ruleY([Math.sqrt(data.lambda)], { stroke: "#1f77b4", strokeDasharray: "4 3" }),
      Plot.text([Math.sqrt(data.lambda)], {
        y: (d: number) => d,
        frameAnchor: "right",
        dy: -6,
        text: () => "√λ",
        fill: "#1f77b4",
      }),
      Plot.dot(positive, { x: "k", y: "s", r: 1.5, fill: "#444" }),
    ],
  });
  chart.dataset.chart = "spectrum";
  chart.dataset.p = String(data.p);
  return chart;
}
