/**
 * Small matrices as HTML (a grid between two bracket rules) rather than MathML: browsers without
 * math fonts draw MathML brackets short, and a grid of spans lines the numbers up in every browser.
 * A screen reader hears the whole system once, in words, from the container's label.
 */
import { signed } from "./cellDiagram.js";

type Entry = number | string;
const text = (v: Entry) => (typeof v === "number" ? signed(v) : v);

export function matrixNode(rows: Entry[][]): HTMLElement {
  const box = document.createElement("span");
  box.className = "matrix";
  box.style.gridTemplateColumns = `repeat(${rows[0]?.length ?? 1}, auto)`;
  for (const row of rows) {
    for (const v of row) {
      const cell = document.createElement("span");
      cell.textContent = text(v);
      box.append(cell);
    }
  }
  return box;
}

/** A h = y, laid out as matrices, with an optional note after it ("det A = −52"). */
export function systemNode(
  matrix: number[][],
  unknowns: string[],
  values: number[],
  note = "",
): HTMLElement {
  const box = document.createElement("div");
  box.className = "matrix-system";
  box.setAttribute("role", "img");
  const rows = matrix.map((row, j) =>
    `${row.map((a, t) => `${text(a)} times ${unknowns[t]}`).join(" plus ")} equals ${
      text(values[j])
    }`
  );
  box.setAttribute("aria-label", `The system: ${rows.join("; ")}.${note ? ` ${note}.` : ""}`);
  const sign = (s: string) => {
    const span = document.createElement("span");
    span.textContent = s;
    return span;
  };
  box.append(
    matrixNode(matrix),
    matrixNode(unknowns.map((u) => [u])),
    sign("="),
    matrixNode(values.map((v) => [v])),
    ...(note ? [sign(note)] : []),
  );
  return box;
}
