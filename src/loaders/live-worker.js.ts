/**
 * The live-computation worker as one file: src/compute/liveWorkerEntry.ts bundled with tfjs by the
 * esbuild in node_modules (offline; Framework has no worker code blocks yet,
 * observablehq/framework#149). A page starts it with
 * `new Worker(await FileAttachment("../loaders/live-worker.js").url(), {type: "module"})`
 * (components/liveWorker.ts). Any esbuild error or warning fails the loader, and so the build.
 * Output, progress and exit status as every loader (src/loaders/shared/runLoader.ts).
 */
import * as esbuild from "esbuild";
import { runLoader } from "./shared/runLoader.js";

export const WORKER_ENTRY = new URL("../compute/liveWorkerEntry.ts", import.meta.url);

/** The worker's code, one ES module with no imports left; throws on any error or warning. */
export async function bundleLiveWorker(entry: URL = WORKER_ENTRY): Promise<Uint8Array> {
  try {
    const result = await esbuild.build({
      entryPoints: [entry.pathname],
      absWorkingDir: new URL("../..", import.meta.url).pathname,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      write: false,
      logLevel: "silent",
      legalComments: "none",
    });
    if (result.warnings.length) {
      const text = await esbuild.formatMessages(result.warnings, { kind: "warning" });
      throw new Error(`esbuild warned:\n${text.join("\n")}`);
    }
    const [output] = result.outputFiles;
    if (!output || /^\s*import[\s{*"']/m.test(output.text)) {
      throw new Error("the bundle still imports modules; a worker file must stand alone");
    }
    return output.contents;
  } finally {
    await esbuild.stop();
  }
}

if (import.meta.main) {
  Deno.exit(
    await runLoader("live-worker", async (log) => {
      const code = await bundleLiveWorker();
      log(`bundled ${WORKER_ENTRY.pathname.split("/").pop()} and tfjs`);
      return code;
    }),
  );
}
