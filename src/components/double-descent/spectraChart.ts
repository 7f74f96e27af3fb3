import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";

interface SpectraRow {
  p: number;
  k: number;
  s: number;
}

/** Several full spectra of X̃ (one line per p), largest singular value first, log scale. */
export function spectraChart(
  spectra: { p: number; singularValues: number[] }[],
  { width, height = 280 }: { width: number; height?: number },
): HTMLElement {
  const rows: SpectraRow[] = spectra.flatMap(({ p, singularValues }) =>
    singularValues.map((s, i) => ({ p, k: i + 1, s }))
  );
  const positive = rows.filter((d) => d.s > 0);
  const ps = spectra.map((d) => d.p).sort((a, b) => a - b);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "index k (largest first)", grid: true },
    y: logAxis("singular value sₖ", positive.map((d) => d.s)),
    color: {
      type: "ordinal",
      legend: true,
      domain: ps,
      range: colors.sequence.slice(0, ps.length),
      tickFormat: (p: number) => `p = ${p}`,
    },
    marks: [Plot.line(positive, { x: "k", y: "s", stroke: "p", strokeWidth: 1.5 })],
  });
  const smallest = spectra.map(({ p, singularValues }) =>
    `${singularValues[singularValues.length - 1].toPrecision(3)} at p = ${p}`
  );
  return chartFigure({
    name: "spectra",
    title: "Spectra of X̃ in the first trial",
    description: `The singular values of X̃, largest first on a log scale, at p = ${
      ps.join(", ")
    }; the smallest value of each is ${smallest.join(", ")}.`,
    chart,
    columns: [
      numberColumn("p", (d: SpectraRow) => d.p),
      numberColumn("index k", (d: SpectraRow) => d.k),
      numberColumn("singular value", (d: SpectraRow) => d.s),
    ],
    rows,
  });
}
