/**
 * The BRNN gradient check as the rnn-gradients page shows it: one chart row per gradient entry and
 * method, the chart's description, and the table of largest gaps. Plain data and strings, no DOM;
 * tested word for word against the page's former inline code.
 */
import { num } from "../math.js";
import type { TableColumn } from "../csv.js";
import { textColumn } from "../csv.js";
import type { GapRow } from "./rnnCharts.js";
import { textFromLog10 } from "./rnnRows.js";
import type { Pair } from "../../compute/rnn-gradients/liveBrnnCheck.js";

export const AUTODIFF = "tfjs autodiff (float32)";
export const FINITE = "finite differences";

/** ∇Wᶠ and ∇Uᵇ, entry by entry. */
export type Gradients = Pair<ArrayLike<number>>;

/** TensorFlow.js's gradients and their largest gaps, once the live check has finished. */
export interface Autodiff {
  values: Gradients;
  gap: Pair<number>;
}

const entryName = (k: number, cols: number) => `(${Math.floor(k / cols) + 1}, ${(k % cols) + 1})`;

function gapRows(
  sizes: { inputs: number; hidden: number },
  formula: Gradients,
  method: string,
  values: Gradients,
): GapRow[] {
  const wf = Array.from(
    formula.wf,
    (f, k) => ({
      weight: "Wᶠ",
      entry: entryName(k, sizes.inputs),
      index: k,
      formula: f,
      method,
      value: values.wf[k],
    }),
  );
  const ub = Array.from(formula.ub, (f, k) => ({
    weight: "Uᵇ",
    entry: entryName(k, sizes.hidden),
    index: wf.length + k,
    formula: f,
    method,
    value: values.ub[k],
  }));
  return [...wf, ...ub];
}

/** Every entry of ∇Wᶠ then ∇Uᵇ, for autodiff (when it has run) and for finite differences. */
export function checkRows(
  sizes: { inputs: number; hidden: number },
  formula: Gradients,
  finite: Gradients,
  auto: Autodiff | undefined,
): GapRow[] {
  return [
    ...(auto ? gapRows(sizes, formula, AUTODIFF, auto.values) : []),
    ...gapRows(sizes, formula, FINITE, finite),
  ];
}

/** The check chart's description: how far each method lands from the formulas. */
export function checkDescription(
  formula: Gradients,
  finiteGap: Pair<number>,
  auto: Autodiff | undefined,
): string {
  return `For each of the ${formula.wf.length} entries of ∇Wᶠ and ${formula.ub.length} of ∇Uᵇ, how far ${
    auto ? "TensorFlow.js's autodiff and " : ""
  }central finite differences land from the formulas: ${
    auto
      ? `autodiff within ${
        textFromLog10(Math.log10(Math.max(auto.gap.wf, auto.gap.ub)), 2)
      } of the largest entry, `
      : ""
  }finite differences within ${
    textFromLog10(Math.log10(Math.max(finiteGap.wf, finiteGap.ub)), 2)
  }.`;
}

interface GapTableRow {
  name: string;
  size: number;
  tf?: number;
  fd: number;
}

/** The largest gap per gradient and method; autodiff's cell says "stopped" or "running…" until it has one. */
export function gapTable(
  formula: Gradients,
  finiteGap: Pair<number>,
  auto: Autodiff | undefined,
  stopped: boolean,
): {
  columns: TableColumn<GapTableRow>[];
  rows: GapTableRow[];
  caption: string;
} {
  return {
    columns: [
      textColumn("gradient", (r) => r.name),
      textColumn("largest entry", (r) => num(r.size, 4)),
      textColumn(
        "autodiff − formula",
        (r) =>
          r.tf !== undefined
            ? textFromLog10(Math.log10(r.tf), 2)
            : stopped
            ? "stopped"
            : "running…",
      ),
      textColumn("finite differences − formula", (r) => textFromLog10(Math.log10(r.fd), 2)),
    ],
    rows: [
      {
        name: "∇Wᶠ L",
        size: Math.max(...Array.from(formula.wf, Math.abs)),
        tf: auto?.gap.wf,
        fd: finiteGap.wf,
      },
      {
        name: "∇Uᵇ L",
        size: Math.max(...Array.from(formula.ub, Math.abs)),
        tf: auto?.gap.ub,
        fd: finiteGap.ub,
      },
    ],
    caption: "Largest difference from the formula, relative to the gradient's largest entry",
  };
}
