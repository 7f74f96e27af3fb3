/** Columns of a chart's data table, and the same table as CSV text (RFC 4180 quoting). */
export interface TableColumn<Row> {
  label: string;
  /** The cell as the reader sees it; the CSV holds the same text. */
  format(row: Row): string;
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvText<Row>(columns: TableColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => quote(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => quote(c.format(row))).join(","));
  return lines.join("\n") + "\n";
}

/** A column that prints a number with `digits` significant digits, and "" for a missing one. */
export function numberColumn<Row>(
  label: string,
  value: (row: Row) => number | undefined,
  digits = 6,
): TableColumn<Row> {
  return {
    label,
    format: (row) => {
      const v = value(row);
      return v === undefined || !Number.isFinite(v) ? "" : String(Number(v.toPrecision(digits)));
    },
  };
}

export function textColumn<Row>(label: string, value: (row: Row) => string): TableColumn<Row> {
  return { label, format: value };
}
