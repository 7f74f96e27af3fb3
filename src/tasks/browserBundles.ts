/**
 * Framework bundles each npm package from node_modules with Rollup, but it leaves a package's
 * imports of Node built-ins ("fs", "path"…) in the browser bundle even when the package's
 * "browser" field maps them to nothing. tfjs-backend-wasm's Emscripten loader imports four of them
 * and uses them only under Node, so the browser would fail to load it. Before each build we let
 * Framework bundle such packages into its cache, then replace those imports with empty objects;
 * Framework reuses a cached bundle as is.
 */
import { resolveNodeImport } from "../../node_modules/@observablehq/framework/dist/node.js";

export const packagesWithNodeImports = ["@tensorflow/tfjs-backend-wasm"];
const builtins = ["fs", "path", "os", "perf_hooks", "worker_threads", "crypto", "url", "module"];
const builtinImport = new RegExp(
  String.raw`import\s*\*\s*as\s*([\w$]+)\s*from\s*["'](?:node:)?(${builtins.join("|")})["'];?`,
  "g",
);
const anyBuiltinImport = new RegExp(
  String.raw`(?:^|[;\s])import[^"';]*from\s*["'](?:node:)?(${builtins.join("|")})["']`,
);

/** Replaces `import * as x from "fs"` with `const x = {}`; throws on any other import form. */
export function stubNodeBuiltins(code: string): string {
  const patched = code.replace(builtinImport, "const $1={};");
  const left = anyBuiltinImport.exec(patched);
  if (left) throw new Error(`unhandled import of the Node built-in "${left[1]}"`);
  return patched;
}

export async function prepareBrowserBundles(root = "src"): Promise<void> {
  for (const spec of packagesWithNodeImports) {
    const path: string = await resolveNodeImport(root, spec);
    const file = `${root}/.observablehq/cache${path}`;
    const code = await Deno.readTextFile(file);
    const patched = stubNodeBuiltins(code);
    if (patched !== code) await Deno.writeTextFile(file, patched);
  }
}

if (import.meta.main) await prepareBrowserBundles();
