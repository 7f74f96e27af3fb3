/**
 * The build's HTML post-processing (src/tasks/postProcessHtml.ts): on a fixture shaped like
 * Framework 1.13's page template, on a broken build, and on the built site itself.
 */
import assert from "node:assert/strict";
import {
  mainContentId,
  placeFirstChart,
  postProcessPage,
  postProcessSite,
  skipLink,
  zoomableViewport,
} from "../../src/tasks/postProcessHtml.ts";
import { openSession } from "../browser/harness.ts";

// The parts of Framework 1.13.4's template (dist/render.js) that the post-processing edits.
const frameworkPage = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>Page</title>
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<nav id="observablehq-sidebar">
<ol>
<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
<li class="observablehq-link"><a href="/">Home</a></li>
</ol>
</nav>
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq">
<h1>Page</h1>
</main>
</div>
</body>
</html>
`;

Deno.test("zoomableViewport(content) drops maximum-scale and user-scalable, keeps the rest", () => {
  assert.equal(
    zoomableViewport("width=device-width, initial-scale=1, maximum-scale=1"),
    "width=device-width, initial-scale=1",
  );
  assert.equal(
    zoomableViewport("width=device-width,user-scalable=no, initial-scale=1,maximum-scale=1.0"),
    "width=device-width, initial-scale=1",
  );
});

Deno.test("postProcessPage(html) adds lang, a zoomable viewport and a first-in-body skip link", () => {
  const html = postProcessPage(frameworkPage);
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.doesNotMatch(html, /maximum-scale|user-scalable/);
  assert.ok(html.includes(`<body>\n${skipLink}\n<input id="observablehq-sidebar-toggle"`));
  assert.ok(skipLink.includes(`href="#${mainContentId}"`));
  const head = html.slice(0, html.indexOf("</head>"));
  assert.match(head, /<style>[^<]*\.skip-link:focus\{[^}]*var\(--theme-background/);
});

Deno.test("postProcessPage(html) names the sidebar toggle and keeps the sidebar list to list items", () => {
  const html = postProcessPage(frameworkPage);
  assert.match(html, /<input id="observablehq-sidebar-toggle"[^>]* aria-label="Toggle sidebar">/);
  assert.match(html, /<nav id="observablehq-sidebar" aria-label="Pages">/);
  const withContents = postProcessPage(frameworkPage.replace(
    '<main id="observablehq-main"',
    '<aside id="observablehq-toc" data-selector="h2">\n<nav>\n</nav>\n</aside>\n<main id="observablehq-main"',
  ));
  assert.match(
    withContents,
    /<aside id="observablehq-toc" data-selector="h2">\n<nav aria-label="Contents">/,
  );
  assert.match(
    html,
    /<ol>\n<li style="display: contents"><label id="observablehq-sidebar-close" [^>]*><\/label><\/li>\n<li/,
  );
});

Deno.test("postProcessPage(html) keeps an existing lang and refuses a second pass", () => {
  const french = frameworkPage.replace("<html>", '<html lang="fr">');
  assert.match(postProcessPage(french), /<html lang="fr">/);
  assert.throws(() => postProcessPage(postProcessPage(frameworkPage)), /post-processed already/);
});

Deno.test("postProcessPage(html) fails loudly when the template changed", () => {
  assert.throws(
    () => postProcessPage(frameworkPage.replace(/<meta name="viewport"[^>]*>/, "")),
    /expected one viewport <meta>, found 0/,
  );
  assert.throws(
    () => postProcessPage(frameworkPage.replace('id="observablehq-main"', 'id="main"')),
    /no element with id="observablehq-main"/,
  );
});

Deno.test("postProcessSite(dir) rewrites every page, skips Framework's asset folders", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/pages`);
    await Deno.mkdir(`${dir}/_file`);
    await Deno.writeTextFile(`${dir}/index.html`, frameworkPage);
    await Deno.writeTextFile(`${dir}/pages/a.html`, frameworkPage);
    await Deno.writeTextFile(`${dir}/_file/attachment.html`, "<p>an attached file</p>");
    const done = await postProcessSite(dir);
    assert.deepEqual(done.sort(), [`${dir}/index.html`, `${dir}/pages/a.html`]);
    assert.equal(
      await Deno.readTextFile(`${dir}/_file/attachment.html`),
      "<p>an attached file</p>",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("postProcessSite(dir) names the page it cannot process and writes no page", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/a.html`, frameworkPage);
    await Deno.writeTextFile(`${dir}/b.html`, "<p>not a Framework page</p>");
    await assert.rejects(() => postProcessSite(dir), /b\.html: no element with id/);
    assert.equal(await Deno.readTextFile(`${dir}/a.html`), frameworkPage);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// A page whose Markdown marks its first chart's cell (a statement cell, as Framework 1.13 writes it).
const markedPage = frameworkPage.replace(
  "<h1>Page</h1>",
  '<h1>Page</h1>\n<div data-prerender="loss"></div>\n' +
    '<div class="observablehq observablehq--block"><!--:0123abcd:--></div>',
);
const lossChart = { name: "loss", html: '<figure class="chart"><svg></svg></figure>' };

Deno.test("placeFirstChart(html, chart) puts the picture in a loading element before the cell's root, drops the marker", () => {
  const html = postProcessPage(markedPage, lossChart);
  assert.ok(html.includes(
    '<div class="observablehq observablehq--block"><observablehq-loading data-prerender="loss" inert>' +
      '<figure class="chart"><svg></svg></figure></observablehq-loading><!--:0123abcd:--></div>',
  ));
  assert.doesNotMatch(html, /<div data-prerender=/);
  const head = html.slice(0, html.indexOf("</head>"));
  assert.match(head, /observablehq-loading\[data-prerender\]::before\{content:none\}/);
  assert.match(head, /location\.search/);
  // An expression cell comes with Framework's own empty loading element: the picture takes its place.
  const expression = markedPage.replace(
    "<!--:0123abcd:-->",
    "<observablehq-loading></observablehq-loading><!--:0123abcd:-->",
  );
  assert.equal(
    (placeFirstChart(expression, lossChart).match(/<observablehq-loading/g) ?? []).length,
    1,
  );
});

Deno.test("placeFirstChart(html, chart) fails loudly: no marker, another name, no cell after it, a marker without a chart", () => {
  assert.throws(
    () => placeFirstChart(frameworkPage, lossChart),
    /expected one <div data-prerender="loss"><\/div> marker, found none/,
  );
  assert.throws(
    () => placeFirstChart(markedPage, { ...lossChart, name: "accuracy" }),
    /marker, found "loss"/,
  );
  assert.throws(
    () =>
      placeFirstChart(
        markedPage.replace('<div class="observablehq observablehq--block">', "<p>"),
        lossChart,
      ),
    /the marker for "loss" is not right before a cell's block/,
  );
  assert.throws(
    () => placeFirstChart(markedPage, undefined),
    /a first-chart marker for "loss" but no chart/,
  );
  assert.equal(placeFirstChart(frameworkPage, undefined), frameworkPage);
});

Deno.test("postProcessSite(dir, firstCharts) places each chart in its page, fails for a page it did not find", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/pages`);
    await Deno.writeTextFile(`${dir}/pages/a.html`, markedPage);
    await Deno.writeTextFile(`${dir}/index.html`, frameworkPage);
    await assert.rejects(
      () =>
        postProcessSite(dir, new Map([["pages/a.html", lossChart], ["pages/b.html", lossChart]])),
      /a first chart for a page the build did not make: pages\/b\.html/,
    );
    assert.equal(await Deno.readTextFile(`${dir}/pages/a.html`), markedPage, "nothing written");
    await postProcessSite(dir, new Map([["pages/a.html", lossChart]]));
    assert.match(await Deno.readTextFile(`${dir}/pages/a.html`), /data-prerender="loss" inert>/);
    assert.deepEqual([...Deno.readDirSync(`${dir}/pages`)].map((entry) => entry.name), ["a.html"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const distDir = Deno.env.get("EXPLORABLES_DIST") ?? "dist";

async function builtPages(): Promise<string[]> {
  const paths: string[] = [];
  const visit = async (dir: string) => {
    for await (const entry of Deno.readDir(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory && !entry.name.startsWith("_")) await visit(path);
      else if (entry.isFile && entry.name.endsWith(".html")) paths.push(path);
    }
  };
  await visit(distDir).catch(() => assert.fail(`${distDir}/ is missing: build the site first`));
  return paths;
}

Deno.test(`${distDir}/ (the built site): every page has lang, a zoomable viewport, a skip link`, async () => {
  const pages = await builtPages();
  assert.ok(pages.length > 0);
  for (const path of pages) {
    const html = await Deno.readTextFile(path);
    assert.match(html, /<html lang="en">/, path);
    assert.doesNotMatch(html, /maximum-scale|user-scalable/, path);
    assert.ok(html.includes(`<body>\n${skipLink}\n`), `${path}: skip link first in <body>`);
    assert.ok(html.includes(`id="${mainContentId}"`), `${path}: the skip link's target`);
  }
});

/** WCAG contrast ratio of two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

Deno.test({
  name: "skip link: first Tab stop, hidden until focused, then legible in light and dark",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const session = await openSession();
    try {
      for (const colorScheme of ["light", "dark"] as const) {
        const page = await session.browser.newPage({ colorScheme });
        await page.goto(`${session.origin}/`, { waitUntil: "load" });
        const box = (await page.locator(".skip-link").boundingBox())!;
        assert.ok(box.width <= 1 && box.height <= 1, `${colorScheme}: hidden before focus`);
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const link = document.activeElement as HTMLElement;
          const style = getComputedStyle(link);
          const rect = link.getBoundingClientRect();
          return {
            className: link.className,
            width: rect.width,
            color: style.color,
            background: style.backgroundColor,
          };
        });
        assert.equal(focused.className, "skip-link", `${colorScheme}: first Tab stop`);
        assert.ok(focused.width > 50, `${colorScheme}: visible once focused`);
        const ratio = contrast(focused.color, focused.background);
        assert.ok(ratio >= 7, `${colorScheme}: contrast ${ratio.toFixed(2)}:1`);
        await page.keyboard.press("Enter");
        // Following a link is asynchronous: wait for the fragment rather than read the URL at once.
        await page.waitForURL(new RegExp(`#${mainContentId}$`), { timeout: 5_000 });
        assert.match(page.url(), new RegExp(`#${mainContentId}$`));
        await page.close();
      }
    } finally {
      await session.close();
    }
  },
});
