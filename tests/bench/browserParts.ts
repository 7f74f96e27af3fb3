/**
 * The bench parts that drive the built site in headless Chromium (`load`, `longtasks`, `shipped`,
 * `live`, and each
 * page's own latency part, tests/bench/pages/<slug>.ts, for every page the manifest marks `bench`),
 * run by run.ts in a process of their own once node_modules and Chromium are installed.
 * `--only=NAME` runs one of them.
 */
import { PAGES } from "../../src/site.ts";
import { benchPageLoads } from "./pageLoad.ts";
import { benchLiveRuns } from "./liveRuns.ts";
import { shippedBytes } from "./pageLatency.ts";

/** What a page's bench part exports: its latency benchmark on one backend. */
interface BenchPart {
  latency(backend: string, webgpu: boolean): Promise<void>;
}

const only = Deno.args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const part = (name: string) => only === undefined || only === name;

/** Runs one page's latency benchmark on every backend, WebGPU through SwiftShader here. */
async function onEveryBackend(
  page: string,
  run: (backend: string, webgpu: boolean) => Promise<void>,
): Promise<void> {
  console.log(`slider-to-chart latency, ${page} (headless Chromium, this machine):`);
  const backends = [["wasm", false], ["webgl", false], ["cpu", false], ["webgpu", true]] as const;
  for (const [backend, webgpu] of backends) {
    try {
      await run(backend, webgpu);
    } catch (error) {
      console.log(`  ${backend}: failed: ${(error as Error).message}`);
    }
  }
}

if (part("load")) await benchPageLoads();
if (part("longtasks")) await benchLiveRuns();
if (part("shipped")) await shippedBytes();
// Imported only when asked for: it bundles the live worker with esbuild, which a bench of another
// part need not load (and a fresh clone's first import from node_modules must be playwright-core).
if (part("live")) await (await import("./liveSpeed.ts")).benchLiveSpeed();
for (const page of PAGES.filter((page) => page.bench && part(page.slug))) {
  const { latency }: BenchPart = await import(`./pages/${page.slug}.ts`);
  await onEveryBackend(page.slug, latency);
}
