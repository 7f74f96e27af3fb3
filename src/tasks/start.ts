/** The main job: install what is missing, build with all loaders, serve dist/ on port 3000. */
import { build } from "./build.ts";
import { ensureNodeModules } from "./install.ts";
import { serveStatic } from "./serve.ts";

try {
  await ensureNodeModules();
  await build();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  Deno.exit(1);
}
const port = Number(Deno.env.get("PORT") ?? 3000);
serveStatic("dist", { port });
console.log(`DNN Explorables is served at http://127.0.0.1:${port}/ (Ctrl-C stops it)`);
