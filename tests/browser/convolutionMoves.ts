/**
 * Control moves on the convolution page, timed in the page: shared by its browser test and by the
 * latency bench (tests/bench/run.ts --only=convolution).
 */
import type { Page } from "playwright-core";

/**
 * One control move, timed in the page. `total`: from the input event to the named chart being
 * replaced. Framework's runtime recomputes cells at the next animation frame, so `total` includes
 * a wait of up to one frame; `work` is the part after that frame began (the cells' computation
 * and the new chart's DOM), and `frames` counts the frames that began before the chart was in.
 */
export function timeMove(page: Page, label: string, value: string | number, chart: string) {
  return page.evaluate(
    ({ label, value, chart }) =>
      new Promise<{ total: number; work: number; frames: number }>((resolve, reject) => {
        const form = [...document.querySelectorAll("form")].find((f) =>
          f.querySelector("label")?.textContent?.trim() === label
        );
        if (!form) return reject(new Error(`no control ${label}`));
        const old = document.querySelector(`[data-chart="${chart}"]`);
        const frameStarts: number[] = [];
        const watchFrames = () =>
          requestAnimationFrame(() => {
            frameStarts.push(performance.now());
            if (frameStarts.length < 20) watchFrames();
          });
        const observer = new MutationObserver(() => {
          const now = document.querySelector(`[data-chart="${chart}"]`);
          if (now && now !== old) {
            const done = performance.now();
            observer.disconnect();
            const frames = frameStarts.filter((t) => t <= done).length;
            resolve({
              total: done - started,
              work: done - (frameStarts.at(frames - 1) ?? started),
              frames,
            });
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const radio = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]")].find((r) =>
          r.parentElement?.textContent?.trim() === String(value)
        );
        // Registered before the input, so this frame callback runs before the runtime's.
        watchFrames();
        const started = performance.now();
        if (radio) {
          radio.checked = true;
          radio.dispatchEvent(new Event("input", { bubbles: true }));
        } else {
          const input = form.querySelector<HTMLInputElement>("input[type=range]")!;
          input.value = String(value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        setTimeout(() => reject(new Error(`${label}: no redraw of ${chart} in 5 s`)), 5_000);
      }),
    { label, value, chart },
  );
}

export const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

/** Each control with values to cycle through and the chart it redraws. */
export const LATENCY_CONTROLS: [string, (i: number) => string | number, string][] = [
  ["signal x₁", (i) => (i % 2 ? 1 : 1.5), "sliding-filter"],
  ["output y₃", (i) => (i % 2 ? 11 : 10), "sliding-filter"],
  ["1-D stride", (i) => 1 + (i % 3), "transposed-1d"],
  ["1-D padding", (i) => i % 2, "transposed-1d"],
  ["1-D input length", (i) => 2 + (i % 3), "transposed-1d"],
  ["1-D filter length", (i) => 1 + (i % 3), "transposed-1d"],
  ["2-D stride", (i) => 1 + (i % 3), "transposed-2d"],
  ["2-D padding", (i) => i % 2, "transposed-2d"],
  ["input channels", (i) => 3 + (i % 5), "calculator"],
  ["output channels", (i) => 4 + (i % 5), "calculator"],
  ["kernel size", (i) => 1 + (i % 7), "calculator"],
  ["biases", (i) => ["pointwise part only", "both parts", "none"][i % 3], "calculator"],
  ["groups, as a power of 2", (i) => i % 8, "group-blocks"],
  ["bottleneck width", (i) => 64 + i, "blocks"],
  ["paths", (i) => 1 + (i % 64), "blocks"],
  ["path width", (i) => 1 + (i % 64), "blocks"],
];

export interface ControlTiming {
  label: string;
  total: number[];
  work: number[];
  frames: number[];
}

/** `repeats` moves of every control (the first, which may pay for compiling, included). */
export async function timeEveryControl(page: Page, repeats = 21): Promise<ControlTiming[]> {
  const timings: ControlTiming[] = [];
  for (const [label, valueAt, chart] of LATENCY_CONTROLS) {
    const timing: ControlTiming = { label, total: [], work: [], frames: [] };
    for (let i = 0; i < repeats; i++) {
      const move = await timeMove(page, label, valueAt(i), chart);
      timing.total.push(move.total);
      timing.work.push(move.work);
      timing.frames.push(move.frames);
    }
    timings.push(timing);
  }
  return timings;
}

const ms = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms`;

export function timingLine(t: ControlTiming): string {
  return `${t.label.padEnd(24)} input → chart ${ms(t.total)}; work in the frame ${ms(t.work)}; ` +
    `frames waited: max ${Math.max(...t.frames)}`;
}
