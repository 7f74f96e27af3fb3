/**
 * Finds Debian's Chromium for the browser tests, installing it when we are root. Browser tests are
 * never skipped: without a browser the test task stops and says how to get one.
 */
const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

export async function findChromium(): Promise<string | undefined> {
  const fromEnv = Deno.env.get("CHROMIUM_PATH");
  if (fromEnv) return (await exists(fromEnv)) ? fromEnv : undefined;
  for (const path of candidates) if (await exists(path)) return path;
  return undefined;
}

async function apt(args: string[]): Promise<void> {
  const { code } = await new Deno.Command("apt-get", {
    args,
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error(`apt-get ${args.join(" ")} failed with exit code ${code}`);
}

export async function ensureChromium(): Promise<string> {
  const found = await findChromium();
  if (found) return found;
  const install = "apt-get update && apt-get install -y chromium";
  if (Deno.uid() !== 0) {
    throw new Error(`Chromium is missing and we are not root. Run as root: ${install}`);
  }
  console.error(`Chromium is missing: ${install}`);
  await apt(["update", "-qq"]);
  await apt(["install", "-y", "-qq", "chromium"]);
  const installed = await findChromium();
  if (!installed) throw new Error(`Chromium still missing after: ${install}`);
  return installed;
}
