/**
 * The DOM for geometryText's plain text: a paragraph, and a table in a box that scrolls sideways
 * on a phone (a scrolling box must be reachable by keyboard and named, so it takes the caption).
 */
import { valueTable } from "../valueTable.js";
import type { TextTable } from "./geometryText.js";

export function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

export function wideTable({ columns, rows, caption }: TextTable): HTMLDivElement {
  const box = document.createElement("div");
  box.style.overflowX = "auto";
  box.style.maxWidth = "100%";
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", caption);
  box.append(valueTable(columns, rows, { caption }));
  return box;
}
