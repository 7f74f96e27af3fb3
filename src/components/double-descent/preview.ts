/**
 * The front-page preview of this page, drawn in the browser by src/index.md.ts from the page's
 * precomputed file (src/loaders/double-descent.json.ts). Loaded in the browser: it imports nothing but
 * the shared preview module.
 */
import { formatNumber, type PagePreview, type PreviewSpec } from "../front/previewSparkline.js";

export interface DoubleDescentData {
  config: { nTrain: number };
  p: number[];
  lambdaA: number;
  curveA: { test: { median: number[] } };
  curveB: { test: { median: number[] } };
}

/** Median test error against p (log axis) for the fixed and the tuned penalty, N_train marked. */
export function doubleDescentPreview(sweep: DoubleDescentData): PreviewSpec {
  const { p } = sweep;
  const a = sweep.curveA.test.median;
  const b = sweep.curveB.test.median;
  const peak = a.indexOf(Math.max(...a));
  const maxB = Math.max(...b);
  const low = Math.min(...a, ...b);
  const nTrain = sweep.config.nTrain;
  return {
    label: `Double descent: median test error against the number of features p, from ${p[0]} to ${
      p[p.length - 1]
    } on a log scale. With λ = ${sweep.lambdaA} it peaks at ${formatNumber(a[peak], 2)} at p = ${
      p[peak]
    }, next to the ${nTrain} training points; with λ tuned on validation data it never exceeds ${
      formatNumber(maxB, 2)
    }.`,
    x: { domain: [p[0], p[p.length - 1]], log: true },
    y: { domain: [Math.min(0, low), Math.max(...a)] },
    lines: [
      { kind: "primary", points: p.map((v, i) => [v, a[i]] as const) },
      { kind: "secondary", points: p.map((v, i) => [v, b[i]] as const) },
    ],
    rules: [nTrain],
    baselines: [0],
    key: [
      { kind: "primary", text: `λ = ${sweep.lambdaA}` },
      { kind: "secondary", text: "tuned λ" },
      { kind: "rule", text: `p = N_train = ${nTrain}` },
    ],
  };
}

export const preview: PagePreview = { loader: "double-descent.json", model: doubleDescentPreview };
