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

async function main(): Promise<number> {
  await ensureNodeModules();
  const chromium = await ensureChromium();
  await build();
  const filters = Deno.args.length ? Deno.args : ["tests/"];
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", ...filters],
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
  const summary = summarise(output);
  if (!summary) {
    console.log("0 passed, 1 failed");
    console.error("error: could not read the test summary");
    return 1;
  }
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  return code === 0 && summary.failed === 0 ? 0 : 1;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  console.log("0 passed, 1 failed");
  Deno.exit(1);
}
