/**
 * The dropout-toy page: every control timed from its input event to the weight-path chart
 * answering and to the first trained chunk drawn (median and p95), on one backend.
 */
import { openPage, openSession } from "../../browser/harness.ts";
import { measure, stats } from "../pageLatency.ts";

export async function latency(backend: string, webgpu: boolean, repeats = 11): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/dropout-toy?backend=${backend}&steps=2000`);
  await page.waitForFunction(
    () => (globalThis as { __explorables?: { lastRun?: unknown } }).__explorables?.lastRun,
    undefined,
    { timeout: 60_000 },
  );
  const controls: [string, (i: number) => string | number][] = [
    ["drop rate r", (i) => (0.1 + (i % 8) / 10).toFixed(2)],
    ["batch size", (i) => [8, 64, 16, 128][i % 4]],
    ["learning rate", (i) => [0.001, 0.002, 0.003][i % 3]],
    ["steps", (i) => [1000, 2000, 3000][i % 3]],
    ["optimiser", (i) => (i % 2 ? "sgd" : "adam")],
    ["seed", (i) => i + 2],
  ];
  for (const [label, valueAt] of controls) {
    const first: number[] = [];
    const chunk: number[] = [];
    for (let i = 0; i < repeats; i++) {
      first.push(await measure(page, label, valueAt(i), "weight-path", 0));
      chunk.push(await measure(page, label, valueAt(i + repeats), "loss", 1));
    }
    console.log(
      `  ${backend.padEnd(6)} ${label.padEnd(14)} chart answers: ${stats(first)}; ` +
        `first trained chunk drawn: ${stats(chunk)}`,
    );
  }
  await session.close();
}
