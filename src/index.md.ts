/**
 * Page loader for the front page: Framework runs it at build time (with the ".ts" interpreter of
 * observablehq.config.ts) and builds its Markdown output as /index. The topic cards come from the
 * manifest (src/site.ts) and the "Course results" table from src/courseResults.ts, both written
 * here as static HTML; only the small previews are drawn in the browser, from each page's precomputed
 * data, by hand-written SVG (no Plot, no d3, no tfjs on this page).
 *
 * Framework reruns a page loader only when the loader file itself changes; the build task also
 * reruns it when src/site.ts, src/courseResults.ts or a component is newer than its cached output.
 */
import { DOCUMENTS, RESULTS } from "./courseResults.js";
import { PAGES, type PreviewId, type SitePage } from "./site.js";
import { COURSE_RESULTS_CSS, courseResultsTable } from "./components/front/courseResultsTable.js";
import { TOPIC_CARD_CSS, topicSections } from "./components/front/topicCard.js";
import { PREVIEW_CSS } from "./components/front/previewSparkline.js";

/**
 * How each preview is drawn: the page's precomputed file (Framework needs FileAttachment's
 * argument as a literal) and the model that turns it into a picture.
 */
const previews: Record<PreviewId, { variable: string; attachment: string; model: string }> = {
  "dropout-toy": {
    variable: "dropoutSweep",
    attachment: "./loaders/dropout-toy.json",
    model: "dropoutSweepPreview",
  },
  "double-descent": {
    variable: "doubleDescent",
    attachment: "./loaders/double-descent.json",
    model: "doubleDescentPreview",
  },
};

function previewExpression(page: SitePage): string | undefined {
  if (page.status !== "built" || !page.preview) return undefined;
  const { variable, model } = previews[page.preview];
  return `previewElement(${model}(${variable}))`;
}

/** The JavaScript cell that loads the previews' data; empty when no built page has a preview. */
function previewCell(pages: readonly SitePage[]): string {
  const used = [
    ...new Set(
      pages.filter((page) => page.status === "built" && page.preview).map((page) => page.preview!),
    ),
  ];
  if (used.length === 0) return "";
  const models = used.map((id) => previews[id].model);
  return [
    "```js",
    `import {previewElement, ${models.join(", ")}} from "./components/front/previewSparkline.js";`,
    ...used.map((id) =>
      `const ${previews[id].variable} = FileAttachment("${previews[id].attachment}").json();`
    ),
    "```",
  ].join("\n");
}

function documentList(): string {
  const names = Object.values(DOCUMENTS).map((doc) => `${doc.name} (${doc.course})`);
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The front page as Framework Markdown. */
export function frontPageMarkdown(): string {
  const pages = PAGES;
  const results = RESULTS;
  const built = new Set(pages.filter((page) => page.status === "built").map((page) => page.slug));
  const checked = results.filter((result) => built.has(result.page)).length;
  return `---
title: DNN Explorables
toc: false
---

<style>
${TOPIC_CARD_CSS.trim()}
${PREVIEW_CSS.trim()}
${COURSE_RESULTS_CSS.trim()}
</style>

# DNN Explorables

How deep networks train, one result a page. Each page states a result from the course, proves it
with numbers computed from scratch (when the site is built, or live in your browser as you move the
controls), and lets you push on it.

${previewCell(pages)}

## Topics

${topicSections(previewExpression, pages)}

## Course results

Every result stated in the course documents, in our own words: where it comes from, the page that
shows it, and the test that checks it. ${results.length} results; the ${checked} on pages built so
far are each checked by the tests named beside them, and the rest are marked coming.

${courseResultsTable(results)}

The documents: ${documentList()}.
`;
}

if (import.meta.main) {
  await Deno.stdout.write(new TextEncoder().encode(frontPageMarkdown()));
}
