/**
 * The dropout page in real headless Chromium, against the built site in dist/.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserTest, openPage, openSession, type Session } from "./harness.ts";
import { backend, chartMarkup, numTensors, setControl } from "./controls.ts";
import { expectedLossMinimiser } from "../../src/compute/dropoutToy.ts";

const path = "/pages/dropout-toy";

interface LastRun {
  settings: { rate: number; batchSize: number; optimizer: string };
  stepsDone: number;
  diverged: boolean;
  estimate: number[];
  target: number[];
  elapsedMs: number;
}

/** Waits for a finished run whose settings match `want` (a stale run must not count). */
async function waitForRun(page: Page, want: Record<string, number | string>): Promise<LastRun> {
  const handle = await page.waitForFunction(
    (want) => {
      const run = (globalThis as unknown as { __explorables?: { lastRun?: LastRun } }).__explorables
        ?.lastRun;
      if (!run) return null;
      const settings = run.settings as unknown as Record<string, unknown>;
      return Object.entries(want).every(([k, v]) => settings[k] === v) ? run : null;
    },
    want,
    { timeout: 60_000, polling: 100 },
  );
  return (await handle.jsonValue()) as LastRun;
}

let session: Session;

Deno.test({
  name: "dropout page: loads with no console error and no request to another origin",
  ...browserTest,
  async fn() {
    session = await openSession();
    const { page, consoleErrors, foreignRequests } = await openPage(session, path);
    await waitForRun(page, { rate: 0.5 });
    for (const chart of ["weight-path", "loss", "contributions", "sweep"]) {
      assert.notEqual(await chartMarkup(page, chart), "", `chart ${chart} is missing`);
    }
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
    await Deno.mkdir("tests/output", { recursive: true });
    await page.screenshot({ path: "tests/output/dropout-toy.png", fullPage: true });
    await page.close();
  },
});

Deno.test({
  name: "dropout page: without a WebGPU adapter the fallback backend (wasm) runs",
  ...browserTest,
  async fn() {
    const { page } = await openPage(session, path);
    assert.equal(await backend(page), "wasm");
    const badge = await page.textContent(".backend-badge");
    assert.match(badge ?? "", /WebAssembly/);
    await page.close();
  },
});

Deno.test({
  name: "dropout page: each control changes the charts",
  ...browserTest,
  async fn() {
    const { page, consoleErrors } = await openPage(session, `${path}?steps=400`);
    await waitForRun(page, { steps: 400 });
    const moves: [string, string | number, string][] = [
      ["drop rate r", 0.2, "weight-path"],
      ["batch size", 4, "loss"],
      ["learning rate", 0.001, "loss"],
      ["steps", 600, "loss"],
      ["optimiser", "adam", "loss"],
      ["seed", 7, "loss"],
    ];
    for (const [label, value, chart] of moves) {
      const before = await chartMarkup(page, chart);
      await setControl(page, label, value);
      await page.waitForFunction(
        ({ chart, before }) =>
          document.querySelector(`[data-chart="${chart}"]`)?.outerHTML !== before,
        { chart, before },
        { timeout: 20_000 },
      );
    }
    const run = await waitForRun(page, {
      rate: 0.2,
      batchSize: 4,
      steps: 600,
      optimizer: "adam",
      seed: 7,
    });
    assert.equal(run.stepsDone, 600);
    assert.match(page.url(), /rate=0\.2/);
    assert.match(page.url(), /optimizer=adam/);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  },
});

Deno.test({
  name: "dropout page: a live SGD run at r = 0.5 lands on the closed form",
  ...browserTest,
  async fn() {
    const { page } = await openPage(
      session,
      `${path}?rate=0.5&batch=64&lr=0.002&steps=4000&optimizer=sgd&seed=3`,
    );
    const run = await waitForRun(page, { rate: 0.5, batchSize: 64, steps: 4000 });
    const target = expectedLossMinimiser(0.5);
    assert.equal(run.diverged, false);
    assert.ok(
      Math.abs(run.estimate[0] - target[0]) < 0.03,
      `w1 ${run.estimate[0]} vs ${target[0]}`,
    );
    assert.ok(
      Math.abs(run.estimate[1] - target[1]) < 0.15,
      `w2 ${run.estimate[1]} vs ${target[1]}`,
    );
    await page.close();
  },
});

Deno.test({
  name: "dropout page: the tensor count returns to its baseline after 200 slider updates",
  ...browserTest,
  async fn() {
    const { page } = await openPage(session, `${path}?steps=300`);
    await waitForRun(page, { steps: 300, rate: 0.5 });
    const baseline = await numTensors(page);
    for (let i = 0; i < 200; i++) {
      await setControl(page, "drop rate r", ((i % 90) / 100).toFixed(2));
    }
    await setControl(page, "drop rate r", 0.33);
    await waitForRun(page, { rate: 0.33, steps: 300 });
    assert.equal(await numTensors(page), baseline);
    await page.close();
  },
});

Deno.test({
  name: "dropout page: a bad value in the link gets a clear message, not NaN",
  ...browserTest,
  async fn() {
    const { page } = await openPage(session, `${path}?rate=1.5&batch=0&lr=NaN`);
    await waitForRun(page, { rate: 0.5 });
    const text = (await page.textContent("main")) ?? "";
    assert.match(text, /rate=1\.5, but drop rate must be in \[0, 1\)/);
    assert.match(text, /batch=0, but batch size/);
    assert.match(text, /lr=NaN, but learning rate/);
    const status = (await page.textContent(".notice-note")) ?? "";
    assert.match(status, /^Done: \d+ steps/);
    assert.doesNotMatch(status, /NaN/);
    await page.close();
    await session.close();
  },
});

Deno.test({
  name: "dropout page: with Chromium's WebGPU adapter the backend is webgpu and training runs",
  ...browserTest,
  async fn() {
    const gpu = await openSession({ webgpu: true });
    try {
      const { page, consoleErrors } = await openPage(gpu, `${path}?steps=300&batch=16`);
      assert.equal(await backend(page), "webgpu");
      const run = await waitForRun(page, { steps: 300, batchSize: 16 });
      assert.equal(run.stepsDone, 300);
      assert.deepEqual(consoleErrors, []);
      await page.close();
    } finally {
      await gpu.close();
    }
  },
});
