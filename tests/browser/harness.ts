/** Shared set-up for browser tests: the built site on a loopback port and Debian's Chromium. */
import { type Browser, chromium, type Page } from "playwright-core";
import { serveStatic } from "../../src/tasks/serve.ts";

export const distDir = Deno.env.get("EXPLORABLES_DIST") ?? "dist";

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

export interface Watched {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Opens a page and records console errors, uncaught exceptions and requests to other origins. */
export async function openPage(session: Session, path: string): Promise<Watched> {
  const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(session.origin) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
  });
  await page.goto(`${session.origin}${path}`, { waitUntil: "load" });
  return { page, consoleErrors, foreignRequests };
}

/** Test options for browser tests: Playwright keeps sockets and timers that outlive one test. */
export const browserTest = { sanitizeOps: false, sanitizeResources: false } as const;
