/**
 * What the bench's browser parts share: the `shipped` part (JavaScript shipped before the first
 * interaction) and the timing of one control move to its chart's redraw, used by the pages' own
 * parts in tests/bench/pages/. Imported only after node_modules (playwright-core) and Chromium are
 * installed.
 */
import type { Page } from "playwright-core";
import { openSession } from "../browser/harness.ts";

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

export function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${
    quantile(sorted, 0.95).toFixed(1)
  } ms`;
}

export async function shippedBytes(): Promise<void> {
  const session = await openSession();
  const page = await session.browser.newPage();
  const sizes = { js: 0, wasm: 0, other: 0 };
  page.on("response", async (response) => {
    const body = await response.body().catch(() => new Uint8Array());
    const url = response.url();
    const kind = /\.js(\?|$)/.test(url) ? "js" : /\.wasm(\?|$)/.test(url) ? "wasm" : "other";
    sizes[kind] += body.length;
  });
  await page.goto(`${session.origin}/pages/dropout-toy?steps=100`, { waitUntil: "networkidle" });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(
    `dropout-toy shipped before first interaction (uncompressed): JavaScript ${kb(sizes.js)}, ` +
      `WebAssembly ${kb(sizes.wasm)}, other ${kb(sizes.other)}`,
  );
  await session.close();
}

/**
 * Time from a control's input event to the first re-render of the given chart that has at least
 * `minSteps` in data-steps and, when `done` is set, data-done="true".
 */
export async function measure(
  page: Page,
  label: string,
  value: string | number,
  chart: string,
  minSteps: number,
  done = false,
): Promise<number> {
  return (await measureFrame(page, label, value, chart, minSteps, done)).total;
}

/**
 * The same, split in two: `total` from the input event, and `work` from the start of the next
 * animation frame, when Observable's runtime begins recomputing (the wait for that frame, up to
 * one frame interval, is the rest). `work` ≤ 16 ms means the chart is redrawn within one frame.
 */
export function measureFrame(
  page: Page,
  label: string,
  value: string | number,
  chart: string,
  minSteps: number,
  done = false,
) {
  return page.evaluate(
    ({ label, value, chart, minSteps, done }) =>
      new Promise<{ total: number; work: number }>((resolve, reject) => {
        const form = [...document.querySelectorAll("form")].find((f) =>
          f.querySelector("label")?.textContent?.trim() === label
        );
        if (!form) return reject(new Error(`no control ${label}`));
        const old = document.querySelector(`[data-chart="${chart}"]`);
        const started = performance.now();
        const check = () => {
          const now = document.querySelector<HTMLElement>(`[data-chart="${chart}"]`);
          if (
            now && now !== old && Number(now.dataset.steps ?? minSteps) >= minSteps &&
            (!done || now.dataset.done === "true")
          ) {
            observer.disconnect();
            const at = performance.now();
            resolve({ total: at - started, work: at - (frameStart ?? started) });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true });
        // Registered before the runtime's own frame request (made in a microtask after the
        // event), so it runs first in the frame that recomputes the page.
        let frameStart: number | undefined;
        const radio = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]")].find((r) =>
          r.parentElement?.textContent?.trim().toLowerCase() === String(value).toLowerCase()
        );
        if (radio) {
          radio.checked = true;
          radio.dispatchEvent(new Event("input", { bubbles: true }));
        } else {
          const input = form.querySelector<HTMLInputElement>("input[type=number]")!;
          input.value = String(value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        requestAnimationFrame(() => (frameStart = performance.now()));
        setTimeout(() => reject(new Error(`${label}: no chart update in 20 s`)), 20_000);
      }),
    { label, value, chart, minSteps, done },
  );
}
