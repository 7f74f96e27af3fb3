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
 * The test files to run, in groups that each get their own `deno test` process. Every browser test
 * file runs alone: in one shared process, a page of the quality suite once stopped drawing after
 * the twenty browser files before it (no CPU in use, no timeout reached), while the same file passed
 * on its own, so no file may inherit another's browsers, workers or timers.
 */
async function testGroups(filters: string[]): Promise<string[][]> {
  if (filters.length) return [filters];
  const browser: string[] = [];
  for await (const entry of Deno.readDir("tests/browser")) {
    if (entry.isFile && entry.name.endsWith(".test.ts")) {
      browser.push(`tests/browser/${entry.name}`);
    }
  }
  browser.sort();
  const rest: string[] = [];
  for await (const entry of Deno.readDir("tests")) {
    if (entry.name !== "browser" && entry.name !== "output") rest.push(`tests/${entry.name}`);
  }
  rest.sort();
  return [rest, ...browser.map((file) => [file])];
}

/** One `deno test` process over `paths`, echoed as it runs; its summary, or undefined. */
async function runDenoTest(paths: string[], chromium: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", ...paths],
    env: { CHROMIUM_PATH: chromium, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  let output = "";
  const decoder = new TextDecoder();
  for await (const chunk of child.stdout) {
    await Deno.stdout.write(chunk);
    output += decoder.decode(chunk, { stream: true });
  }
  const { code } = await child.status;
  return { code, summary: summarise(output) };
}

async function main(): Promise<number> {
  await ensureNodeModules();
  const chromium = await ensureChromium();
  await build();
  let passed = 0;
  let failed = 0;
  for (const paths of await testGroups(Deno.args)) {
    const { code, summary } = await runDenoTest(paths, chromium);
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
