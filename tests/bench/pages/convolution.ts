/**
 * The convolution page: every control's closed-form chart, timed from the input event (median and
 * p95 over 21 moves), and the work done in the frame that redraws it, on one backend.
 */
import { openPage, openSession } from "../../browser/harness.ts";
import { quantile, timeEveryControl, timingLine } from "../../browser/convolutionMoves.ts";

export async function latency(backend: string, webgpu: boolean): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/convolution?backend=${backend}`);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>("[data-live-section]")].every((s) =>
        s.dataset.state === "done"
      ),
    undefined,
    { timeout: 60_000 },
  );
  const timings = await timeEveryControl(page, 21);
  for (const t of timings) {
    const verdict = quantile(t.work, 0.95) <= 16 ? "" : "  (p95 work over 16 ms)";
    console.log(`  ${backend.padEnd(6)} ${timingLine(t)}${verdict}`);
  }
  await session.close();
}
