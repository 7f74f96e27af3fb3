/**
 * A small static table of computed values for a page's prose (a few rows, no sorting or
 * selection): plain DOM, so redrawing it when a slider moves costs next to nothing, unlike
 * Inputs.table. Numbers are right-aligned by the .value-table style.
 */
import type { TableColumn } from "./csv.js";

export function valueTable<Row>(
  columns: TableColumn<Row>[],
  rows: readonly Row[],
  { caption }: { caption?: string } = {},
): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "value-table";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    columns.forEach((column, i) => {
      const cell = i === 0 ? document.createElement("th") : tr.insertCell();
      if (i === 0) {
        (cell as HTMLTableCellElement).scope = "row";
        tr.append(cell);
      }
      cell.textContent = column.format(row);
    });
  }
  return table;
}
