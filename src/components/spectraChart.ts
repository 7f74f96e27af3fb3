import * as Plot from "@observablehq/plot";
import { logAxis } from "./logTicks.js";

/** Several full spectra of X̃ (one line per p), largest singular value first, log scale. */
export function spectraChart(
  spectra: { p: number; singularValues: number[] }[],
  { width, height = 280 }: { width: number; height?: number },
): SVGSVGElement | HTMLElement {
  const rows = spectra.flatMap(({ p, singularValues }) =>
    singularValues.map((s, i) => ({ p, k: i + 1, s })).filter((d) => d.s > 0)
  );
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: "index k (largest first)", grid: true },
    y: logAxis("singular value sₖ", rows.map((d) => d.s)),
    color: {
      type: "ordinal",
      legend: true,
      domain: spectra.map((d) => d.p).sort((a, b) => a - b),
      scheme: "viridis",
      tickFormat: (p: number) => `p = ${p}`,
    },
    marks: [Plot.line(rows, { x: "k", y: "s", stroke: "p", strokeWidth: 1.5 })],
  });
  chart.dataset.chart = "spectra";
  return chart;
}
