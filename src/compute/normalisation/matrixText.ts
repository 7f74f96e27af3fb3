/**
 * A small matrix typed by a reader (or carried in a link): rows on separate lines or separated by
 * ";", entries by commas or spaces. Every problem is a RangeError that says where and what, in
 * words a reader can act on. Pure: no DOM.
 */

export const MAX_ROWS = 8;
export const MAX_COLUMNS = 4;

/** Parses `text` into rows of finite numbers, all of the same length. */
export function parseMatrixText(
  text: string,
  { name = "X", maxRows = MAX_ROWS, maxColumns = MAX_COLUMNS } = {},
): number[][] {
  const lines = String(text).split(/[\n;]/).map((line) => line.trim()).filter((line) => line);
  if (lines.length === 0) {
    throw new RangeError(
      `${name} has no rows: a batch needs at least one example (with none there is no mean to subtract)`,
    );
  }
  if (lines.length > maxRows) {
    throw new RangeError(`${name} has ${lines.length} rows; this view takes at most ${maxRows}`);
  }
  const rows = lines.map((line, i) =>
    line.split(/[\s,]+/).filter((entry) => entry).map((entry, j) => {
      const where = `${name}, row ${i + 1}, entry ${j + 1}`;
      const value = Number(entry.replaceAll("−", "-"));
      if (/^[+-]?(nan|infinity)$/i.test(entry.replaceAll("−", "-"))) {
        throw new RangeError(`${where} is ${entry}: every entry must be a finite number`);
      }
      if (!Number.isFinite(value)) {
        throw new RangeError(`${where} is "${entry}", which is not a number`);
      }
      return value;
    })
  );
  const columns = rows[0].length;
  if (columns > maxColumns) {
    throw new RangeError(`${name} has ${columns} columns; this view takes at most ${maxColumns}`);
  }
  rows.forEach((row, i) => {
    if (row.length !== columns) {
      throw new RangeError(
        `${name}, row ${
          i + 1
        } has ${row.length} entries but row 1 has ${columns}: every row needs the same number`,
      );
    }
  });
  return rows;
}

/** The matrix as text: one row per line for the editor, or ";"-separated rows for a link. */
export function matrixText(rows: number[][], { link = false } = {}): string {
  return rows.map((row) => row.join(link ? "," : ", ")).join(link ? ";" : "\n");
}
