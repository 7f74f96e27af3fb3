/**
 * The dropout-and-noise page. Closed-form charts (coefficients, counterexample) must answer their
 * sliders within a frame (p95 ≤ 16 ms); the Monte-Carlo charts restart and must show a first frame
 * within 100 ms and never block the main thread for more than 100 ms while they stream; the
 * activation check runs in tfjs on the chosen backend. Every measurement starts with the page at
 * rest (all live sections done), so the closed-form numbers are not mixed with a running stream.
 */
import { openPage, openSession, waitForDrawn } from "../../browser/harness.ts";
import { measure, measureFrame, stats } from "../pageLatency.ts";

export async function latency(backend: string, webgpu: boolean, repeats = 11): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/dropout-noise?backend=${backend}&draws=5000`);
  await waitForDrawn(page);
  await page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const controls: [string, (i: number) => string | number, string, number][] = [
    ["keep probability p", (i) => (0.3 + (i % 6) / 10).toFixed(2), "coefficients", 0],
    ["n (rows)", (i) => 40 + 10 * (i % 5), "coefficients", 0],
    ["d (features)", (i) => 3 + (i % 4), "coefficients", 0],
    ["label noise", (i) => (0.2 + (i % 5) / 10).toFixed(2), "coefficients", 0],
    ["seed", (i) => 2 + i, "coefficients", 0],
    ["weight a", (i) => (-2 + 0.5 * (i % 8)).toFixed(1), "sigmoid-counterexample", 0],
    ["drop rate r", (i) => (0.1 + 0.05 * (i % 10)).toFixed(2), "sigmoid-counterexample", 0],
    ["keep probability p", (i) => (0.35 + (i % 6) / 10).toFixed(2), "dropout-monte-carlo", 1],
    ["masks", (i) => (i % 2 ? "plain (r)" : "inverted (r/p)"), "dropout-monte-carlo", 1],
    ["noise mean μ", (i) => (-1 + 0.25 * (i % 8)).toFixed(2), "gaussian-monte-carlo", 1],
    ["noise sd σ", (i) => (0.2 + 0.1 * (i % 8)).toFixed(1), "gaussian-monte-carlo", 1],
    ["activation", (i) => ["leaky relu", "sigmoid", "relu"][i % 3], "order-difference", 0],
    ["drop rate r", (i) => (0.15 + 0.05 * (i % 10)).toFixed(2), "order-difference", 0],
  ];
  for (const [label, valueAt, chart, minSteps] of controls) {
    const total: number[] = [];
    const work: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const time = await measureFrame(page, label, valueAt(i), chart, minSteps);
      total.push(time.total);
      work.push(time.work);
      await waitForDrawn(page);
    }
    console.log(
      `  ${backend.padEnd(6)} ${label.padEnd(20)} → ${chart.padEnd(22)} from the frame: ${
        stats(work)
      }; from the input: ${stats(total)}`,
    );
  }
  // Streaming: one long run with the chart redrawing, and the longest main-thread task it caused.
  await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks = []);
  const started = Date.now();
  await measure(page, "Monte Carlo draws", 50000, "dropout-monte-carlo", 1);
  await waitForDrawn(page);
  const longest = await page.evaluate(() =>
    Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks)
  );
  const slice = await page.evaluate(() =>
    (globalThis as unknown as { __explorables: { dropoutMonteCarlo: { longestSliceMs: number } } })
      .__explorables.dropoutMonteCarlo.longestSliceMs
  );
  console.log(
    `  ${backend.padEnd(6)} 50000 draws streamed in ${Date.now() - started} ms; longest slice ${
      slice.toFixed(1)
    } ms; longest main-thread task ${longest.toFixed(0)} ms`,
  );
  await session.close();
}
