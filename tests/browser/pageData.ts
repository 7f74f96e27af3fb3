/**
 * What the shared browser suites need of each page, read from the page's own file: for every built
 * page of the manifest (src/site.ts), tests/browser/pages/<slug>.ts exports
 * - `checks: PageChecks` (pageChecks.ts): the charts it draws and its leak moves, for quality.test.ts;
 * - `backends: BackendEntry | undefined` (backendTable.ts): its numbers compared across backends,
 *   for backends.test.ts (every page with live sections has one);
 * - `stopCases: PageStopCases | undefined` (stopCases.ts): its Stop cases, for stop.test.ts.
 * A page's file must export all three names (undefined where it has none), so that a misspelt one
 * fails here rather than silently skipping a check. tests/site/site.test.ts holds the folder to
 * the manifest both ways, like the bench parts in tests/bench/pages/.
 */
import { pagePath, PAGES, type SitePage } from "../../src/site.ts";
import type { BackendEntry } from "./backendTable.ts";
import type { PageChecks } from "./pageChecks.ts";
import type { PageStopCases } from "./stopCases.ts";

export interface PageData {
  checks: PageChecks;
  backends: BackendEntry | undefined;
  stopCases: PageStopCases | undefined;
}

const EXPORTS = ["checks", "backends", "stopCases"] as const;

/** tests/browser/pages/<slug>.ts, imported, with a clear error when it or one of its names is missing. */
async function load(page: SitePage): Promise<PageData> {
  const file = `tests/browser/pages/${page.slug}.ts`;
  const url = new URL(`./pages/${page.slug}.ts`, import.meta.url);
  try {
    await Deno.stat(url);
  } catch {
    throw new Error(
      `${file} is missing: every built page of src/site.ts needs one (exporting ${
        EXPORTS.join(", ")
      })`,
    );
  }
  const module: Record<string, unknown> = await import(url.href);
  const missing = EXPORTS.filter((name) => !(name in module));
  if (missing.length) throw new Error(`${file} does not export ${missing.join(", ")}`);
  if (module.checks === undefined) throw new Error(`${file}: \`checks\` is undefined`);
  return module as unknown as PageData;
}

const built = PAGES.filter((page) => page.status === "built");

/** Every built page with its data, in manifest order. */
export const pageData: { page: SitePage; data: PageData }[] = await Promise.all(
  built.map(async (page) => ({ page, data: await load(page) })),
);

/** Each page's charts and leak moves, keyed by slug. */
export const pageChecks: Record<string, PageChecks> = Object.fromEntries(
  pageData.map(({ page, data }) => [page.slug, data.checks]),
);

/** Each page's backend entry, keyed by its site path ("/pages/<slug>"), for pages that have one. */
export const backendTable: Record<string, BackendEntry> = Object.fromEntries(
  pageData.flatMap(({ page, data }) => data.backends ? [[pagePath(page), data.backends]] : []),
);

/** The pages' Stop cases, each with its page's slug. */
export const stopCases: (PageStopCases & { slug: string })[] = pageData.flatMap((
  { page, data },
) => data.stopCases ? [{ slug: page.slug, ...data.stopCases }] : []);
