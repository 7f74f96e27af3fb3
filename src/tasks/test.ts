/**
 * The whole suite: unit tests, loader tests and browser tests against a fresh build of the site.
 * It ends with one plain line, `N passed, N failed`, read by CI.
 */
import { build } from "./build.ts";
import { ensureChromium } from "./chromium.ts";
import { ensureNodeModules } from "./install.ts";

function summarise(output: string): { passed: number; failed: number } | undefined {
  const lines = output.split("\n").filter((line) => / passed .*\| \d+ failed/.test(line));
  const last = lines.at(-1);
  if (!last) return undefined;
  const passed = Number(/(\d+) passed/.exec(last)?.[1] ?? NaN);
  const failed = Number(/(\d+) failed/.exec(last)?.[1] ?? NaN);
  return Number.isFinite(passed) && Number.isFinite(failed) ? { passed, failed } : undefined;
}

/**
 * The test files to run, in groups that each get their own `deno test` process: every test outside
 * tests/browser in one process, and each browser test file alone. In one shared process, a page of
 * the quality suite once stopped drawing after the twenty browser files before it (no CPU in use,
 * no timeout reached), while the same file passed on its own, so no file may inherit another's
 * browsers, workers or timers.
 */
async function testGroups(filters: string[]): Promise<{ rest: string[]; browser: string[] }> {
  if (filters.length) return { rest: filters, browser: [] };
  const browser: string[] = [];
  for await (const entry of Deno.readDir("tests/browser")) {
    if (entry.isFile && entry.name.endsWith(".test.ts")) {
      browser.push(`tests/browser/${entry.name}`);
    }
  }
  const rest: string[] = [];
  for await (const entry of Deno.readDir("tests")) {
    if (entry.name !== "browser" && entry.name !== "output") rest.push(`tests/${entry.name}`);
  }
  return { rest: rest.sort(), browser: longestFirst(browser.sort()) };
}

/** Browser files known to be long, started first so that the pool does not end on one of them. */
const longBrowserFiles = ["backends", "quality", "stop", "initialisation", "cnn-training"];

function longestFirst(files: string[]): string[] {
  const rank = (file: string) => {
    const index = longBrowserFiles.indexOf(file.split("/").at(-1)!.replace(".test.ts", ""));
    return index === -1 ? longBrowserFiles.length : index;
  };
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/**
 * How many `deno test` processes run at once, and how many files the non-browser process runs in
 * parallel: TEST_JOBS, or the machine's CPU count (2 here). Browser tests spend much of their time
 * waiting on a page, so two at a time fit two cores.
 */
function jobs(): number {
  const asked = Number(Deno.env.get("TEST_JOBS"));
  if (Number.isInteger(asked) && asked >= 1) return asked;
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

interface GroupResult {
  paths: string[];
  code: number;
  summary?: { passed: number; failed: number };
  seconds: number;
}

/**
 * One `deno test` process over `paths`. With `echo` its output streams as it comes; otherwise it
 * is printed in one piece when the process ends, so that concurrent files do not interleave.
 */
async function runDenoTest(
  paths: string[],
  chromium: string,
  { echo, parallel }: { echo: boolean; parallel: number },
): Promise<GroupResult> {
  const start = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", ...(parallel > 1 ? ["--parallel"] : []), ...paths],
    env: { CHROMIUM_PATH: chromium, NO_COLOR: "1", DENO_JOBS: String(parallel) },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  const decoder = new TextDecoder();
  const collect = async (stream: ReadableStream<Uint8Array>, to: typeof Deno.stdout) => {
    for await (const chunk of stream) {
      if (echo) await to.write(chunk);
      output += decoder.decode(chunk, { stream: true });
    }
  };
  await Promise.all([collect(child.stdout, Deno.stdout), collect(child.stderr, Deno.stderr)]);
  const { code } = await child.status;
  if (!echo) await Deno.stdout.write(new TextEncoder().encode(output));
  const seconds = (performance.now() - start) / 1000;
  console.log(`(${paths.join(" ")}: ${seconds.toFixed(0)} s)`);
  return { paths, code, summary: summarise(output), seconds };
}

/** Runs `tasks` with at most `limit` at once, in order of the list. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

async function main(): Promise<number> {
  await ensureNodeModules();
  const chromium = await ensureChromium();
  await build();
  const { rest, browser } = await testGroups(Deno.args);
  const limit = jobs();
  const results = [
    await runDenoTest(rest, chromium, { echo: true, parallel: Deno.args.length ? 1 : limit }),
    ...await pool(
      browser.map((file) => () =>
        runDenoTest([file], chromium, { echo: limit === 1, parallel: 1 })
      ),
      limit,
    ),
  ];
  let passed = 0;
  let failed = 0;
  for (const { paths, code, summary } of results) {
    if (!summary) {
      console.error(`error: could not read the test summary of ${paths.join(" ")}`);
      failed += 1;
      continue;
    }
    passed += summary.passed;
    failed += summary.failed + (code !== 0 && summary.failed === 0 ? 1 : 0);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  console.log("0 passed, 1 failed");
  Deno.exit(1);
}
