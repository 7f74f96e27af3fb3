import * as Plot from "@observablehq/plot";

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

/** The weights' path in the (w1, w2) plane with the points the closed forms predict. */
export function weightPathChart(
  data: WeightPathData,
  { width, height = 360, maxPoints = 600 }: { width: number; height?: number; maxPoints?: number },
): SVGSVGElement | HTMLElement {
  const n = data.w1.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const path: { w1: number; w2: number; step: number }[] = [{ w1: 0, w2: 0, step: 0 }];
  for (let i = stride - 1; i < n; i += stride) {
    path.push({ w1: data.w1[i], w2: data.w2[i], step: i + 1 });
  }
  if (n && (n - 1) % stride !== stride - 1) {
    path.push({ w1: data.w1[n - 1], w2: data.w2[n - 1], step: n });
  }
  const [x1, x2] = data.x;
  // The interpolating line x1·w1 + x2·w2 = y, drawn across the visible w1 range.
  const w1Range = [-0.1, 1.3];
  const line = w1Range.map((w1) => ({ w1, w2: (data.y - x1 * w1) / x2 }));
  const points = [
    { w1: data.target[0], w2: data.target[1], label: "expected-loss minimiser (this rate)" },
    { w1: data.minNorm[0], w2: data.minNorm[1], label: "minimum norm (r = 0)" },
    { w1: data.limitAtZero[0], w2: data.limitAtZero[1], label: "limit r → 0+" },
  ];
  const chart = Plot.plot({
    width,
    height,
    x: { label: "w₁", domain: w1Range },
    y: { label: "w₂", domain: [-0.5, 11.5] },
    color: {
      legend: true,
      domain: points.map((p) => p.label),
      range: ["#d62728", "#2ca02c", "#9467bd"],
    },
    marks: [
      Plot.line(line, { x: "w1", y: "w2", stroke: "#999", strokeDasharray: "4,3" }),
      Plot.text([line[1]], {
        x: "w1",
        y: "w2",
        text: () => "10·w₁ + w₂ = 11",
        dx: -50,
        dy: -6,
        fill: "#777",
      }),
      Plot.line(path, { x: "w1", y: "w2", stroke: "steelblue", strokeOpacity: 0.7, clip: true }),
      Plot.dot(path.slice(-1), { x: "w1", y: "w2", fill: "steelblue", r: 4, clip: true }),
      Plot.dot(points, { x: "w1", y: "w2", stroke: "label", r: 7, strokeWidth: 2.5 }),
    ],
  });
  chart.dataset.chart = "weight-path";
  return chart;
}
