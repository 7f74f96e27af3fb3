/**
 * Small DOM pieces of the convolution page: tables that scroll sideways on a phone, a paragraph
 * built from text and typeset math, and the buttons that set the filter-recovery controls to a
 * prepared example.
 */
import * as Inputs from "@observablehq/inputs";
import { type ControlInput, setControls } from "../controls.js";
import { sciText } from "../math.js";
import type { AdjointRow } from "../../compute/convolution/pageRows.js";

/**
 * Inputs.table scrolls sideways on a phone: a scrolling box must be focusable and named, so the
 * table gets a tab stop, a region role and `label`.
 */
export function scrollingTable(
  rows: readonly object[],
  label: string,
  options: Record<string, unknown> = {},
): HTMLElement {
  const table = Inputs.table(rows as object[], { select: false, layout: "auto", ...options });
  table.tabIndex = 0;
  table.setAttribute("role", "region");
  table.setAttribute("aria-label", label);
  return table;
}

/** A paragraph of text and nodes (typeset math). */
export function sentence(...parts: (string | Node)[]): HTMLParagraphElement {
  const p = document.createElement("p");
  p.append(...parts);
  return p;
}

/** Buttons that set controls to prepared values, each labelled, in one row. */
export function exampleButtons<K extends string>(
  inputs: Record<K, ControlInput>,
  examples: [label: string, values: Partial<Record<K, number>>][],
): HTMLDivElement {
  const row = document.createElement("div");
  row.className = "diagram-buttons";
  for (const [label, values] of examples) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", () => setControls(inputs, values));
    row.append(button);
  }
  return row;
}

const decimals12 = (blank: string) => (v: number) => Number.isFinite(v) ? v.toFixed(12) : blank;

/**
 * The adjoint identity's table. The two inner products are printed to 12 decimals on purpose
 * (their agreement is the point), so the table is marked exact for the page's text checks.
 */
export function adjointTable(rows: readonly AdjointRow[]): HTMLElement {
  const table = scrollingTable(rows, "The adjoint identity at each stride", {
    format: {
      "⟨conv(x), y⟩": decimals12("padding too large"),
      "⟨x, convᵀ(y)⟩": decimals12(""),
      "relative gap": (v: number) => Number.isFinite(v) ? sciText(v, 2) : "",
    },
  });
  table.dataset.exact = "";
  return table;
}
