/**
 * Page loader for the front page: Framework runs it at build time (with the ".ts" interpreter of
 * observablehq.config.ts) and builds its Markdown output as /index. A short start (what the site
 * is, the order to read it in), then one card per page of the manifest (src/site.ts), numbered in
 * reading order, each with a small preview of its page's numbers that the page describes in its
 * own src/components/<slug>/preview.ts. Previews of closed forms are computed here and written as
 * static SVG; previews of precomputed training runs are drawn in the browser from the page's data
 * file, by hand-written SVG (no Plot, no d3, no tfjs on this page).
 * The course-results table has its own page (src/course-results.md.ts).
 *
 * Framework reruns a page loader only when the loader file itself changes; the build task also
 * reruns it when src/site.ts, src/courseResults.ts, src/compute or a component is newer than its
 * cached output.
 */
import { RESULTS } from "./fromPages.js";
import { GUIDE_PAGES, guidePath, PAGES, readingOrder, type SitePage, TOPICS } from "./site.js";
import { escapeHtml } from "./components/front/courseResultsTable.js";
import { TOPIC_CARD_CSS, topicSections } from "./components/front/topicCard.js";
import {
  type LoadedPreview,
  type PagePreview,
  PREVIEW_CSS,
  previewBlockMarkup,
} from "./components/front/previewSparkline.js";

/**
 * Each page's preview, from its own src/components/<slug>/preview.ts, which every page of the
 * reading order must have (ownFiles in src/site.ts): a page without one fails the build here.
 */
export async function pagePreviews(pages: readonly SitePage[]): Promise<Map<string, PagePreview>> {
  const previews = new Map<string, PagePreview>();
  for (const page of readingOrder(pages)) {
    const file = `src/components/${page.slug}/preview.ts`;
    let module: Record<string, unknown>;
    try {
      module = await import(`./components/${page.slug}/preview.js`);
    } catch (error) {
      throw new Error(`page ${page.slug}: cannot load its front-page preview ${file} (${error})`);
    }
    const preview = module.preview as PagePreview | undefined;
    if (!preview) throw new Error(`page ${page.slug}: ${file} exports no \`preview\``);
    if ("loader" in preview) {
      if (!page.loaders.includes(preview.loader) || !preview.loader.endsWith(".json")) {
        throw new Error(
          `page ${page.slug}: its preview reads ${preview.loader}, not one of its JSON loaders`,
        );
      }
      // The front page imports the model by its name (see browserCell).
      if (module[preview.model.name] !== preview.model) {
        throw new Error(`page ${page.slug}: ${file} must export its model under its own name`);
      }
    }
    previews.set(page.slug, preview);
  }
  return previews;
}

/** The variable a browser-drawn preview's data is loaded into: the slug in camel case. */
const dataVariable = (slug: string) => slug.replace(/-(.)/g, (_, c: string) => c.toUpperCase());

/** What goes in a card's preview slot: static SVG, or a `${…}` that draws it in the browser. */
function previewSlot(page: SitePage, preview: PagePreview | undefined): string | undefined {
  if (page.status !== "built" || !preview) return undefined;
  if ("compute" in preview) {
    return previewBlockMarkup(preview.compute()).replace(/\$/g, "&#36;");
  }
  return `\${previewElement(${preview.model.name}(${dataVariable(page.slug)}))}`;
}

/**
 * The JavaScript cell that imports the browser-drawn previews' models from their pages' preview
 * modules and loads their data (Framework needs FileAttachment's argument as a literal, which
 * this text has); empty when there are none.
 */
function browserCell(previews: Map<string, PagePreview>): string {
  const loaded = [...previews].filter((entry): entry is [string, LoadedPreview] =>
    "loader" in entry[1]
  );
  if (loaded.length === 0) return "";
  return [
    "```js",
    `import {previewElement} from "./components/front/previewSparkline.js";`,
    ...loaded.map(([slug, preview]) =>
      `import {${preview.model.name}} from "./components/${slug}/preview.js";`
    ),
    ...loaded.map(([slug, preview]) =>
      `const ${dataVariable(slug)} = FileAttachment("./loaders/${preview.loader}").json();`
    ),
    "```",
  ].join("\n");
}

/** The front page as Framework Markdown. */
export async function frontPageMarkdown(): Promise<string> {
  const pages = PAGES;
  const previews = await pagePreviews(pages);
  const built = readingOrder(pages);
  const topics = Object.values(TOPICS);
  const first = built[0];
  const results = GUIDE_PAGES.find((page) => page.slug === "course-results")!;
  return `---
title: DNN Explorables
toc: false
---

<style>
${TOPIC_CARD_CSS.trim()}
${PREVIEW_CSS.trim()}
</style>

# DNN Explorables

How deep networks train, one result a page. Each page states a result from the course, shows it
with numbers computed from scratch (when the site is built, or live in your browser as you move the
controls), and lets you push on it.

**Where to start.** Read the ${built.length} pages in the order of their numbers, the course's
topics in turn, as the sidebar lists them: ${topics[0].toLowerCase()} first,
${topics.at(-1)!.toLowerCase()} last. Start with
<a href="./pages/${first.slug}">1. ${escapeHtml(first.title)}</a>. Each card's picture is drawn from
its page's own numbers. The ${RESULTS.length} results of the course, with the page that shows each
one and the tests that check it, are listed in
<a href=".${guidePath(results)}">${escapeHtml(results.title)}</a>.

${browserCell(previews)}

${topicSections((page) => previewSlot(page, previews.get(page.slug)), pages)}
`;
}

if (import.meta.main) {
  await Deno.stdout.write(new TextEncoder().encode(await frontPageMarkdown()));
}
