/**
 * Draws each page's first chart at build time (issue 20, "a light first load"): the page's own
 * component at its default settings, rendered in jsdom, so the chart is in the HTML and shows
 * before Plot, d3 and Framework's runtime have arrived.
 *
 * The picture goes inside an `<observablehq-loading>` element put right before the chart cell's
 * root comment (postProcessHtml.ts places it at the page's `<div data-prerender="<name>">`
 * marker). Framework's client takes a loading element there into the cell's nodes and removes it
 * when the cell first displays, so the live chart replaces the picture in place, once, with no
 * page code; chartFigure.ts also drops it as soon as the live figure of that name is built.
 */
// By file path, as browserBundles.ts imports Framework: in a fresh clone the build task starts
// before npm has installed node_modules, and a bare "jsdom" in its module graph left Deno's
// resolver unable to find the packages installed after (the build failed on Framework's import of
// "@rollup/plugin-commonjs").
import { JSDOM } from "../../node_modules/jsdom/lib/api.js";
import { PAGES, type SitePage } from "../site.ts";
import type { FirstChart, LoaderOutput } from "../components/firstChart.ts";

/** The pages whose first chart is drawn at build time, from the manifest. */
export function prerenderedPages(pages: readonly SitePage[] = PAGES): SitePage[] {
  return pages.filter((page) => page.firstChart);
}

/** A page's first-chart module (manifest field `firstChart`). */
export function firstChartModule(page: SitePage): string {
  return `src/components/${page.slug}/firstChart.ts`;
}

/**
 * Reads loader outputs from `cacheDir`, where Framework wrote them (build.ts's cacheRoot): a JSON
 * file parsed, any other as its bytes (an ArrayBuffer, as FileAttachment's arrayBuffer()).
 */
export function cachedLoaderOutputs(cacheDir: string): LoaderOutput {
  return async (loader) => {
    const path = `${cacheDir}/loaders/${loader}`;
    try {
      if (loader.endsWith(".json")) return JSON.parse(await Deno.readTextFile(path));
      const bytes = await Deno.readFile(path);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    } catch (error) {
      throw new Error(`loader output ${path}: ${(error as Error).message}`);
    }
  };
}

/** The globals the components and Plot read, pointed at one jsdom window while `draw` runs. */
const domGlobals = [
  "window",
  "document",
  "location",
  "navigator",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "getComputedStyle",
  "ResizeObserver",
  "Node",
  "Element",
  "HTMLElement",
  "SVGElement",
  "SVGSVGElement",
  "DocumentFragment",
  "Event",
];

/** Runs `draw` with the DOM globals pointed at a fresh jsdom window whose address is `url`. */
async function inJsdom<T>(url: string, draw: () => Promise<T>): Promise<T> {
  const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", {
    url,
    pretendToBeVisual: true,
  });
  const scope = globalThis as Record<string, unknown>;
  const saved = new Map(
    domGlobals.map((key) => [key, Object.getOwnPropertyDescriptor(scope, key)]),
  );
  const window = dom.window as unknown as Record<string, unknown>;
  for (const key of domGlobals) {
    const value = key === "window" ? dom.window : window[key];
    Object.defineProperty(scope, key, {
      value: typeof value === "function" && /^[a-z]/.test(key) ? value.bind(dom.window) : value,
      configurable: true,
      writable: true,
    });
  }
  try {
    return await draw();
  } finally {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(scope, key, descriptor);
      else delete scope[key];
    }
    dom.window.close();
  }
}

/**
 * The picture as it goes into the HTML: the figure with its ids prefixed (the live figure keeps
 * the real ones, and a link to `#chart-<name>` must reach the live chart), without its data-chart
 * name and state (tests and scripts that look for the chart by name find only the live one) and the
 * CSV download (the live figure has it; it would double the page's size for a picture shown for
 * a moment).
 */
function asPicture(figure: Element): string {
  const prefix = "prerender-";
  for (const element of [figure, ...figure.querySelectorAll("*")]) {
    if (element.id) element.id = prefix + element.id;
    for (const name of ["aria-labelledby", "aria-describedby", "for"]) {
      const value = element.getAttribute(name);
      if (value) {
        element.setAttribute(name, value.split(/\s+/).map((id) => prefix + id).join(" "));
      }
    }
    element.removeAttribute("data-for");
  }
  // The figure's own data attributes (its name, whether it is live or done) are the live chart's.
  for (const name of figure.getAttributeNames()) {
    if (name.startsWith("data-")) figure.removeAttribute(name);
  }
  for (const link of figure.querySelectorAll("a[download]")) link.remove();
  // Plot writes coordinates and opacities to 16 digits; a hundredth of a pixel is invisible and
  // the digit strip (a few thousand rects) loses 45 % of its size.
  for (const element of figure.querySelectorAll("svg *")) {
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name)!;
      if (/\d\.\d{3}/.test(value)) {
        element.setAttribute(
          name,
          value.replace(/-?\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2)))),
        );
      }
    }
  }
  return figure.outerHTML;
}

/** Draws one page's first chart; fails with a message naming the page. */
export async function prerenderFirstChart(
  page: SitePage,
  loaderOutput: LoaderOutput,
): Promise<{ name: string; html: string }> {
  const where = `${page.slug}: first chart (${firstChartModule(page)})`;
  let chart: FirstChart;
  try {
    const module = await import(`../components/${page.slug}/firstChart.ts`);
    chart = module.firstChart;
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  if (!chart?.name || !(chart.width > 0) || typeof chart.draw !== "function") {
    throw new Error(`${where}: exports no firstChart {name, width, draw}`);
  }
  try {
    return await inJsdom(`http://localhost/pages/${page.slug}`, async () => {
      const figure = await chart.draw(chart.width, loaderOutput);
      const named = figure.matches(`figure.chart[data-chart="${chart.name}"]`)
        ? figure
        : figure.querySelector(`figure.chart[data-chart="${chart.name}"]`);
      if (!named?.querySelector("svg")) {
        throw new Error(`drew no figure.chart named "${chart.name}" with an svg`);
      }
      return { name: chart.name, html: asPicture(named) };
    });
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

/** Every prerendered page's first chart, by page slug. */
export async function prerenderFirstCharts(
  loaderOutput: LoaderOutput,
  pages: readonly SitePage[] = PAGES,
): Promise<Map<string, { name: string; html: string }>> {
  const charts = new Map<string, { name: string; html: string }>();
  for (const page of prerenderedPages(pages)) {
    charts.set(page.slug, await prerenderFirstChart(page, loaderOutput));
  }
  return charts;
}
