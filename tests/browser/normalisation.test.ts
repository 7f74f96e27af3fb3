/**
 * The normalisation page in real headless Chromium, against the built site in dist/: the lit cells
 * are each method's groups; tfjs's four normalisations give mean 0 and variance σ²/(σ² + ε) and
 * leave example 1 alone except under batch norm; the batch-size slider moves the measured
 * surviving share onto (n − 1)/n and onto the Float64 Monte Carlo of the same draws; the full
 * backward pass follows an edited batch, with messages for bad batches (bad link values: refusedLinks,
 * in quality.test.ts); and
 * tensors do not leak.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, setControl } from "./controls.ts";
import { armStop, assertStopped, settled, stopWhenStatus } from "./stopLive.ts";
import { cellIndex, groupMates, NORM_METHODS } from "../../src/compute/normalisation/normAxes.ts";
import {
  AXES_SHAPE,
  exampleChange,
  normaliseActivation,
  perturbOtherExamples,
  sampleActivation,
} from "../../src/compute/normalisation/normTensor.ts";
import { TORCH_EPSILON } from "../../src/compute/epsilons.ts";
import {
  survivingMonteCarlo,
  survivingShareTheory,
} from "../../src/compute/normalisation/centredGradient.ts";
import {
  batchNormBackward,
  batchNormInputGradient,
} from "../../src/compute/normalisation/batchNormBackward.ts";
import { BETA, GAMMA, upstreamGradient } from "../../src/compute/normalisation/backwardExample.ts";

const path = "/pages/normalisation";

interface AxesHook {
  settings: { seed: number; delta: number; groups: number };
  worstMean: number;
  worstVariance: number;
  count: number;
  changes: Record<string, { maxAbs: number; rms: number }>;
  outputs: Record<string, number[]>;
}

interface SurvivingHook {
  settings: { batch: number; gamma: number; draws: number; seed: number };
  rows: { n: number; draws: number; mean: number; standardError: number; theory: number }[];
  oneBatch: { x: number[]; dy: number[]; dx: number[] };
}

interface BackwardHook {
  x: number[][];
  epsilon: number;
  backend: string;
  dX: number[][];
  dGamma: number[];
  dBeta: number[];
  gap: number;
  fdGap: number;
}

const litCells = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-chart="norm-axes"] [data-lit]')].map((g) =>
      Number(g.getAttribute("data-key")!.split(":")[1])
    ).sort((a, b) => a - b)
  );

const { test, open } = browserFixture();

test({
  name:
    "normalisation page: loads with its charts and no console error; the lit cells are each method's groups (batch: N, H, W per channel; layer: C, H, W per example)",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    assert.equal(await backend(page), "wasm");
    // Default: channel 2 of example 1 is chosen.
    const chosen = cellIndex(AXES_SHAPE, 0, 1, 0, 0);
    assert.deepEqual(await litCells(page), groupMates("batch", AXES_SHAPE, chosen));
    assert.equal((await litCells(page)).length, AXES_SHAPE.n * AXES_SHAPE.h * AXES_SHAPE.w);
    for (
      const [method, label] of [["layer", "layer norm"], ["instance", "instance norm"], [
        "group",
        "group norm",
      ]] as const
    ) {
      await setControl(page, "normalisation", label);
      await page.waitForFunction(
        (label) =>
          document.querySelector('[data-chart="norm-axes"] .chart-title')?.textContent
            ?.toLowerCase().startsWith(label),
        label,
      );
      assert.deepEqual(await litCells(page), groupMates(method, AXES_SHAPE, chosen, 2), method);
    }
    assert.equal((await litCells(page)).length, (AXES_SHAPE.c / 2) * AXES_SHAPE.h * AXES_SHAPE.w);
    await setControl(page, "chosen cell: example", "3");
    await setControl(page, "normalisation", "layer norm");
    await page.waitForFunction(() =>
      document.querySelector('[data-chart="norm-axes"] .chart-description')?.textContent
        ?.match(/^Layer norm: .*example 3/)
    );
    assert.deepEqual(
      await litCells(page),
      groupMates("layer", AXES_SHAPE, cellIndex(AXES_SHAPE, 2, 1, 0, 0)),
    );
    assert.match(
      (await page.textContent('[data-chart="norm-axes"] .chart-description')) ?? "",
      /^Layer norm: these 16 cells, every channel and position of example 3 \(C × H × W = 4 × 2 × 2\)/,
    );
  },
});

test({
  name:
    "normalisation page: tfjs gives every group mean 0 and variance σ²/(σ² + ε); changing examples 2 and 3 moves example 1 under batch norm only",
  async fn() {
    const { page } = await open(`${path}?delta=2&seed=4`);
    const hook = await waitForHook<AxesHook>(
      page,
      "lastAxes",
      { delta: 2, seed: 4 },
    );
    assert.equal(hook.count, 4 + 3 + 12 + 6);
    assert.ok(hook.worstMean < 2e-6, `mean ${hook.worstMean}`);
    assert.ok(hook.worstVariance < 2e-6, `variance ${hook.worstVariance}`);
    const x = sampleActivation(AXES_SHAPE, 4);
    const moved = perturbOtherExamples(x, AXES_SHAPE, 2, 4);
    for (const method of NORM_METHODS) {
      const before = normaliseActivation(x, method, AXES_SHAPE, { groups: 2 }).output;
      hook.outputs[method].forEach((v, i) => assert.ok(Math.abs(v - before[i]) < 2e-5));
      if (method === "batch") {
        const after = normaliseActivation(moved, method, AXES_SHAPE, { groups: 2 }).output;
        const want = exampleChange(before, after, AXES_SHAPE, 0).rms;
        assert.ok(want > 0.1 && Math.abs(hook.changes.batch.rms - want) < 1e-5);
      } else {
        assert.equal(hook.changes[method].maxAbs, 0, `${method} moved example 1 in tfjs`);
      }
    }
    const status = await page.textContent('[data-live-section="axes-check"] .live-status');
    assert.match(status ?? "", /by exactly 0 under layer, instance and group norm\.$/);
  },
});

/** Every measured row: within 4 standard errors of (n − 1)/n, and the Float64 Monte Carlo of the same draws. */
function checkSurviving(hook: SurvivingHook, batch: number) {
  assert.equal(hook.settings.batch, batch);
  const current = hook.rows.find((r) => r.n === batch)!;
  assert.ok(current, `no row for n = ${batch}`);
  for (const row of hook.rows) {
    const theory = survivingShareTheory(row.n);
    assert.equal(row.theory, theory);
    if (row.n === 1) assert.equal(row.mean, 0);
    else {
      const z = (row.mean - theory) / row.standardError;
      assert.ok(
        Math.abs(z) < 4,
        `n = ${row.n}: ${row.mean} is ${z.toFixed(2)} s.e. from ${theory}`,
      );
    }
    const reference = survivingMonteCarlo(
      hook.settings.seed,
      row.n,
      row.draws,
      hook.settings.gamma,
    );
    assert.ok(Math.abs(row.mean - reference.mean) < 1e-5, `n = ${row.n}: page vs Float64`);
  }
}

test({
  name:
    "normalisation page: moving the batch-size slider moves the surviving-gradient curve onto (n − 1)/n, exactly 0 at n = 1",
  async fn() {
    const { page } = await open(`${path}?draws=300`);
    await waitForDrawn(page);
    for (const batch of [2, 64, 256, 1]) {
      await setControl(page, "batch size n", batch);
      const hook = await waitForHook<SurvivingHook>(
        page,
        "lastSurviving",
        { batch },
      );
      checkSurviving(hook, batch);
      const description = await page.textContent(
        '[data-chart="surviving-gradient"] .chart-description',
      );
      assert.match(description ?? "", new RegExp(`^At n = ${batch}, 300 batches`));
      // One batch: tfjs's ∂L/∂x is γ(∂L/∂y − mean) to float32 precision, and 0 at n = 1.
      const { dy, dx } = hook.oneBatch;
      const mean = dy.reduce((s, v) => s + v, 0) / dy.length;
      dx.forEach((v, i) => assert.ok(Math.abs(v - 1.5 * (dy[i] - mean)) < 1e-5));
      if (batch === 1) assert.equal(dx[0], 0);
    }
    await setControl(page, "γ", 0.5);
    const gammaHook = await waitForHook<SurvivingHook>(
      page,
      "lastSurviving",
      { gamma: 0.5 },
    );
    checkSurviving(gammaHook, 1);
  },
});

test({
  name:
    "normalisation page: editing X updates the closed form and the tfjs check; a bad entry, a batch of one and a constant column get clear messages",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    const editor = page.locator("form.matrix-input textarea");
    const check = async (x: number[][], epsilon: number) => {
      const hook = await waitForHook<BackwardHook>(
        page,
        "lastBackward",
        { x, epsilon },
        { field: "" },
      );
      const d = x[0].length;
      const params = { gamma: GAMMA.slice(0, d), beta: BETA.slice(0, d), epsilon };
      const dY = upstreamGradient(x.length, d);
      const closed = batchNormInputGradient(x, dY, params);
      const scale = Math.max(...batchNormBackward(x, dY, params).dXViaZ.flat().map(Math.abs)) || 1;
      hook.dX.flat().forEach((v, k) =>
        assert.ok(Math.abs(v - closed.flat()[k]) < 2e-6 * scale, `dX ${v} vs ${closed.flat()[k]}`)
      );
      assert.ok(hook.gap < 2e-6 && hook.fdGap < 1e-8);
      return hook;
    };
    await check([[1, 2, 0.5], [-0.5, 0, 1.5], [2, -1, 1], [0.5, 3, -2]], 1e-3);

    await editor.fill("1, 2\n3, abc");
    await page.waitForSelector('text=X, row 2, entry 2 is "abc", which is not a number');
    assert.equal(await editor.getAttribute("aria-invalid"), "true");

    await editor.fill("1.5, -2, 4");
    await page.waitForSelector("text=A batch of one: every column's variance is 0");
    const one = await check([[1.5, -2, 4]], 1e-3);
    assert.ok(one.dX.flat().every((v) => v === 0), "a batch of one passes no gradient to X");
    assert.equal(await editor.getAttribute("aria-invalid"), "false");

    await editor.fill("2, 1\n2, 5\n2, -1");
    await page.waitForSelector("text=Column 1 is constant");
    const constant = await check([[2, 1], [2, 5], [2, -1]], 1e-3);
    // Z is 0 in that column, but its gradient is γ₁/√ε times the centred dY: large, not 0.
    assert.ok(Math.max(...constant.dX.map((row) => Math.abs(row[0]))) > 10);

    await setControl(page, "ε", "10⁻⁵ (PyTorch's default)");
    await editor.fill("0.3 1.2\n-1 0.4\n2.2 -0.7\n0 0");
    await check([[0.3, 1.2], [-1, 0.4], [2.2, -0.7], [0, 0]], TORCH_EPSILON);
    await page.waitForFunction(() => location.search.includes("X=0.3"));
    assert.match(decodeURIComponent(page.url()), /X=0\.3,1\.2;-1,0\.4;2\.2,-0\.7;0,0/);
    assert.match(page.url(), /eps=0\.00001/);
  },
});

test({
  name:
    "normalisation page: Stop in the middle of every live section leaves a clear stopped state, with no runtime error",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    await armStop(page, "axes-check");
    await setControl(page, "seed", 5);
    await assertStopped(page, "axes-check");
    // Before the first batch size is measured (it used to stay "running"), and midway.
    await armStop(page, "surviving-gradient");
    await setControl(page, "batch size n", 64);
    assert.match(await assertStopped(page, "surviving-gradient"), /before the first batch size/);
    // Midway: in the worker the whole run takes about 0.05 s, so the Stop pressed at its first
    // measured batch size may reach it after the last; the page then rightly shows the finished
    // run. Either way the section ends in a clear state with n = 128's numbers.
    await stopWhenStatus(page, "surviving-gradient", "^Measured [1-9]");
    await setControl(page, "batch size n", 128);
    const midway = await settled(page, "surviving-gradient", {
      finished: /^n = 128: mean share/,
    });
    assert.equal(midway.state, "done", midway.status);
    assert.match(midway.status, /^(Stopped after \d+ of \d+ batch sizes\. )?n = 128: mean share/);
    await armStop(page, "full-backward");
    await setControl(page, "ε", "10⁻⁵ (PyTorch's default)");
    await assertStopped(page, "full-backward");
  },
});

test({
  name:
    "normalisation page at 375 px: the group-moments caption wraps inside the column instead of scrolling away with the table",
  async fn() {
    const { page } = await open(path, { viewport: { width: 375, height: 800 } });
    await waitForDrawn(page);
    await page.waitForSelector("#group-moments-caption");
    const box = await page.evaluate(() => {
      const caption = document.querySelector<HTMLElement>("#group-moments-caption")!;
      const rect = caption.getBoundingClientRect();
      return {
        left: rect.left,
        right: rect.right,
        text: caption.textContent ?? "",
        inScrollBox: caption.closest(".scroll-box") !== null,
        labels: document.querySelector(`[aria-labelledby="${caption.id}"]`)?.tagName ?? "",
      };
    });
    assert.match(box.text, /^Measured by TensorFlow\.js on this activation \(batch norm\)$/);
    assert.equal(box.inScrollBox, false);
    assert.equal(box.labels, "TABLE");
    assert.ok(box.left >= 0 && box.right <= 375, `caption spans ${box.left}–${box.right}`);
  },
});
