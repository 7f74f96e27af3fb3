/**
 * `deno task dev`: Framework's live-reloading preview on http://127.0.0.1:3000. Like the build, it
 * installs node_modules when missing and patches the tfjs WebAssembly bundle first (the preview
 * serves the same bundle cache as the build); extra arguments go to `observable preview`.
 */
import { ensureNodeModules } from "./install.ts";
import { runFramework } from "./framework.ts";

try {
  await ensureNodeModules();
  // Imported only now: it imports Framework from node_modules, missing on a fresh clone.
  const { prepareBrowserBundles } = await import("./browserBundles.ts");
  await prepareBrowserBundles();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  Deno.exit(1);
}
// The config is named explicitly: when Framework finds observablehq.config.ts by itself it first
// imports tsx/esm, whose loader hooks break CommonJS `require("./x.json")` under Deno, and the
// preview server's dependencies (send → statuses) do exactly that. Deno runs TypeScript as is.
const config = ["--config", "observablehq.config.ts"];
const address = ["--host", "127.0.0.1", "--port", "3000"];
Deno.exit(await runFramework(["preview", ...config, ...address, ...Deno.args]));
