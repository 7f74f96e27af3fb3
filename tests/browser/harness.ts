/** Shared set-up for browser tests: the built site on a loopback port and Debian's Chromium. */
import assert from "node:assert/strict";
import { type Browser, chromium, type Page } from "playwright-core";
import { serveStatic } from "../../src/tasks/serve.ts";
import config from "../../observablehq.config.ts";

export const distDir = Deno.env.get("EXPLORABLES_DIST") ?? "dist";

/** "/" and every page listed in observablehq.config.ts, in the sidebar's order. */
export const sitePaths: string[] = [
  "/",
  ...config.pages.flatMap((section) => section.pages.map((page) => page.path)),
];

export const baseArgs = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
export const webgpuArgs = ["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader"];

export interface Session {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** Starts the static server and a headless Chromium with a fresh profile (Playwright makes one). */
export async function openSession({ webgpu = false } = {}): Promise<Session> {
  const server = serveStatic(distDir);
  const origin = `http://127.0.0.1:${server.addr.port}`;
  const executablePath = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: webgpu ? [...baseArgs, ...webgpuArgs] : [...baseArgs, "--disable-gpu"],
  });
  return {
    browser,
    origin,
    async close() {
      await browser.close();
      await server.shutdown();
    },
  };
}

export type ColorScheme = "light" | "dark";

export interface PageOptions {
  /** Emulated `prefers-color-scheme`; the browser's default (light) when absent. */
  colorScheme?: ColorScheme;
  viewport?: { width: number; height: number };
  /** Runs on the new page before it navigates (e.g. to start a trace of its load). */
  beforeGoto?: (page: Page) => Promise<unknown>;
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
  /** Every console error and warning and every uncaught exception, tagged with the phase it came in. */
  console: ConsoleLog;
}

/**
 * Opens a page (in its own browser context) and records console errors, uncaught exceptions and
 * requests to other origins from before navigation, so nothing said during load is missed.
 */
export async function openPage(
  session: Session,
  path: string,
  { colorScheme, viewport = { width: 1200, height: 900 }, beforeGoto }: PageOptions = {},
): Promise<Watched> {
  const page = await session.browser.newPage({ viewport, ...(colorScheme ? { colorScheme } : {}) });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  const foreignRequests = collectForeignRequests(page, session.origin);
  const log = collectConsole(page);
  await beforeGoto?.(page);
  await page.goto(`${session.origin}${path}`, { waitUntil: "load" });
  return { page, consoleErrors, foreignRequests, console: log };
}

/** Test options for browser tests: Playwright keeps sockets and timers that outlive one test. */
export const browserTest = { sanitizeOps: false, sanitizeResources: false } as const;

/** URLs the page asked for outside `origin` (data: and blob: URLs are the page's own). */
export function collectForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  return foreign;
}

export interface ConsoleEntry {
  type: "error" | "warning" | "pageerror";
  text: string;
  /** What the test was doing when it came, e.g. "load" or "width 320". */
  phase: string;
}

/**
 * The one console message our pages may cause that is not ours: Chromium warns "No available
 * adapters." when the live worker asks for a WebGPU adapter on a machine that has none, before the page
 * falls back to WebAssembly.
 */
export const noWebgpuAdapterWarning = "No available adapters.";

export function isAllowedConsoleEntry(entry: ConsoleEntry): boolean {
  return entry.type === "warning" && entry.text.startsWith(noWebgpuAdapterWarning);
}

export interface ConsoleLog {
  entries: ConsoleEntry[];
  /** Label given to messages from now on. */
  phase: string;
  /** Entries other than the allowed "No available adapters." warning. */
  unexpected(): ConsoleEntry[];
}

/** Records console errors and warnings and uncaught exceptions, each with the current phase. */
export function collectConsole(page: Page): ConsoleLog {
  const log: ConsoleLog = {
    entries: [],
    phase: "load",
    unexpected: () => log.entries.filter((entry) => !isAllowedConsoleEntry(entry)),
  };
  page.on("console", (message) => {
    const type = message.type();
    if (type === "error" || type === "warning") {
      // "Failed to load resource" names no URL in its text; its location does.
      const url = message.location().url;
      const text = message.text();
      log.entries.push({
        type,
        text: url && !text.includes(url) ? `${text} (${url})` : text,
        phase: log.phase,
      });
    }
  });
  page.on("pageerror", (error) => {
    log.entries.push({ type: "pageerror", text: String(error), phase: log.phase });
  });
  return log;
}

/**
 * Waits until the page has finished drawing: every `[data-live-section]` has data-state "done".
 * A page without a live section is finished at load. A section in "error" throws with its status,
 * unless `acceptErrors` (a run that ends in a message for the reader has finished too).
 */
export async function waitForDrawn(
  page: Page,
  { timeout = 120_000, acceptErrors = false } = {},
): Promise<void> {
  const handle = await page.waitForFunction(
    (acceptErrors) => {
      const sections = [...document.querySelectorAll<HTMLElement>("[data-live-section]")];
      if (acceptErrors) {
        const ended = sections.every((s) =>
          s.dataset.state === "done" || s.dataset.state === "error"
        );
        return ended ? { error: "" } : null;
      }
      const failed = sections.find((section) => section.dataset.state === "error");
      if (failed) {
        const status = failed.querySelector("[role=status]")?.textContent ?? failed.textContent;
        return {
          error: `live section "${failed.dataset.liveSection}" is in error: ${status?.trim()}`,
        };
      }
      return sections.every((section) => section.dataset.state === "done") ? { error: "" } : null;
    },
    acceptErrors,
    { timeout, polling: 100 },
  );
  const { error } = (await handle.jsonValue()) as { error: string };
  if (error) throw new Error(error);
}

/** Lets layout and ResizeObserver-driven redraws happen: two animation frames, then `ms`. */
export async function settle(page: Page, ms = 150): Promise<void> {
  await page.evaluate(twoFrames);
  await page.waitForTimeout(ms);
}

/**
 * Two animation frames, in the page. Chromium may stop a page's frames while another page is in
 * front (quality loads the next page while it checks this one), and a page.evaluate waits for
 * ever: after 200 ms without a frame it goes on.
 */
function twoFrames(): Promise<void> {
  const frame = () =>
    new Promise<void>((resolve) => {
      requestAnimationFrame(() => resolve());
      setTimeout(resolve, 200);
    });
  return frame().then(frame);
}

/**
 * Waits for a redraw to finish: two animation frames (a resize's observers and the runtime's
 * recomputation run in them), then until the page's DOM has not changed for `quietMs` (charts
 * redraw by replacing nodes), at most `maxMs`. Faster than a fixed wait, and no less sure.
 */
export async function settleQuiet(page: Page, { quietMs = 50, maxMs = 2_000 } = {}): Promise<void> {
  await page.evaluate(twoFrames);
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((resolve) => {
        const done = () => {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(deadline);
          resolve();
        };
        let timer = setTimeout(done, quietMs);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quietMs);
        });
        const deadline = setTimeout(done, maxMs);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      }),
    { quietMs, maxMs },
  );
}

export interface OpenOptions extends PageOptions {
  /** Open in the file's WebGPU browser (Chromium's software adapter) instead of the plain one. */
  webgpu?: boolean;
}

export interface BrowserFixture {
  /** The file's browser and static server, started on first use (one plain, one with WebGPU). */
  session(options?: { webgpu?: boolean }): Promise<Session>;
  /** Opens `path` as openPage does; the page is closed and its console checked after the test. */
  open(path: string, options?: OpenOptions): Promise<Watched>;
  /** A browser test: it may run alone (`--filter`), in any order. */
  test(definition: { name: string; fn: () => Promise<void> }): void;
}

/**
 * One browser fixture per test file. Each test opens the pages it needs; the browsers start on the
 * first test that asks and close after the file's last test (Deno.test.afterAll), so no test
 * depends on another having run first. After each test every page it opened is closed, and
 * one that logged a console error or an uncaught exception fails the test: no page test has to
 * say "with no console error" again.
 */
export function browserFixture(): BrowserFixture {
  const sessions = new Map<boolean, Promise<Session>>();
  let opened: Watched[] = [];
  const session = ({ webgpu = false } = {}) => {
    if (!sessions.has(webgpu)) sessions.set(webgpu, openSession({ webgpu }));
    return sessions.get(webgpu)!;
  };
  Deno.test.afterAll(async () => {
    for (const started of sessions.values()) await (await started).close();
  });
  return {
    session,
    async open(path, { webgpu = false, ...options } = {}) {
      const watched = await openPage(await session({ webgpu }), path, options);
      opened.push(watched);
      return watched;
    },
    test({ name, fn }) {
      Deno.test({
        name,
        ...browserTest,
        async fn() {
          opened = [];
          try {
            await fn();
            for (const { page, consoleErrors } of opened) {
              assert.deepEqual(consoleErrors, [], `console errors on ${page.url()}`);
            }
          } finally {
            for (const { page } of opened) await page.close().catch(() => {});
            opened = [];
          }
        },
      });
    },
  };
}

/** How waitForHook compares a hook's fields with the wanted values. */
export interface HookMatch {
  /**
   * Where the hook keeps the values `want` names: "settings" (most pages), "params", or "" for
   * fields on the hook itself.
   */
  field?: string;
  /** Numbers match within this absolute distance; otherwise values must be equal (as JSON). */
  tolerance?: number;
  /** Also wait until this live section says "done" (a hook written before it ends must not count). */
  section?: string;
  timeout?: number;
  polling?: number;
}

/**
 * Waits for the page's test hook `globalThis.__explorables[name]` to hold a result whose settings
 * match `want` (a stale result, from before the last control move, must not count), and returns it.
 */
export async function waitForHook<T>(
  page: Page,
  name: string,
  want: Record<string, unknown> = {},
  { field = "settings", tolerance, section, timeout = 60_000, polling = 100 }: HookMatch = {},
): Promise<T> {
  const handle = await page.waitForFunction(
    ({ name, want, field, tolerance, section }) => {
      const hook = (globalThis as unknown as { __explorables?: Record<string, unknown> })
        .__explorables?.[name] as Record<string, unknown> | undefined;
      if (!hook) return null;
      if (section) {
        const state = document.querySelector<HTMLElement>(
          `[data-live-section="${CSS.escape(section)}"]`,
        )?.dataset.state;
        if (state !== "done") return null;
      }
      const values = (field ? hook[field] : hook) as Record<string, unknown> | undefined;
      if (!values) return null;
      const same = (got: unknown, wanted: unknown) =>
        tolerance !== undefined && typeof wanted === "number"
          ? Math.abs(Number(got) - wanted) < tolerance
          : JSON.stringify(got) === JSON.stringify(wanted);
      return Object.entries(want).every(([key, value]) => same(values[key], value)) ? hook : null;
    },
    { name, want, field, tolerance, section },
    { timeout, polling },
  );
  return (await handle.jsonValue()) as T;
}
