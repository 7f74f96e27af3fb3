/**
 * The cnn-training page on one backend: one training epoch's time (the default ten-epoch run, its
 * steps only, scoring excluded), the whole run, the longest main-thread task while it trains, and
 * every control's latency from the input event to the first redraw of the chart it drives (median
 * and p95 over 11 moves, each made after the previous run finished, one epoch a run).
 */
import type { Page } from "playwright-core";
import { openPage, openSession } from "../../browser/harness.ts";
import { setControl } from "../../browser/controls.ts";
import {
  type ControlTiming,
  quantile,
  timeMove,
  timingLine,
} from "../../browser/convolutionMoves.ts";

/** Each control with values to cycle through and the chart it redraws. */
const CONTROLS: [string, (i: number) => string | number, string][] = [
  ["batch norm", (i) => (i % 2 ? "on" : "off"), "live-accuracy"],
  ["dropout", (i) => (i % 2 ? "on" : "off"), "live-accuracy"],
  ["drop rate r", (i) => (0.3 + 0.05 * (i % 5)).toFixed(2), "live-accuracy"],
  ["batch size", (i) => 20 + 5 * (i % 4), "live-accuracy"],
  ["learning rate", (i) => Math.log([0.01, 0.02, 0.05][i % 3]), "live-accuracy"],
  ["epochs", (i) => 2 - (i % 2), "live-accuracy"],
  ["seed", (i) => 2 + (i % 5), "live-accuracy"],
  ["test digit", (i) => 2 + i, "feature-maps"],
  ["network", (i) => (i % 2 ? "precomputed" : "your last run"), "filters"],
];

interface Hooks {
  __explorables?: {
    lastCnnRun?: {
      epochMs: number[];
      elapsedMs: number;
      longestSliceMs: number;
      settings: { seed: number };
    };
    lastInside?: unknown;
  };
  __longTasks?: number[];
}

const TRAINING = new Set([
  "batch norm",
  "dropout",
  "drop rate r",
  "batch size",
  "learning rate",
  "epochs",
  "seed",
]);

/** Every live section done, and (when `after` is given) a newer run or inside view than that. */
async function idle(page: Page, after?: { training: boolean }) {
  await page.waitForFunction(
    (after) => {
      const hooks = (globalThis as unknown as Hooks).__explorables;
      const sections = [...document.querySelectorAll<HTMLElement>("[data-live-section]")];
      if (!sections.every((s) => s.dataset.state === "done")) return false;
      if (!after) return true;
      const [run, inside] = (globalThis as unknown as { __marks: unknown[] }).__marks;
      return after.training ? hooks?.lastCnnRun !== run : hooks?.lastInside !== inside;
    },
    after,
    { timeout: 300_000, polling: 50 },
  );
}

/** Remembers the current run and inside view, so that idle() can wait for newer ones. */
const mark = (page: Page) =>
  page.evaluate(() => {
    const hooks = (globalThis as unknown as Hooks).__explorables;
    (globalThis as unknown as { __marks: unknown[] }).__marks = [
      hooks?.lastCnnRun,
      hooks?.lastInside,
    ];
  });

export async function latency(backend: string, webgpu: boolean): Promise<void> {
  const session = await openSession({ webgpu });
  try {
    const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (globalThis as unknown as Hooks).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${session.origin}/pages/cnn-training?backend=${backend}`);
    await idle(page);
    const atLoad = await page.evaluate(() =>
      (globalThis as unknown as Hooks).__longTasks!.splice(0)
    );
    // A second default run (seed 2), timed on its own, after the page has settled.
    await mark(page);
    await setControl(page, "seed", 2);
    await idle(page, { training: true });
    const { run, longTasks } = await page.evaluate(() => ({
      run: (globalThis as unknown as Hooks).__explorables?.lastCnnRun,
      longTasks: (globalThis as unknown as Hooks).__longTasks ?? [],
    }));
    if (!run) throw new Error("no finished run");
    const epoch = quantile(run.epochMs, 0.5);
    console.log(
      `  ${backend.padEnd(6)} one epoch (500 digits, 20 steps): median ${epoch.toFixed(0)} ms, ` +
        `range ${Math.min(...run.epochMs).toFixed(0)}–${Math.max(...run.epochMs).toFixed(0)} ms; ` +
        `10 epochs with scoring ${
          (run.elapsedMs / 1000).toFixed(1)
        } s; the trainer's longest slice ` +
        `${run.longestSliceMs.toFixed(0)} ms; main-thread tasks over ` +
        `50 ms during that run: ${longTasks.length} (longest ${
          Math.max(0, ...longTasks).toFixed(0)
        } ms, ` +
        `${
          longTasks.filter((t) => t > 100).length
        } over 100 ms); while loading the page: longest ` +
        `${Math.max(0, ...atLoad).toFixed(0)} ms`,
    );
    await page.close();

    const { page: moves } = await openPage(
      session,
      `/pages/cnn-training?backend=${backend}&epochs=1`,
    );
    await idle(moves);
    for (const [label, valueAt, chart] of CONTROLS) {
      const timing: ControlTiming = { label, total: [], work: [], frames: [] };
      for (let i = 0; i < 11; i++) {
        await mark(moves);
        const move = await timeMove(moves, label, valueAt(i), chart);
        timing.total.push(move.total);
        timing.work.push(move.work);
        timing.frames.push(move.frames);
        await idle(moves, { training: TRAINING.has(label) });
      }
      console.log(`  ${backend.padEnd(6)} ${timingLine(timing)}`);
    }
  } finally {
    await session.close();
  }
}
