import assert from "node:assert/strict";
import {
  backendNames,
  type ParamSpec,
  quoteValue,
  readBackend,
  readParams,
} from "../../src/components/urlState.ts";

const count: ParamSpec<number> = {
  default: 3,
  parse(text) {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 9) {
      throw new RangeError("count must be a whole number between 1 and 9");
    }
    return value;
  },
};
const specs = { n: count };

Deno.test("quoteValue keeps a short value and cuts a long one to 40 characters and its length", () => {
  assert.equal(quoteValue("0.95"), "0.95");
  assert.equal(quoteValue("x".repeat(40)), "x".repeat(40));
  assert.equal(quoteValue("7".repeat(5000)), `${"7".repeat(40)}… (5,000 characters)`);
  // Characters, not UTF-16 units: an astral character is never cut in half.
  assert.equal(quoteValue("😀".repeat(41)), `${"😀".repeat(40)}… (41 characters)`);
});

Deno.test("readParams quotes a 5,000-character link value shortened, once", () => {
  const long = "9".repeat(5000);
  const { values, problems } = readParams(specs, `?n=${long}`);
  assert.deepEqual(values, { n: 3 });
  assert.equal(problems.length, 1);
  assert.equal(
    problems[0],
    `The link sets n=${"9".repeat(40)}… (5,000 characters), but count must be a whole number ` +
      "between 1 and 9; using 3.",
  );
  assert.ok(problems[0].length < 200, `${problems[0].length} characters`);
});

Deno.test("readParams refuses a parameter given twice, with the same kind of message", () => {
  const { values, problems } = readParams(specs, "?n=1&n=2");
  assert.deepEqual(values, { n: 3 });
  assert.deepEqual(problems, ["The link sets n=1&n=2, but n may be set only once; using 3."]);
  // Even twice the same value: the reader's link is ambiguous in general, so it is said.
  assert.equal(readParams(specs, "?n=4&n=4").problems.length, 1);
});

Deno.test("readParams reads good values, and ignores parameters it does not own", () => {
  assert.deepEqual(readParams(specs, "?n=7&utm=x"), { values: { n: 7 }, problems: [] });
  assert.deepEqual(readParams(specs, ""), { values: { n: 3 }, problems: [] });
});

Deno.test("readBackend: each backend name is forced; nothing is asked for without ?backend=", () => {
  for (const name of backendNames) {
    assert.deepEqual(readBackend(`?backend=${name}`), { backend: name });
  }
  assert.deepEqual(readBackend("?n=2"), {});
});

Deno.test("readBackend and readParams report an unknown or duplicated ?backend= on every page", () => {
  const unknown =
    "The link sets backend=nonsense, but backend must be one of webgpu, wasm, webgl, cpu; " +
    "using the first backend this browser supports.";
  assert.deepEqual(readBackend("?backend=nonsense"), { problem: unknown });
  assert.deepEqual(readParams(specs, "?backend=nonsense").problems, [unknown]);
  const twice = "The link sets backend=cpu&backend=wasm, but backend may be set only once; " +
    "using the first backend this browser supports.";
  assert.deepEqual(readBackend("?backend=cpu&backend=wasm"), { problem: twice });
  assert.deepEqual(readParams(specs, "?n=2&backend=cpu&backend=wasm"), {
    values: { n: 2 },
    problems: [twice],
  });
  assert.match(readBackend(`?backend=${"a".repeat(5000)}`).problem!, /a{40}… \(5,000 characters\)/);
});
