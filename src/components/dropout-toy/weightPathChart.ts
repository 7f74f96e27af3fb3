import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";

export interface WeightPathData {
  w1: ArrayLike<number>;
  w2: ArrayLike<number>;
  /** The expected-loss minimiser at the current rate: where training should end. */
  target: readonly number[];
  minNorm: readonly number[];
  limitAtZero: readonly number[];
  x: readonly number[];
  y: number;
}

interface PathPoint {
  w1: number;
  w2: number;
  step: number;
}

/** The path thinned to at most `maxPoints`, always keeping the start (0, 0) and the last step. */
function thinPath(data: Pick<WeightPathData, "w1" | "w2">, maxPoints: number): PathPoint[] {
  const n = data.w1.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const path: PathPoint[] = [{ w1: 0, w2: 0, step: 0 }];
  for (let i = stride - 1; i < n; i += stride) {
    path.push({ w1: data.w1[i], w2: data.w2[i], step: i + 1 });
  }
  if (n && path[path.length - 1].step !== n) {
    path.push({ w1: data.w1[n - 1], w2: data.w2[n - 1], step: n });
  }
  return path;
}

/** The weights' path in the (w1, w2) plane with the points the closed forms predict. */
export function weightPathChart(
  data: WeightPathData,
  { width, height = 360, maxPoints = 600 }: { width: number; height?: number; maxPoints?: number },
): HTMLElement {
  const path = thinPath(data, maxPoints);
  const [x1, x2] = data.x;
  // The interpolating line x1·w1 + x2·w2 = y, drawn across the visible w1 range.
  const w1Range = [-0.1, 1.3];
  const line = w1Range.map((w1) => ({ w1, w2: (data.y - x1 * w1) / x2 }));
  const points = [
    { w1: data.target[0], w2: data.target[1], label: "closed form w*(r), this rate" },
    { w1: data.minNorm[0], w2: data.minNorm[1], label: "minimum norm (r = 0)" },
    { w1: data.limitAtZero[0], w2: data.limitAtZero[1], label: "limit r → 0+" },
  ];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    x: { label: "w₁", domain: w1Range },
    y: { label: "w₂", domain: [-0.5, 11.5] },
    color: {
      legend: true,
      domain: points.map((p) => p.label),
      range: [colors.red, colors.green, colors.purple],
    },
    marks: [
      Plot.line(line, { x: "w1", y: "w2", stroke: colors.muted, strokeDasharray: "4,3" }),
      Plot.text([{ w1: 0.15, w2: (data.y - x1 * 0.15) / x2 }], {
        x: "w1",
        y: "w2",
        text: () => `${x1}·w₁ + ${x2 === 1 ? "" : `${x2}·`}w₂ = ${data.y}`,
        textAnchor: "start",
        dx: 8,
        fill: colors.ink,
      }),
      Plot.line(path, { x: "w1", y: "w2", stroke: colors.blue, strokeOpacity: 0.8, clip: true }),
      Plot.dot(path.slice(-1), { x: "w1", y: "w2", fill: colors.blue, r: 4, clip: true }),
      Plot.dot(points, { x: "w1", y: "w2", stroke: "label", r: 7, strokeWidth: 2.5 }),
    ],
  });
  const last = path[path.length - 1];
  return chartFigure({
    name: "weight-path",
    title: "The weights' path",
    description: `Training moves the weights from (0, 0) to (${last.w1.toFixed(3)}, ${
      last.w2.toFixed(3)
    }) after ${last.step} steps; the closed form for this rate is (${data.target[0].toFixed(3)}, ${
      data.target[1].toFixed(3)
    }), on the dashed line of exact fits.`,
    chart,
    live: true,
    columns: [
      numberColumn("step", (d: PathPoint) => d.step),
      numberColumn("w₁", (d: PathPoint) => d.w1),
      numberColumn("w₂", (d: PathPoint) => d.w2),
    ],
    rows: path,
  });
}
