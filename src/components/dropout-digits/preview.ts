/**
 * The front-page preview of this page, drawn in the browser by src/index.md.ts from the page's
 * precomputed file (src/loaders/dropout-digits.json.ts). Loaded in the browser: it imports nothing but
 * the shared preview module.
 */
import { formatNumber, type PagePreview, type PreviewSpec } from "../front/previewSparkline.js";

export interface DigitsData {
  conditions: {
    name: string;
    keepInput: number;
    keepHidden: number;
    summary: { epochs: { epoch: number; gap: { mean: number } }[] };
  }[];
}

/**
 * The mean gap between training and validation accuracy after each epoch, without and with
 * dropout (the conditions keeping every unit, and the one that drops some).
 */
export function digitsPreview(data: DigitsData): PreviewSpec {
  const without = data.conditions.find((c) => c.keepInput === 1 && c.keepHidden === 1)!;
  const withDropout = data.conditions.find((c) => c !== without)!;
  const gaps = (c: typeof without) =>
    c.summary.epochs.map((e) => [e.epoch, 100 * e.gap.mean] as const);
  const [a, b] = [gaps(without), gaps(withDropout)];
  const last = a.at(-1)!;
  const all = [...a, ...b].map(([, v]) => v);
  return {
    label: `Dropout on digits: the gap between training and validation accuracy, in percentage ` +
      `points, over ${last[0]} epochs, averaged over the precomputed seeds: after the last epoch ` +
      `it is ${formatNumber(last[1], 1)} without dropout and ${
        formatNumber(b.at(-1)![1], 1)
      } with it.`,
    x: { domain: [0, last[0]] },
    y: { domain: [Math.min(0, ...all), Math.max(...all)] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: a },
      { kind: "primary", points: b },
    ],
    key: [
      { kind: "secondary", text: "without dropout" },
      { kind: "primary", text: "with dropout" },
    ],
  };
}

export const preview: PagePreview = { loader: "dropout-digits.json", model: digitsPreview };
