/**
 * A plain DOM table of rows, one column per TableColumn: the prose's small tables of computed
 * values (no sorting or selection, so redrawing one when a slider moves costs next to nothing,
 * unlike Inputs.table) and the data tables behind every chart (chartFigure.ts).
 */
import type { TableColumn } from "./csv.js";

export function valueTable<Row>(
  columns: TableColumn<Row>[],
  rows: readonly Row[],
  { caption, rowHeaders = true, className = "value-table" }: {
    caption?: string;
    /** The first column's cells are row headers (th scope=row). */
    rowHeaders?: boolean;
    className?: string;
  } = {},
): HTMLTableElement {
  const table = document.createElement("table");
  if (className) table.className = className;
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
      const header = rowHeaders && i === 0;
      const cell = header ? document.createElement("th") : tr.insertCell();
      if (header) {
        cell.scope = "row";
        tr.append(cell);
      }
      cell.textContent = column.format(row);
    });
  }
  return table;
}
