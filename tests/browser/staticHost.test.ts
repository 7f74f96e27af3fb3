/**
 * The built site on a plain static host under a sub-path (issue 19, "any static host"): a server
 * that maps /course/<path> to dist/<path> and nothing else (no clean URLs, no ".html" guessing;
 * only a folder gets its index.html, as Python's http.server, stock nginx and S3 websites do).
 * From every page, every card, sidebar and search link is followed, and no request the pages make
 * (modules, data, search index) may come back 404.
 */
import assert from "node:assert/strict";
import { chromium, type Page } from "playwright-core";
import { baseArgs, browserTest, distDir, sitePaths } from "./harness.ts";
import { readingOrder } from "../../src/site.ts";

const base = "/course/";

/** A plain static server: the file at the path, or 404. Every 404 is recorded. */
function plainServer(missing: string[]) {
  return Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    const { pathname } = new URL(request.url);
    const fail = () => {
      missing.push(pathname);
      return new Response("Not found", { status: 404 });
    };
    if (!pathname.startsWith(base)) return fail();
    const relative = decodeURIComponent(pathname.slice(base.length));
    if (relative.split("/").includes("..")) return fail();
    const path = `${distDir}/${
      relative.endsWith("/") || relative === "" ? `${relative}index.html` : relative
    }`;
    try {
      if (!(await Deno.stat(path)).isFile) return fail();
    } catch {
      return fail();
    }
    const type = path.endsWith(".html")
      ? "text/html; charset=utf-8"
      : path.endsWith(".js")
      ? "text/javascript"
      : path.endsWith(".css")
      ? "text/css"
      : path.endsWith(".json")
      ? "application/json"
      : path.endsWith(".wasm")
      ? "application/wasm"
      : "application/octet-stream";
    return new Response(await Deno.readFile(path), { headers: { "content-type": type } });
  });
}

/** Absolute URLs of the links that match `selector` on the page. */
const linksOf = (page: Page, selector: string) =>
  page.$$eval(selector, (links) => links.map((link) => (link as HTMLAnchorElement).href));

/** Search results for `query`, typed into the sidebar's search box. */
async function searchLinks(page: Page, query: string): Promise<string[]> {
  const input = page.locator("#observablehq-search input");
  await input.fill("");
  await input.focus();
  await input.pressSequentially(query, { delay: 20 });
  await page.locator("#observablehq-search-results a").first().waitFor({ timeout: 15_000 });
  return await linksOf(page, "#observablehq-search-results a");
}

Deno.test({
  name: `a plain static server under ${base}: every card, sidebar and search link of every page ` +
    `leads to a page, and nothing the pages load is missing`,
  ...browserTest,
  async fn() {
    const missing: string[] = [];
    const server = plainServer(missing);
    const origin = `http://127.0.0.1:${server.addr.port}`;
    const browser = await chromium.launch({
      executablePath: Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium",
      headless: true,
      args: [...baseArgs, "--disable-gpu"],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const problems: string[] = [];
      const followed = new Map<string, string>();
      const follow = (from: string, kind: string, hrefs: string[]) => {
        for (const href of hrefs) {
          const url = new URL(href);
          // Pages may cite other sites; the site's own navigation must stay on it.
          if (url.origin !== origin) {
            if (kind !== "in-page") problems.push(`${from}: ${kind} link leaves the site: ${href}`);
            continue;
          }
          url.hash = "";
          url.search = "";
          if (!followed.has(url.href)) followed.set(url.href, `${kind} link on ${from}`);
        }
      };
      // Every page, reached as the sidebar names it (with its file's extension) or as "/".
      const start = `${origin}${base}`;
      await page.goto(start, { waitUntil: "load" });
      const cards = await linksOf(page, ".topic-card a");
      // One card per page of the reading order (the guide pages are in the sidebar only).
      assert.equal(new Set(cards).size, readingOrder().length, `cards on ${start}`);
      follow(base, "card", cards);
      const pages = [start, ...await linksOf(page, "#observablehq-sidebar a")];
      for (const url of new Set(pages)) {
        const response = await page.goto(url, { waitUntil: "load" });
        const from = new URL(url).pathname;
        if (response?.status() !== 200) {
          problems.push(`${from}: status ${response?.status()}`);
          continue;
        }
        follow(from, "sidebar", await linksOf(page, "#observablehq-sidebar a"));
        follow(from, "card", await linksOf(page, ".topic-card a"));
        follow(
          from,
          "in-page",
          await linksOf(
            page,
            "#observablehq-main a[href]:not([href^='#']):not([href^='data:']):not([download])",
          ),
        );
        for (const query of ["dropout", "gradient", "convolution"]) {
          follow(from, `search ("${query}")`, await searchLinks(page, query));
        }
      }
      for (const [url, where] of followed) {
        if (!url.startsWith(origin)) continue;
        const response = await fetch(url);
        await response.body?.cancel();
        if (response.status !== 200) problems.push(`${where}: ${url} is ${response.status}`);
      }
      // A search result followed by a click lands on its page.
      await page.goto(`${origin}${base}pages/momentum.html`, { waitUntil: "load" });
      await searchLinks(page, "dropout");
      await page.locator("#observablehq-search-results a").first().click();
      await page.waitForLoadState("load");
      if (!/\/course\/pages\/[a-z-]+\.html/.test(page.url())) {
        problems.push(`clicking a search result led to ${page.url()}`);
      }
      problems.push(...[...new Set(missing)].map((path) => `requested but missing: ${path}`));
      assert.ok(followed.size >= sitePaths.length, `only ${followed.size} links followed`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
