/**
 * The `load` bench part: what a reader waits for and downloads on a first visit to each page.
 *
 * Each page is opened cold (a fresh browser context, so an empty HTTP cache) in headless Chromium
 * through the browser tests' harness. A script that runs before the page's own records, against the
 * page's clock (milliseconds since navigation started):
 * - the first chart: the first `figure.chart svg`, or on a page without `figure.chart` (not yet
 *   migrated to the chart component) the first `[data-chart]`;
 * - the first live chart: the same inside `[data-live-section]`, drawn by the page (a figure with
 *   its data-chart name): the first chart drawn at build time (src/tasks/prerender.ts) is in
 *   the HTML, nameless, and counts as the first chart only;
 * - when every `[data-live-section]` reached data-state "done" (or the first "error").
 * Bytes "before the first chart" are the bodies of the responses whose Resource Timing entry ended
 * before the first chart appeared, plus the page itself; gzip sizes are node:zlib's default level
 * (6) on those bodies, since the local server sends them uncompressed. The heavy files that must
 * come after the first chart (tfjs, KaTeX, the live worker's bundle) are named when any of them
 * arrived before it.
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page, Response } from "playwright-core";
import { openPage, openSession, type Session } from "../browser/harness.ts";

/** Every page path of the site: "/" and each page of observablehq.config.ts, in sidebar order. */
export async function sitePaths(): Promise<string[]> {
  type Entry = { path?: string; pages?: Entry[] };
  const config = (await import("../../observablehq.config.ts")).default as { pages: Entry[] };
  const paths: string[] = [];
  const visit = (entries: Entry[]) => {
    for (const entry of entries) {
      if (entry.path) paths.push(entry.path);
      if (entry.pages) visit(entry.pages);
    }
  };
  visit(config.pages);
  return ["/", ...paths];
}

interface Marks {
  figureChart?: number;
  anyChart?: number;
  liveFigureChart?: number;
  liveAnyChart?: number;
  liveDone?: number;
  liveError?: number;
  liveSections: number;
  migrated: boolean;
  loaded?: number;
}

/** Runs in the page before its scripts: timestamps the first appearance of each signal. */
function probe() {
  performance.setResourceTimingBufferSize(100_000);
  const marks: Marks = { liveSections: 0, migrated: false };
  (globalThis as unknown as { __loadBench: Marks }).__loadBench = marks;
  const first = (key: keyof Marks, selector: string, now: number) => {
    if (marks[key] === undefined && document.querySelector(selector)) {
      (marks as unknown as Record<string, number>)[key] = now;
    }
  };
  const check = () => {
    const now = performance.now();
    first("figureChart", "figure.chart svg", now);
    first("anyChart", "[data-chart]", now);
    first("liveFigureChart", "[data-live-section] figure.chart[data-chart] svg", now);
    first("liveAnyChart", "[data-live-section] [data-chart]", now);
    const sections = [...document.querySelectorAll<HTMLElement>("[data-live-section]")];
    marks.liveSections = sections.length;
    marks.migrated ||= document.querySelector("figure.chart") !== null;
    if (sections.length && marks.liveDone === undefined) {
      if (sections.every((s) => s.dataset.state === "done")) marks.liveDone = now;
    }
    if (marks.liveError === undefined && sections.some((s) => s.dataset.state === "error")) {
      marks.liveError = now;
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["data-state", "data-chart", "class"],
  });
  addEventListener("load", () => {
    marks.loaded = performance.now();
    check();
  });
}

interface Bytes {
  jsRaw: number;
  jsGzip: number;
  allRaw: number;
  allGzip: number;
}

interface Body {
  raw: number;
  gzip: number;
  javascript: boolean;
}

export interface PageLoad {
  path: string;
  /** Milliseconds from navigation start; undefined where the page has no such signal. */
  firstChart?: number;
  firstLiveChart?: number;
  liveDone?: number;
  liveError: boolean;
  /** Whether the byte counts are at the first chart (true) or, for a page without one, at load. */
  bytesAtChart: boolean;
  bytes: Bytes;
  /** Everything that arrived by the time the page finished: live sections done, network quiet. */
  total: Bytes;
  /** Which of tfjs, KaTeX and the live worker arrived before the first chart (in any run). */
  heavyBeforeChart: string[];
  foreignRequests: string[];
}

/** The files a first chart must not wait behind, by what they are. */
export function heavyKind(url: string): string | undefined {
  const path = new URL(url).pathname;
  if (/\/@tensorflow\//.test(path)) return "tfjs";
  if (/\/katex@/.test(path)) return "KaTeX";
  if (/live-worker[^/]*\.js$/.test(path)) return "live worker";
  return undefined;
}

function isJavaScript(response: Response): boolean {
  const type = response.headers()["content-type"] ?? "";
  return /javascript/.test(type) || /\.m?js(\?|#|$)/.test(new URL(response.url()).pathname);
}

/**
 * How many times slower than this machine the pages' main thread runs (Chromium's CPU
 * throttling), from BENCH_LOAD_CPU_SLOWDOWN: 4 stands for a slow phone, where a first chart takes
 * seconds and anything on a timer would overtake it. 1 (the default) throttles nothing.
 */
const cpuSlowdown = Number(Deno.env.get("BENCH_LOAD_CPU_SLOWDOWN") ?? 1);

/** A session whose new pages carry the probe and hand every response body to `record`. */
function instrumented(session: Session, record: (response: Response) => void): Session {
  const browser = new Proxy(session.browser, {
    get(target, key) {
      if (key === "newPage") {
        return async (...args: Parameters<Browser["newPage"]>): Promise<Page> => {
          const page = await target.newPage(...args);
          if (cpuSlowdown > 1) {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
          }
          await page.addInitScript(probe);
          page.on("response", record);
          return page;
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...session, browser };
}

/** Opens one page cold and waits until it has drawn (or `timeout` ms passed). */
export async function measurePageLoad(
  session: Session,
  path: string,
  timeout = 120_000,
): Promise<PageLoad> {
  const bodies = new Map<string, Promise<Body>>();
  const record = (response: Response) => {
    if (!response.ok()) return;
    bodies.set(
      response.url(),
      response.body().then((body) => ({
        raw: body.length,
        gzip: gzipSync(body).length,
        javascript: isJavaScript(response),
      }), () => ({ raw: 0, gzip: 0, javascript: false })),
    );
  };
  const { page, foreignRequests } = await openPage(instrumented(session, record), path);
  try {
    // Finished: every live section is done (or failed) and the network has been quiet
    // (Playwright's "networkidle": no request for 500 ms), so the totals hold the whole load.
    let idle = false;
    page.waitForLoadState("networkidle", { timeout }).then(() => idle = true, () => {});
    const started = performance.now();
    while (performance.now() - started < timeout) {
      const m = await page.evaluate(() =>
        (globalThis as unknown as { __loadBench: Marks }).__loadBench
      );
      const settled = m.liveSections === 0 || m.liveDone !== undefined ||
        m.liveError !== undefined;
      if (idle && settled) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { marks, arrivals } = await page.evaluate(() => {
      const marks = (globalThis as unknown as { __loadBench: Marks }).__loadBench;
      const navigation = performance.getEntriesByType("navigation")[0] as
        | PerformanceNavigationTiming
        | undefined;
      const arrivals = performance.getEntriesByType("resource").map((entry) => ({
        url: entry.name,
        end: (entry as PerformanceResourceTiming).responseEnd,
      }));
      if (navigation) arrivals.push({ url: location.href, end: navigation.responseEnd });
      return { marks, arrivals };
    });
    const firstChart = marks.migrated ? marks.figureChart : marks.anyChart;
    const firstLiveChart = marks.migrated ? marks.liveFigureChart : marks.liveAnyChart;
    const arrivedBy = async (cutoff: number): Promise<Bytes> => {
      const bytes = { jsRaw: 0, jsGzip: 0, allRaw: 0, allGzip: 0 };
      const counted = new Set<string>();
      for (const { url, end } of arrivals) {
        const body = bodies.get(url);
        if (end > cutoff || !body || counted.has(url)) continue;
        counted.add(url);
        const { raw, gzip, javascript } = await body;
        bytes.allRaw += raw;
        bytes.allGzip += gzip;
        if (javascript) {
          bytes.jsRaw += raw;
          bytes.jsGzip += gzip;
        }
      }
      return bytes;
    };
    const cutoff = firstChart ?? marks.loaded ?? Infinity;
    const bytes = await arrivedBy(cutoff);
    const total = await arrivedBy(Infinity);
    const heavy = arrivals.filter(({ end }) => end <= cutoff).map(({ url }) => heavyKind(url));
    return {
      path,
      firstChart,
      firstLiveChart,
      liveDone: marks.liveDone,
      liveError: marks.liveError !== undefined,
      bytesAtChart: firstChart !== undefined,
      bytes,
      total,
      heavyBeforeChart: [...new Set(heavy.filter((kind) => kind !== undefined))].sort(),
      foreignRequests,
    };
  } finally {
    await page.context().close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of each figure over repeated cold loads (undefined if any run lacked it). */
export function medianLoad(runs: PageLoad[]): PageLoad {
  const pick = (f: (r: PageLoad) => number | undefined) => {
    const values = runs.map(f);
    return values.every((v) => v !== undefined) ? median(values as number[]) : undefined;
  };
  const bytes = (f: (r: PageLoad) => Bytes): Bytes => ({
    jsRaw: median(runs.map((r) => f(r).jsRaw)),
    jsGzip: median(runs.map((r) => f(r).jsGzip)),
    allRaw: median(runs.map((r) => f(r).allRaw)),
    allGzip: median(runs.map((r) => f(r).allGzip)),
  });
  return {
    path: runs[0].path,
    firstChart: pick((r) => r.firstChart),
    firstLiveChart: pick((r) => r.firstLiveChart),
    liveDone: pick((r) => r.liveDone),
    liveError: runs.some((r) => r.liveError),
    bytesAtChart: runs.every((r) => r.bytesAtChart),
    bytes: bytes((r) => r.bytes),
    total: bytes((r) => r.total),
    heavyBeforeChart: [...new Set(runs.flatMap((r) => r.heavyBeforeChart))].sort(),
    foreignRequests: [...new Set(runs.flatMap((r) => r.foreignRequests))],
  };
}

const kB = (n: number) => `${(n / 1000).toFixed(0)} kB`;
const ms = (n: number | undefined) => (n === undefined ? "n/a" : `${n.toFixed(0)} ms`);

/** The report: one row per page, bytes in kB (1,000 bytes). */
export function loadTable(loads: PageLoad[]): string {
  const header = [
    "page",
    "JS raw",
    "JS gzip",
    "all raw",
    "all gzip",
    "first chart",
    "first live chart",
    "live done",
    "JS gzip, all loaded",
    "heavy before chart",
  ];
  const rows = loads.map((load) => {
    const mark = load.bytesAtChart ? "" : " *";
    return [
      load.path,
      kB(load.bytes.jsRaw) + mark,
      kB(load.bytes.jsGzip) + mark,
      kB(load.bytes.allRaw) + mark,
      kB(load.bytes.allGzip) + mark,
      ms(load.firstChart),
      ms(load.firstLiveChart),
      load.liveError ? "error" : ms(load.liveDone),
      kB(load.total.jsGzip),
      load.heavyBeforeChart.join(" + ") || "none",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ");
  const notes = loads.some((load) => !load.bytesAtChart)
    ? ["* no chart on the page: bytes that had arrived at the load event"]
    : [];
  return [line(header), ...rows.map(line), ...notes].join("\n");
}

/**
 * Loads every page `repeats` times cold and prints the table of medians. BENCH_LOAD_REPEATS sets
 * the repeats and BENCH_LOAD_PATHS (comma-separated, e.g. "/pages/momentum") a subset of pages,
 * for a quick comparison on a busy machine.
 */
export async function benchPageLoads(
  repeats = Number(Deno.env.get("BENCH_LOAD_REPEATS") ?? 5),
): Promise<PageLoad[]> {
  const chosen = Deno.env.get("BENCH_LOAD_PATHS")?.split(",").map((path) => path.trim());
  const paths = (await sitePaths()).filter((path) => !chosen || chosen.includes(path));
  const session = await openSession();
  const loads: PageLoad[] = [];
  try {
    for (const path of paths) {
      const runs: PageLoad[] = [];
      for (let i = 0; i < repeats; i++) runs.push(await measurePageLoad(session, path));
      loads.push(medianLoad(runs));
    }
  } finally {
    await session.close();
  }
  const slowdown = cpuSlowdown > 1 ? `, CPU ${cpuSlowdown}× slower` : "";
  console.log(
    `first load per page (headless Chromium${slowdown}, cold cache, median of ${repeats}; ` +
      "JavaScript and everything that had arrived when the first chart appeared; times from " +
      "navigation start):",
  );
  console.log(loadTable(loads));
  for (const load of loads) {
    if (load.foreignRequests.length) {
      console.log(`${load.path}: requests to other origins: ${load.foreignRequests.join(", ")}`);
    }
  }
  return loads;
}
