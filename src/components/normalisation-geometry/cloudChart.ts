/** A 2-D point cloud with its 1- and 2-sd contours, on equal axes (a circle looks like one). */
import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { squareFrame } from "./squareFrame.js";
import { numberColumn, textColumn } from "../csv.js";
import {
  type Cloud,
  covarianceEllipse,
  type Sym2,
} from "../../compute/normalisation-geometry/gaussian2d.js";

export interface CloudSeries {
  name: string;
  cloud: Cloud;
  color: string;
  /** The theory's contours: centre and covariance (drawn at 1 and 2 standard deviations). */
  centre: readonly [number, number];
  cov: Sym2;
  /** Dashed contours and no points: a reference drawn for comparison. */
  reference?: boolean;
}

interface PointRow {
  series: string;
  x: number;
  y: number;
}

interface ContourRow extends PointRow {
  k: number;
}

/** Points and contours of several clouds on one square plot whose axes have the same scale. */
export function cloudChart(
  series: CloudSeries[],
  { width, name, title, description, maxWidth = 460 }: {
    width: number;
    name: string;
    title: string;
    description: string;
    maxWidth?: number;
  },
): HTMLElement {
  const points: PointRow[] = series.filter((s) => !s.reference).flatMap((s) =>
    Array.from(s.cloud.x, (x, i) => ({ series: s.name, x, y: s.cloud.y[i] }))
  );
  const contours: ContourRow[] = series.flatMap((s) =>
    [1, 2].flatMap((k) =>
      covarianceEllipse(s.centre, s.cov, k, 61).map((p) => ({ series: s.name, k, ...p }))
    )
  );
  // A square around the 2-sd contours (and the origin), so both axes share one scale.
  const chart = Plot.plot({
    ...squareFrame(contours, { width, maxWidth, labels: ["x₁", "x₂"], pad: 1.15 }),
    color: { legend: true, domain: series.map((s) => s.name), range: series.map((s) => s.color) },
    marks: [
      Plot.ruleX([0], { strokeOpacity: 0.4 }),
      Plot.ruleY([0], { strokeOpacity: 0.4 }),
      Plot.dot(points, { x: "x", y: "y", fill: "series", r: 1.4, fillOpacity: 0.45, clip: true }),
      ...series.map((s) =>
        Plot.line(contours.filter((p) => p.series === s.name), {
          x: "x",
          y: "y",
          z: "k",
          stroke: "series",
          strokeWidth: 2,
          ...(s.reference ? { strokeDasharray: "5,4" } : {}),
          clip: true,
        })
      ),
      Plot.dot(series.filter((s) => !s.reference), {
        x: (s: CloudSeries) => s.centre[0],
        y: (s: CloudSeries) => s.centre[1],
        symbol: "times",
        r: 5,
        stroke: "currentColor",
        strokeWidth: 2,
      }),
    ],
  });
  return chartFigure({
    name,
    title,
    description,
    chart,
    columns: [
      textColumn("series", (d: PointRow | ContourRow) => d.series),
      textColumn("kind", (d: PointRow | ContourRow) => ("k" in d ? `${d.k}-sd contour` : "sample")),
      numberColumn("x₁", (d: PointRow | ContourRow) => d.x),
      numberColumn("x₂", (d: PointRow | ContourRow) => d.y),
    ],
    rows: [...points, ...contours],
  });
}
