/**
 * The first charts drawn at build time (src/tasks/prerender.ts), in the browser, on every page
 * whose manifest entry sets `firstChart`: the picture in the HTML says exactly what the live chart
 * first draws (same title, description, tick labels and legend, at the width it was drawn for,
 * 1280 px wide screens); the live chart replaces it once, so that after load no picture is left and
 * the first chart of the page is the live one; no spinner turns around it; and with settings in
 * the link it is hidden, since it shows the defaults.
 */
import assert from "node:assert/strict";
import { browserFixture, settle, waitForDrawn } from "./harness.ts";
import { pagePath, PAGES, type SitePage } from "../../src/site.ts";
import type { FirstChart } from "../../src/components/firstChart.ts";

const fixture = browserFixture();

async function chartName(page: SitePage): Promise<string> {
  const module = await import(`../../src/components/${page.slug}/firstChart.ts`);
  return (module.firstChart as FirstChart).name;
}
const desktop = { width: 1280, height: 900 };

interface Seen {
  /** The picture's text at DOMContentLoaded, and how it is styled. */
  picture?: { text: string; visibility: string; animation: string; before: string };
  /** The live figure's text when it first entered the document. */
  live?: string;
}

/**
 * Runs in the page before its scripts. A figure's text (then its svg elements, counted by tag)
 * leaves out its CSV download link (the picture has none), its print line (filled only when
 * printing) and Plot's style sheets.
 */
function watch() {
  const seen: Seen = {};
  (globalThis as unknown as { __firstChart: Seen }).__firstChart = seen;
  const text = (figure: Element) => {
    const copy = figure.cloneNode(true) as Element;
    for (const part of copy.querySelectorAll("a[download], .chart-print-line, style")) {
      part.remove();
    }
    // Its marks, counted by kind: what the text alone does not say (a path's or a dot's place).
    const marks = [...copy.querySelectorAll("svg *")].reduce<Record<string, number>>(
      (counts, element) => ({ ...counts, [element.tagName]: (counts[element.tagName] ?? 0) + 1 }),
      {},
    );
    return `${(copy.textContent ?? "").replace(/\s+/g, " ").trim()} ${JSON.stringify(marks)}`;
  };
  addEventListener("DOMContentLoaded", () => {
    const loading = document.querySelector("observablehq-loading[data-prerender]");
    const figure = loading?.querySelector("figure.chart");
    if (!loading || !figure) return;
    const name = loading.getAttribute("data-prerender")!;
    seen.picture = {
      text: text(figure),
      visibility: getComputedStyle(loading).visibility,
      animation: getComputedStyle(loading).animationName,
      before: getComputedStyle(loading, "::before").content,
    };
    const check = () => {
      const live = document.querySelector(`figure.chart[data-chart="${name}"]`);
      if (!live || seen.live !== undefined) return;
      seen.live = text(live);
      observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
    check();
  });
}

for (const page of PAGES.filter((page) => page.firstChart)) {
  fixture.test({
    name:
      `${page.slug}: the first chart in the HTML is the live chart's first picture, replaced once`,
    async fn() {
      const { page: tab } = await fixture.open(pagePath(page), {
        viewport: desktop,
        beforeGoto: (tab) => tab.addInitScript(watch),
      });
      await waitForDrawn(tab);
      await settle(tab);
      const seen = await tab.evaluate(() =>
        (globalThis as unknown as { __firstChart: Seen }).__firstChart
      );
      assert.ok(seen.picture, "a prerendered first chart in the HTML");
      assert.equal(seen.picture.visibility, "visible");
      assert.equal(seen.picture.animation, "none", "no spinning loading indicator");
      assert.equal(seen.picture.before, "none", "no loading glyph");
      assert.ok(seen.live, "the live chart was drawn");
      assert.equal(seen.picture.text, seen.live);
      const after = await tab.evaluate(() => ({
        pictures: document.querySelectorAll("[data-prerender], [id^='prerender-']").length,
        first: document.querySelector("figure.chart")?.getAttribute("data-chart"),
        ids: [...document.querySelectorAll("figure.chart")].map((figure) => figure.id),
      }));
      assert.equal(after.pictures, 0, "no picture left after load");
      assert.equal(after.first, await chartName(page), "the page's first chart is the live one");
      assert.equal(new Set(after.ids).size, after.ids.length, "each chart once");
    },
  });
}

fixture.test({
  name: "with a query in the link (settings, the embed view) the first chart in the HTML is hidden",
  async fn() {
    const page = PAGES.find((page) => page.firstChart)!;
    const name = await chartName(page);
    const { page: tab } = await fixture.open(`${pagePath(page)}?embed=chart-${name}`, {
      viewport: desktop,
      beforeGoto: (tab) => tab.addInitScript(watch),
    });
    await tab.waitForLoadState("domcontentloaded");
    const seen = await tab.evaluate(() =>
      (globalThis as unknown as { __firstChart: Seen }).__firstChart
    );
    assert.equal(seen.picture?.visibility, "hidden");
    await tab.waitForSelector(`figure.chart[data-chart="${name}"][data-embedded]`);
    assert.equal(await tab.locator("[data-prerender]").count(), 0);
  },
});
