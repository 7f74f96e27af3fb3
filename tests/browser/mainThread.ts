/**
 * The page's main-thread tasks, read from a Chromium trace: issue 20 holds that no live run blocks
 * the page, so every live computation runs in a worker and the main thread only draws.
 *
 * Times are CPU time (`tdur`), the page's own work: on a machine whose cores are shared with other
 * jobs, wall time (and the browser's `longtask` entries) also counts the time the thread waited
 * for a core. Wall times are returned too, for reports.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";

/**
 * The tasks from the first live run on (liveSection's "live run: <name>" User Timing mark): the
 * page's load before it is Framework's own start-up, not live work. The whole trace when the page
 * made no live run.
 */
export interface MainThreadTasks {
  /** The longest task's CPU time, ms. */
  cpuMs: number;
  /** The longest task's wall time, ms. */
  wallMs: number;
  /** How many tasks the trace holds. */
  count: number;
}

/** Starts tracing the browser that shows `page`; the function it returns stops and reads the trace. */
export async function traceMainThread(page: Page): Promise<() => Promise<MainThreadTasks>> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
  return async () => mainThreadTasks(await browser.stopTracing());
}

/** The main-thread tasks of a Chromium trace (the renderer's "CrRendererMain" threads). */
export function mainThreadTasks(trace: Uint8Array): MainThreadTasks {
  const { traceEvents } = JSON.parse(new TextDecoder().decode(trace)) as {
    traceEvents: {
      name: string;
      ph: string;
      pid: number;
      tid: number;
      ts: number;
      dur?: number;
      tdur?: number;
      args?: { name?: string };
    }[];
  };
  const main = new Set(
    traceEvents.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const firstRun = Math.min(
    ...traceEvents.filter((e) => e.name.startsWith("live run: ")).map((e) => e.ts),
  );
  const tasks = traceEvents.filter((e) =>
    // "RunTask" in older Chromium, "ThreadControllerImpl::RunTask" in newer.
    /(^|::)RunTask$/.test(e.name) && e.ph === "X" && main.has(`${e.pid}:${e.tid}`) &&
    (!Number.isFinite(firstRun) || e.ts + (e.dur ?? 0) >= firstRun)
  );
  assert.ok(tasks.length > 0, "the trace holds no main-thread task");
  return {
    cpuMs: Math.max(...tasks.map((e) => (e.tdur ?? 0) / 1000)),
    wallMs: Math.max(...tasks.map((e) => (e.dur ?? 0) / 1000)),
    count: tasks.length,
  };
}
