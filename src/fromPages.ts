/**
 * Every page's exercises and course results, gathered from the page's own files,
 * src/compute/<slug>/exercises.ts (`EXERCISES`) and src/compute/<slug>/results.ts (`RESULTS`), in
 * the sidebar's order (topics in TOPICS order, each topic's pages in manifest order, src/site.ts;
 * the order the exercises page and the course-results table group them in) and each file's own
 * order within a page: adding a page adds no line here. Deno only (page loaders at build time, tests): it imports by computed path, which
 * Framework's browser bundles cannot, so the exercises page writes its own import lines from
 * `pagesWith` (src/pages/exercises.md.ts).
 */
import type { Exercise } from "./compute/exercise.js";
import type { CourseResult } from "./courseResults.js";
import { PAGES, TOPICS } from "./site.js";

/** A page's own module under src/compute/<slug>/. */
function pageModule(slug: string, file: string): URL {
  return new URL(`./compute/${slug}/${file}`, import.meta.url);
}

async function exists(url: URL): Promise<boolean> {
  try {
    await Deno.stat(url);
    return true;
  } catch {
    return false;
  }
}

/** Topics in TOPICS order, then pages of no topic (the guide); sort is stable: manifest order. */
const topicRank = (topic: string) => {
  const rank = Object.keys(TOPICS).indexOf(topic);
  return rank < 0 ? Infinity : rank;
};
const SIDEBAR_ORDER = [...PAGES].sort((a, b) => topicRank(a.topic) - topicRank(b.topic));

/** The slugs of the pages that have src/compute/<slug>/<file>, in the sidebar's order. */
export async function pagesWith(file: string): Promise<string[]> {
  const slugs: string[] = [];
  for (const page of SIDEBAR_ORDER) {
    if (await exists(pageModule(page.slug, file))) slugs.push(page.slug);
  }
  return slugs;
}

/**
 * The list `name` exported by each page's `file`, joined in the sidebar's order. An entry naming
 * another page fails here, so a list pasted into the wrong page cannot reach the site.
 */
async function gather<T extends { page: string }>(file: string, name: string): Promise<T[]> {
  const all: T[] = [];
  for (const slug of await pagesWith(file)) {
    const list: readonly T[] = (await import(pageModule(slug, file).href))[name];
    if (!Array.isArray(list)) throw new Error(`src/compute/${slug}/${file} exports no ${name}`);
    const stray = list.find((entry) => entry.page !== slug);
    if (stray) {
      throw new Error(`src/compute/${slug}/${file} lists an entry of page "${stray.page}"`);
    }
    all.push(...list);
  }
  return all;
}

/** Every exercise of the site, page by page. Ids are unique across the site (the runner checks it). */
export const EXERCISES: readonly Exercise[] = await gather<Exercise>("exercises.ts", "EXERCISES");

/** Every result of the course documents, page by page. */
export const RESULTS: readonly CourseResult[] = await gather<CourseResult>("results.ts", "RESULTS");
