import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";
import { logAxis } from "../logTicks.js";

export interface SmallestSingularRow {
  p: number;
  /** Smallest singular value of X̃ (of min(p, N_train)). */
  sMin: number;
}

/** s_min(X̃) against p: it dips towards zero where X̃ becomes square, p = N_train. */
export function smallestSingularChart(
  data: { rows: SmallestSingularRow[]; nTrain: number; selectedP?: number; lambda: number },
  { width, height = 260 }: { width: number; height?: number },
): HTMLElement {
  const root = Math.sqrt(data.lambda);
  const positive = data.rows.filter((d) => d.sMin > 0);
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    marginLeft: 50,
    x: { label: "features p", grid: true },
    y: logAxis("smallest singular value", [...data.rows.map((d) => d.sMin), root]),
    marks: [
      Plot.ruleX([data.nTrain], { stroke: colors.muted, strokeDasharray: "4 3" }),
      Plot.ruleY([root], { stroke: colors.blue, strokeDasharray: "4 3" }),
      Plot.line(positive, { x: "p", y: "sMin", stroke: colors.ink, marker: "dot" }),
      Plot.dot(positive.filter((d) => d.p === data.selectedP), {
        x: "p",
        y: "sMin",
        r: 5,
        stroke: colors.red,
        strokeWidth: 2,
      }),
    ],
  });
  const lowest = positive.reduce<SmallestSingularRow | undefined>(
    (a, d) => (!a || d.sMin < a.sMin ? d : a),
    undefined,
  );
  return chartFigure({
    name: "smallest-singular",
    title: "Smallest singular value against p",
    description: lowest
      ? `The smallest singular value of X̃ against p on a log scale, for ${positive.length} values of p; it is lowest, ${
        lowest.sMin.toPrecision(3)
      }, at p = ${lowest.p}, next to p = N_train = ${data.nTrain} (dashed); the blue line is √λ = ${
        root.toPrecision(3)
      }.`
      : "The smallest singular value of X̃ against p, drawn as the values of p are computed.",
    chart,
    live: true,
    columns: [
      numberColumn("p", (d: SmallestSingularRow) => d.p),
      numberColumn("smallest singular value", (d: SmallestSingularRow) => d.sMin),
    ],
    rows: data.rows,
  });
}
