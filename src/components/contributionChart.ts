import * as Plot from "@observablehq/plot";

/** How much each feature contributes to the prediction, x1·w1 and x2·w2, as training goes. */
export function contributionChart(
  data: {
    w1: ArrayLike<number>;
    w2: ArrayLike<number>;
    x: readonly number[];
    target: readonly number[];
  },
  { width, height = 240, maxPoints = 500 }: { width: number; height?: number; maxPoints?: number },
): SVGSVGElement | HTMLElement {
  const n = data.w1.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const rows: { step: number; term: string; value: number }[] = [];
  for (let i = stride - 1; i < n; i += stride) {
    rows.push({ step: i + 1, term: "x₁·w₁ = 10·w₁", value: data.x[0] * data.w1[i] });
    rows.push({ step: i + 1, term: "x₂·w₂ = w₂", value: data.x[1] * data.w2[i] });
  }
  const targets = [
    { term: "x₁·w₁ = 10·w₁", value: data.x[0] * data.target[0] },
    { term: "x₂·w₂ = w₂", value: data.x[1] * data.target[1] },
  ];
  const chart = Plot.plot({
    width,
    height,
    x: { label: "step", domain: n ? undefined : [0, 1] },
    y: { label: "contribution to ŷ", grid: true, domain: [-1, 12] },
    color: { legend: true },
    marks: [
      Plot.ruleY(targets, { y: "value", stroke: "term", strokeDasharray: "4,3" }),
      Plot.lineY(rows, { x: "step", y: "value", stroke: "term", clip: true }),
    ],
  });
  chart.dataset.chart = "contributions";
  return chart;
}
