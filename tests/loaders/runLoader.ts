/** Runs a data loader the way Observable Framework does: read-only, repo root as cwd. */
export const repoRoot = new URL("../../", import.meta.url);

export interface LoaderRun {
  code: number;
  stdout: string;
  /** stdout as bytes, for loaders that write binary files. */
  stdoutBytes: Uint8Array;
  stderr: string;
}

export async function runLoader(
  loader: string,
  args: string[] = [],
  env?: Record<string, string>,
): Promise<LoaderRun> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      ...(env ? ["--allow-env"] : []),
      "--config",
      "deno.json",
      loader,
      ...args,
    ],
    cwd: repoRoot,
    ...(env ? { env } : {}),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return {
    code: out.code,
    stdout: decode(out.stdout),
    stdoutBytes: out.stdout,
    stderr: decode(out.stderr),
  };
}
