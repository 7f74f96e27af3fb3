/**
 * What an instructor uses of a page (issue 19, "for instructors" and "instructor view"), on the
 * momentum page: every figure's stable id and its "Link to this figure" control, a deep link that
 * scrolls to a figure drawn late, the print stylesheet (no controls, figures kept whole, settings
 * and link under each title) and the embed view (`?embed=<id>`: that figure, or that exercise
 * card, alone, settings and seed from the link still applied, checked at frame widths from 1280
 * to 320 px in light and dark with axe-core and the console, as the quality suite checks pages).
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, settle, waitForDrawn, waitForHook } from "./harness.ts";
import { setControl } from "./controls.ts";
import { copiedTexts, stubClipboard } from "./pageControls.ts";
import { formatFinding, runAxe } from "./axe.ts";
import { embedWaitMs } from "../../src/components/embedHead.ts";
import { cardKey } from "../../src/components/exerciseLink.ts";
import { EXERCISES } from "../../src/compute/momentum/exercises.ts";
import { card, submit, typedAnswers } from "./exerciseCards.ts";

const browser = browserFixture();
const path = "/pages/momentum";
const outputDir = "tests/output";
const adamStep = EXERCISES.find((exercise) => exercise.id === "momentum/adam-step")!;

/** Each drawn figure's data-chart name, its id and its title's id, in page order. */
const figureIds = (page: Page) =>
  page.$$eval("figure.chart", (figures) =>
    figures.map((figure) => ({
      name: (figure as HTMLElement).dataset.chart!,
      id: figure.id,
      titleId: figure.querySelector(".chart-title")?.id ?? "",
    })));

browser.test({
  name: `${path}: every figure has the id chart-<name>, unchanged by a redraw`,
  async fn() {
    const { page } = await browser.open(path);
    await waitForDrawn(page);
    const before = await figureIds(page);
    assert.ok(before.length >= 8, `${before.length} figures`);
    for (const { name, id, titleId } of before) {
      assert.equal(id, `chart-${name}`);
      assert.equal(titleId, `chart-${name}-title`);
    }
    assert.equal(new Set(before.map((f) => f.id)).size, before.length, "ids repeat");
    await setControl(page, "momentum β", 0.5);
    await waitForHook(page, "reference", { beta: 0.5 });
    await waitForDrawn(page);
    assert.deepEqual(await figureIds(page), before);
  },
});

browser.test({
  name:
    `${path}?beta=0.5: "Link to this figure" copies the link with the settings and #chart-<name>`,
  async fn() {
    const { page } = await browser.open(`${path}?beta=0.5`);
    await waitForDrawn(page);
    await stubClipboard(page);
    const figure = page.locator("#chart-distance");
    const button = figure.getByRole("button", { name: "Link to this figure" });
    await button.click();
    await figure.locator(".chart-link-status[aria-live=polite]", { hasText: "Link copied." })
      .waitFor();
    const copied = await copiedTexts(page);
    const url = new URL(copied.at(-1)!);
    assert.equal(url.hash, "#chart-distance");
    assert.equal(url.searchParams.get("beta"), "0.5");
    assert.equal(url.pathname, new URL(page.url()).pathname);
    assert.equal(new URL(page.url()).hash, "#chart-distance", "the address bar holds the link");
  },
});

browser.test({
  name: `${path}?beta=0.5#chart-bias: the deep link scrolls to the figure once it is drawn`,
  async fn() {
    const { page } = await browser.open(`${path}?beta=0.5#chart-bias`);
    await waitForDrawn(page);
    await settle(page, 500);
    const top = await page.evaluate(() =>
      document.getElementById("chart-bias")!.getBoundingClientRect().top
    );
    assert.ok(top >= 0 && top < 120, `the figure's top is at ${top} px in the viewport`);
  },
});

browser.test({
  name: `${path}?beta=0.5&step=0 printed: no control shows, every figure is kept whole and ` +
    `prints the settings in use (not the refused step=0) and the link under its title`,
  async fn() {
    const { page } = await browser.open(`${path}?beta=0.5&step=0`, {
      viewport: { width: 800, height: 1100 },
    });
    await waitForDrawn(page);
    // The control panel drops the refused value from the link once the page has started.
    await page.waitForFunction(() => !location.search.includes("step="));
    await page.emulateMedia({ media: "print" });
    await settle(page);
    const found = await page.evaluate(() => {
      const visible = (element: Element) => element.getClientRects().length > 0;
      const controls = [
        ...document.querySelectorAll(
          "button, input, select, textarea, form, #observablehq-sidebar",
        ),
      ].filter(visible).map((element) => element.outerHTML.slice(0, 80));
      const figures = [...document.querySelectorAll<HTMLElement>("figure.chart")].map((figure) => {
        const line = figure.querySelector<HTMLElement>(".chart-print-line");
        return {
          id: figure.id,
          breakInside: getComputedStyle(figure).breakInside,
          line: line && visible(line) ? line.innerText : null,
          lineAfterTitle: line?.previousElementSibling?.classList.contains("chart-title") ?? false,
        };
      });
      return { controls, figures };
    });
    assert.deepEqual(found.controls, [], "controls that print");
    for (const figure of found.figures) {
      assert.equal(figure.breakInside, "avoid", `${figure.id} may split across pages`);
      assert.ok(figure.lineAfterTitle, `${figure.id}: the print line is not under the title`);
      assert.match(figure.line ?? "", /^Settings: beta = 0\.5\. Link: http[^ ]*\?beta=0\.5#/);
      assert.ok(figure.line!.endsWith(`#${figure.id}`), `${figure.id}: "${figure.line}"`);
    }
    await Deno.mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}/momentum-print.png`, fullPage: true });
    await page.pdf({ path: `${outputDir}/momentum-print.pdf`, format: "A4" });
  },
});

/**
 * What the embed view shows alone, on the momentum page: a figure, with the link's settings, and
 * an exercise card with the link's seed, answered wrong and its solution shown (so the checks see
 * its fullest state).
 */
const embedViews: { id: string; query: string; ready: (page: Page) => Promise<void> }[] = [
  {
    id: "chart-trajectory",
    query: "beta=0.5",
    ready: (page) => waitForHook(page, "reference", { beta: 0.5 }),
  },
  {
    id: cardKey(adamStep.id),
    query: "seed=3",
    async ready(page) {
      await submit(page, adamStep, typedAnswers(adamStep, 3).wrong);
      await card(page, adamStep).getByRole("button", { name: "Show the worked solution" }).click();
      await page.waitForFunction(
        (id) => !document.querySelector(`#${id} .math-pending`),
        cardKey(adamStep.id),
      );
    },
  },
];
const embedWidths = [1280, 640, 375, 320];

for (const view of embedViews) {
  for (const colorScheme of ["light", "dark"] as const) {
    browser.test({
      name:
        `${path}?embed=${view.id}&${view.query} [${colorScheme}]: only that ${
          view.id.startsWith("ex-") ? "exercise card" : "figure"
        } shows, with the link's ${view.id.startsWith("ex-") ? "seed" : "settings"}, no sidebar, ` +
        `header or footer; it fits frames of ${embedWidths.join(", ")} px, and axe-core finds no ` +
        `serious or critical violation`,
      async fn() {
        const { page, console: log } = await browser.open(
          `${path}?embed=${view.id}&${view.query}`,
          { viewport: { width: 640, height: 480 }, colorScheme },
        );
        await waitForDrawn(page);
        await page.locator(`#${view.id}[data-embedded]`).waitFor();
        await view.ready(page);
        for (const width of embedWidths) {
          await page.setViewportSize({ width, height: 480 });
          await settle(page, 300);
          const found = await page.evaluate(() => {
            const visible = (element: Element) => element.getClientRects().length > 0;
            const shown = (selector: string) =>
              [...document.querySelectorAll(selector)].filter(visible).map((element) =>
                element.id || element.tagName
              );
            return {
              parts: shown("figure.chart, .exercise-card, .prediction-card"),
              chrome: shown(
                "#observablehq-sidebar, #observablehq-header, #observablehq-footer, #observablehq-toc",
              ),
              headings: shown("#observablehq-main h1, #observablehq-main h2"),
              width: document.documentElement.scrollWidth,
            };
          });
          assert.deepEqual(found.parts, [view.id], `${width} px`);
          assert.deepEqual(found.chrome, [], `${width} px`);
          assert.deepEqual(found.headings, [], `${width} px`);
          assert.ok(found.width <= width, `${width} px: the document is ${found.width} px wide`);
          const findings = await runAxe(page);
          assert.deepEqual(findings.map(formatFinding), [], `axe at ${width} px`);
        }
        const messages = log.unexpected().map((entry) => `${entry.type}: ${entry.text}`);
        assert.deepEqual(messages, [], "console errors or warnings");
        await Deno.mkdir(outputDir, { recursive: true });
        await page.screenshot({
          path: `${outputDir}/momentum-embed-${view.id}-320-${colorScheme}.png`,
          fullPage: true,
        });
      },
    });
  }
}

browser.test({
  name: `${path}?embed=chart-nope: the frame says the page has no figure by that name, after ` +
    `saying it is drawing one`,
  async fn() {
    // The page's clock runs as usual, but the test moves it on past the wait instead of waiting.
    const { page } = await browser.open(`${path}?embed=chart-nope`, {
      viewport: { width: 640, height: 480 },
      beforeGoto: (page) => page.clock.install(),
    });
    const status = page.locator("#embed-status[role=status]");
    await status.waitFor();
    assert.match(await status.innerText(), /^Drawing the figure "chart-nope"…$/);
    // Half the wait on: still drawing (the real seconds the load took count on the page's clock).
    await page.clock.fastForward(embedWaitMs / 2);
    assert.match(await status.innerText(), /^Drawing the figure "chart-nope"…$/);
    await page.clock.fastForward(embedWaitMs / 2);
    await page.locator("#embed-status", { hasText: "has no figure" }).waitFor({ timeout: 5_000 });
    assert.equal(
      await status.innerText(),
      'This page has no figure or exercise named "chart-nope": check the embed= value in the link.',
    );
    const shown = await page.$$eval(
      "#observablehq-main figure.chart",
      (figures) =>
        figures.filter((figure) => figure.checkVisibility({ visibilityProperty: true })).length,
    );
    assert.equal(shown, 0, "figures show around the message");
  },
});
