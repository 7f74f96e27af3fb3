/**
 * Page loader for the front page: Framework runs it at build time (with the ".ts" interpreter of
 * observablehq.config.ts) and builds its Markdown output as /index. A short start (what the site
 * is, the order to read it in), then one card per page of the manifest (src/site.ts), numbered in
 * reading order, each with a small preview of its page's numbers. Previews of closed forms are
 * computed here and written as static SVG; previews of precomputed training runs are drawn in the
 * browser from the page's data file, by hand-written SVG (no Plot, no d3, no tfjs on this page).
 * The course-results table has its own page (src/course-results.md.ts).
 *
 * Framework reruns a page loader only when the loader file itself changes; the build task also
 * reruns it when src/site.ts, src/courseResults.ts, src/compute or a component is newer than its
 * cached output.
 */
import { RESULTS } from "./fromPages.js";
import {
  GUIDE_PAGES,
  guidePath,
  PAGES,
  type PreviewId,
  readingOrder,
  type SitePage,
  TOPICS,
} from "./site.js";
import { escapeHtml } from "./components/front/courseResultsTable.js";
import { TOPIC_CARD_CSS, topicSections } from "./components/front/topicCard.js";
import {
  PREVIEW_CSS,
  previewBlockMarkup,
  type PreviewSpec,
} from "./components/front/previewSparkline.js";
import * as computed from "./components/front/computedPreviews.js";

/** A preview drawn in the browser from the page's precomputed file. */
interface AttachedPreview {
  /** The variable the data is loaded into. */
  variable: string;
  /** The page's file (Framework needs FileAttachment's argument as a literal). */
  attachment: string;
  /** The model in previewSparkline.ts that turns the data into a picture. */
  model: string;
}

/** How each preview is drawn: from a precomputed file in the browser, or computed here. */
const previews: Record<PreviewId, AttachedPreview | (() => PreviewSpec)> = {
  "dropout-toy": {
    variable: "dropoutSweep",
    attachment: "./loaders/dropout-toy.json",
    model: "dropoutSweepPreview",
  },
  "dropout-noise": computed.dropoutNoisePreview,
  "dropout-digits": {
    variable: "dropoutDigits",
    attachment: "./loaders/dropout-digits.json",
    model: "digitsPreview",
  },
  "double-descent": {
    variable: "doubleDescent",
    attachment: "./loaders/double-descent.json",
    model: "doubleDescentPreview",
  },
  initialisation: computed.initialisationPreview,
  residual: computed.residualPreview,
  normalisation: computed.normalisationPreview,
  "normalisation-geometry": computed.normalisationGeometryPreview,
  convolution: computed.convolutionPreview,
  "cnn-training": {
    variable: "cnnTraining",
    attachment: "./loaders/cnn-training.json",
    model: "cnnPreview",
  },
  momentum: computed.momentumPreview,
  "rnn-gradients": computed.rnnPreview,
};

const attached = (id: PreviewId): AttachedPreview | undefined => {
  const preview = previews[id];
  return typeof preview === "function" ? undefined : preview;
};

/** What goes in a card's preview slot: static SVG, or a `${…}` that draws it in the browser. */
function previewSlot(page: SitePage): string | undefined {
  if (page.status !== "built" || !page.preview) return undefined;
  const preview = previews[page.preview];
  if (typeof preview === "function") return previewBlockMarkup(preview()).replace(/\$/g, "&#36;");
  return `\${previewElement(${preview.model}(${preview.variable}))}`;
}

/** The JavaScript cell that loads the data of the browser-drawn previews; empty when none. */
function previewCell(pages: readonly SitePage[]): string {
  const used = [
    ...new Set(
      pages.filter((page) => page.status === "built" && page.preview && attached(page.preview))
        .map((page) => page.preview!),
    ),
  ];
  if (used.length === 0) return "";
  const models = used.map((id) => attached(id)!.model);
  return [
    "```js",
    `import {previewElement, ${models.join(", ")}} from "./components/front/previewSparkline.js";`,
    ...used.map((id) =>
      `const ${attached(id)!.variable} = FileAttachment("${attached(id)!.attachment}").json();`
    ),
    "```",
  ].join("\n");
}

/** The front page as Framework Markdown. */
export function frontPageMarkdown(): string {
  const pages = PAGES;
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

${previewCell(pages)}

${topicSections(previewSlot, pages)}
`;
}

if (import.meta.main) {
  await Deno.stdout.write(new TextEncoder().encode(frontPageMarkdown()));
}
