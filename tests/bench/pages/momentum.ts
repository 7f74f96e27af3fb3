/**
 * The momentum page: every control's move to its chart's redraw. The charts are closed forms and
 * small Float64 simulations (the tfjs reference runs after them), so each move is timed from a
 * page at rest (every live section done) to the new chart in the document.
 */
import { openPage, openSession } from "../../browser/harness.ts";
import { measureFrame, sectionsDone, stats } from "../pageLatency.ts";

export async function latency(
  backend: string,
  webgpu: boolean,
  repeats = 30,
): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/momentum?backend=${backend}`);
  const atRest = () => sectionsDone(page, { timeout: 60_000, polling: 20 });
  await atRest();
  await page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const surfaces = ["Rosenbrock valley", "noisy quadratic", "ill-conditioned quadratic"];
  const controls: [string, (i: number) => string | number, string][] = [
    ["surface", (i) => surfaces[i % 3], "trajectory"],
    ["condition number κ", (i) => 20 + 7 * (i % 20), "trajectory"],
    ["gradient noise σ", (i) => ((i % 10) / 10).toFixed(1), "trajectory"],
    ["seed", (i) => 2 + i, "trajectory"],
    ["momentum β", (i) => ((50 + (i % 49)) / 100).toFixed(2), "trajectory"],
    ["step size ε", (i) => [0.3, 0.7, 1.2, 2][i % 4], "trajectory"],
    ["steps", (i) => 100 + 10 * (i % 40), "trajectory"],
    ["start x", (i) => (-1.9 + 0.1 * (i % 30)).toFixed(2), "trajectory"],
    ["start y", (i) => (-0.9 + 0.1 * (i % 30)).toFixed(2), "trajectory"],
    ["race: Adam step η", (i) => [0.01, 0.05, 0.2][i % 3], "race"],
    ["β of the average", (i) => ((50 + (i % 49)) / 100).toFixed(2), "bias"],
    ["noise σ of the gradients", (i) => ((1 + (i % 29)) / 10).toFixed(1), "bias"],
    ["steps t shown", (i) => 5 * (1 + (i % 40)), "bias"],
    ["Adam β₁", (i) => ((50 + (i % 49)) / 100).toFixed(2), "adam-paths"],
    ["Adam β₂", (i) => ((900 + (i % 99)) / 1000).toFixed(3), "adam-paths"],
    ["Adam step η", (i) => [0.05, 0.1, 0.2, 0.3][i % 4], "adam-paths"],
  ];
  const all: number[] = [];
  const allWork: number[] = [];
  for (const [label, valueAt, chart] of controls) {
    const times: number[] = [];
    await page.evaluate(() =>
      (globalThis as unknown as { __longTasks: number[] }).__longTasks = []
    );
    const work: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await atRest();
      const { total: fromInput, work: fromFrame } = await measureFrame(
        page,
        label,
        valueAt(i),
        chart,
        0,
      );
      times.push(fromInput);
      work.push(fromFrame);
    }
    await atRest();
    all.push(...times);
    allWork.push(...work);
    const longest = await page.evaluate(() =>
      Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks)
    );
    console.log(
      `  ${backend.padEnd(6)} ${label.padEnd(24)} from input: ${stats(times)}; ` +
        `page's work in the frame: ${stats(work)}; longest main-thread task ${
          longest.toFixed(0)
        } ms`,
    );
  }
  console.log(
    `  ${backend.padEnd(6)} every control together: from input ${stats(all)}; ` +
      `page's work in the frame ${stats(allWork)}`,
  );
  await session.close();
}
