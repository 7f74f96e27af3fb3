/**
 * The front page's topic cards as static HTML, rendered at build time by the page loader
 * (src/index.md.ts). A built page's card is numbered in reading order, links to the page and
 * holds its preview; a coming page's card says "coming" and has no link.
 */
import { PAGES, readingOrder, type SitePage, type TopicId, TOPICS } from "../../site.js";
import { escapeHtml, notationHtml, pageLink } from "./courseResultsTable.js";

/**
 * One card. `step` is its place in the reading order (none for a coming page); `preview` is the
 * HTML of its preview slot (static SVG, or a `${…}` that Framework runs), or undefined for none.
 */
export function topicCard(page: SitePage, preview?: string, step?: number): string {
  const built = page.status === "built";
  const number = step === undefined ? "" : `<span class="topic-step">${step}</span> `;
  const heading = built
    ? `<h3>${number}${pageLink(page)}</h3>`
    : `<h3>${escapeHtml(page.title)} <span class="status-coming">coming</span></h3>`;
  const slot = built && preview ? `<div class="topic-preview">${preview}</div>` : "";
  return `<li class="topic-card${built ? "" : " topic-card-coming"}">${heading}<p>${
    notationHtml(page.summary)
  }</p>${slot}</li>`;
}

/**
 * Every topic that has a page, in TOPICS order, as a heading and a list of cards, numbered in
 * reading order (the built pages in manifest order). `previewFor` gives a page's preview slot
 * (or undefined). A topic with a built page spans the width, its cards side by side; topics still
 * to come share rows, their cards stacked.
 */
export function topicSections(
  previewFor: (page: SitePage) => string | undefined,
  pages: readonly SitePage[] = PAGES,
): string {
  const order = readingOrder(pages);
  const sections = (Object.keys(TOPICS) as TopicId[]).flatMap((topic) => {
    const cards = pages.filter((page) => page.topic === topic);
    if (cards.length === 0) return [];
    const wide = cards.some((page) => page.status === "built");
    return [
      [
        `<section class="topic${wide ? " topic-wide" : ""}" aria-labelledby="topic-${topic}">`,
        `<h2 id="topic-${topic}">${escapeHtml(TOPICS[topic])}</h2>`,
        `<ul class="topic-cards">`,
        ...cards.map((page) => {
          const step = order.indexOf(page);
          return topicCard(page, previewFor(page), step < 0 ? undefined : step + 1);
        }),
        `</ul>`,
        `</section>`,
      ].join("\n"),
    ];
  });
  return [`<div class="topics">`, ...sections, `</div>`].join("\n");
}

/** The cards' stylesheet: a grid that is one column on a phone and never wider than the page. */
export const TOPIC_CARD_CSS = `
.topics {
  display: grid; gap: 0 1rem; align-items: start; margin-bottom: 2.5rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
}
.topic { max-width: none; min-width: 0; }
.topic-wide { grid-column: 1 / -1; }
.topic h2 { margin: 1.5rem 0 0.6rem; font-size: 1.15rem; }
.topic-cards {
  list-style: none; margin: 0; padding: 0; max-width: none;
  display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr);
}
.topic-wide .topic-cards { grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); }
.topic-card {
  position: relative; min-width: 0; margin: 0; padding: 1rem;
  background: var(--theme-background-alt); border: 1px solid var(--theme-foreground-faintest);
  border-radius: 0.75rem; font: 14px/1.45 var(--sans-serif); color: var(--theme-foreground-alt);
}
.topic-card h3 {
  display: flex; align-items: baseline; gap: 0.4rem;
  margin: 0 0 0.5rem; font: 600 16px/1.3 var(--sans-serif); color: var(--theme-foreground);
}
.topic-step {
  display: inline-grid; place-items: center; min-width: 1.5rem; height: 1.5rem;
  border-radius: 999px; border: 1px solid var(--theme-foreground-muted); font: 600 13px/1 var(--sans-serif);
  color: var(--theme-foreground-alt); flex: none; transform: translateY(-0.1em);
}
.topic-card p { margin: 0; }
.topic-card { container-type: inline-size; }
/* Room for the preview before its data arrives, so nothing below it moves when it draws. */
.topic-card .topic-preview {
  margin-top: 0.75rem; color: var(--theme-foreground); min-height: calc(min(100cqi, 28rem) * 0.3 + 2.5rem);
}
.topic-card h3 a::after { content: ""; position: absolute; inset: 0; border-radius: inherit; }
.topic-card:has(a:hover) { border-color: var(--theme-foreground-focus); }
.topic-card h3 a:focus-visible { outline: none; }
.topic-card:has(a:focus-visible) { outline: 2px solid var(--theme-foreground-focus); outline-offset: 2px; }
.topic-card-coming { background: none; border-style: dashed; }
.topic-card-coming h3 .status-coming { margin-left: 0.25rem; vertical-align: 0.1em; }
`;
