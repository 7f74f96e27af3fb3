import assert from "node:assert/strict";

// A missing brace does not break the build: the browser nests every later rule inside the open
// one, and those rules then only apply inside it (the value tables lost their style that way).
Deno.test("src/style.css: every block it opens is closed, and none closes twice", async () => {
  const css = (await Deno.readTextFile(new URL("../../src/style.css", import.meta.url)))
    .replace(/\/\*[\s\S]*?\*\//g, "");
  let depth = 0;
  css.split("\n").forEach((line, i) => {
    for (const ch of line) {
      if (ch === "{") depth++;
      if (ch === "}") depth--;
      assert.ok(depth >= 0, `line ${i + 1} closes a block that is not open`);
    }
  });
  assert.equal(depth, 0, "a block is left open at the end of the file");
});
