/**
 * Runs the Observable Framework CLI under this Deno. Telemetry is switched off because its CI
 * detection (ci-info) throws under Deno 2.9 ("vendors.map is not a function") and stops the CLI.
 */
import { ensureNodeModules } from "./install.ts";

export const frameworkCli = "node_modules/@observablehq/framework/dist/bin/observable.js";

export async function runFramework(
  args: string[],
  env: Record<string, string> = {},
): Promise<number> {
  await ensureNodeModules();
  const command = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", frameworkCli, ...args],
    env: { OBSERVABLE_TELEMETRY_DISABLE: "true", ...env },
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  });
  const { code } = await command.output();
  return code;
}

if (import.meta.main) Deno.exit(await runFramework(Deno.args));
