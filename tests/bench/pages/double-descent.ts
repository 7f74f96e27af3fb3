/**
 * The double-descent page: λ and σ reuse the factorisations; N_train, d and the seed redraw the
 * trial, so for those the first (partial) redraw and the complete curve are timed apart.
 */
import { openPage, openSession } from "../../browser/harness.ts";
import { measure, stats } from "../pageLatency.ts";

export async function latency(
  backend: string,
  webgpu: boolean,
  repeats = 7,
): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/double-descent?backend=${backend}`);
  await page.waitForFunction(
    () => (globalThis as { __explorables?: { lastLive?: unknown } }).__explorables?.lastLive,
    undefined,
    { timeout: 60_000 },
  );
  // Long tasks (> 50 ms on the main thread) are what a reader feels as a frozen page.
  await page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const controls: [string, (i: number) => number, boolean][] = [
    ["λ", (i) => [0.003, 0.03, 0.3, 3][i % 4], false],
    ["σ", (i) => [0.2, 0.8, 1.4][i % 3], false],
    ["N_train", (i) => 300 + ((i % 2) ? 10 : -10) * (1 + (i % 3)), true],
    ["d", (i) => 35 + ((i % 2) ? 5 : -5) * (1 + (i % 3)), true],
    ["seed", (i) => 2 + i, true],
  ];
  for (const [label, valueAt, redraws] of controls) {
    const first: number[] = [];
    const complete: number[] = [];
    await page.evaluate(() =>
      (globalThis as unknown as { __longTasks: number[] }).__longTasks = []
    );
    for (let i = 0; i < repeats; i++) {
      first.push(await measure(page, label, valueAt(i), "live-curve", 0));
      if (redraws) {
        complete.push(await measure(page, label, valueAt(i + repeats), "live-curve", 0, true));
      }
    }
    const longest = await page.evaluate(() =>
      Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks)
    );
    console.log(
      `  ${backend.padEnd(6)} ${label.padEnd(8)} chart answers: ${stats(first)}` +
        (redraws ? `; whole curve: ${stats(complete)}` : "") +
        `; longest main-thread task ${longest.toFixed(0)} ms`,
    );
  }
  await session.close();
}
