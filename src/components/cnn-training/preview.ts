/**
 * The front-page preview of this page, drawn in the browser by src/index.md.ts from the page's
 * precomputed file (src/loaders/cnn-training.json.ts). Loaded in the browser: it imports nothing but
 * the shared preview module.
 */
import { formatNumber, type PagePreview, type PreviewSpec } from "../front/previewSparkline.js";

export interface CnnData {
  summary: { batchNorm: boolean; dropout: boolean; epoch: number; validation: { mean: number } }[];
}

/** Mean validation accuracy against the epoch, with and without batch norm (dropout on in both). */
export function cnnPreview(data: CnnData): PreviewSpec {
  const curve = (batchNorm: boolean) =>
    data.summary.filter((s) => s.dropout && s.batchNorm === batchNorm)
      .sort((x, y) => x.epoch - y.epoch)
      .map((s) => [s.epoch, 100 * s.validation.mean] as const);
  const [withBn, withoutBn] = [curve(true), curve(false)];
  const at = (points: readonly (readonly [number, number])[], epoch: number) =>
    points.find(([e]) => e === epoch)![1];
  const last = withBn.at(-1)![0];
  return {
    label: `A small CNN on digits, trained with dropout: mean validation accuracy over ${last} ` +
      `epochs; after the first epoch it is ${formatNumber(at(withBn, 1), 0)} % with batch norm ` +
      `and ${formatNumber(at(withoutBn, 1), 0)} % without.`,
    x: { domain: [0, last] },
    y: { domain: [0, 100] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: withoutBn },
      { kind: "primary", points: withBn },
    ],
    key: [
      { kind: "primary", text: "batch norm" },
      { kind: "secondary", text: "no batch norm" },
    ],
  };
}

export const preview: PagePreview = { loader: "cnn-training.json", model: cnnPreview };
