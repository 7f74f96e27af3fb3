/**
 * The front-page preview of this page, computed at build time by src/index.md.ts with the same
 * src/compute function the page uses and written as static SVG. Every number in its label is
 * computed here.
 */
import { FILTER_RECOVERY } from "../../compute/convolution/seeds.js";
import { correlateValid, solveFilter } from "../../compute/convolution/filterRecovery.js";
import type { PagePreview, PreviewSpec } from "../front/previewSparkline.js";

/** At most two decimals, trailing zeros dropped: 11, 0.5, −2.25. */
function shortNumber(value: number): string {
  return String(Number(value.toFixed(2))).replace("-", "−");
}

/** The filter recovered from the page's signal and output, and the output it gives back. */
export function convolutionPreview(): PreviewSpec {
  const signal = [...FILTER_RECOVERY.signal];
  const output = [...FILTER_RECOVERY.output];
  const solution = solveFilter(signal, output);
  if (solution.kind !== "unique") throw new Error("the page's filter system must be regular");
  const filter = solution.filter;
  const again = correlateValid(signal, filter);
  const list = (values: readonly number[]) => values.map(shortNumber).join(", ");
  const all = [...signal, ...output];
  // The output yᵢ comes from the window that starts at xᵢ: drawn at its window's centre.
  const offset = (filter.length - 1) / 2;
  return {
    label: `Convolution: from the signal x = (${list(signal)}) and its output y = (${
      list(output)
    }), the page recovers the filter (${
      solution.exact.join(", ").replaceAll("-", "−")
    }), which gives the output (${list(again)}) back.`,
    x: { domain: [1, signal.length] },
    y: { domain: [Math.min(...all), Math.max(...all)] },
    baselines: [0],
    lines: [
      { kind: "secondary", points: signal.map((v, i) => [i + 1, v] as const) },
      { kind: "primary", points: output.map((v, i) => [i + 1 + offset, v] as const) },
    ],
    markers: [
      ...signal.map((v, i) => ({ x: i + 1, y: v, filled: false })),
      ...output.map((v, i) => ({
        x: i + 1 + offset,
        y: v,
        filled: true,
        kind: "primary" as const,
      })),
    ],
    key: [
      { kind: "secondary", text: "signal x" },
      { kind: "primary", text: "output y" },
    ],
  };
}

export const preview: PagePreview = { compute: convolutionPreview };
