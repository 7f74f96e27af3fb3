/**
 * The bench parts that drive pages in headless Chromium: JavaScript shipped before the first
 * interaction, and slider-to-chart latency per control and backend. Imported by run.ts only after
 * node_modules (playwright-core) and Chromium are installed.
 */
import type { Page } from "playwright-core";
import { openPage, openSession, waitForDrawn } from "../browser/harness.ts";

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
async function measure(
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

/**
 * The double-descent page: λ and σ reuse the factorisations; N_train, d and the seed redraw the
 * trial, so for those the first (partial) redraw and the complete curve are timed apart.
 */
export async function liveTrialLatency(
  backend: string,
  webgpu: boolean,
  repeats = 7,
): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/double-descent?backend=${backend}`);
  await page.waitForFunction(
    () => (globalThis as { __explorables?: { lastLive?: unknown } }).__explorables?.lastLive,
    undefined,
    { timeout: 60_000 },
  );
  // Long tasks (> 50 ms on the main thread) are what a reader feels as a frozen page.
  await page.evaluate(() => {
    const g = globalThis as unknown as { __longTasks: number[] };
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) g.__longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const controls: [string, (i: number) => number, boolean][] = [
    ["λ", (i) => [0.003, 0.03, 0.3, 3][i % 4], false],
    ["σ", (i) => [0.2, 0.8, 1.4][i % 3], false],
    ["N_train", (i) => 300 + ((i % 2) ? 10 : -10) * (1 + (i % 3)), true],
    ["d", (i) => 35 + ((i % 2) ? 5 : -5) * (1 + (i % 3)), true],
    ["seed", (i) => 2 + i, true],
  ];
  for (const [label, valueAt, redraws] of controls) {
    const first: number[] = [];
    const complete: number[] = [];
    await page.evaluate(() =>
      (globalThis as unknown as { __longTasks: number[] }).__longTasks = []
    );
    for (let i = 0; i < repeats; i++) {
      first.push(await measure(page, label, valueAt(i), "live-curve", 0));
      if (redraws) {
        complete.push(await measure(page, label, valueAt(i + repeats), "live-curve", 0, true));
      }
    }
    const longest = await page.evaluate(() =>
      Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks)
    );
    console.log(
      `  ${backend.padEnd(6)} ${label.padEnd(8)} chart answers: ${stats(first)}` +
        (redraws ? `; whole curve: ${stats(complete)}` : "") +
        `; longest main-thread task ${longest.toFixed(0)} ms`,
    );
  }
  await session.close();
}

/**
 * The dropout-and-noise page. Closed-form charts (coefficients, counterexample) must answer their
 * sliders within a frame (p95 ≤ 16 ms); the Monte-Carlo charts restart and must show a first frame
 * within 100 ms and never block the main thread for more than 100 ms while they stream; the
 * activation check runs in tfjs on the chosen backend. Every measurement starts with the page at
 * rest (all live sections done), so the closed-form numbers are not mixed with a running stream.
 */
export async function noiseLatency(backend: string, webgpu: boolean, repeats = 11): Promise<void> {
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

/**
 * The momentum page: every control's move to its chart's redraw. The charts are closed forms and
 * small Float64 simulations (the tfjs reference runs after them), so each move is timed from a
 * page at rest (every live section done) to the new chart in the document.
 */
export async function momentumLatency(
  backend: string,
  webgpu: boolean,
  repeats = 30,
): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/momentum?backend=${backend}`);
  const atRest = () =>
    page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>("[data-live-section]")].every((s) =>
          s.dataset.state === "done"
        ),
      undefined,
      { timeout: 60_000, polling: 20 },
    );
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
