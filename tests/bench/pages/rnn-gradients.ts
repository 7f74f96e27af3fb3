/**
 * The gradients-through-time page: every control's move to its chart's redraw, timed in the page
 * from the input event (median and p95), with the work done after the frame began. The Jacobian
 * controls redraw a Float64 run streamed in slices; the BRNN controls redraw after tfjs's autodiff
 * on the chosen backend. Then one long run (64 units, 200 steps) from the move to its last slice,
 * with the longest main-thread task it caused.
 */
import { openPage, openSession, waitForDrawn } from "../../browser/harness.ts";
import { quantile, timeMove } from "../../browser/convolutionMoves.ts";

const CONTROLS: [string, (i: number) => string | number, string][] = [
  ["spectral norm s of W", (i) => (0.5 + 0.05 * (i % 20)).toFixed(2), "jacobian-norm"],
  ["activation σ", (i) => ["sigmoid", "ReLU", "tanh"][i % 3], "jacobian-norm"],
  ["steps T", (i) => 40 + 10 * (i % 8), "jacobian-norm"],
  [
    "recurrent weights W",
    (i) => (i % 2 ? "orthogonal × s" : "Gaussian, rescaled to norm s"),
    "jacobian-norm",
  ],
  ["resting state c", (i) => (-1 + 0.1 * (i % 20)).toFixed(1), "jacobian-norm"],
  ["input size a", (i) => (0.05 * (1 + (i % 20))).toFixed(2), "jacobian-norm"],
  ["hidden units n", (i) => 8 + 2 * (i % 12), "jacobian-norm"],
  ["seed", (i) => 2 + i, "jacobian-norm"],
  ["BRNN seed", (i) => 2 + i, "brnn-gradient-check"],
  ["sequence length", (i) => 1 + (i % 8), "brnn-gradient-check"],
];

const ms = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms`;

export async function latency(backend: string, webgpu: boolean, repeats = 21): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/rnn-gradients?backend=${backend}`);
  await waitForDrawn(page);
  await page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  for (const [label, valueAt, chart] of CONTROLS) {
    const total: number[] = [];
    const work: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await waitForDrawn(page);
      const move = await timeMove(page, label, valueAt(i), chart);
      total.push(move.total);
      work.push(move.work);
    }
    console.log(
      `  ${backend.padEnd(6)} ${label.padEnd(22)} → ${chart.padEnd(19)} input → chart ${
        ms(total)
      }; work in the frame ${ms(work)}`,
    );
  }
  await waitForDrawn(page);
  await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks = []);
  await timeMove(page, "steps T", 200, "jacobian-norm");
  const started = Date.now();
  await timeMove(page, "hidden units n", 64, "jacobian-norm");
  await waitForDrawn(page);
  const elapsed = Date.now() - started;
  const { longestSlice, longestTask } = await page.evaluate(() => {
    const g = globalThis as unknown as {
      __longTasks: number[];
      __explorables: { rnnJacobian: { longestSliceMs: number } };
    };
    return {
      longestSlice: g.__explorables.rnnJacobian.longestSliceMs,
      longestTask: Math.max(0, ...g.__longTasks),
    };
  });
  console.log(
    `  ${backend.padEnd(6)} n = 64, T = 200: whole run ${elapsed} ms from the move; longest slice ${
      longestSlice.toFixed(1)
    } ms; longest main-thread task ${longestTask.toFixed(0)} ms`,
  );
  await session.close();
}
