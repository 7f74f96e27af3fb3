/**
 * The normalisation-geometry page: every control's move to the redraw of the chart beside it,
 * timed from the input event and from the start of the frame that recomputes the page (median and
 * p95), each move from a page at rest (the tfjs check done). Every chart here is a closed form or
 * a small Float64 simulation; tfjs only runs after them, in the weight-normalisation section.
 */
import { openPage, openSession, waitForDrawn } from "../../browser/harness.ts";
import { quantile, timeMove } from "../../browser/convolutionMoves.ts";

/** Label, values to cycle through (as the slider's own value: the log for log sliders), chart. */
const CONTROLS: [string, (i: number) => number, string][] = [
  ["input mean μ", (i) => Number((-1 + 0.1 * (i % 20)).toFixed(1)), "bn-1d"],
  ["input variance σ²", (i) => Number((0.1 + 0.05 * (i % 20)).toFixed(2)), "bn-1d"],
  ["shift β", (i) => Number((-2 + 0.2 * (i % 20)).toFixed(1)), "bn-1d"],
  ["scale γ", (i) => Number((0.5 + 0.1 * (i % 20)).toFixed(1)), "bn-1d"],
  ["batch size m", (i) => Math.log([4, 16, 64, 256, 1024, 3][i % 6]), "bn-1d"],
  ["batch size m", (i) => Math.log([8, 32, 128, 512, 2][i % 5]), "batch-noise"],
  ["seed", (i) => 2 + (i % 90), "bn-1d"],
  ["mean of x₁", (i) => Number((-1 + 0.1 * (i % 20)).toFixed(1)), "bn-2d"],
  ["variance of x₂", (i) => Number((0.2 + 0.05 * (i % 20)).toFixed(2)), "bn-2d"],
  ["correlation ρ", (i) => Number((-0.9 + 0.1 * (i % 19)).toFixed(1)), "whitening"],
  ["length ‖u₀‖", (i) => Number((0.2 + 0.05 * (i % 40)).toFixed(2)), "weight-norm"],
  ["direction of u₀ (degrees)", (i) => -170 + 10 * (i % 34), "weight-norm"],
  ["length of w, γ", (i) => Number((0.5 + 0.05 * (i % 40)).toFixed(2)), "weight-norm"],
  ["step size η", (i) => Math.log([0.05, 0.1, 0.3, 1][i % 4]), "u-length"],
  ["steps", (i) => 10 + 5 * (i % 30), "effective-step"],
];

const ms = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms`;

export async function latency(
  backend: string,
  webgpu: boolean,
  repeats = 21,
): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/normalisation-geometry?backend=${backend}`);
  await waitForDrawn(page, { timeout: 60_000 });
  for (const [label, valueAt, chart] of CONTROLS) {
    const total: number[] = [];
    const work: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const move = await timeMove(page, label, valueAt(i), chart);
      total.push(move.total);
      work.push(move.work);
      await waitForDrawn(page, { timeout: 60_000 });
    }
    const verdict = quantile(work, 0.95) <= 16 ? "" : "  (p95 work over 16 ms)";
    console.log(
      `  ${backend.padEnd(6)} ${label.padEnd(26)} → ${chart.padEnd(14)} input → chart ${
        ms(total)
      }; work in the frame ${ms(work)}${verdict}`,
    );
  }
  await session.close();
}
