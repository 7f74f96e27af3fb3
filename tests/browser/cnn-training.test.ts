/**
 * The cnn-training page in headless Chromium against the built site: the default run trains and
 * rises far above chance, the CPU backend repeats the loader's precomputed run exactly, tensors
 * come back to their baseline after many control moves and a stopped run, and the inside view follows the chosen digit and network.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, distDir, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, numTensors, setControl } from "./controls.ts";
import type { CnnTrainingOutput } from "../../src/compute/cnn-training/precompute.ts";
import { sameCombination } from "../../src/compute/cnn-training/runSummary.ts";
import type { EpochRecord } from "../../src/compute/cnn-training/cnnTrainTf.ts";

const path = "/pages/cnn-training";

interface LastRun {
  settings: Record<string, number | boolean>;
  history: EpochRecord[];
  firstStepLoss?: number;
  failure?: string | null;
  testAccuracy?: number;
  elapsedMs?: number;
  epochMs?: number[];
  backend: string;
  stopped: boolean;
}

/** The loader's output as the built site ships it. */
async function precomputed(): Promise<CnnTrainingOutput> {
  for await (const entry of Deno.readDir(`${distDir}/_file/loaders`)) {
    if (/^cnn-training\.[0-9a-f]+\.json$/.test(entry.name)) {
      return JSON.parse(await Deno.readTextFile(`${distDir}/_file/loaders/${entry.name}`));
    }
  }
  throw new Error("the built site has no cnn-training.json");
}

/** Waits for a finished (or stopped) live run whose settings match `want`. */
const waitForRun = (page: Page, want: Record<string, unknown> = {}) =>
  waitForHook<LastRun>(page, "lastCnnRun", want, { section: "train", timeout: 90_000 });

const { test, open } = browserFixture();

test({
  name:
    "cnn-training page: loads with every chart, trains the default run far above chance (10 %) to the loader's seed-1 accuracies, no console error, no foreign request",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    const run = await waitForRun(page);
    assert.equal(await backend(page), "wasm");
    assert.equal(run.history.length, 11);
    assert.ok(Math.abs(run.history[0].validationAccuracy - 0.1) < 0.1, "chance before training");
    const final = run.history[10];
    assert.ok(final.validationAccuracy > 0.8, `validation ${final.validationAccuracy}`);
    assert.ok(run.testAccuracy! > 0.8, `test ${run.testAccuracy}`);
    // The same code as the loader's seed-1 run; WebAssembly rounds float32 sums in another order,
    // yet every accuracy comes out the same (what the page says).
    const output = await precomputed();
    const loaderRun = output.runs.find((r) =>
      sameCombination(r, { batchNorm: true, dropout: true }) && r.seed === 1
    )!;
    assert.deepEqual(
      run.history.map((h) => [h.trainAccuracy, h.validationAccuracy]),
      loaderRun.history.map((h) => [h.trainAccuracy, h.validationAccuracy]),
    );
    assert.equal(run.testAccuracy, loaderRun.testAccuracy);
    const text = ((await page.textContent("main")) ?? "").replace(/\s+/g, " ");
    assert.match(text, /Batch norm speeds up early training\. After the first epoch/);
    assert.match(text, /smaller on every one of the 3 seeds in both pairs/);
    const status = await page.textContent('[data-live-section="train"] .live-status');
    assert.match(status ?? "", /^Done: 10 epochs in [\d.]+ s on wasm/);
  },
});

test({
  name:
    "cnn-training page: on the CPU backend a live run repeats the loader's precomputed run exactly, epoch by epoch",
  async fn() {
    const output = await precomputed();
    const { page } = await open(`${path}?backend=cpu&epochs=2&bn=off&seed=2`);
    const run = await waitForRun(page, { epochs: 2, seed: 2, batchNorm: false });
    assert.equal(run.backend, "cpu");
    const loaderRun = output.runs.find((r) =>
      sameCombination(r, { batchNorm: false, dropout: true }) && r.seed === 2
    )!;
    assert.deepEqual(
      run.history.map((h) => [h.epoch, h.trainAccuracy, h.validationAccuracy]),
      loaderRun.history.slice(0, 3).map((h) => [h.epoch, h.trainAccuracy, h.validationAccuracy]),
    );
    for (const [i, h] of run.history.entries()) {
      if (h.loss !== null) assert.ok(Math.abs(h.loss - loaderRun.history[i].loss!) < 1e-5);
    }
  },
});

test({
  name:
    "cnn-training page: the tensor count returns to its baseline after a finished run and a stopped run (200 control moves: quality.test.ts)",
  async fn() {
    const { page } = await open(`${path}?epochs=1`);
    await waitForRun(page, { epochs: 1 });
    await waitForDrawn(page);
    const baseline = await numTensors(page);
    await setControl(page, "drop rate r", 0.3);
    await waitForRun(page, { dropRate: 0.3, epochs: 1 });
    assert.equal(await numTensors(page), baseline, "after a finished run");
    // A long run, stopped by the reader.
    await setControl(page, "epochs", 20);
    await page.waitForFunction(() =>
      (document.querySelector('[data-live-section="train"] .live-status')?.textContent ?? "")
        .startsWith("Epoch 2 of 20")
    );
    await page.click('[data-live-section="train"] button[data-action="stop"]');
    const stopped = await waitForRun(page, { epochs: 20 });
    assert.ok(stopped.stopped);
    assert.match(
      (await page.textContent('[data-live-section="train"] .live-status')) ?? "",
      /^Stopped after \d+ of 400 steps/,
    );
    assert.equal(await numTensors(page), baseline, "after a stopped run");
  },
});

test({
  name:
    "cnn-training page: the inside view follows the chosen test digit and switches to the reader's own network",
  async fn() {
    const { page } = await open(`${path}?epochs=1`);
    await waitForRun(page, { epochs: 1 });
    await waitForDrawn(page);
    await setControl(page, "test digit", 7);
    const inside = async (want: Record<string, unknown>) => {
      const handle = await page.waitForFunction(
        (want) => {
          const last = (globalThis as unknown as {
            __explorables?: { lastInside?: Record<string, unknown> };
          }).__explorables?.lastInside;
          return last &&
              Object.entries(want).every(([k, v]) =>
                typeof v === "string" ? String(last[k]).includes(v) : last[k] === v
              )
            ? last
            : null;
        },
        want,
        { timeout: 30_000 },
      );
      return (await handle.jsonValue()) as Record<string, unknown>;
    };
    const seven = await inside({ digit: 7, network: "precomputed" });
    await page.waitForFunction(() =>
      document.querySelector('[data-chart="feature-maps"] .chart-description')?.textContent
        ?.includes("test digit 7")
    );
    assert.ok((seven.maxActivation as number) > 0);
    await setControl(page, "network", "your last run");
    const yours = await inside({ digit: 7, network: "your last run" });
    assert.match(String(yours.network), /your last run \(batch norm, dropout 0\.5/);
  },
});

test({
  name:
    "cnn-training page: one epoch on the CPU backend is the loader's seed-1 run, accuracy for accuracy (the other backends match this run: backends.test.ts)",
  async fn() {
    const output = await precomputed();
    const loaderRun = output.runs.find((r) =>
      sameCombination(r, { batchNorm: true, dropout: true }) && r.seed === 1
    )!;
    const { page } = await open(`${path}?backend=cpu&epochs=1`);
    const run = await waitForRun(page, { epochs: 1, seed: 1 });
    assert.equal(run.backend, "cpu");
    assert.equal(run.failure, null);
    assert.deepEqual(
      run.history.map((h) => [h.trainAccuracy, h.validationAccuracy]),
      loaderRun.history.slice(0, 2).map((h) => [h.trainAccuracy, h.validationAccuracy]),
    );
    // The loader keeps 6 significant digits of the epoch's loss.
    assert.equal(run.history[1].loss!.toPrecision(6), loaderRun.history[1].loss!.toPrecision(6));
  },
});

test({
  name:
    "cnn-training page: at 375 px every row label of the results and layer tables sits on the line of its values",
  async fn() {
    const { page } = await open(`${path}?epochs=1`, {
      viewport: { width: 375, height: 800 },
    });
    await page.waitForSelector("table.cnn-results");
    const tops = await page.evaluate(() =>
      [...document.querySelectorAll("table.cnn-results tbody tr, table.cnn-layers tbody tr")]
        .map((tr) =>
          // The first line of each cell's text (cells share their box; the text may sit low).
          [...tr.children].map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return range.getClientRects()[0].top;
          })
        )
    );
    assert.ok(tops.length >= 4);
    for (const row of tops) {
      assert.ok(Math.max(...row) - Math.min(...row) < 1, `first text lines at ${row}`);
    }
    await page.close();
  },
});
