import * as Plot from "@observablehq/plot";

export interface BandPoint {
  p: number;
  median: number;
  q25: number;
  q75: number;
}

/**
 * A median line over its interquartile band, against p, with a tip on each point. `color` is a
 * CSS colour or the name of a field that splits the rows into curves.
 */
export function bandMarks<T extends BandPoint>(
  rows: T[],
  color: string,
  title: (d: T) => string,
): Plot.Markish[] {
  return [
    Plot.areaY(rows, { x: "p", y1: "q25", y2: "q75", fill: color, fillOpacity: 0.2 }),
    Plot.line(rows, { x: "p", y: "median", stroke: color, strokeWidth: 2 }),
    Plot.dot(rows, { x: "p", y: "median", fill: color, r: 1.8, tip: true, title }),
  ];
}
