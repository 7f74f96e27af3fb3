import * as Plot from "@observablehq/plot";
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn } from "../csv.js";

interface ContributionRow {
  step: number;
  first: number;
  second: number;
}

const terms = ["x₁·w₁ = 10·w₁", "x₂·w₂ = w₂"];

/** How much each feature contributes to the prediction, x1·w1 and x2·w2, as training goes. */
export function contributionChart(
  data: {
    w1: ArrayLike<number>;
    w2: ArrayLike<number>;
    x: readonly number[];
    target: readonly number[];
  },
  { width, height = 240, maxPoints = 500 }: { width: number; height?: number; maxPoints?: number },
): HTMLElement {
  const n = data.w1.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const table: ContributionRow[] = [];
  for (let i = stride - 1; i < n; i += stride) {
    table.push({ step: i + 1, first: data.x[0] * data.w1[i], second: data.x[1] * data.w2[i] });
  }
  const rows = table.flatMap((d) => [
    { step: d.step, term: terms[0], value: d.first },
    { step: d.step, term: terms[1], value: d.second },
  ]);
  const targets = [
    { term: terms[0], value: data.x[0] * data.target[0] },
    { term: terms[1], value: data.x[1] * data.target[1] },
  ];
  const chart = Plot.plot({
    width: chartWidth(width),
    height,
    x: { label: "step", domain: n ? undefined : [0, 1] },
    y: { label: "contribution to ŷ", grid: true, domain: [-1, 12] },
    color: { legend: true, domain: terms, range: [colors.blue, colors.orange] },
    marks: [
      Plot.ruleY(targets, { y: "value", stroke: "term", strokeDasharray: "4,3" }),
      Plot.lineY(rows, { x: "step", y: "value", stroke: "term", clip: true }),
    ],
  });
  return chartFigure({
    name: "contributions",
    title: "Who contributes to the prediction",
    description:
      `The two terms of the prediction, 10·w₁ and w₂, against the step; the dashed lines are their closed-form values for this rate, ${
        targets[0].value.toFixed(3)
      } and ${targets[1].value.toFixed(3)}.`,
    chart,
    live: true,
    columns: [
      numberColumn("step", (d: ContributionRow) => d.step),
      numberColumn(terms[0], (d: ContributionRow) => d.first),
      numberColumn(terms[1], (d: ContributionRow) => d.second),
    ],
    rows: table,
  });
}
