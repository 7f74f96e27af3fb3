/**
 * Builds the static site into dist/ with every data loader, and never leaves a half-written site:
 * Framework writes into a staging folder that replaces dist/ only when the whole build succeeded.
 *
 * Loader caching: Framework reruns a loader only when its cached output is missing (a build uses a
 * stale output as is), and it judges staleness by the loader file alone. A loader's output also
 * depends on src/compute, src/loaders/shared and data/, so before building we delete every cached
 * output older than its loader or than any file under those folders. Page loaders (files ending in .md.ts, such as
 * the front page) also read src/components and the lists at the top of src/, so those count for
 * them too. `--rebuild-data` deletes them all.
 *
 * Every built page is then post-processed in the staging folder (src/tasks/postProcessHtml.ts),
 * with its first chart drawn at build time where the manifest says so (src/tasks/prerender.ts); a
 * failure there fails the build the same way.
 */
import { runFramework } from "./framework.ts";
import { ensureNodeModules } from "./install.ts";
import { postProcessSite } from "./postProcessHtml.ts";
import { writeHeadersFile } from "./headers.ts";

export const cacheRoot = "src/.observablehq/cache";
const loaderPattern = /^(.+\.[A-Za-z0-9]+)\.ts$/;

async function* walk(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* walk(path);
    else if (entry.isFile) yield path;
  }
}

async function mtime(path: string): Promise<number | undefined> {
  try {
    return (await Deno.stat(path)).mtime?.getTime();
  } catch {
    return undefined;
  }
}

async function newestMtime(dirs: string[]): Promise<number> {
  let newest = 0;
  for (const dir of dirs) {
    for await (const path of walk(dir)) {
      // A folder's README (src/compute/<slug>/README.md) is prose: editing it reruns no loader.
      if (!path.endsWith(".md")) newest = Math.max(newest, (await mtime(path)) ?? 0);
    }
  }
  return newest;
}

/** The newest modification time of the TypeScript modules directly in src/ (shared lists). */
async function newestTopLevelModule(): Promise<number> {
  let newest = 0;
  for await (const entry of Deno.readDir("src")) {
    if (entry.isFile && entry.name.endsWith(".ts") && !loaderPattern.test(entry.name)) {
      newest = Math.max(newest, (await mtime(`src/${entry.name}`)) ?? 0);
    }
  }
  return newest;
}

async function* loaders(): AsyncGenerator<string> {
  yield* walk("src/loaders");
  for await (const path of walk("src")) {
    if (path.endsWith(".md.ts") && !path.startsWith("src/.observablehq/")) yield path;
  }
}

/** Each loader's cached output that exists, and whether it is older than the loader or its inputs. */
async function* cachedOutputs(): AsyncGenerator<
  { loader: string; cached: string; stale: boolean }
> {
  const dataInputs = await newestMtime(["src/compute", "src/loaders/shared", "data"]);
  const pageInputs = Math.max(
    dataInputs,
    await newestMtime(["src/components"]),
    await newestTopLevelModule(),
  );
  for await (const loader of loaders()) {
    const name = loader.slice("src/".length);
    const match = loaderPattern.exec(name);
    if (!match) continue;
    const inputs = name.endsWith(".md.ts") ? pageInputs : dataInputs;
    const cached = `${cacheRoot}/${match[1]}`;
    const cachedAt = await mtime(cached);
    if (cachedAt === undefined) continue;
    const loaderAt = (await mtime(loader)) ?? 0;
    yield { loader, cached, stale: cachedAt < Math.max(loaderAt, inputs) };
  }
}

/** Deletes stale (or, with `all`, every) cached loader output; returns the outputs it deleted. */
export async function invalidateLoaderCache(all: boolean): Promise<string[]> {
  const deleted: string[] = [];
  for await (const { cached, stale } of cachedOutputs()) {
    if (all || stale) {
      await Deno.remove(cached);
      deleted.push(cached);
    }
  }
  return deleted;
}

/**
 * The path of the output that the last build cached for `loader` (such as
 * "src/loaders/initialisation.json.ts") when a build would reuse it as is, else undefined. Run from
 * the repository root. The loader tests compare a fresh run with it: a second run of the loader
 * that the suite's build has already paid for.
 */
export async function freshCachedOutput(loader: string): Promise<string | undefined> {
  for await (const output of cachedOutputs()) {
    if (output.loader === loader) return output.stale ? undefined : output.cached;
  }
  return undefined;
}

export async function build(
  { rebuildData = false, output = "dist" }: { rebuildData?: boolean; output?: string } = {},
): Promise<void> {
  await ensureNodeModules();
  const deleted = await invalidateLoaderCache(rebuildData);
  for (const path of deleted) console.error(`loader output invalidated: ${path}`);
  // Imported only now: it imports Framework from node_modules, which a fresh clone lacks until
  // ensureNodeModules() has run (a static import would fail before any code runs).
  const { prepareBrowserBundles } = await import("./browserBundles.ts");
  // jsdom, which draws the first charts, is in node_modules too.
  const { cachedLoaderOutputs, prerenderFirstCharts } = await import("./prerender.ts");
  await prepareBrowserBundles();
  const staging = `${output}.staging`;
  await Deno.remove(staging, { recursive: true }).catch(() => {});
  const started = performance.now();
  const code = await runFramework(["build"], { EXPLORABLES_OUTPUT: staging });
  if (code !== 0) {
    await Deno.remove(staging, { recursive: true }).catch(() => {});
    throw new Error(`site build failed (Framework exited with ${code}); ${output}/ left unchanged`);
  }
  try {
    const charts = await prerenderFirstCharts(cachedLoaderOutputs(cacheRoot));
    await postProcessSite(
      staging,
      new Map([...charts].map(([slug, chart]) => [`pages/${slug}.html`, chart])),
    );
    await writeHeadersFile(staging);
  } catch (error) {
    await Deno.remove(staging, { recursive: true }).catch(() => {});
    throw new Error(
      `site build failed: post-processing the HTML: ${(error as Error).message}; ` +
        `${output}/ left unchanged`,
    );
  }
  const previous = `${output}.previous`;
  await Deno.remove(previous, { recursive: true }).catch(() => {});
  await Deno.rename(output, previous).catch(() => {});
  await Deno.rename(staging, output);
  await Deno.remove(previous, { recursive: true }).catch(() => {});
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`built ${output}/ in ${seconds} s`);
}

if (import.meta.main) {
  try {
    await build({ rebuildData: Deno.args.includes("--rebuild-data") });
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
