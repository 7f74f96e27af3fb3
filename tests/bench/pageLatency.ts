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

/** One burst of moves of a range control, and the live section that must settle after it. */
export interface Burst {
  path: string;
  /** The control's label, as measureFrame finds it. */
  label: string;
  /** The values the slider passes through, in order; the last is the one that must be computed. */
  values: number[];
  /** The burst's length, ms: one input event every spanMs / values.length. */
  spanMs: number;
  /** The live section (data-live-section) whose run must end at the last value. */
  section: string;
  /** Its test hook (`__explorables[hook]`) and the settings key the control sets. */
  hook: string;
  key: string;
}

export interface Settled {
  /** From the first input event to the last, ms. */
  sentMs: number;
  /** From the first input event until the section is done at the last value, ms. */
  settledMs: number;
  /** How many runs the section began (its data-state turning "running") during the burst. */
  runsBegun: number;
  /** Main-thread long tasks (over 50 ms) from the first event until settled: their sum, ms. */
  longTasksMs: number;
}

/**
 * Sends a burst of input events to one slider, as a drag does (each on the range input, bubbling
 * to the control's form), from a page at rest, and times until the live section has finished its
 * run at the last value: what "the page keeps up with a slider" costs a reader.
 */
export function settleAfterBurst(page: Page, burst: Burst): Promise<Settled> {
  return page.evaluate(
    ({ label, values, spanMs, section, hook, key }) =>
      new Promise<Settled>((resolve, reject) => {
        const hooks = globalThis as unknown as {
          __explorables: Record<string, { settings?: Record<string, unknown> } | undefined>;
        };
        const form = [...document.querySelectorAll("form")].find((f) =>
          f.querySelector("label")?.textContent?.trim() === label
        );
        const slider = form?.querySelector<HTMLInputElement>("input[type=range]");
        const element = document.querySelector<HTMLElement>(`[data-live-section="${section}"]`);
        if (!slider || !element) {
          return reject(new Error(`no slider ${label} or section ${section}`));
        }
        delete hooks.__explorables[hook];
        let runsBegun = 0;
        let longTasksMs = 0;
        const longTasks = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasksMs += entry.duration;
        });
        longTasks.observe({ type: "longtask" });
        const last = values[values.length - 1];
        const started = performance.now();
        let sentAt = Infinity;
        const check = () => {
          const settings = hooks.__explorables[hook]?.settings;
          if (
            performance.now() >= sentAt && element.dataset.state === "done" &&
            Number(settings?.[key]) === last
          ) {
            observer.disconnect();
            clearInterval(poll);
            longTasks.disconnect();
            resolve({
              sentMs: sentAt - started,
              settledMs: performance.now() - started,
              runsBegun,
              longTasksMs,
            });
          }
        };
        const observer = new MutationObserver((records) => {
          if (records.some((r) => r.attributeName === "data-state")) {
            if (element.dataset.state === "running") runsBegun++;
          }
          check();
        });
        observer.observe(element, { attributes: true, attributeFilter: ["data-state"] });
        // The hook is published after the last frame is drawn, with no mutation to follow it.
        const poll = setInterval(check, 10);
        values.forEach((value, i) =>
          setTimeout(() => {
            slider.value = String(value);
            slider.dispatchEvent(new Event("input", { bubbles: true }));
            if (i === values.length - 1) {
              sentAt = performance.now();
              // The hook may already stand at the last value (a run that ended before the event).
              setTimeout(check, 0);
            }
          }, (i * spanMs) / values.length)
        );
        setTimeout(() =>
          reject(
            new Error(
              `${label}: not settled in 60 s (state ${element.dataset.state}, ${key} ${
                hooks.__explorables[hook]?.settings?.[key]
              }, slider ${slider.value})`,
            ),
          ), 60_000);
      }),
    burst,
  );
}

/** The bursts of issue 20's item 7: 50 moves within 1 s on dropout-toy and on momentum. */
/**
 * Waits until every live section of `page` is done. Polls more often than the harness's
 * waitForDrawn, which matters when the wait is part of what a bench times.
 */
export async function sectionsDone(
  page: Page,
  { timeout, polling }: { timeout: number; polling: number },
): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>("[data-live-section]")].every((s) =>
        s.dataset.state === "done"
      ),
    undefined,
    { timeout, polling },
  );
}

export const BURSTS: Burst[] = [
  {
    path: "/pages/dropout-toy",
    label: "drop rate r",
    values: Array.from({ length: 50 }, (_, i) => Number((0.1 + (0.7 * i) / 49).toFixed(2))),
    spanMs: 1000,
    section: "train",
    hook: "lastRun",
    key: "rate",
  },
  {
    path: "/pages/momentum",
    label: "condition number κ",
    values: Array.from({ length: 50 }, (_, i) => 20 + 2 * i),
    spanMs: 1000,
    section: "reference",
    hook: "reference",
    key: "kappa",
  },
];

/** Each burst on a page at rest, `repeats` times (BENCH_SETTLE_REPEATS), on the default backend. */
export async function benchSettle(
  repeats = Number(Deno.env.get("BENCH_SETTLE_REPEATS") ?? 3),
): Promise<void> {
  console.log(
    "slider bursts: 50 input events within 1 s, until the live run at the last value ends",
  );
  const session = await openSession();
  try {
    for (const burst of BURSTS) {
      const page = await session.browser.newPage();
      await page.goto(`${session.origin}${burst.path}`, { waitUntil: "load" });
      const atRest = () => sectionsDone(page, { timeout: 120_000, polling: 50 });
      for (let i = 0; i < repeats; i++) {
        await atRest();
        const { sentMs, settledMs, runsBegun, longTasksMs } = await settleAfterBurst(page, burst);
        console.log(
          `  ${burst.path} ${burst.label}: sent in ${sentMs.toFixed(0)} ms, settled after ${
            settledMs.toFixed(0)
          } ms, ${runsBegun} runs begun, long tasks ${longTasksMs.toFixed(0)} ms in all`,
        );
        // Back to the start in one move, so every burst moves the same way; one move's settle
        // time is the floor a burst's can come down to, plus the burst's own length.
        await atRest();
        const one = await settleAfterBurst(page, {
          ...burst,
          values: [burst.values[0]],
          spanMs: 0,
        });
        console.log(
          `  ${burst.path} ${burst.label}: one move settled after ${one.settledMs.toFixed(0)} ms`,
        );
      }
      await page.close();
    }
  } finally {
    await session.close();
  }
}

// `deno run -A tests/bench/pageLatency.ts settle` (with CHROMIUM_PATH and EXPLORABLES_DIST set).
if (import.meta.main && Deno.args.includes("settle")) await benchSettle();
