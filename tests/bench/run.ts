/**
 * `deno task bench`: the numbers behind the project's speed goals, printed as a report.
 * - `build`: cold build time with every loader rerun;
 * - `load`: per page, bytes (raw and gzip) before the first chart, time to the first chart, to the
 *   first live chart and until every live section is done (tests/bench/pageLoad.ts);
 * - `longtasks`: per live page, where its live work runs, and the main thread's long tasks during
 *   load and the default runs (tests/bench/liveRuns.ts);
 * - `shipped`: JavaScript (and WebAssembly) shipped before the first interaction;
 * - `live`: each live-worker workload's multiply-adds, time, GFLOP/s and efficiency against the
 *   wasm backend's one-product peak, and NumPy's time for the depth run (tests/bench/liveSpeed.ts);
 * - one part per page the manifest (src/site.ts) marks `bench`, named by its slug: slider-to-chart
 *   latency, median and p95, for each control, per backend (tests/bench/pages/<slug>.ts, with the
 *   shared timing in tests/bench/pageLatency.ts);
 * - `scripts`: every other tests/bench/*.bench.ts script, run in turn.
 * `--only=NAME` runs one part.
 *
 * Like every task it first installs what is missing: node_modules, and Chromium for the parts that
 * drive a browser. Those parts measure EXPLORABLES_DIST when it is set (as the browser tests do);
 * otherwise the cold build, or when that part is not run an ordinary build, makes dist/ from the
 * current tree first. They run in a child process (browserParts.ts): Deno resolves npm packages
 * such as playwright-core against the node_modules it found when it started, so a process that
 * started before the install cannot import them.
 */
import { ensureChromium } from "../../src/tasks/chromium.ts";
import { ensureNodeModules } from "../../src/tasks/install.ts";
import { build } from "../../src/tasks/build.ts";
import { PAGES } from "../../src/site.ts";

/** The parts that drive a browser: page loads, shipped bytes, live speed, each page's latency. */
const browserParts = [
  "load",
  "longtasks",
  "shipped",
  "live",
  ...PAGES.filter((page) => page.bench).map((page) => page.slug),
];
const parts = ["build", ...browserParts, "scripts"];

const only = Deno.args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const part = (name: string) => only === undefined || only === name;
const chosenDist = Deno.env.get("EXPLORABLES_DIST");

async function coldBuild(): Promise<void> {
  await Deno.remove("src/.observablehq/cache", { recursive: true }).catch(() => {});
  const started = performance.now();
  await build({ rebuildData: true, output: chosenDist ?? "dist" });
  console.log(
    `cold build with all loaders: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function runScript(path: string, args: string[] = [], env: Record<string, string> = {}) {
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", path, ...args],
    env,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return code;
}

async function main(): Promise<number> {
  if (only !== undefined && !parts.includes(only)) {
    throw new Error(`unknown bench part "${only}"; the parts are ${parts.join(", ")}`);
  }
  await ensureNodeModules();
  const needsBrowser = browserParts.some(part);
  const chromium = needsBrowser ? await ensureChromium() : undefined;
  if (part("build")) await coldBuild();
  else if (needsBrowser && chosenDist === undefined) await build();

  let failed = 0;
  if (chromium) {
    const args = only ? [`--only=${only}`] : [];
    const code = await runScript("tests/bench/browserParts.ts", args, { CHROMIUM_PATH: chromium });
    if (code !== 0) {
      console.log(`browser parts failed with exit code ${code}`);
      failed++;
    }
  }
  if (!part("scripts")) return failed ? 1 : 0;
  for await (const entry of Deno.readDir("tests/bench")) {
    if (!entry.name.endsWith(".bench.ts")) continue;
    console.log(`\n${entry.name}:`);
    const code = await runScript(`tests/bench/${entry.name}`);
    if (code !== 0) {
      console.log(`${entry.name} failed with exit code ${code}`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  Deno.exit(1);
}
