import assert from "node:assert/strict";
import { stubNodeBuiltins } from "../../src/tasks/browserBundles.ts";

Deno.test("stubNodeBuiltins(code) turns namespace imports of Node built-ins into empty objects", () => {
  const code =
    'import*as a from"fs";import*as b from "node:path";import{x}from"./x.js";a.readFileSync;';
  assert.equal(
    stubNodeBuiltins(code),
    'const a={};const b={};import{x}from"./x.js";a.readFileSync;',
  );
});

Deno.test("stubNodeBuiltins(code) refuses a named import it cannot stub", () => {
  assert.throws(() => stubNodeBuiltins('import{open}from"node:fs";'), /Node built-in "fs"/);
});
