/**
 * Fixes what Framework 1.13's page template hard-codes and its configuration cannot change, on every
 * built page: the document language, a viewport that forbids pinch-zoom, the missing skip link, and
 * a sidebar toggle named only by its title, whose close label sits directly in a list.
 * Each edit expects the template's exact markup and throws when it is not there, so a Framework
 * upgrade that changes the template fails the build instead of shipping pages without the fix.
 */

/** The id Framework gives the page's `<main>`: the skip link's target. */
export const mainContentId = "observablehq-main";

export const skipLink = `<a class="skip-link" href="#${mainContentId}">Skip to content</a>`;

// Visually hidden (but read and focusable) until focused; then a high-contrast badge above the
// sidebar, in the theme's own foreground and background so it reads in light and dark.
export const skipLinkStyle = `<style>
.skip-link{position:fixed;top:0.5rem;left:0.5rem;z-index:1000;width:1px;height:1px;overflow:hidden;
clip-path:inset(50%);white-space:nowrap}
.skip-link:focus{width:auto;height:auto;clip-path:none;padding:0.5rem 1rem;border-radius:4px;
background:var(--theme-foreground,#1b1e23);color:var(--theme-background,#fff);font-weight:600;
text-decoration:underline;outline:2px solid var(--theme-foreground-focus,#3b5fc0);outline-offset:2px}
</style>`;

function replaceOnce(
  html: string,
  pattern: RegExp,
  replace: (match: string) => string,
  what: string,
) {
  const matches = html.match(new RegExp(pattern.source, pattern.flags.replace("g", "") + "g"));
  if (matches?.length !== 1) {
    throw new Error(`expected one ${what}, found ${matches?.length ?? 0}`);
  }
  return html.replace(pattern, replace);
}

/** Drops the viewport entries that stop readers from zooming: maximum-scale and user-scalable. */
export function zoomableViewport(content: string): string {
  return content.split(",").map((entry) => entry.trim())
    .filter((entry) => entry && !/^(maximum-scale|user-scalable)\s*=/i.test(entry))
    .join(", ");
}

/** The attribute that marks a prerendered picture (on its loading element) and its cell. */
export const prerenderAttribute = "data-prerender";

/**
 * Styles for the picture, inlined in the head of a page that has one: no spinner around it, the
 * chart scaled down on a narrow screen, and hidden (its space kept) when the link carries
 * settings or a view (`?…`): until the live chart replaces it, it would show other settings
 * than the page's.
 */
export const prerenderHead = `<script>if(location.search.length>1)` +
  `document.documentElement.setAttribute("data-linked-settings","")</script>
<style>
observablehq-loading[${prerenderAttribute}]{display:block;animation:none;transform:none;font:inherit;color:inherit}
observablehq-loading[${prerenderAttribute}]::before{content:none}
observablehq-loading[${prerenderAttribute}] svg[viewBox]{max-width:100%;height:auto}
html[data-linked-settings] observablehq-loading[${prerenderAttribute}]{visibility:hidden}
</style>`;

/** A page's first chart drawn at build time (src/tasks/prerender.ts). */
export interface Prerendered {
  /** The chart's name: the page's `<div data-prerender="<name>"></div>` marker names it too. */
  name: string;
  /** The figure's HTML. */
  html: string;
}

const markerPattern = /<div data-prerender="([^"]*)"><\/div>\s*/g;

/**
 * Puts `chart` into the page at its marker: the marker (an empty div in the page's Markdown, right
 * before the chart's cell) goes, and the cell's block gets an `<observablehq-loading>` holding the
 * picture right before its root comment, where Framework's client finds a cell's loading element.
 * Throws when the marker or the cell after it is missing, or when a marker has no chart.
 */
export function placeFirstChart(html: string, chart: Prerendered | undefined): string {
  const markers = [...html.matchAll(markerPattern)].map((match) => match[1]);
  if (!chart) {
    if (markers.length) throw new Error(`a first-chart marker for "${markers[0]}" but no chart`);
    return html;
  }
  if (markers.length !== 1 || markers[0] !== chart.name) {
    throw new Error(
      `expected one <div data-prerender="${chart.name}"></div> marker, found ` +
        (markers.length ? markers.map((name) => `"${name}"`).join(", ") : "none"),
    );
  }
  const cell = new RegExp(
    `<div data-prerender="${chart.name}"></div>\\s*` +
      `<div class="observablehq observablehq--block">(?:<observablehq-loading></observablehq-loading>)?` +
      `(<!--:[0-9a-f]{8}(?:-\\d+)?:-->)</div>`,
  );
  if (!cell.test(html)) {
    throw new Error(`the marker for "${chart.name}" is not right before a cell's block`);
  }
  const picture = `<observablehq-loading ${prerenderAttribute}="${chart.name}" inert>` +
    `${chart.html}</observablehq-loading>`;
  const placed = html.replace(
    cell,
    (_, root) => `<div class="observablehq observablehq--block">${picture}${root}</div>`,
  );
  return replaceOnce(placed, /<\/head>/i, (end) => `${prerenderHead}\n${end}`, "</head>");
}

/** One built page with lang="en", a zoomable viewport and a skip link to the main content. */
export function postProcessPage(html: string, firstChart?: Prerendered): string {
  if (!html.includes(`id="${mainContentId}"`)) {
    throw new Error(`no element with id="${mainContentId}" for the skip link to reach`);
  }
  if (html.includes(skipLink)) throw new Error("the page has been post-processed already");
  let out = replaceOnce(html, /<html(\s[^>]*)?>/i, (tag) => {
    if (/\slang=/i.test(tag)) return tag;
    return tag.replace(/^<html/i, '<html lang="en"');
  }, "<html> tag");
  out = replaceOnce(
    out,
    /<meta name="viewport" content="([^"]*)">/,
    (tag) => {
      const content = /content="([^"]*)"/.exec(tag)![1];
      return `<meta name="viewport" content="${zoomableViewport(content)}">`;
    },
    "viewport <meta>",
  );
  out = replaceOnce(
    out,
    /<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">/,
    (tag) =>
      tag.replace(' title="Toggle sidebar"', ' title="Toggle sidebar" aria-label="Toggle sidebar"'),
    "sidebar toggle <input>",
  );
  // A list may hold only list items; display: contents keeps the label positioned as before.
  out = replaceOnce(
    out,
    /<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>/,
    (label) => `<li style="display: contents">${label}</li>`,
    "sidebar close <label>",
  );
  // Two navigation landmarks (pages, and the table of contents) need names to be told apart.
  out = replaceOnce(
    out,
    /<nav id="observablehq-sidebar">/,
    () => '<nav id="observablehq-sidebar" aria-label="Pages">',
    "sidebar <nav>",
  );
  // The contents list, present on pages with sections, gets its own name too.
  out = out.replace(
    /<aside id="observablehq-toc"([^>]*)>\n<nav>/,
    (_, attributes) => `<aside id="observablehq-toc"${attributes}>\n<nav aria-label="Contents">`,
  );
  out = replaceOnce(out, /<\/head>/i, (end) => `${skipLinkStyle}\n${end}`, "</head>");
  out = replaceOnce(out, /<body(\s[^>]*)?>/i, (body) => `${body}\n${skipLink}`, "<body> tag");
  return placeFirstChart(out, firstChart);
}

// Framework's own output folders (bundles, copied files); every other .html file is a page.
const assetFolders = new Set([
  "_file",
  "_import",
  "_node",
  "_npm",
  "_observablehq",
  "_duckdb",
  "_jsr",
]);

async function* pages(dir: string, top = true): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory && !(top && assetFolders.has(entry.name))) yield* pages(path, false);
    else if (entry.isFile && entry.name.endsWith(".html")) yield path;
  }
}

/**
 * Post-processes every page of a built site in place; returns the pages it rewrote. `firstCharts`
 * holds the prerendered first charts by page path in the site ("pages/momentum.html"); each must
 * find its page. Every page is processed before any is written, and each is written whole (a
 * temporary file renamed over it), so a page that fails leaves the site as Framework wrote it.
 */
export async function postProcessSite(
  dir: string,
  firstCharts: ReadonlyMap<string, Prerendered> = new Map(),
): Promise<string[]> {
  const processed = new Map<string, string>();
  const unplaced = new Set(firstCharts.keys());
  for await (const path of pages(dir)) {
    const relative = path.slice(dir.length + 1);
    unplaced.delete(relative);
    try {
      processed.set(
        path,
        postProcessPage(await Deno.readTextFile(path), firstCharts.get(relative)),
      );
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
  }
  if (processed.size === 0) throw new Error(`no page found in ${dir}/ to post-process`);
  if (unplaced.size) {
    throw new Error(`a first chart for a page the build did not make: ${[...unplaced].join(", ")}`);
  }
  for (const [path, html] of processed) {
    await Deno.writeTextFile(`${path}.tmp`, html);
    await Deno.rename(`${path}.tmp`, path);
  }
  return [...processed.keys()];
}
