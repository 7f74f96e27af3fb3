/**
 * The dropout-digits page on one backend: how long one live training run takes at the page's
 * defaults (both networks, 8 epochs on 3,000 digits) and the longest main-thread task it causes;
 * then, on short runs, every control timed from its input event to the live chart redrawn for
 * the new settings (the run's first frame) and to its first trained epoch.
 */
import { openSession } from "../../browser/harness.ts";
import { measureFrame, stats } from "../pageLatency.ts";
import type { Page } from "playwright-core";

const atRest = (page: Page, timeout = 600_000) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>("[data-live-section]")].every((s) =>
        s.dataset.state === "done"
      ),
    undefined,
    { timeout, polling: 50 },
  );

const longestTask = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    const longest = Math.max(0, ...g.__longTasks);
    g.__longTasks = [];
    return longest;
  });

export async function latency(
  backend: string,
  webgpu: boolean,
  repeats = 11,
): Promise<void> {
  const session = await openSession({ webgpu });
  const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.addInitScript(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  try {
    // One full run at the defaults: the training time per backend.
    await page.goto(`${session.origin}/pages/dropout-digits?backend=${backend}`);
    try {
      await atRest(page, 300_000);
    } catch {
      console.log(`  ${backend.padEnd(6)} the default run did not finish in 300 s`);
      return;
    }
    const run = await page.evaluate(() =>
      (globalThis as unknown as {
        __explorables: { backend: string; lastDigits: { elapsedMs: number } };
      }).__explorables
    );
    console.log(
      `  ${
        backend.padEnd(6)
      } one live run at the defaults (two networks × 8 epochs, ran on ${run.backend}): ${
        (run.lastDigits.elapsedMs / 1000).toFixed(1)
      } s; longest main-thread task ${(await longestTask(page)).toFixed(0)} ms`,
    );
    // Short runs for the controls, so each move is timed from a page at rest.
    await page.goto(`${session.origin}/pages/dropout-digits?backend=${backend}&epochs=2&n=20`);
    await atRest(page);
    await longestTask(page);
    const controls: [string, (i: number) => number][] = [
      ["keep probability, inputs", (i) => Number((0.3 + 0.05 * (i % 8)).toFixed(2))],
      ["keep probability, hidden units", (i) => Number((0.3 + 0.05 * (i % 8)).toFixed(2))],
      ["cheating feature strength s", (i) => 0.5 * (i % 10)],
      ["training digits per class", (i) => 10 + 10 * (i % 3)],
      ["epochs", (i) => 1 + (i % 2)],
      ["learning rate", (i) => [0.0005, 0.002, 0.001][i % 3]],
      ["seed", (i) => 2 + i],
    ];
    for (const [label, valueAt] of controls) {
      const first: number[] = [];
      const work: number[] = [];
      const epoch: number[] = [];
      for (let i = 0; i < repeats; i++) {
        await atRest(page);
        const frame = await measureFrame(page, label, valueAt(i), "digit-live-curves", 0);
        first.push(frame.total);
        work.push(frame.work);
        await atRest(page);
        // Epoch 0 (the untrained network) and epoch 1 scored: the first trained point drawn.
        epoch.push(
          (await measureFrame(page, label, valueAt(i + repeats), "digit-live-curves", 2)).total,
        );
      }
      await atRest(page);
      console.log(
        `  ${backend.padEnd(6)} ${label.padEnd(31)} chart redrawn: ${
          stats(first)
        } (work in the frame ${stats(work)}); first trained epoch drawn: ${
          stats(epoch)
        }; longest task ${(await longestTask(page)).toFixed(0)} ms`,
      );
    }
  } finally {
    await session.close();
  }
}
