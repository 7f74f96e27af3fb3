import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";
import { horizontalReference } from "../referenceMarks.js";

export interface SpectrumData {
  p: number;
  nTrain: number;
  /** Singular values of X̃, descending. */
  singularValues: ArrayLike<number>;
  lambda: number;
}

interface SpectrumRow {
  k: number;
  s: number;
}

/**
 * The singular values of X̃ in decreasing order, log scale, with √λ marked: directions below that
 * line are the ones ridge damps.
 */
export function spectrumChart(
  data: SpectrumData,
  { width, height = 260 }: { width: number; height?: number },
): HTMLElement {
  const rows: SpectrumRow[] = Array.from(data.singularValues, (s, i) => ({ k: i + 1, s }));
  const positive = rows.filter((d) => d.s > 0);
  const root = Math.sqrt(data.lambda);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "index k (largest first)", grid: true },
    y: logAxis("singular value sₖ of X̃", [...positive.map((d) => d.s), root]),
    marks: [
      ...horizontalReference(root, "√λ", { color: colors.blue }),
      Plot.dot(positive, { x: "k", y: "s", r: 1.5, fill: colors.ink }),
    ],
  });
  const below = positive.filter((d) => d.s < root).length;
  const figure = chartFigure({
    name: "spectrum",
    title: `Spectrum of X̃ at p = ${data.p}`,
    description:
      `The ${rows.length} singular values of X̃ at p = ${data.p}, largest first, on a log scale; the smallest is ${
        positive.length ? positive[positive.length - 1].s.toPrecision(3) : "0"
      } and ${below} lie below √λ = ${
        root.toPrecision(3)
      } (dashed), where ridge damps instead of inverting.`,
    chart,
    live: true,
    columns: [
      numberColumn("index k", (d: SpectrumRow) => d.k),
      numberColumn("singular value", (d: SpectrumRow) => d.s),
    ],
    rows,
  });
  figure.dataset.p = String(data.p);
  return figure;
}
