/**
 * Several small matrices side by side, each under its own label (the residual block's Jacobian by
 * formula, by the course's case, by central differences and by autodiff), wrapping on a phone.
 */
import { matrixNode } from "../matrixView.js";
import { signed } from "../cellDiagram.js";

export interface ReadoutItem {
  label: string;
  /** The matrix, or undefined with a note in its place ("waiting for TensorFlow.js"). */
  matrix?: number[][];
  note?: string;
}

/** Entries rounded to `digits` decimals, so float32 noise does not fill the box. */
export function jacobianReadout(items: ReadoutItem[], digits = 4): HTMLElement {
  const box = document.createElement("div");
  box.className = "jacobian-readout";
  box.style.cssText = "display: flex; flex-wrap: wrap; gap: 0.75rem 1.75rem; margin: 0.75rem 0;";
  for (const item of items) {
    const cell = document.createElement("div");
    cell.style.cssText =
      "display: flex; flex-direction: column; gap: 0.3rem; font: 14px var(--sans-serif);";
    const label = document.createElement("span");
    label.textContent = item.label;
    cell.append(label);
    if (item.matrix) {
      cell.append(
        matrixNode(item.matrix.map((row) => row.map((v) => signed(Number(v.toFixed(digits)))))),
      );
    }
    if (item.note) {
      const note = document.createElement("span");
      note.textContent = item.note;
      cell.append(note);
    }
    box.append(cell);
  }
  return box;
}
