/**
 * Named matrices side by side (backwardText.ts's terms): each a labelled group, so a screen
 * reader hears "μ = …" as one item.
 */
import { matrixNode } from "../matrixView.js";
import { valueText } from "./batchNormGraphChart.js";
import type { Term } from "./backwardText.js";

function term([name, value]: Term): HTMLDivElement {
  const box = document.createElement("div");
  box.setAttribute("role", "group");
  box.setAttribute(
    "aria-label",
    `${name} = ${valueText(value as Parameters<typeof valueText>[0])}`,
  );
  const label = document.createElement("span");
  label.textContent = `${name} =`;
  box.append(
    label,
    matrixNode((Array.isArray(value[0]) ? value : [value]) as Parameters<typeof matrixNode>[0]),
  );
  return box;
}

export function termsView(entries: Term[]): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "bn-terms";
  box.append(...entries.map(term));
  return box;
}
