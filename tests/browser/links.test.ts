/**
 * Links a reader may paste, on every page of the config: a 5,000-character value must not widen the
 * page (it is quoted shortened, and notices wrap), and an unknown `?backend=` or a parameter given
 * twice gets the same top-of-page notice as any other bad value.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, browserTest, openPage, settle, sitePaths } from "./harness.ts";
import { refusedLinkValues } from "./linkValues.ts";

const long = "9".repeat(5000);
const widths = [1280, 375];

const browser = browserFixture();
const session = () => browser.session();

/** The texts of the visible top-of-page link notices, once one names `expected` (or after 20 s). */
async function linkNotices(page: Page, expected: string): Promise<string[]> {
  await page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll('.notice[data-for="link"]')].some((notice) =>
        notice.textContent?.includes(expected)
      ),
    expected,
    { timeout: 20_000, polling: 100 },
  ).catch(() => {});
  return await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.notice[data-for="link"]')]
      .filter((notice) => notice.getClientRects().length > 0)
      .map((notice) => notice.innerText)
  );
}

/** Document width against the viewport's, and the widest notice line, at each width. */
async function widthProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await settle(page);
    const [scrollWidth, viewport] = await page.evaluate((): [number, number] => [
      document.documentElement.scrollWidth,
      globalThis.innerWidth,
    ]);
    if (scrollWidth > viewport) {
      problems.push(`${width} px: the document is ${scrollWidth} px wide`);
    }
  }
  return problems;
}

for (const path of sitePaths) {
  const param = refusedLinkValues[path]?.[0]?.param;
  // The front page reads no parameter; it must still not widen for a long one.
  const reads = param !== undefined;

  Deno.test({
    name: `${path}?<5,000-character values>: the page keeps the viewport's width` +
      (reads ? " and quotes the values shortened" : ""),
    ...browserTest,
    async fn() {
      const query = reads ? `?${param}=${long}&backend=${long}` : `?x=${long}&backend=${long}`;
      const { page, console: log } = await openPage(await session(), `${path}${query}`);
      try {
        const problems: string[] = [];
        if (reads) {
          const notices = await linkNotices(page, "(5,000 characters)");
          const text = notices.join("\n");
          for (const key of [param, "backend"]) {
            if (!text.includes(`${key}=`)) problems.push(`no notice names ${key}=`);
          }
          if (!text.includes("… (5,000 characters)")) {
            problems.push(`the notice does not quote the value shortened: "${text.slice(0, 300)}"`);
          }
          if (text.length > 1_000) problems.push(`the notices hold ${text.length} characters`);
        }
        problems.push(...await widthProblems(page));
        problems.push(
          ...log.unexpected().map((entry) => `console ${entry.type}: ${entry.text.slice(0, 200)}`),
        );
        assert.ok(
          problems.length === 0,
          `${path} with long link values:\n  ${problems.join("\n  ")}`,
        );
      } finally {
        await page.close();
      }
    },
  });

  if (!reads) continue;

  Deno.test({
    name: `${path}?backend=nonsense&${param}=…&${param}=…: both get a top-of-page notice`,
    ...browserTest,
    async fn() {
      const [first] = refusedLinkValues[path];
      const query = `?backend=nonsense&${param}=${first.value}&${param}=${first.value}`;
      const { page } = await openPage(await session(), `${path}${query}`);
      try {
        const text = (await linkNotices(page, "backend=nonsense")).join("\n");
        const twice = `${param}=${first.value}&${param}=${first.value}`;
        const problems = [
          ...(text.includes("backend=nonsense") ? [] : ["no notice names backend=nonsense"]),
          ...(text.includes(twice) ? [] : [`no notice names ${twice}`]),
        ];
        assert.ok(
          problems.length === 0,
          `${path}${query}:\n  ${problems.join("\n  ")}\n  notices: "${text}"`,
        );
      } finally {
        await page.close();
      }
    },
  });
}
