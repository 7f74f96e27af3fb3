/**
 * The normalisation page: every control, timed from its input event to the redraw of the chart it
 * drives (median and p95), with the page at rest before each move. Closed-form charts answer in
 * the frame after the move; for the live tfjs charts the first measured frame is timed too.
 */
import type { Page } from "playwright-core";
import { openPage, openSession, waitForDrawn } from "../../browser/harness.ts";

interface Move {
  label: string;
  value: (i: number) => string | number;
  chart: string;
  /** The chart's description must match this (source text of a RegExp) for the move to count. */
  until?: (i: number) => string;
}

/** One move, timed in the page: from the input event to a new chart whose description matches. */
function timeMove(page: Page, move: Move, i: number) {
  return page.evaluate(
    ({ label, value, chart, until }) =>
      new Promise<{ total: number; work: number }>((resolve, reject) => {
        const form = [...document.querySelectorAll("form")].find((f) =>
          f.querySelector("label")?.textContent?.trim() === label
        );
        if (!form) return reject(new Error(`no control ${label}`));
        const old = document.querySelector(`[data-chart="${chart}"]`);
        const pattern = until ? new RegExp(until) : null;
        let frameStart: number | undefined;
        const check = () => {
          const now = document.querySelector(`[data-chart="${chart}"]`);
          const text = now?.querySelector(".chart-description")?.textContent ?? "";
          if (now && now !== old && (!pattern || pattern.test(text))) {
            observer.disconnect();
            const at = performance.now();
            resolve({ total: at - started, work: at - (frameStart ?? started) });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true });
        const started = performance.now();
        const radio = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]")].find((r) =>
          r.parentElement?.textContent?.trim().toLowerCase() === String(value).toLowerCase()
        );
        const area = form.querySelector("textarea");
        if (radio) {
          radio.checked = true;
          radio.dispatchEvent(new Event("input", { bubbles: true }));
        } else if (area) {
          area.value = String(value);
          area.dispatchEvent(new Event("input", { bubbles: true }));
        } else {
          const input = form.querySelector<HTMLInputElement>("input[type=number]")!;
          input.value = String(value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        // Registered after the input, before the runtime's own frame request runs.
        requestAnimationFrame(() => (frameStart = performance.now()));
        setTimeout(() => reject(new Error(`${label}: no redraw of ${chart} in 20 s`)), 20_000);
      }),
    { label: move.label, value: move.value(i), chart: move.chart, until: move.until?.(i) },
  );
}

const methods = ["layer norm", "instance norm", "group norm", "batch norm"];
const batches = (i: number) => [8, 32, 64, 16][i % 4];
const MOVES: Move[] = [
  { label: "normalisation", value: (i) => methods[i % 4], chart: "norm-axes" },
  { label: "groups G (group norm)", value: (i) => ["1", "4", "2"][i % 3], chart: "norm-axes" },
  { label: "chosen cell: example", value: (i) => String(1 + ((i + 1) % 3)), chart: "norm-axes" },
  { label: "chosen cell: channel", value: (i) => String(1 + ((i + 2) % 4)), chart: "norm-axes" },
  { label: "seed", value: (i) => 2 + i, chart: "example-change" },
  {
    label: "change δ to examples 2 and 3",
    value: (i) => ((5 + (i % 20)) / 10).toFixed(1),
    chart: "example-change",
    until: () => "^At δ",
  },
  { label: "batch size n", value: batches, chart: "surviving-gradient" },
  {
    label: "batch size n",
    value: (i) => batches(i + 1),
    chart: "surviving-gradient",
    until: (i) => `^At n = ${batches(i + 1)}, `,
  },
  { label: "γ", value: (i) => ((5 + (i % 20)) / 10).toFixed(1), chart: "one-batch" },
  { label: "batches per size", value: (i) => 100 * (2 + (i % 4)), chart: "surviving-gradient" },
  {
    label: "ε",
    value: (i) => (i % 2 ? "10⁻³ (tfjs's default)" : "10⁻⁵ (PyTorch's default)"),
    chart: "bn-graph",
  },
  {
    label: "batch X (one example per line)",
    value: (i) => `1, 2, ${(i % 7) / 2}\n-0.5, 0, 1.5\n2, -1, 1\n0.5, 3, -2`,
    chart: "bn-graph",
  },
];

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms`;

export async function latency(
  backend: string,
  webgpu: boolean,
  repeats = 15,
): Promise<void> {
  const session = await openSession({ webgpu });
  const { page } = await openPage(session, `/pages/normalisation?backend=${backend}&draws=200`);
  await waitForDrawn(page, { timeout: 60_000 });
  for (const move of MOVES) {
    const total: number[] = [];
    const work: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await waitForDrawn(page, { timeout: 60_000 });
      const time = await timeMove(page, move, i);
      total.push(time.total);
      work.push(time.work);
    }
    const what = move.until ? `${move.chart} (measured)` : move.chart;
    const verdict = !move.until && quantile(work, 0.95) > 16 ? "  (p95 work over 16 ms)" : "";
    console.log(
      `  ${backend.padEnd(6)} ${move.label.padEnd(30)} → ${what.padEnd(30)} from input: ${
        ms(total)
      }; work after the frame: ${ms(work)}${verdict}`,
    );
  }
  await waitForDrawn(page, { timeout: 60_000 });
  await session.close();
}
