/**
 * Page loader for the "Course results" page (a guide page of src/site.ts): Framework runs it at
 * build time and builds its Markdown output as /course-results. The table comes from each page's
 * src/compute/<slug>/results.ts (gathered by src/fromPages.ts), written here as static HTML (no script draws it), with the test files that
 * check each result: those paths are for maintainers, so they appear on this page only.
 */
import { DOCUMENTS } from "./courseResults.js";
import { RESULTS } from "./fromPages.js";
import { GUIDE_PAGES, PAGES } from "./site.js";
import { COURSE_RESULTS_CSS, courseResultsTable } from "./components/front/courseResultsTable.js";

const page = GUIDE_PAGES.find((guide) => guide.slug === "course-results")!;

function documentList(): string {
  const names = Object.values(DOCUMENTS).map((doc) => `${doc.name} (${doc.course})`);
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The page as Framework Markdown. */
export function courseResultsMarkdown(): string {
  const built = new Set(PAGES.filter((p) => p.status === "built").map((p) => p.slug));
  const checked = RESULTS.filter((result) => built.has(result.page)).length;
  const coming = RESULTS.length - checked;
  const status = coming === 0
    ? `All ${RESULTS.length} are on built pages, each checked by the tests named beside it.`
    : `The ${checked} on pages built so far are each checked by the tests named beside them; the other ${coming} are marked coming.`;
  return `---
title: ${page.title}
toc: false
---

<style>
${COURSE_RESULTS_CSS.trim()}
</style>

# ${page.title}

Every result stated in the course documents, in our own words: where it comes from, the page that
shows it, and the tests in this repository that check it. ${RESULTS.length} results, grouped by topic. ${status}

${courseResultsTable(RESULTS)}

The documents: ${documentList()}.
`;
}

if (import.meta.main) {
  await Deno.stdout.write(new TextEncoder().encode(courseResultsMarkdown()));
}
