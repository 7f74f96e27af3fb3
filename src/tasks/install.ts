/** Installs node_modules from the lock file when they are missing: npm is the only network step. */
export async function ensureNodeModules(): Promise<void> {
  try {
    await Deno.stat("node_modules/@observablehq/framework/package.json");
    await Deno.stat("node_modules/playwright-core/package.json");
    return;
  } catch {
    // fall through: install
  }
  console.error("node_modules missing: running npm install");
  const { code } = await new Deno.Command("npm", {
    args: ["install", "--no-audit", "--no-fund"],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error(`npm install failed with exit code ${code}`);
}
