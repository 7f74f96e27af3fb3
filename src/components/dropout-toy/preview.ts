/**
 * The front-page preview of this page, drawn in the browser by src/index.md.ts from the page's
 * precomputed file (src/loaders/dropout-toy.json.ts). Loaded in the browser: it imports nothing but
 * the shared preview module.
 */
import { formatNumber, type PagePreview, type PreviewSpec } from "../front/previewSparkline.js";

export interface DropoutSweepData {
  closedForm: { rate: number; w1: number; w2: number }[];
  minNorm: { w1: number; w2: number };
  limitAtZero: { w1: number; w2: number };
}

/**
 * Each feature's contribution xⱼwⱼ to the prediction against the drop rate, in units of the equal
 * share y/d, with the jump at rate 0. The data holds weights only, but the limit r → 0+ is
 * wⱼ = y/(d·xⱼ), so xⱼwⱼ/(y/d) = wⱼ/limitⱼ needs neither x nor y. For every positive rate the two
 * contributions coincide (the solid and dashed lines overlap); at r = 0 the minimum-norm fit gives
 * the large feature nearly everything (filled dots); open dots mark the limit from the right.
 */
export function dropoutSweepPreview(sweep: DropoutSweepData): PreviewSpec {
  const { minNorm, limitAtZero } = sweep;
  const share = (w: { w1: number; w2: number }) =>
    [w.w1 / limitAtZero.w1, w.w2 / limitAtZero.w2] as const;
  const curve = sweep.closedForm.filter((d) => d.rate > 0);
  const last = curve[curve.length - 1];
  const atZero = share(minNorm);
  const firstShare = atZero[0] / (atZero[0] + atZero[1]);
  const line = (j: 0 | 1) => [[0, 1] as const, ...curve.map((d) => [d.rate, share(d)[j]] as const)];
  const percent = (v: number) => `${formatNumber(100 * v, 0)} %`;
  return {
    label:
      `Dropout toy: each feature's contribution to the prediction against the drop rate r, from 0 to ${
        formatNumber(last.rate, 2)
      }. For every positive rate the two contributions are equal, shrinking to ${
        percent(share(last)[0])
      } of an even split of the target at r = ${
        formatNumber(last.rate, 2)
      }; at r = 0 itself the large feature supplies ${percent(firstShare)} of the prediction.`,
    x: { domain: [0, last.rate] },
    y: { domain: [0, Math.max(1, ...atZero)] },
    baselines: [0],
    lines: [
      { kind: "primary", points: line(0) },
      { kind: "secondary", points: line(1) },
    ],
    markers: [
      { x: 0, y: 1, filled: false },
      { x: 0, y: atZero[0], filled: true, kind: "primary" },
      { x: 0, y: atZero[1], filled: true, kind: "secondary" },
    ],
    key: [
      { kind: "primary", text: "x₁w₁" },
      { kind: "secondary", text: "x₂w₂" },
      { kind: "filled", text: "at r = 0" },
      { kind: "open", text: "as r → 0⁺" },
    ],
  };
}

export const preview: PagePreview = { loader: "dropout-toy.json", model: dropoutSweepPreview };
