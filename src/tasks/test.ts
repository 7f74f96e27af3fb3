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
 * The test files to run, in groups that each get their own `deno test` process: the unit files
 * (everything outside tests/browser) in one process, the few unit files that read the built site
 * in another, and each browser test file alone. In one shared process, a page of the quality suite
 * once stopped drawing after the twenty browser files before it (no CPU in use, no timeout
 * reached), while the same file passed on its own, so no file may inherit another's browsers,
 * workers or timers.
 */
export async function testGroups(): Promise<
  { unit: string[]; readsSite: string[]; browser: string[] }
> {
  const browser: string[] = [];
  for await (const entry of Deno.readDir("tests/browser")) {
    if (entry.isFile && entry.name.endsWith(".test.ts")) {
      browser.push(`tests/browser/${entry.name}`);
    }
  }
  const unit: string[] = [];
  const readsSite: string[] = [];
  for await (const path of testFiles("tests")) {
    if (path.startsWith("tests/browser/") || path.startsWith("tests/output/")) continue;
    (readsBuiltSite(await Deno.readTextFile(path)) ? readsSite : unit).push(path);
  }
  return { unit: unit.sort(), readsSite: readsSite.sort(), browser: longestFirst(browser.sort()) };
}

async function* testFiles(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* testFiles(path);
    else if (entry.isFile && entry.name.endsWith(".test.ts")) yield path;
  }
}

/**
 * Whether a unit test file reads the build's output: the built site, which every such file finds
 * through EXPLORABLES_DIST (as the browser tests do), or a loader's output as the build cached it
 * (`builtOutput` in tests/loaders/runLoader.ts, which would otherwise compute the full grid again).
 * They wait for the build; the other unit files run while it builds, on the core the build leaves
 * idle (Framework runs the loaders one at a time).
 */
export function readsBuiltSite(source: string): boolean {
  return source.includes("EXPLORABLES_DIST") || /\bbuiltOutput\(/.test(source);
}

/** Browser files known to be long, started first so that the pool does not end on one of them. */
const longBrowserFiles = ["backends", "quality", "stop", "exercises", "initialisation"];

function isLongBrowserFile(file: string): boolean {
  return longBrowserFiles.includes(file.split("/").at(-1)!.replace(".test.ts", ""));
}

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
  { echo, parallel, signal }: { echo: boolean; parallel: number; signal?: AbortSignal },
): Promise<GroupResult> {
  const start = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", ...(parallel > 1 ? ["--parallel"] : []), ...paths],
    env: { CHROMIUM_PATH: chromium, NO_COLOR: "1", DENO_JOBS: String(parallel) },
    stdout: "piped",
    stderr: "piped",
    signal,
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

/**
 * `limit` slots: `slot(task)` runs the task when a slot is free, in the order the tasks were
 * queued.
 */
export function slots(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = limit;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return async (task) => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/**
 * Runs the whole suite in `limit` slots (one process per slot; 2 on this machine): the build and
 * the unit files start together; when the build is done, the unit files that read the site and
 * the browser files (longest first) take the slots as they free up. A failed build ends the run.
 */
async function runAll(chromium: string, limit: number): Promise<GroupResult[]> {
  const { unit, readsSite, browser } = await testGroups();
  const halt = new AbortController();
  const slot = slots(limit);
  const run = (paths: string[], parallel: number) => () =>
    runDenoTest(paths, chromium, { echo: false, parallel, signal: halt.signal });
  const unitRun = slot(run(unit, limit));
  try {
    await slot(() => build());
  } catch (error) {
    halt.abort();
    await unitRun.catch(() => {});
    throw error;
  }
  // The long browser files first (see longestFirst), then the unit files that read the build
  // (about a minute in all), then the rest, so that the run does not end on a long file.
  const long = browser.filter(isLongBrowserFile);
  const afterBuild = [
    ...long.map((file) => [file]),
    readsSite,
    ...browser.filter((file) => !isLongBrowserFile(file)).map((file) => [file]),
  ].map((paths) => slot(run(paths, 1)));
  return await Promise.all([unitRun, ...afterBuild]);
}

async function main(): Promise<number> {
  await ensureNodeModules();
  const chromium = await ensureChromium();
  const limit = jobs();
  let results: GroupResult[];
  if (Deno.args.length) {
    await build();
    results = [await runDenoTest(Deno.args, chromium, { echo: true, parallel: 1 })];
  } else {
    results = await runAll(chromium, limit);
  }
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

if (import.meta.main) {
  try {
    Deno.exit(await main());
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    console.log("0 passed, 1 failed");
    Deno.exit(1);
  }
}
