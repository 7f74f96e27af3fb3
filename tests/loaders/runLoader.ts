import { freshCachedOutput } from "../../src/tasks/build.ts";

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

/**
 * The output of `loader` on its default grid as the build made it: the output that the last build
 * cached, when a build would reuse it as is (it is then newer than the loader and everything the
 * loader reads, so that run used the same sources), or else a new run. `deno task test` builds
 * the site first and runs the files that call this after the build (src/tasks/test.ts,
 * readsBuiltSite), so a full grid is computed once by the build and not again here. Used as the
 * second run of "same grid, same bytes", and where a test only reads the shipped output.
 */
export async function builtOutput(
  loader: string,
): Promise<{ stdout: string; stdoutBytes: Uint8Array; from: string }> {
  const atRoot = Deno.cwd() === new URL(".", repoRoot).pathname.replace(/\/$/, "");
  const cached = atRoot ? await freshCachedOutput(loader) : undefined;
  if (cached) {
    const stdoutBytes = await Deno.readFile(cached);
    return { stdout: new TextDecoder().decode(stdoutBytes), stdoutBytes, from: cached };
  }
  const run = await runLoader(loader);
  if (run.code !== 0) throw new Error(`${loader} failed: ${run.stderr}`);
  return { ...run, from: "a new run" };
}
