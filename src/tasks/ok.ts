/**
 * `deno task ok`: the checks before a commit. node_modules comes first because `deno check` reads
 * the npm packages' types from it; then `deno fmt --check`, `deno lint`, `deno check` and the test
 * task (which also installs Chromium), stopping at the first failure. Extra arguments go to the
 * test task.
 */
import { ensureNodeModules } from "./install.ts";

export const okSteps: string[][] = [
  ["fmt", "--check"],
  ["lint"],
  ["check"],
  ["task", "test"],
];

async function deno(args: string[]): Promise<number> {
  const { code } = await new Deno.Command(Deno.execPath(), {
    args,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return code;
}

export async function ok(testArgs: string[] = []): Promise<number> {
  await ensureNodeModules();
  for (const step of okSteps) {
    const args = step[0] === "task" ? [...step, ...testArgs] : step;
    const code = await deno(args);
    if (code !== 0) {
      console.error(`error: deno ${args.join(" ")} failed with exit code ${code}`);
      return code;
    }
  }
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await ok(Deno.args));
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
