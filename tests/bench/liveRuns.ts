/**
 * The `live` bench part (issue 20): per page with live sections, a cold load on the page's default
 * backend, run until every live section is done, with
 * - the time from navigation until every section is done;
 * - the main thread's long tasks over 50 ms the page observed (`longtask`, wall time: on a loaded
 *   machine it counts time the thread waited for a core) and the longest main-thread task in CPU
 *   time from a Chromium trace (the page's own work);
 * - where the live work ran: in the page's worker or on its main thread, and on which backend.
 * Run it on a quiet machine; `EXPLORABLES_DIST` picks the built site (e.g. an older build, for
 * a before/after table).
 */
import { openPage, openSession, waitForDrawn } from "../browser/harness.ts";
import { traceMainThread } from "../browser/mainThread.ts";
import { pagePath, readingOrder } from "../../src/site.ts";

/** Runs in the page before its scripts: records every long task from navigation on. */
function observeLongTasks() {
  const tasks: number[] = [];
  (globalThis as unknown as { __longTasks: number[] }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
}

export interface LiveRunRow {
  path: string;
  backend: string;
  inWorker: boolean;
  doneMs: number;
  longTasks: number[];
  longestCpuMs: number;
}

/** One cold load of `path`, on the backend the page chooses. */
export async function liveRun(
  session: Awaited<ReturnType<typeof openSession>>,
  path: string,
): Promise<LiveRunRow> {
  let stopTrace: (() => ReturnType<Awaited<ReturnType<typeof traceMainThread>>>) | undefined;
  const { page } = await openPage(session, path, {
    beforeGoto: async (page) => {
      await page.addInitScript(observeLongTasks);
      stopTrace = await traceMainThread(page);
    },
  });
  try {
    await waitForDrawn(page, { timeout: 600_000 });
    const read = await page.evaluate(() => {
      const hooks = (globalThis as unknown as {
        __explorables?: { backend?: string; liveWorker?: unknown };
      }).__explorables ?? {};
      const navigation = performance.getEntriesByType("navigation")[0];
      return {
        backend: String(hooks.backend ?? ""),
        inWorker: hooks.liveWorker !== undefined,
        longTasks: (globalThis as unknown as { __longTasks: number[] }).__longTasks,
        doneMs: performance.now() - (navigation?.startTime ?? 0),
      };
    });
    const trace = await stopTrace!();
    stopTrace = undefined;
    return { path, ...read, longestCpuMs: trace.cpuMs };
  } finally {
    await stopTrace?.().catch(() => {});
    await page.close();
  }
}

/** Prints the table: one row per page with live sections. */
export async function benchLiveRuns(): Promise<void> {
  const session = await openSession();
  try {
    console.log(
      "live runs, cold load on the default backend until every live section is done (headless Chromium, this machine):",
    );
    console.log(
      "  page | runs in | backend | done (s) | long tasks > 50 ms (wall) | longest (wall ms) | longest main-thread task (CPU ms)",
    );
    for (const path of readingOrder().map(pagePath)) {
      const row = await liveRun(session, path);
      const longest = row.longTasks.length ? Math.max(...row.longTasks).toFixed(0) : "—";
      console.log(
        `  ${path.split("/").at(-1)} | ${
          row.inWorker ? "worker" : "main thread"
        } | ${row.backend} | ` +
          `${(row.doneMs / 1000).toFixed(1)} | ${row.longTasks.length} | ${longest} | ` +
          `${row.longestCpuMs.toFixed(0)}`,
      );
    }
  } finally {
    await session.close();
  }
}
