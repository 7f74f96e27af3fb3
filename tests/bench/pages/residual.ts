/**
 * The residual page: every control's slider-to-chart latency on one backend. Each move starts
 * from a page at rest (every live section done) and is timed in the page: from the input event to
 * the chart being replaced ("chart"), and to every live section being done again ("done"). The
 * block's controls redraw a closed-form chart (the case map) and then run TensorFlow.js's autodiff;
 * the network's controls redraw the live gradient charts once the backward pass has values.
 */
import type { Page } from "playwright-core";
import { openPage, openSession, waitForDrawn } from "../../browser/harness.ts";
import { quantile } from "../../browser/convolutionMoves.ts";

/** Each control, the values it cycles through, and the chart it redraws. */
const RESIDUAL_CONTROLS: [string, (i: number) => string | number, string][] = [
  ["x₁, first entry of X₀", (i) => (-2 + 0.25 * (i % 16)).toFixed(2), "block-cases"],
  ["x₂, second entry of X₀", (i) => (-2 + 0.25 * (i % 16)).toFixed(2), "block-cases"],
  ["block weights: seed", (i) => 1 + i, "block-cases"],
  ["block weights: scale", (i) => (0.5 + 0.1 * (i % 20)).toFixed(2), "block-cases"],
  ["depth L", (i) => 25 + (i % 10), "gradient-to-layer"],
  ["width m", (i) => 60 + (i % 10), "gradient-to-layer"],
  ["activation φ", (i) => ["tanh", "ReLU", "sigmoid"][i % 3], "gradient-to-layer"],
  ["σ (weight std × √m)", (i) => (0.8 + 0.05 * (i % 10)).toFixed(2), "gradient-to-layer"],
  ["seed", (i) => 2 + i, "gradient-to-layer"],
  [
    "what to do to layer j",
    (i) => ["set A_j = 0", "saturate it (φ′ = 0)", "nothing"][i % 3],
    "gradient-to-layer",
  ],
  ["layer j", (i) => 10 + (i % 15), "gradient-to-layer"],
];

/** One move, timed in the page: input → chart replaced, and input → every live section done. */
function timeResidualMove(page: Page, label: string, value: string | number, chart: string) {
  return page.evaluate(
    ({ label, value, chart }) =>
      new Promise<{ chart: number; work: number; done: number }>((resolve, reject) => {
        const form = [...document.querySelectorAll("form")].find((f) =>
          f.querySelector("label")?.textContent?.trim() === label
        );
        if (!form) return reject(new Error(`no control ${label}`));
        const old = document.querySelector(`[data-chart="${chart}"]`);
        const sections = [...document.querySelectorAll<HTMLElement>("[data-live-section]")];
        let chartAt: number | undefined;
        let workAt: number | undefined;
        let left = false;
        // Frame starts: Observable's runtime recomputes in the frame after the input event.
        const frames: number[] = [];
        const watchFrames = () =>
          requestAnimationFrame(() => {
            frames.push(performance.now());
            if (chartAt === undefined && frames.length < 600) watchFrames();
          });
        const check = () => {
          const now = document.querySelector(`[data-chart="${chart}"]`);
          if (chartAt === undefined && now && now !== old) {
            const at = performance.now();
            chartAt = at - started;
            workAt = at - (frames.filter((t) => t <= at).at(-1) ?? started);
          }
          if (sections.some((s) => s.dataset.state !== "done")) left = true;
          const rest = sections.every((s) => s.dataset.state === "done");
          if (chartAt !== undefined && left && rest) {
            observer.disconnect();
            resolve({ chart: chartAt, work: workAt!, done: performance.now() - started });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ["data-state"],
        });
        // Registered before the input, so this frame callback runs before the runtime's.
        watchFrames();
        const started = performance.now();
        const radio = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]")].find((r) =>
          r.parentElement?.textContent?.trim() === String(value)
        );
        if (radio) {
          radio.checked = true;
          radio.dispatchEvent(new Event("input", { bubbles: true }));
        } else {
          const input = form.querySelector<HTMLInputElement>("input[type=range]")!;
          input.value = String(value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        setTimeout(() => reject(new Error(`${label}: no redraw of ${chart} in 20 s`)), 20_000);
      }),
    { label, value, chart },
  );
}

const ms = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms`;

export async function latency(
  backend: string,
  webgpu: boolean,
  repeats = 15,
): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/residual?backend=${backend}`);
  await waitForDrawn(page, { timeout: 60_000 });
  const used = await page.evaluate(() =>
    (globalThis as unknown as { __explorables?: { backend?: string } }).__explorables?.backend
  );
  for (const [label, valueAt, chart] of RESIDUAL_CONTROLS) {
    const charts: number[] = [];
    const work: number[] = [];
    const done: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await waitForDrawn(page, { timeout: 60_000 });
      const t = await timeResidualMove(page, label, valueAt(i), chart);
      charts.push(t.chart);
      work.push(t.work);
      done.push(t.done);
    }
    console.log(
      `  ${String(used).padEnd(6)} ${label.padEnd(24)} → ${chart.padEnd(17)} input → chart ${
        ms(charts)
      } (work in its frame ${ms(work)}); all live sections done: ${ms(done)}`,
    );
  }
  await session.close();
}
