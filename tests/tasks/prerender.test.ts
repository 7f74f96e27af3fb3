/**
 * The first charts drawn at build time (src/tasks/prerender.ts), on the built site: every page
 * whose manifest entry sets `firstChart` has its picture in the chart cell's loading element, and
 * the picture says what the page's component draws at the defaults (title, description, tick
 * labels, legend); no other page has one. The browser check (tests/browser/firstChart.test.ts)
 * compares it with the live chart.
 */
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { PAGES, type SitePage } from "../../src/site.ts";
import { cacheRoot } from "../../src/tasks/build.ts";
import {
  cachedLoaderOutputs,
  prerenderedPages,
  prerenderFirstChart,
} from "../../src/tasks/prerender.ts";

const distDir = Deno.env.get("EXPLORABLES_DIST") ?? "dist";

/** The text a reader sees in a figure: Plot's style sheets left out. */
function figureText(html: string): string {
  const { document } = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window;
  for (const style of document.querySelectorAll("style")) style.remove();
  return (document.body.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** The pictures in a built page: each loading element's chart name, figure and what follows it. */
function pictures(html: string) {
  return [
    ...html.matchAll(
      /<observablehq-loading data-prerender="([^"]+)" inert>(.*?)<\/observablehq-loading>(.{0,30})/gs,
    ),
  ].map(([, name, figure, after]) => ({ name, figure, after }));
}

async function builtPage(page: SitePage): Promise<string> {
  return await Deno.readTextFile(`${distDir}/pages/${page.slug}.html`).catch(() =>
    assert.fail(`${distDir}/pages/${page.slug}.html is missing: build the site first`)
  );
}

for (const page of prerenderedPages()) {
  Deno.test(`${distDir}/pages/${page.slug}.html: its first chart, as the component draws it at the defaults`, async () => {
    const html = await builtPage(page);
    const found = pictures(html);
    assert.equal(found.length, 1, "one picture");
    const [picture] = found;
    assert.match(
      picture.after,
      /^<!--:[0-9a-f]{8}(-\d+)?:--><\/div>/,
      "right before its cell's root",
    );
    assert.doesNotMatch(html, /<div data-prerender=/, "the marker is gone");
    assert.match(html.slice(0, html.indexOf("</head>")), /observablehq-loading\[data-prerender\]/);
    const drawn = await prerenderFirstChart(page, cachedLoaderOutputs(cacheRoot));
    assert.equal(picture.name, drawn.name);
    assert.equal(figureText(picture.figure), figureText(drawn.html));
    assert.match(picture.figure, /^<figure id="prerender-chart-[^"]+" class="chart">/);
    const svg = /<svg [^>]*role="img"[^>]*>/.exec(picture.figure)?.[0];
    assert.match(svg ?? "", / viewBox="/, "the chart as a named image that can scale");
  });
}

Deno.test(`${distDir}/: a page without firstChart in the manifest has no picture`, async () => {
  for (const page of PAGES.filter((page) => page.status === "built" && !page.firstChart)) {
    const html = await builtPage(page);
    assert.deepEqual(pictures(html), [], page.slug);
    assert.doesNotMatch(html, /data-prerender/, page.slug);
  }
});

Deno.test("prerenderFirstChart: a page without its firstChart module fails, naming the page", async () => {
  const page = { ...PAGES[0], slug: "no-such-page", firstChart: true };
  await assert.rejects(
    () => prerenderFirstChart(page, cachedLoaderOutputs(cacheRoot)),
    /^Error: no-such-page: first chart \(src\/components\/no-such-page\/firstChart\.ts\)/,
  );
});

Deno.test("cachedLoaderOutputs: a missing loader output fails, naming the file", async () => {
  await assert.rejects(
    () => cachedLoaderOutputs(cacheRoot)("no-such-loader.json"),
    /loader output src\/\.observablehq\/cache\/loaders\/no-such-loader\.json/,
  );
});
