import assert from "node:assert/strict";
import { csvText, numberColumn, textColumn } from "../../src/components/csv.ts";

interface Row {
  name: string;
  value: number;
}

const columns = [
  textColumn("name", (d: Row) => d.name),
  numberColumn("value", (d: Row) => d.value, 4),
];

Deno.test("csvText(columns, rows) writes a header and one line per row", () => {
  assert.equal(
    csvText(columns, [{ name: "a", value: 1 / 3 }, { name: "b", value: 2 }]),
    "name,value\na,0.3333\nb,2\n",
  );
});

Deno.test("csvText quotes cells holding commas, quotes or line breaks", () => {
  assert.equal(
    csvText(columns, [{ name: 'say "hi", twice\n', value: 1 }]),
    'name,value\n"say ""hi"", twice\n",1\n',
  );
});

Deno.test("numberColumn(label, value, digits) leaves missing and non-finite values empty", () => {
  const column = numberColumn("v", (d: { v?: number }) => d.v, 3);
  assert.deepEqual([{}, { v: NaN }, { v: Infinity }, { v: 1234.5 }].map(column.format), [
    "",
    "",
    "",
    "1230",
  ]);
});
