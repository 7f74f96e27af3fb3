/**
 * The "Course results" table as static HTML, rendered at build time by its page loader
 * (src/course-results.md.ts) from the pages' lists (src/fromPages.ts): no script draws it, so it is
 * there for readers without JavaScript and for search engines.
 *
 * On narrow screens each row stacks into a block with its column names in front of the cells;
 * the explicit ARIA roles keep the table's semantics when CSS changes the cells' display.
 */
import { type CourseResult, type DocumentId, DOCUMENTS, type Source } from "../../courseResults.js";
import { pageBySlug, type SitePage, type TopicId, TOPICS } from "../../site.js";
import { subSupHtml } from "./notation.js";
import { exercisesFor } from "../../compute/exercises/forResult.js";
import { EXERCISES } from "../../fromPages.js";
import { cardKey } from "../exerciseLink.js";

/**
 * Escapes text for HTML inside a Framework Markdown page. "$" is escaped too, since Framework
 * reads "${" in a page as the start of a JavaScript expression.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\$/g, "&#36;");
}

/** Escaped HTML for plain text in the course's notation: y_{ℓ−1} and 3^L become sub and sup. */
export function notationHtml(text: string): string {
  return subSupHtml(escapeHtml(text));
}

/** A link to a built page, relative to a page at the site's root (the front page, a guide page). */
export function pageLink(page: SitePage): string {
  return `<a href="./pages/${escapeHtml(page.slug)}">${escapeHtml(page.title)}</a>`;
}

/** One line per document: "Homework 5, Q5(d), Q5(e)". */
function sourcesByDocument(sources: readonly Source[]): string[] {
  const parts = new Map<DocumentId, string[]>();
  for (const [document, part] of sources) {
    parts.set(document, [...(parts.get(document) ?? []), part]);
  }
  return [...parts].map(([document, list]) => {
    const { name, part: prefix } = DOCUMENTS[document];
    return `${name}, ${list.map((part) => prefix + part).join(", ")}`;
  });
}

/** One column of the table: its heading and its cell for a result on its page. */
interface Column {
  name: string;
  cell(result: CourseResult, page: SitePage): string;
}

function testsCell(result: CourseResult, page: SitePage): string {
  if (page.status !== "built") return `<span class="status-coming">coming</span>`;
  return `<ul class="result-tests" data-exact>${
    result.tests
      .map((test) =>
        `<li><code>${escapeHtml(test.file)}</code> <q>${notationHtml(test.name)}</q></li>`
      )
      .join("")
  }</ul>`;
}

/** The exercises that practise a result, each a link to its card on its page. */
function exercisesCell(result: CourseResult, page: SitePage): string {
  if (page.status !== "built") return "";
  return `<ul class="result-exercises">${
    exercisesFor(result, EXERCISES).map((exercise) =>
      `<li><a href="./pages/${escapeHtml(page.slug)}#${cardKey(exercise.id)}">${
        escapeHtml(exercise.title)
      }</a></li>`
    ).join("")
  }</ul>`;
}

/** The columns in order. */
export const COLUMNS: readonly Column[] = [
  { name: "Result", cell: (result) => notationHtml(result.result) },
  {
    name: "Source",
    cell: (result) => sourcesByDocument(result.sources).map(escapeHtml).join("<br>"),
  },
  {
    name: "Page",
    cell: (_, page) =>
      page.status === "built"
        ? pageLink(page)
        : `<span class="status-coming">coming</span> ${escapeHtml(page.title)}`,
  },
  { name: "Exercise", cell: exercisesCell },
  { name: "Checked by", cell: testsCell },
];

function row(result: CourseResult, page: SitePage): string {
  return `<tr role="row">${
    COLUMNS.map((column) =>
      `<td role="cell" data-label="${column.name}">${column.cell(result, page)}</td>`
    ).join("")
  }</tr>`;
}

/**
 * The table, one body per topic (in TOPICS order), rows in the list's order. Every line is
 * non-empty, so Markdown keeps the whole table as one HTML block.
 */
export function courseResultsTable(results: readonly CourseResult[]): string {
  const byTopic = new Map<SitePage["topic"], string[]>();
  for (const result of results) {
    const page = pageBySlug(result.page);
    if (!page) throw new Error(`result names an unknown page "${result.page}": ${result.result}`);
    const rows = byTopic.get(page.topic) ?? [];
    rows.push(row(result, page));
    byTopic.set(page.topic, rows);
  }
  const bodies = (Object.keys(TOPICS) as TopicId[])
    .filter((topic) => byTopic.has(topic))
    .map((topic) =>
      [
        `<tbody role="rowgroup">`,
        `<tr role="row" class="result-topic"><th role="rowheader" colspan="${COLUMNS.length}" scope="rowgroup">${
          escapeHtml(TOPICS[topic])
        }</th></tr>`,
        ...byTopic.get(topic)!,
        `</tbody>`,
      ].join("\n")
    );
  return [
    `<table class="course-results" role="table">`,
    `<thead role="rowgroup"><tr role="row">${
      COLUMNS.map(({ name }) => `<th role="columnheader" scope="col">${name}</th>`).join("")
    }</tr></thead>`,
    ...bodies,
    `</table>`,
  ].join("\n");
}

/** The table's stylesheet: a plain table on wide screens, one block per result on narrow ones. */
export const COURSE_RESULTS_CSS = `
.course-results { max-width: none; font: 14px/1.4 var(--sans-serif); }
.course-results th, .course-results td { padding: 0.45rem 0.75rem 0.45rem 0; }
.course-results td { color: var(--theme-foreground-alt); }
.course-results td:first-child { min-width: 14rem; }
.course-results .result-topic th { padding-top: 1.25rem; font-size: 15px; font-weight: 600; }
.course-results code { font-size: 12px; overflow-wrap: anywhere; }
.course-results q { quotes: "“" "”"; }
.result-tests, .result-exercises { margin: 0; padding: 0; list-style: none; max-width: none; }
.result-tests li + li, .result-exercises li + li { margin-top: 0.35rem; }
.status-coming {
  display: inline-block; font: 600 11px/1.4 var(--sans-serif); letter-spacing: 0.04em;
  text-transform: uppercase; padding: 0 0.35rem; border: 1px solid currentColor; border-radius: 0.25rem;
  color: var(--theme-foreground-alt);
}
@container (max-width: 720px) {
  .course-results thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .course-results, .course-results tbody, .course-results tr, .course-results td, .course-results th { display: block; }
  .course-results tr { padding: 0.5rem 0; }
  .course-results td { padding: 0.15rem 0; min-width: 0; }
  .course-results td:first-child { color: var(--theme-foreground); }
  .course-results td:not(:first-child)::before {
    content: attr(data-label) ": "; font-weight: 600; color: var(--theme-foreground);
  }
  .course-results td:last-child:has(ul)::before { display: block; }
}
`;
